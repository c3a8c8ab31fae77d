/**
 * Around the map: the search in the masthead, the breadcrumb, the area's panel and the ranking
 * (a bottom sheet on a phone), the indicator controls and the time slider, each moving the
 * selection through the store; and Escape, which steps back up the selection.
 */
import type { SiteData } from '../contract/site';
import { t } from '../i18n';
import type { ProjectSource } from '../state/project-source';
import { selectionOf } from '../state/derive';
import type { Store } from '../state/store';
import { serializeViewState, type ViewState } from '../state/view-state';
import { mountBreadcrumb } from '../ui/breadcrumb';
import { mountControls } from '../ui/controls';
import { mountPanel } from '../ui/panel';
import { mountRankingTable } from '../ui/ranking-table';
import { mountSearch } from '../ui/search';
import { mountTimeSlider } from '../ui/time-slider';
import { byId } from './dom';
import { mountPhoneSheet } from './phone-sheet';

/** Above this many projects in all, a search covers the towns opened so far rather than loading every town's. */
const SEARCH_LOADS_ALL_MAX = 50_000;

export interface MapSideDeps {
  site: SiteData;
  projects: ProjectSource;
  store: Store<ViewState>;
}

export interface MapSide {
  update(state: ViewState): void;
}

/** Mounts the parts into their slots of index.html. */
export function mountMapSide({ site, projects, store }: MapSideDeps): MapSide {
  /** The store's patch that selects a place: a town and village by index (a project's), or by code. */
  const place = (town: number, village: number): Pick<ViewState, 'town' | 'village'> => ({ town: site.towns[town]?.code ?? null, village: site.villages[village]?.code ?? null });
  const townOfVillage = (code: string): string | null => {
    const v = site.villages.find((x) => x.code === code);
    return v ? (site.towns[v.townId]?.code ?? null) : null;
  };
  const { lang } = store.get();
  const breadcrumb = mountBreadcrumb(byId('breadcrumb-slot'), site, (level) => store.set(level === 'county' ? { town: null, village: null, project: null } : { village: null, project: null }));
  const areaPanel = mountPanel(byId('area-slot'), {
    site,
    projects,
    onSelectProject: ({ id, town, village }) => store.set({ ...place(town, village), project: id }),
    findings: {
      onOpen: ({ town, village, project }) => store.set({ view: 'map', tour: null, ...place(town, village), project }),
      tableHref: ({ id, town, village }) => serializeViewState({ ...store.get(), view: 'projects', tour: null, ...place(town, village), project: id }),
    },
  });
  const ranking = mountRankingTable(byId('ranking-slot'), {
    site,
    projects,
    onSort: (rankSort) => store.set({ rankSort }),
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
    lang,
    onPick: (hit) => {
      if (hit.kind === 'town') store.set({ town: hit.code, village: null, project: null });
      else if (hit.kind === 'village') store.set({ village: hit.code, town: townOfVillage(hit.code), project: null });
      else {
        const p = projects.current;
        const i = p.id.indexOf(hit.code);
        store.set({ ...place(p.town[i] ?? -1, p.village[i] ?? -1), project: hit.code });
      }
    },
  });
  const controls = mountControls(byId('controls-slot'), { site, store });
  // Mounted before the map, so the map's first framing keeps clear of it.
  const timeSlider = mountTimeSlider(byId('time-slot'), { months: site.months, onSeek: (month) => store.set({ month }) });
  const panel = byId('panel');
  const sheet = mountPhoneSheet(byId('sheet-toggle'), panel, site);
  const mapArea = document.querySelector('.map-area');
  // More projects loaded (a town opened, a search, the projects page): the panel counts them.
  projects.onChange(() => areaPanel.update(store.get()));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // Escape steps back up the map's selection, on the map only (the search box handles its own
    // first); while presenting it is the tour's (it leaves the tour).
    const s = store.get();
    if (s.view !== 'map' || s.tour !== null) return;
    if (s.project !== null) store.set({ project: null });
    else if (s.village !== null) store.set({ village: null });
    else if (s.town !== null) store.set({ town: null });
  });
  return {
    update(state) {
      panel.setAttribute('aria-label', t(state.lang, 'panelLabel'));
      breadcrumb.update(selectionOf(site, state), state.lang);
      areaPanel.update(state);
      ranking.update(state);
      controls.update(state);
      search.setLang(state.lang);
      timeSlider.update(state);
      mapArea?.setAttribute('aria-label', t(state.lang, 'mapRegion'));
      sheet.update(state);
    },
  };
}

/** After a drill-down from the table the clicked row is gone: keep keyboard users in the panel. */
function focusAreaTitle(): void {
  document.getElementById('area-panel-title')?.focus({ preventScroll: false });
}
