import type { SiteData } from '../contract/site';
import { STATUSES } from '../contract/columns';
import { createColorScale, type ColorScale } from '../domain/color-scale';
import { formatWan } from '../domain/format';
import { indicatorSpec } from '../domain/indicators';
import { AtlasMap } from '../map/atlas-map';
import { LegendControl } from '../map/legend-control';
import { ProjectPopup, projectDisclosure } from '../map/project-popup';
import { monthIndexOf, selectionOf, valuesAt, visibleProjects, type Selection } from '../state/derive';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { t } from '../ui/i18n';
import type { LoadedData } from './load';

/** Fill of the towns around a drilled-into town: the villages carry the colours there. */
const NEUTRAL_TOWN = '#f3f2ee';
/** Half-size of the frame around a village point, in degrees (about 3 km). */
const VILLAGE_FRAME_DEG = 0.03;

/** The map part of the atlas, bound to the store: areas, markers, legend, popup and camera. */
export async function mountAtlasMap(container: HTMLElement, data: LoadedData, store: Store<ViewState>, showsProjects: () => boolean): Promise<{ render(): Promise<void>; map: AtlasMap }> {
  const { site, projects } = data;
  const atlas = await AtlasMap.create(container, data, {
    onTown: (id) => {
      const code = site.towns[id]?.code ?? null;
      const s = store.get();
      // A click on the town already drilled into (outside any village) closes the popup only.
      store.set(s.town === code && s.village === null ? { project: null } : { town: code, village: null, project: null });
    },
    onVillage: (id) => {
      const v = site.villages[id];
      if (v) store.set({ town: site.towns[v.townId]?.code ?? null, village: v.code, project: null });
    },
    onBackground: () => store.set({ project: null }),
    onClick: (i) => store.set({ project: projects.id[i] ?? null }),
    tooltip: (i) => tooltipText(data, i, monthIndexOf(site, store.get()), store.get().lang),
  });
  const legend = new LegendControl();
  atlas.addControl(legend, 'bottom-left');
  const popup = new ProjectPopup(atlas.map, () => store.set({ project: null }));
  let lastPlace: string | null | undefined;
  let lastPopup: string | null = null;

  async function render(): Promise<void> {
    const state = store.get();
    const m = monthIndexOf(site, state);
    const selection = selectionOf(site, state);
    const spec = indicatorSpec(state.ind);
    const values = valuesAt(site, state.ind, m);
    const scale = scaleFor(site, selection, spec, values, state);
    const colour = (v: number | null): string | null => (v === null ? null : scale.colorFor(v));
    atlas.setAreas({
      townColours: selection.town ? site.towns.map(() => NEUTRAL_TOWN) : values.towns.map(colour),
      villageColours: values.villages.map(colour),
      selectedTown: selection.town?.id ?? null,
      selectedVillage: selection.village?.id ?? null,
    });
    const visible = showsProjects() ? visibleProjects(site, projects, state, m, selection) : [];
    const selectedProject = state.project === null ? -1 : projects.id.indexOf(state.project);
    atlas.setMarkers({ visible, monthIndex: m, selected: selectedProject >= 0 ? selectedProject : null });
    legend.update({
      scale,
      subject: selection.town
        ? t(state.lang, 'legendVillagesOf').replace('{town}', selection.town.name)
        : t(state.lang, 'legendTownsOf').replace('{region}', state.lang === 'zh' ? site.config.region.name : site.config.region.nameEn),
      categories: site.config.categories,
      showsProjects: showsProjects(),
      isEstimated: site.estimated.includes(state.ind),
      lang: state.lang,
    });
    const place = `${state.town}/${state.village}`;
    if (place !== lastPlace) {
      atlas.frame(frameOf(site, selection), lastPlace !== undefined);
      lastPlace = place;
    }
    if (state.project !== lastPopup || state.project !== null) {
      const i = state.project === null ? -1 : projects.id.indexOf(state.project);
      const lon = projects.lon[i];
      const lat = projects.lat[i];
      if (i >= 0 && lon != null && lat != null) popup.show([lon, lat], projectDisclosure(site, projects, i, m, state.lang));
      else popup.hide();
      lastPopup = state.project;
    }
    await atlas.whenIdle();
  }
  return { render, map: atlas };
}

/** The scale of what is coloured: the towns at county level, else the villages of the selected town. */
function scaleFor(site: SiteData, selection: Selection, spec: ReturnType<typeof indicatorSpec>, values: ReturnType<typeof valuesAt>, state: ViewState): ColorScale {
  const classified = selection.town ? site.villages.filter((v) => v.townId === selection.town?.id).map((v) => values.villages[v.id] ?? null) : values.towns;
  return createColorScale(spec, classified, state.cls, state.lang);
}

function frameOf(site: SiteData, selection: Selection): [number, number, number, number] {
  const p = selection.village?.point;
  if (p) return [p[0] - VILLAGE_FRAME_DEG, p[1] - VILLAGE_FRAME_DEG, p[0] + VILLAGE_FRAME_DEG, p[1] + VILLAGE_FRAME_DEG];
  return selection.town?.bbox ?? site.bbox;
}

function tooltipText(data: LoadedData, i: number, m: number, lang: ViewState['lang']): string {
  const p = data.projects;
  const c = data.site.config.categories[p.category[i] ?? -1];
  const status = STATUSES[p.status[m]?.[i] ?? 0] ?? 'planned';
  return [
    p.name[i] ?? '',
    `${c ? (lang === 'zh' ? c.zh : c.en) : ''} · ${t(lang, status)} · ${t(lang, 'progress')} ${p.progressPct[m]?.[i] ?? 0}%`,
    `${t(lang, 'budgetWan')} ${formatWan(p.budgetWan[i] ?? 0)} ${t(lang, 'wan')}`,
  ].join('\n');
}
