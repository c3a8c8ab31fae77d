/** The projects page (项目公示, view=projects): every project's public disclosure fields, filtered with the map, downloadable. */
import './projects-page.css';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { toCsv, withBom } from '../domain/csv';
import { regionName } from '../domain/region-name';
import { fillText, formatNumber, monthLabel, pick, t, type Lang, type Localized, type StringKey } from '../i18n';
import { monthIndexOf } from '../state/derive';
import { csvRows, filterRows, hotlinesOf, pageOf, projectRows, sortRows, statusName, toGeoJson, yearsOf, type ProjectRow, type SortDirection, type SortKey } from '../state/projects-table';
import { STATUS_FILTERS, type ViewState } from '../state/view-state';
import { downloadBlob } from './download';

export interface ProjectsPageDeps {
  site: SiteData;
  projects: SiteProjects;
  /** Sets view state (town, village, cat, st, project, view) through the store. */
  onChange(patch: Partial<ViewState>): void;
  /** The open-data files the build publishes, listed for download. */
  openData: readonly (Localized & { href: string; fileName: string })[];
}

export interface ProjectsPageView {
  /** Renders for a state (only while view=projects; a hidden page catches up when shown). */
  update(state: ViewState): void;
  unmount(): void;
}

/** Rows on one page of the table. */
export const PAGE_SIZE = 50;
/** The national poverty-alleviation supervision hotline (全国扶贫监督举报电话). */
const NATIONAL_HOTLINE = '12317';
/** Units named beside a hotline; the rest are counted. */
const UNITS_SHOWN = 3;
/** Page buttons shown either side of the current page. */
const PAGER_REACH = 2;

/** The table's columns; `key` null is not sortable. */
const COLUMNS: readonly { key: SortKey | null; label: StringKey; className: string }[] = [
  { key: 'id', label: 'projectId', className: 'projects-id' },
  { key: 'name', label: 'projectName', className: 'projects-name' },
  { key: 'category', label: 'category', className: 'projects-category' },
  { key: 'place', label: 'location', className: '' },
  { key: 'budgetWan', label: 'projectsBudgetColumn', className: 'projects-num' },
  { key: 'period', label: 'period', className: 'projects-period' },
  { key: 'progress', label: 'projectsStatusColumn', className: '' },
  { key: 'unit', label: 'unit', className: '' },
  { key: null, label: 'projectsActions', className: 'projects-actions' },
];
/** The direction a column sorts in when first chosen: money largest first, the rest A→Z or earliest first. */
const FIRST_DIRECTION: Partial<Record<SortKey, SortDirection>> = { budgetWan: 'descending', spentWan: 'descending' };

/** Mounts `<article id="projects-page">` into `el`; it fills on the first update. */
export function mountProjectsPage(el: HTMLElement, deps: ProjectsPageDeps): ProjectsPageView {
  const { site, projects } = deps;
  const root = h('article', 'projects-page');
  root.id = 'projects-page';
  root.setAttribute('aria-labelledby', 'projects-title');

  // Local to the page: the search text, year, sort, page and opened details.
  let query = '';
  let year: number | null = null;
  let sort: { key: SortKey; direction: SortDirection } = { key: 'id', direction: 'ascending' };
  let page = 1;
  const expanded = new Set<string>();
  let state: ViewState | null = null;
  let shownProject: string | null = null;
  let isRevealPending = false;
  let isHotlinesOpen = false;
  let shownFilterKey = '';
  let rowsCache: { key: string; rows: ProjectRow[] } = { key: '', rows: [] };
  let shown: ProjectRow[] = [];

  // The skeleton: built once, so controls keep their focus across renders.
  const title = h('h2', 'projects-title');
  title.id = 'projects-title';
  const intro = h('p', 'projects-intro');
  const asOf = h('p', 'projects-asof');
  const header = h('header', 'projects-header');
  header.append(title, intro, asOf);

  const supervision = h('aside', 'projects-supervision');
  supervision.id = 'projects-supervision';
  supervision.setAttribute('aria-labelledby', 'projects-supervision-title');

  const form = h('form', 'projects-filters');
  form.setAttribute('role', 'search');
  form.addEventListener('submit', (e) => e.preventDefault());
  const search = field('input', 'projects-q');
  search.control.type = 'search';
  search.control.autocomplete = 'off';
  search.control.addEventListener('input', () => {
    query = search.control.value;
    page = 1;
    render();
  });
  const town = field('select', 'projects-town');
  town.control.addEventListener('change', () => deps.onChange({ town: town.control.value || null, village: null, project: null }));
  const village = field('select', 'projects-village');
  village.control.addEventListener('change', () => deps.onChange({ village: village.control.value || null, project: null }));
  const yearField = field('select', 'projects-year');
  yearField.control.addEventListener('change', () => {
    year = yearField.control.value === '' ? null : Number(yearField.control.value);
    page = 1;
    render();
  });
  const categoryBoxes = checkboxGroup(site.config.categories.map((c) => c.id), 'projects-cat', (on) => deps.onChange({ cat: on }));
  site.config.categories.forEach((c, i) => {
    const dot = h('span', 'projects-dot');
    dot.style.backgroundColor = c.colour;
    dot.setAttribute('aria-hidden', 'true');
    categoryBoxes.items[i]?.label.insertBefore(dot, categoryBoxes.items[i]?.text ?? null);
  });
  const statusBoxes = checkboxGroup(STATUS_FILTERS, 'projects-st', (on) => deps.onChange({ st: on }));
  const reset = button('projects-reset', () => {
    query = '';
    year = null;
    page = 1;
    deps.onChange({ town: null, village: null, cat: [], st: [], project: null });
    render();
  });
  // Sorting on a phone, where the table's header row is not shown (the header's buttons do it on wider screens).
  const sortField = field('select', 'projects-sort-by');
  sortField.wrap.classList.add('projects-sort-field');
  sortField.control.addEventListener('change', () => {
    const [key, direction] = sortField.control.value.split(' ');
    const column = COLUMNS.find((c) => c.key === key);
    if (!column?.key || (direction !== 'ascending' && direction !== 'descending')) return;
    sort = { key: column.key, direction };
    page = 1;
    render();
  });
  const fields = h('div', 'projects-fields-row');
  fields.append(search.wrap, town.wrap, village.wrap, yearField.wrap, sortField.wrap);
  form.append(fields, categoryBoxes.fieldset, statusBoxes.fieldset, reset);

  const summary = h('div', 'projects-summary');
  const countLine = h('p', 'projects-count');
  countLine.id = 'projects-count';
  countLine.setAttribute('role', 'status');
  countLine.setAttribute('aria-live', 'polite');
  const totalLine = h('p', 'projects-total');
  summary.append(countLine, totalLine);

  const table = h('table', 'projects-table');
  table.id = 'projects-table';
  table.tabIndex = -1;
  const caption = h('caption', 'projects-caption');
  table.append(caption);
  const headRow = table.createTHead().insertRow();
  const heads = COLUMNS.map((col) => {
    const th = h('th', col.className);
    th.scope = 'col';
    headRow.append(th);
    if (col.key === null) return { col, th, label: th, icon: null };
    const key = col.key;
    const b = button('', () => {
      sort = sort.key === key ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: FIRST_DIRECTION[key] ?? 'ascending' };
      page = 1;
      render();
    });
    b.className = 'projects-sort';
    const label = h('span', '');
    const icon = h('span', 'projects-sort-icon');
    icon.setAttribute('aria-hidden', 'true');
    b.append(label, icon);
    th.append(b);
    return { col, th, label, icon };
  });
  const body = table.createTBody();
  const tableWrap = h('div', 'projects-table-wrap');
  tableWrap.append(table);
  const pager = h('nav', 'projects-pager');

  const downloads = h('section', 'projects-downloads');
  downloads.setAttribute('aria-labelledby', 'projects-downloads-title');
  const downloadsTitle = h('h3', 'projects-subheading');
  downloadsTitle.id = 'projects-downloads-title';
  const csvButton = button('projects-csv', () => downloadShown('csv'));
  const geoButton = button('projects-geojson', () => downloadShown('geojson'));
  const downloadButtons = h('p', 'projects-download-buttons');
  downloadButtons.append(csvButton, geoButton);
  const geoNote = h('p', 'projects-note');
  const openTitle = h('h4', 'projects-minor-heading');
  const openList = h('ul', 'projects-open-data');
  downloads.append(downloadsTitle, downloadButtons, geoNote, openTitle, openList);

  root.append(header, supervision, form, summary, tableWrap, pager, downloads);
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
    const filterOf = () => ({ query, town: s.town, village: s.village, categories: s.cat, statuses: s.st, year });
    // A project named in the state (the map's popup links here): shown, on its page, scrolled to.
    if (isRevealPending && s.project !== null && !filterRows(all, filterOf()).some((r) => r.id === s.project) && filterRows(all, { ...filterOf(), query: '', year: null }).some((r) => r.id === s.project)) {
      query = '';
      year = null;
    }
    shown = sortRows(filterRows(all, filterOf()), sort.key, sort.direction);
    const filterKey = [s.town, s.village, s.cat.join(), s.st.join()].join('|');
    if (filterKey !== shownFilterKey) page = 1;
    shownFilterKey = filterKey;
    const reveal = isRevealPending && s.project !== null ? pageOf(shown, s.project, PAGE_SIZE) : null;
    if (reveal !== null) {
      page = reveal;
      expanded.add(s.project ?? '');
    }
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);

    renderText(s, month, all);
    renderSupervision(lang);
    renderSummary(lang, all.length);
    renderTable(s, month, pages);
    renderPager(lang, pages);
    const missing = toGeoJson(shown, projects).missingPoints;
    geoNote.textContent = missing > 0 ? fillText(lang, 'projectsGeoJsonMissing', { n: missing }) : '';
    geoNote.hidden = missing === 0;

    if (isRevealPending) {
      isRevealPending = false;
      const tr = reveal === null ? null : body.querySelector<HTMLTableRowElement>(`tr[data-index="${shown.find((r) => r.id === s.project)?.index ?? -1}"]`);
      const cell = tr?.querySelector<HTMLElement>('th');
      // After the page is laid out (it may have just been unhidden).
      if (cell) requestAnimationFrame(() => {
        cell.scrollIntoView({ block: 'center' });
        cell.focus({ preventScroll: true });
      });
    }
  }

  function renderText(s: ViewState, month: string, all: readonly ProjectRow[]): void {
    const { lang } = s;
    title.textContent = t(lang, 'projectsTitle');
    intro.textContent = t(lang, 'projectsIntro');
    asOf.textContent = fillText(lang, 'projectsAsOf', { month: monthLabel(lang, month) });
    form.setAttribute('aria-label', t(lang, 'projectsFilters'));
    search.label.textContent = t(lang, 'projectsSearch');
    search.control.placeholder = t(lang, 'projectsSearchHint');
    if (search.control.value !== query) search.control.value = query;
    town.label.textContent = t(lang, 'town');
    options(town.control, [['', t(lang, 'projectsAllTowns')], ...site.towns.map((x): [string, string] => [x.code, x.name])], s.town ?? '');
    village.label.textContent = t(lang, 'village');
    const chosenTown = site.towns.find((x) => x.code === s.town);
    const villages = chosenTown ? site.villages.filter((v) => v.townId === chosenTown.id) : [];
    options(village.control, [['', t(lang, chosenTown ? 'projectsAllVillages' : 'projectsChooseTown')], ...villages.map((v): [string, string] => [v.code, v.name])], s.village ?? '');
    village.control.disabled = !chosenTown;
    yearField.label.textContent = t(lang, 'projectsYear');
    options(yearField.control, [['', t(lang, 'projectsAllYears')], ...yearsOf(all).map((y): [string, string] => [String(y), fillText(lang, 'yearLabel', { year: y })])], year === null ? '' : String(year));
    categoryBoxes.legend.textContent = t(lang, 'categories');
    site.config.categories.forEach((c, i) => {
      const item = categoryBoxes.items[i];
      if (!item) return;
      item.text.textContent = pick(c, lang);
      item.input.checked = s.cat.length === 0 || s.cat.includes(c.id);
    });
    statusBoxes.legend.textContent = t(lang, 'statuses');
    STATUS_FILTERS.forEach((st, i) => {
      const item = statusBoxes.items[i];
      if (!item) return;
      item.text.textContent = t(lang, st === 'done' ? 'projectsDoneAccepted' : st);
      item.input.checked = s.st.length === 0 || s.st.includes(st);
    });
    reset.textContent = t(lang, 'projectsReset');
    sortField.label.textContent = t(lang, 'projectsSortLabel');
    const sortOptions = COLUMNS.flatMap((col) => (col.key === null ? [] : (['ascending', 'descending'] as const).map((d): [string, string] => [`${col.key} ${d}`, fillText(lang, 'projectsSortOption', { column: t(lang, col.label), direction: t(lang, d === 'ascending' ? 'projectsAscending' : 'projectsDescending') })])));
    options(sortField.control, sortOptions, `${sort.key} ${sort.direction}`);
    for (const { col, th, label, icon } of heads) {
      label.textContent = t(lang, col.label);
      if (col.key === null || icon === null) continue;
      const isActive = sort.key === col.key;
      if (isActive) th.setAttribute('aria-sort', sort.direction);
      else th.removeAttribute('aria-sort');
      icon.textContent = isActive ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
      icon.classList.toggle('projects-sort-icon--idle', !isActive);
      th.querySelector('button')?.setAttribute('title', fillText(lang, 'sortBy', { column: t(lang, col.label) }));
    }
    downloadsTitle.textContent = t(lang, 'projectsDownloads');
    csvButton.textContent = fillText(lang, 'projectsCsv', { n: shown.length });
    csvButton.title = t(lang, 'projectsCsvHint');
    csvButton.disabled = shown.length === 0;
    geoButton.textContent = fillText(lang, 'projectsGeoJson', { n: shown.length });
    geoButton.disabled = shown.length === 0;
    openTitle.textContent = t(lang, 'projectsOpenData');
    openTitle.hidden = deps.openData.length === 0;
    openList.replaceChildren(
      ...deps.openData.map((file) => {
        const a = h('a', 'projects-file', pick(file, lang));
        a.href = file.href;
        a.download = file.fileName;
        const li = h('li', '');
        li.append(a, h('span', 'projects-file-name', file.fileName));
        return li;
      }),
    );
    pager.setAttribute('aria-label', t(lang, 'projectsPager'));
  }

  function renderSupervision(lang: Lang): void {
    const heading = h('h3', 'projects-subheading', t(lang, 'projectsSupervision'));
    heading.id = 'projects-supervision-title';
    const national = h('p', 'projects-national');
    const number = telLink(NATIONAL_HOTLINE, 'projects-national-number');
    national.append(h('span', 'projects-national-label', t(lang, 'projectsNationalHotline')), number);
    const lines = hotlinesOf(shown);
    if (lines.length === 0) {
      supervision.replaceChildren(heading, national, h('p', 'projects-note', t(lang, 'projectsNoHotlines')));
      return;
    }
    // Folded: with the whole county shown the list is long; its summary says how many.
    const details = h('details', 'projects-hotline-details');
    details.open = isHotlinesOpen;
    details.addEventListener('toggle', () => (isHotlinesOpen = details.open));
    const list = h('ul', 'projects-hotlines');
    for (const line of lines) {
      const units = line.units.slice(0, UNITS_SHOWN).join(t(lang, 'reportListSeparator'));
      const more = line.units.length > UNITS_SHOWN ? fillText(lang, 'projectsUnitsMore', { n: line.units.length - UNITS_SHOWN }) : '';
      const li = h('li', '');
      li.append(telLink(line.hotline, 'projects-tel'), h('span', 'projects-hotline-units', `${units}${more}`));
      list.append(li);
    }
    details.append(h('summary', 'projects-hotline-summary', fillText(lang, 'projectsHotlines', { n: lines.length })), list);
    supervision.replaceChildren(heading, national, details);
  }

  function renderSummary(lang: Lang, totalCount: number): void {
    const isFiltered = shown.length !== totalCount;
    countLine.textContent = fillText(lang, isFiltered ? 'projectsCountOf' : shown.length === 1 ? 'projectsCountOne' : 'projectsCount', { n: formatNumber(lang, shown.length), total: formatNumber(lang, totalCount) });
    totalLine.textContent = fillText(lang, 'projectsBudgetTotal', { budget: money(lang, shown.reduce((a, r) => a + r.budgetWan, 0)) });
  }

  function renderTable(s: ViewState, month: string, pages: number): void {
    const { lang } = s;
    caption.textContent = fillText(lang, 'projectsCaption', { month: monthLabel(lang, month), page, pages });
    const pageRows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    if (pageRows.length === 0) {
      const tr = body.ownerDocument.createElement('tr');
      const td = h('td', 'projects-empty', t(lang, 'projectsNone'));
      td.colSpan = COLUMNS.length;
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...pageRows.flatMap((r) => projectRow(r, lang, r.id === s.project)));
  }

  /** A project's main row and its details row (hidden until opened). */
  function projectRow(r: ProjectRow, lang: Lang, isCurrent: boolean): HTMLTableRowElement[] {
    const tr = h('tr', `projects-row${isCurrent ? ' is-current' : ''}`);
    tr.dataset.project = r.id;
    tr.dataset.index = String(r.index);
    tr.dataset.status = r.status;
    if (isCurrent) tr.setAttribute('aria-current', 'true');
    const cell = (i: number, content: string | Node[], tag: 'td' | 'th' = 'td'): HTMLTableCellElement => {
      const col = COLUMNS[i];
      const c = h(tag, col?.className ?? '');
      if (typeof content === 'string') c.textContent = content;
      else {
        // One box, so a card's label-value grid (phone) sees one value.
        const box = h('span', 'projects-cell');
        box.append(...content);
        c.append(box);
      }
      c.dataset.label = col ? t(lang, col.label) : '';
      return c;
    };
    const name = cell(1, r.name, 'th');
    name.scope = 'row';
    name.tabIndex = -1;
    if (isCurrent) name.append(h('span', 'projects-current', t(lang, 'projectsCurrent')));
    const dot = h('span', 'projects-dot');
    dot.style.backgroundColor = r.category.colour;
    dot.setAttribute('aria-hidden', 'true');
    const place = r.village === null ? fillText(lang, 'townWide', { town: r.town.name }) : `${r.town.name} · ${r.village.name}`;
    const period = filledNodes(lang, 'projectsPeriodRange', { start: h('span', 'projects-date', r.start), due: h('span', 'projects-date', r.due) });
    const status = h('span', `projects-status projects-status--${r.status}`, statusName(r.status, lang));
    const meter = h('span', 'projects-meter');
    meter.setAttribute('aria-hidden', 'true');
    const fill = h('span', 'projects-meter-fill');
    fill.style.width = `${Math.max(0, Math.min(100, r.progressPct))}%`;
    meter.append(fill);
    const detailId = `projects-detail-${r.index}`;
    const isOpen = expanded.has(r.id);
    const toggle = button('', () => {
      const open = !expanded.has(r.id);
      if (open) expanded.add(r.id);
      else expanded.delete(r.id);
      toggle.setAttribute('aria-expanded', String(open));
      detail.hidden = !open;
    });
    toggle.className = 'projects-button projects-toggle';
    toggle.textContent = t(lang, 'projectsDetails');
    toggle.setAttribute('aria-label', fillText(lang, 'projectsDetailsOf', { name: r.name }));
    toggle.setAttribute('aria-expanded', String(isOpen));
    toggle.setAttribute('aria-controls', detailId);
    const toMap = button('', () => deps.onChange({ view: 'map', town: r.town.code || null, village: r.village?.code ?? null, project: r.id }));
    toMap.className = 'projects-button projects-to-map';
    toMap.textContent = t(lang, 'projectsShowOnMap');
    toMap.setAttribute('aria-label', fillText(lang, 'projectsShowOnMapOf', { name: r.name }));
    tr.append(
      cell(0, r.id),
      name,
      cell(2, [dot, text(r.category.name)]),
      cell(3, place),
      cell(4, money(lang, r.budgetWan)),
      cell(5, period),
      cell(6, [status, text(` ${formatPct(r.progressPct)}`), meter]),
      cell(7, r.unit ?? '—'),
      cell(8, [toggle, toMap]),
    );

    const detail = h('tr', 'projects-detail');
    detail.id = detailId;
    detail.hidden = !isOpen;
    const td = h('td', '');
    td.colSpan = COLUMNS.length;
    const dl = h('dl', 'projects-fields');
    const pair = (label: string, value: string | Node): void => {
      const dd = h('dd', '');
      dd.append(value);
      dl.append(h('dt', '', label), dd);
    };
    pair(t(lang, 'content'), r.content ?? '—');
    pair(t(lang, 'fundSource'), r.fundSource ?? '—');
    pair(t(lang, 'target'), r.target ?? '—');
    pair(t(lang, 'projectsMechanism'), mechanism(r, lang));
    pair(t(lang, 'spent'), fillText(lang, 'projectsWanValue', { value: money(lang, r.spentWan) }));
    pair(t(lang, 'hotline'), r.hotline ? telLink(r.hotline, 'projects-tel') : '—');
    td.append(dl);
    detail.append(td);
    return [tr, detail];
  }

  function renderPager(lang: Lang, pages: number): void {
    pager.hidden = pages <= 1;
    if (pages <= 1) {
      pager.replaceChildren();
      return;
    }
    const go = (n: number): void => {
      if (n === page) return;
      page = n;
      render();
      table.focus({ preventScroll: true });
      table.scrollIntoView({ block: 'start' });
    };
    const items: HTMLElement[] = [];
    const prev = button('', () => go(page - 1));
    prev.textContent = `‹ ${t(lang, 'projectsPrevious')}`;
    prev.disabled = page === 1;
    items.push(prev);
    let last = 0;
    for (let n = 1; n <= pages; n++) {
      if (n !== 1 && n !== pages && Math.abs(n - page) > PAGER_REACH) continue;
      if (n - last > 1) items.push(h('span', 'projects-gap', '…'));
      last = n;
      const b = button('', () => go(n));
      b.textContent = String(n);
      b.setAttribute('aria-label', fillText(lang, 'projectsPageN', { n }));
      if (n === page) b.setAttribute('aria-current', 'page');
      items.push(b);
    }
    const next = button('', () => go(page + 1));
    next.textContent = `${t(lang, 'projectsNext')} ›`;
    next.disabled = page === pages;
    items.push(next);
    for (const item of items) if (item instanceof HTMLButtonElement) item.className = 'projects-button projects-page-button';
    pager.replaceChildren(...items);
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
      if (next.project !== shownProject) {
        shownProject = next.project;
        isRevealPending = next.project !== null;
      }
      if (next.view !== 'projects') return;
      // Nothing the page shows changed (e.g. the indicator): keep it as it is.
      if (previous && previous.view === 'projects' && !isRevealPending && sameInputs(previous, next)) return;
      render();
    },
    unmount() {
      state = null;
      root.remove();
    },
  };
}

/** Whether two states show the same page: month, language, area, categories, statuses and project. */
function sameInputs(a: ViewState, b: ViewState): boolean {
  return a.month === b.month && a.lang === b.lang && a.town === b.town && a.village === b.village && a.project === b.project && a.cat.join() === b.cat.join() && a.st.join() === b.st.join();
}

/** An interface string with `{name}` placeholders filled by nodes (e.g. dates that must not break). */
function filledNodes(lang: Lang, key: StringKey, nodes: Record<string, Node>): Node[] {
  return t(lang, key)
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => nodes[part.slice(1, -1)] ?? text(part));
}

/** 带贫减贫机制: beneficiary households (of which poor) and jobs, as a sentence. */
function mechanism(r: ProjectRow, lang: Lang): string {
  const parts: string[] = [];
  if (r.beneficiaryHouseholds !== null) parts.push(fillText(lang, r.beneficiaryPoorHouseholds === null ? 'projectsBeneficiaryHouseholds' : 'projectsBeneficiaryPoor', { n: formatNumber(lang, r.beneficiaryHouseholds), poor: formatNumber(lang, r.beneficiaryPoorHouseholds ?? 0) }));
  else if (r.beneficiaryPoorHouseholds !== null) parts.push(fillText(lang, 'projectsPoorOnly', { poor: formatNumber(lang, r.beneficiaryPoorHouseholds) }));
  if (r.jobs !== null) parts.push(fillText(lang, 'projectsJobs', { n: formatNumber(lang, r.jobs) }));
  return parts.length === 0 ? '—' : parts.join(t(lang, 'projectsListSeparator'));
}

/** 万元 with two decimals and thousands separators: 1,234.56. */
function money(lang: Lang, wan: number): string {
  return formatNumber(lang, wan, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function formatPct(pct: number): string {
  return `${Math.round(pct)}%`;
}

/** A phone number as a tel: link (digits and + only in the URL), or plain text when it has no digits. */
function telLink(number: string, className: string): HTMLElement {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits === '') return h('span', className, number);
  const a = h('a', className, number);
  a.href = `tel:${digits}`;
  return a;
}

/** A labelled control: `<div><label for=id>…</label><control id=id></div>`. */
function field<K extends 'input' | 'select'>(tag: K, id: string): { wrap: HTMLElement; label: HTMLLabelElement; control: HTMLElementTagNameMap[K] } {
  const wrap = h('div', 'projects-field');
  const label = h('label', 'projects-label');
  label.htmlFor = id;
  const control = h(tag, 'projects-control');
  control.id = id;
  wrap.append(label, control);
  return { wrap, label, control };
}

/** A fieldset of checkboxes; `onChange` gets the checked values, or [] when all are checked (the default "all"). */
function checkboxGroup<T extends string>(values: readonly T[], idPrefix: string, onChange: (on: T[]) => void) {
  const fieldset = h('fieldset', 'projects-checks');
  const legend = h('legend', 'projects-label');
  fieldset.append(legend);
  const items = values.map((value) => {
    const label = h('label', 'projects-check');
    const input = h('input', '');
    input.type = 'checkbox';
    input.id = `${idPrefix}-${value}`;
    input.value = value;
    const text = h('span', '');
    label.append(input, text);
    fieldset.append(label);
    return { label, input, text };
  });
  for (const { input } of items)
    input.addEventListener('change', () => {
      const on = values.filter((_, i) => items[i]?.input.checked);
      onChange(on.length === values.length ? [] : on);
    });
  return { fieldset, legend, items };
}

/** Replaces a select's options (only when they changed, so an open list is not disturbed) and sets its value. */
function options(select: HTMLSelectElement, list: readonly [string, string][], value: string): void {
  const current = [...select.options].map((o) => `${o.value}\u0000${o.text}`).join('\u0001');
  if (current !== list.map(([v, l]) => `${v}\u0000${l}`).join('\u0001'))
    select.replaceChildren(
      ...list.map(([v, l]) => {
        const o = h('option', '', l);
        o.value = v;
        return o;
      }),
    );
  select.value = list.some(([v]) => v === value) ? value : '';
}

function button(id: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', 'projects-button');
  b.type = 'button';
  if (id !== '') b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

function text(value: string): Text {
  return document.createTextNode(value);
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className !== '') el.className = className;
  if (content !== undefined) el.textContent = content;
  return el;
}
