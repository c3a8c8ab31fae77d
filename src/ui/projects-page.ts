/** The projects page (项目公示, view=projects): every project's public disclosure fields, filtered with the map, downloadable. */
import './projects-page.css';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { toCsv, withBom } from '../domain/csv';
import { regionName } from '../domain/region-name';
import { fillText, formatNumber, monthLabel, t, type Lang } from '../i18n';
import { monthIndexOf } from '../state/derive';
import { hasPhotoColumns } from '../state/project-photos';
import { csvRows, toGeoJson } from '../state/projects-download';
import { filterRows, pageOf, projectRows, sortRows, yearsOf, type ProjectRow, type SortDirection, type SortKey } from '../state/projects-table';
import type { ViewState } from '../state/view-state';
import { h } from './dom';
import { downloadBlob } from './download';
import { money } from './projects-controls';
import { mountProjectsDownloads, type OpenDataLink } from './projects-downloads';
import { mountFilterSheet } from './projects-filter-sheet';
import { mountProjectsFilters } from './projects-filters';
import { mountProjectsSupervision } from './projects-supervision';
import { PAGE_SIZE, mountProjectsTable } from './projects-table-view';

export interface ProjectsPageDeps {
  site: SiteData;
  projects: SiteProjects;
  /** Sets view state (town, village, cat, st, project, view, and the page's q, year, sort and page) through the store. */
  onChange(patch: Partial<ViewState>): void;
  /** The open-data files the build publishes, listed for download. */
  openData: readonly OpenDataLink[];
}

export interface ProjectsPageView {
  /** Renders for a state that shows the page (view=projects). */
  update(state: ViewState): void;
  /** The page is shown again after another view: a project named in the next state is revealed (the map's popup links here). */
  shown(): void;
  unmount(): void;
}

/** Mounts `<article id="projects-page">` into `el`; it fills on the first update. */
export function mountProjectsPage(el: HTMLElement, deps: ProjectsPageDeps): ProjectsPageView {
  const { site, projects } = deps;
  const root = h('article', 'projects-page');
  root.id = 'projects-page';
  root.setAttribute('aria-labelledby', 'projects-title');

  // The search text, year, sort and page are the view state's (so they are in the link); the
  // opened details are the page's own.
  const expanded = new Set<string>();
  let state: ViewState | null = null;
  /** The state as last drawn, with the search, year and page the page showed. */
  let drawn: ViewState | null = null;
  let isRevealPending = false;
  /** Shown again after another view: a project the next state names is revealed, even the one it named before. */
  let isEntering = false;
  let shownFilterKey: string | null = null;
  let rowsCache: { key: string; rows: ProjectRow[] } = { key: '', rows: [] };
  let shown: ProjectRow[] = [];
  /** The page's own filters or order changed: back to the first page. */
  const refilter = (patch: Partial<ViewState>): void => deps.onChange({ ...patch, page: 1 });

  const title = h('h2', 'projects-title');
  title.id = 'projects-title';
  const intro = h('p', 'projects-intro');
  const asOf = h('p', 'projects-asof');
  const header = h('header', 'projects-header');
  header.append(title, intro, asOf);
  const supervision = mountProjectsSupervision();
  const filters = mountProjectsFilters({
    site,
    hasPhotos: hasPhotoColumns(projects),
    onChange: refilter,
    onQuery: (q) => refilter({ q }),
    onYear: (year) => refilter({ year }),
    onSort: (sort) => refilter({ sort }),
    onReset: () => refilter({ town: null, village: null, cat: [], st: [], project: null, q: '', year: null, isPhotosOnly: false }),
  });
  const sheet = mountFilterSheet(filters.form);
  const summary = h('div', 'projects-summary');
  const countLine = h('p', 'projects-count');
  countLine.id = 'projects-count';
  countLine.setAttribute('role', 'status');
  countLine.setAttribute('aria-live', 'polite');
  const totalLine = h('p', 'projects-total');
  summary.append(countLine, totalLine);
  const table = mountProjectsTable({
    expanded,
    onSort: (sort) => refilter({ sort }),
    onPage: (page) => deps.onChange({ page }),
    onChange: deps.onChange,
    release: site.release,
    isSample: site.config.isSample,
  });
  const downloads = mountProjectsDownloads({ openData: deps.openData, onDownload: downloadShown });

  root.append(header, supervision.box, sheet.toggle, sheet.sheet, sheet.backdrop, summary, table.wrap, table.pager, downloads.section);
  el.append(root);

  function rowsFor(s: ViewState): ProjectRow[] {
    const m = monthIndexOf(site, s);
    const key = `${m}|${s.lang}`;
    if (rowsCache.key !== key) rowsCache = { key, rows: projectRows(site, projects, m, s.lang) };
    return rowsCache.rows;
  }

  function render(): void {
    const s = state;
    if (!s) return;
    const { lang } = s;
    const all = rowsFor(s);
    const month = site.months[monthIndexOf(site, s)] ?? '';
    let { q: query, year, page, isPhotosOnly } = s;
    const sort = s.sort;
    const filterOf = () => ({ query, town: s.town, village: s.village, categories: s.cat, statuses: s.st, year, isPhotosOnly });
    // A project named in the state (the map's popup links here): shown, on its page, scrolled to.
    if (isRevealPending && s.project !== null && !filterRows(all, filterOf()).some((r) => r.id === s.project) && filterRows(all, { ...filterOf(), query: '', year: null, isPhotosOnly: false }).some((r) => r.id === s.project)) {
      query = '';
      year = null;
      isPhotosOnly = false;
    }
    shown = sortRows(filterRows(all, filterOf()), sort.key, sort.direction);
    // The map's area or filters changed since the page was last drawn: back to the first page.
    const filterKey = [s.town, s.village, s.cat.join(), s.st.join()].join('|');
    if (shownFilterKey !== null && filterKey !== shownFilterKey) page = 1;
    shownFilterKey = filterKey;
    const reveal = isRevealPending && s.project !== null ? pageOf(shown, s.project, PAGE_SIZE) : null;
    if (reveal !== null) {
      page = reveal;
      expanded.add(s.project ?? '');
    }
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);
    // What the page shows differs from the link (a revealed project, a page past the last): the link follows, after this round of the store.
    const patch = { q: query, year, isPhotosOnly, page };
    drawn = { ...s, ...patch };
    if (query !== s.q || year !== s.year || isPhotosOnly !== s.isPhotosOnly || page !== s.page) queueMicrotask(() => deps.onChange(patch));

    title.textContent = t(lang, 'projectsTitle');
    intro.textContent = t(lang, 'projectsIntro');
    asOf.textContent = fillText(lang, 'projectsAsOf', { month: monthLabel(lang, month) });
    filters.update({ state: { ...s, isPhotosOnly }, query, year, years: yearsOf(all), sort });
    supervision.update(lang, shown);
    const active = [query.trim() !== '', year !== null, s.town !== null, s.village !== null, s.cat.length > 0, s.st.length > 0, isPhotosOnly].filter(Boolean).length;
    sheet.update(lang, active, shown.length);
    renderSummary(lang, all.length);
    table.update({ lang, month, rows: shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), project: s.project, page, pages, sort });
    downloads.update(lang, shown.length, toGeoJson(shown, projects).missingPoints);

    if (isRevealPending) {
      isRevealPending = false;
      const index = reveal === null ? -1 : (shown.find((r) => r.id === s.project)?.index ?? -1);
      // After the page is laid out (it may have just been unhidden); the row looked up then, as a render may have come between.
      if (index >= 0) requestAnimationFrame(() => {
        const cell = table.rowHeading(index);
        cell?.scrollIntoView({ block: 'center' });
        cell?.focus({ preventScroll: true });
      });
    }
  }

  function renderSummary(lang: Lang, totalCount: number): void {
    const isFiltered = shown.length !== totalCount;
    countLine.textContent = fillText(lang, isFiltered ? 'projectsCountOf' : shown.length === 1 ? 'projectsCountOne' : 'projectsCount', { n: formatNumber(lang, shown.length), total: formatNumber(lang, totalCount) });
    totalLine.textContent = fillText(lang, 'projectsBudgetTotal', { budget: money(lang, shown.reduce((a, r) => a + r.budgetWan, 0)) });
  }

  function downloadShown(kind: 'csv' | 'geojson'): void {
    const s = state;
    if (!s) return;
    const month = site.months[monthIndexOf(site, s)] ?? '';
    const base = fillText(s.lang, 'projectsFileName', { region: regionName(site.config.region, s.lang), month });
    if (kind === 'csv') downloadBlob(new Blob([withBom(toCsv(csvRows(shown, s.lang)))], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
    else downloadBlob(new Blob([JSON.stringify(toGeoJson(shown, projects).collection)], { type: 'application/geo+json' }), `${base}.geojson`);
  }

  return {
    update(next) {
      const previous = state;
      state = next;
      if (next.project !== null && (isEntering || next.project !== previous?.project)) isRevealPending = true;
      isEntering = false;
      if (next.view !== 'projects') return;
      // Nothing the page shows changed (e.g. the indicator): keep it as it is.
      if (drawn && !isRevealPending && sameInputs(drawn, next)) return;
      render();
    },
    shown() {
      isEntering = true;
    },
    unmount() {
      state = null;
      root.remove();
    },
  };
}

/** Whether two states show the same page: month, language, area, categories, statuses, project, search, year, photos, order and page. */
function sameInputs(a: ViewState, b: ViewState): boolean {
  return (
    a.view === b.view &&
    a.month === b.month &&
    a.lang === b.lang &&
    a.town === b.town &&
    a.village === b.village &&
    a.project === b.project &&
    a.cat.join() === b.cat.join() &&
    a.st.join() === b.st.join() &&
    a.q === b.q &&
    a.year === b.year &&
    a.isPhotosOnly === b.isPhotosOnly &&
    a.sort.key === b.sort.key &&
    a.sort.direction === b.sort.direction &&
    a.page === b.page
  );
}
