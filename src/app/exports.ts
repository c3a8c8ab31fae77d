/**
 * The map's exports: 导出图片 (a PNG with title, legend, scale bar and sources; in the masthead and
 * in the presenter's column) and 打印 (A4/A3, src/ui/print-view.ts). Both draw the map as it is,
 * through AtlasMap, and the legend from the scale the map was last coloured with.
 */
import type { SiteData } from '../contract/site';
import { regionName } from '../domain/region-name';
import { fillText, monthLabel, pick, type Lang } from '../i18n';
import { monthIndexOf, selectionOf } from '../state/derive';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { mountExportButtons } from '../ui/export-button';
import { mountPrintView } from '../ui/print-view';
import { frameOf, type MountedAtlas } from './atlas';
import { byId } from './dom';
import { sourcesText } from './sources';

export interface Exports {
  setLang(lang: Lang): void;
}

/**
 * Mounts the export buttons and the print controls in the masthead's tools menu, and a second set of
 * export buttons in `presenterActions`. `atlas` is asked for the map when an export runs (the
 * buttons are laid out before the map is made, so the map measures the masthead's final height).
 */
export function mountExports(site: SiteData, store: Store<ViewState>, atlas: () => MountedAtlas, presenterActions: HTMLElement): Exports {
  // In the masthead's tools menu, before 演示 and 分享.
  const tools = byId('tools-panel');
  const printSlot = document.createElement('span');
  tools.prepend(printSlot);
  const { lang } = store.get();
  const printView = mountPrintView(printSlot, {
    lang,
    mapImage: () => atlas().map.image(),
    mapImageAt: (width, height, ratio, legendScale) => atlas().map.imageAt(width, height, ratio, { area: frameOf(site, selectionOf(site, store.get())), legendScale }),
  });
  const exportSlot = document.createElement('div');
  exportSlot.className = 'export-slot';
  printSlot.before(exportSlot);
  const exportPng = (scale: 1 | 2): Promise<{ blob: Blob; fileName: string }> => mapPng(site, store.get(), atlas(), scale);
  const buttons = [mountExportButtons(exportSlot, { lang, exportPng }), mountExportButtons(presenterActions, { lang, exportPng, idPrefix: 'presentation-export' })];
  // The PNG's drawing code is a chunk of its own: fetched as a pointer or the focus reaches a button, so a click does not wait for it.
  for (const el of [exportSlot, presenterActions]) {
    el.addEventListener('pointerenter', preloadExportPng, { once: true });
    el.addEventListener('focusin', preloadExportPng, { once: true });
  }
  return {
    setLang(next) {
      for (const b of buttons) b.setLang(next);
      printView.setLang(next);
    },
  };
}

let exportPngModule: Promise<typeof import('../map/export-png')> | null = null;

/** The PNG export's code (src/map/export-png.ts and what it draws with), loaded once. */
function loadExportPng(): Promise<typeof import('../map/export-png')> {
  exportPngModule ??= import('../map/export-png');
  return exportPngModule;
}

function preloadExportPng(): void {
  loadExportPng().catch(() => {
    // Asked for again by the click, which reports the failure.
    exportPngModule = null;
  });
}

/** The map in `state` as a PNG at `scale`, and its file name (region, indicator, month). */
async function mapPng(site: SiteData, state: ViewState, atlas: MountedAtlas, scale: 1 | 2): Promise<{ blob: Blob; fileName: string }> {
  const { lang } = state;
  // The legend as last drawn: the same ColorScale the map is coloured with.
  const legend = atlas.legendContent();
  if (!legend) throw new Error('the map has not been drawn yet');
  const month = site.months[monthIndexOf(site, state)] ?? '';
  const selection = selectionOf(site, state);
  const area = [regionName(site.config.region, lang), selection.town?.name, selection.village?.name].filter(Boolean).join(' ');
  const { exportFileName, exportMapPng } = await loadExportPng();
  const blob = await exportMapPng(
    atlas.map,
    {
      title: pick(site.config.title, lang),
      subtitle: [area, legend.scale.title, monthLabel(lang, month)].join(' · '),
      legend: legend.scale,
      legendSubject: legend.subject,
      legendNotes: [fillText(lang, 'lagFlag', { n: String(legend.lagPoints) })],
      dataDate: site.config.dataDate ?? site.months[site.months.length - 1] ?? '—',
      note: sourcesText(site, lang),
      lang,
    },
    scale,
  );
  return { blob, fileName: exportFileName(site.config.region.name, state.ind, month, scale) };
}
