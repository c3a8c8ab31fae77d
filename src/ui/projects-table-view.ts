/** The projects page's table (扶贫项目公示表): a row per project, its details folded beneath, sortable columns and a pager. */
import { OTHER_FIELDS, arrange, fieldsShownIn, projectField, type AnyProjectField, type FieldKey } from '../contract/project-fields';
import { fillText, formatNumber, monthLabel, t, type Lang, type StringKey } from '../i18n';
import { fieldText, statusName, type ProjectRow, type SortDirection, type SortKey } from '../state/projects-table';
import type { ViewState } from '../state/view-state';
import { button, money, telLink, text } from './projects-controls';
import { renderPager } from './projects-pager';
import { h } from './dom';
import { releaseMark } from './release-mark';
import { projectPhotos } from './site-photos';
import type { SiteRelease } from '../contract/release';

/** Rows on one page of the table. */
export const PAGE_SIZE = 50;

/** A column of the table: what it sorts by (null: not sortable), its label, and the public fields it shows. */
interface Column {
  key: SortKey | null;
  label: StringKey;
  className: string;
  fields: readonly FieldKey[];
}

/** The table's columns; every other public field the table shows is in a row's details. */
export const COLUMNS: readonly Column[] = [
  { key: 'id', label: 'projectId', className: 'projects-id', fields: [] },
  { key: 'name', label: 'projectName', className: 'projects-name', fields: [] },
  { key: 'category', label: 'category', className: 'projects-category', fields: [] },
  { key: 'place', label: 'location', className: '', fields: [] },
  { key: 'budgetWan', label: 'projectsBudgetColumn', className: 'projects-num', fields: ['budgetWan'] },
  { key: 'period', label: 'period', className: 'projects-period', fields: ['start', 'due'] },
  { key: 'progress', label: 'projectsStatusColumn', className: '', fields: [] },
  { key: 'unit', label: 'unit', className: '', fields: ['unit'] },
  { key: null, label: 'projectsActions', className: 'projects-actions', fields: [] },
];
/** The direction a column sorts in when first chosen: money largest first, the rest A→Z or earliest first. */
const FIRST_DIRECTION: Partial<Record<SortKey, SortDirection>> = { budgetWan: 'descending', spentWan: 'descending' };

/** A line of a row's details: the public fields it shows, its label and its value. */
interface DetailLine {
  fields: readonly FieldKey[];
  pair(r: ProjectRow, lang: Lang): [label: string, value: string | Node];
}

/** A field on a line of its own: its label and its value as written. */
function fieldLine(f: AnyProjectField): DetailLine {
  return { fields: [f.key], pair: (r, lang) => [t(lang, f.label), fieldText(f, r[f.key], lang)] };
}
const line = (key: FieldKey): DetailLine => fieldLine(projectField(key));

/**
 * A row's details: the table's fields that have no column, in list order (contract/project-fields.ts)
 * but for the target beside the content, the beneficiaries and jobs as one sentence (带贫减贫机制),
 * what is spent, and the hotline last.
 */
const DETAILS = arrange<DetailLine>(
  fieldsShownIn('table').filter((f) => !COLUMNS.some((c) => c.fields.includes(f.key))),
  [
    line('content'),
    line('fundSource'),
    line('target'),
    { fields: ['beneficiaryHouseholds', 'beneficiaryPoorHouseholds', 'jobs'], pair: (r, lang) => [t(lang, 'projectsMechanism'), mechanism(r, lang)] },
    { fields: [], pair: (r, lang) => [t(lang, 'spent'), fillText(lang, 'projectsWanValue', { value: money(lang, r.spentWan) })] },
    OTHER_FIELDS,
    { fields: ['hotline'], pair: (r, lang) => [t(lang, 'hotline'), r.hotline ? telLink(r.hotline, 'projects-tel') : '—'] },
  ],
  (l) => l.fields,
  fieldLine,
);

export interface ProjectsTableDeps {
  /** The projects whose details are open, by id: kept by the page, so they stay open across renders. */
  expanded: Set<string>;
  /** A column's header was chosen: sort by it. */
  onSort(sort: { key: SortKey; direction: SortDirection }): void;
  /** A page of the pager was chosen. */
  onPage(page: number): void;
  /** Sets view state through the store (a row's "show on the map"). */
  onChange(patch: Partial<ViewState>): void;
  /** The release, to mark the projects it changed (release-mark.ts). */
  release?: SiteRelease | null;
  /** The site data is the sample: its photos are marked 示例照片. */
  isSample?: boolean;
}

/** What the table shows: a page of rows as of a month, sorted. */
export interface ProjectsTableView {
  lang: Lang;
  month: string;
  rows: readonly ProjectRow[];
  /** The project named in the view state, marked as current. */
  project: string | null;
  page: number;
  pages: number;
  sort: { key: SortKey; direction: SortDirection };
}

/** The table (in its scrolling box) and the pager; `update` renders a page. */
export function mountProjectsTable(deps: ProjectsTableDeps) {
  let shown: ProjectsTableView | null = null;
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
      const sort = shown?.sort;
      deps.onSort(sort?.key === key ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: FIRST_DIRECTION[key] ?? 'ascending' });
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
  const wrap = h('div', 'projects-table-wrap');
  wrap.append(table);
  const pager = h('nav', 'projects-pager');

  function renderHead(lang: Lang, sort: ProjectsTableView['sort']): void {
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
  }

  function renderRows(v: ProjectsTableView): void {
    const { lang } = v;
    caption.textContent = fillText(lang, 'projectsCaption', { month: monthLabel(lang, v.month), page: v.page, pages: v.pages });
    if (v.rows.length === 0) {
      const tr = body.ownerDocument.createElement('tr');
      const td = h('td', 'projects-empty', t(lang, 'projectsNone'));
      td.colSpan = COLUMNS.length;
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...v.rows.flatMap((r) => projectRow(r, lang, r.id === v.project)));
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
    const mark = releaseMark(deps.release, r.id, lang);
    if (mark) name.append(mark);
    if (r.photos.length > 0) {
      const photoMark = h('span', 'projects-photo-mark', fillText(lang, 'projectsPhotoMark', { n: r.photos.length }));
      photoMark.title = fillText(lang, 'projectsPhotoMarkLabel', { n: r.photos.length });
      name.append(photoMark);
    }
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
    const isOpen = deps.expanded.has(r.id);
    const toggle = button('', () => {
      const open = !deps.expanded.has(r.id);
      if (open) deps.expanded.add(r.id);
      else deps.expanded.delete(r.id);
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
    for (const l of DETAILS) {
      const [label, value] = l.pair(r, lang);
      const dd = h('dd', '');
      dd.append(value);
      dl.append(h('dt', '', label), dd);
    }
    td.append(dl);
    // The photos are made when the details first open: their thumbnails load then, not with the page.
    const addPhotos = (): void => {
      if (td.querySelector('.site-photos')) return;
      const photos = projectPhotos({ photos: r.photos, withheld: r.photosWithheld, projectName: r.name }, { lang, isSample: deps.isSample ?? false });
      if (photos) td.prepend(photos);
    };
    if (isOpen) addPhotos();
    else toggle.addEventListener('click', addPhotos, { once: true });
    detail.append(td);
    return [tr, detail];
  }

  return {
    wrap,
    pager,
    /** Renders the header's labels and sort marks, the rows and the pager. */
    update(v: ProjectsTableView): void {
      shown = v;
      renderHead(v.lang, v.sort);
      pager.setAttribute('aria-label', t(v.lang, 'projectsPager'));
      renderRows(v);
      renderPager(pager, v.lang, v.page, v.pages, (n) => {
        if (n === v.page) return;
        deps.onPage(n);
        table.focus({ preventScroll: true });
        table.scrollIntoView({ block: 'start' });
      });
    },
    /** The heading cell (the project's name) of a project's row on the page shown, by its index in the projects. */
    rowHeading(index: number): HTMLElement | null {
      return body.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`)?.querySelector<HTMLElement>('th') ?? null;
    },
  };
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

function formatPct(pct: number): string {
  return `${Math.round(pct)}%`;
}
