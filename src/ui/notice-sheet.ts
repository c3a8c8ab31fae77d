/**
 * The parts of a village notice sheet (村级扶贫项目公告公示), built with textContent: the head of its
 * first page (title, place, month, posting period, the small map and the QR code), the running head
 * of the others, the projects table's head and rows, the closing block (totals, the four goals,
 * hotlines, signature and stamp) and each page's foot. The table's columns are the popup's
 * disclosure fields (contract/project-fields.ts, `popup`), arranged in columns; a field added there
 * gets a column of its own.
 */
import { STATUSES } from '../contract/columns';
import { OTHER_FIELDS, arrange, fieldsShownIn, projectField, type AnyProjectField, type FieldKey } from '../contract/project-fields';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { formatWan } from '../domain/format';
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import type { PostingPeriod } from '../domain/posting-period';
import { regionName } from '../domain/region-name';
import { fillText, formatNumber, monthLabel, pick, t, type Lang, type StringKey } from '../i18n';
import type { NoticeLink, VillageNotice } from '../state/notice-model';
import { fieldText } from '../state/projects-table';
import { h } from './dom';

/** What every part of one village's sheets is drawn from. */
export interface SheetContext {
  site: SiteData;
  p: SiteProjects;
  notice: VillageNotice;
  lang: Lang;
  period: PostingPeriod;
  /** Where the QR code points; null: no code (a page opened from a file, and no portal configured). */
  link: NoticeLink | null;
}

/** A column of the projects table: its head, the public fields it shows, and its cell for project `i`. */
interface Column {
  head: StringKey | { field: AnyProjectField };
  fields: readonly FieldKey[];
  className: string;
  cell(c: SheetContext, i: number): (string | HTMLElement)[];
}

const small = (text: string): HTMLElement => h('span', 'notice-small', text);
const strong = (text: string): HTMLElement => h('strong', '', text);
const value = (c: SheetContext, key: FieldKey, i: number): string => fieldText(projectField(key), c.p[key][i], c.lang);

/** The table's columns, left to right: the project, then the disclosure fields as arranged, then its state in the month. */
const COLUMNS = arrange<Column>(
  fieldsShownIn('popup'),
  [
    { head: 'noticeColProject', fields: [], className: 'notice-col-project', cell: (c, i) => [strong(c.p.name[i] ?? ''), small(`${categoryName(c, i)} · ${c.p.id[i] ?? ''}`)] },
    { head: 'noticeColContent', fields: ['content', 'target'], className: 'notice-col-content', cell: (c, i) => [value(c, 'content', i), ...(c.p.target[i] ? [small(fillText(c.lang, 'noticeTarget', { target: c.p.target[i] ?? '' }))] : [])] },
    { head: 'noticeColMoney', fields: ['budgetWan', 'fundSource'], className: 'notice-col-money notice-num', cell: (c, i) => [strong(formatWan(c.p.budgetWan[i] ?? 0)), small(value(c, 'fundSource', i))] },
    { head: 'noticeColPeriod', fields: ['start', 'due'], className: 'notice-col-period', cell: (c, i) => [`${c.p.start[i] ?? ''} —`, c.p.due[i] ?? ''] },
    { head: 'noticeColUnit', fields: ['unit', 'hotline'], className: 'notice-col-unit', cell: (c, i) => [value(c, 'unit', i), small(value(c, 'hotline', i))] },
    {
      head: 'noticeColBeneficiaries',
      fields: ['beneficiaryHouseholds', 'beneficiaryPoorHouseholds', 'beneficiaryPoorPopulation'],
      className: 'notice-col-beneficiaries',
      cell: (c, i) => beneficiaries(c, i),
    },
    OTHER_FIELDS,
    { head: 'noticeColStatus', fields: [], className: 'notice-col-status', cell: (c, i) => [fillText(c.lang, 'noticeProgress', { status: t(c.lang, STATUSES[c.p.status[c.notice.monthIndex]?.[i] ?? 0] ?? 'planned'), pct: c.p.progressPct[c.notice.monthIndex]?.[i] ?? 0 })] },
    { head: 'noticeColSpent', fields: [], className: 'notice-col-spent notice-num', cell: (c, i) => [formatWan(c.p.spentWan[c.notice.monthIndex]?.[i] ?? 0)] },
  ],
  (col) => col.fields,
  (f) => ({ head: { field: f }, fields: [f.key], className: 'notice-col-other', cell: (c, i) => [fieldText(f, c.p[f.key][i], c.lang)] }),
);

function categoryName(c: SheetContext, i: number): string {
  const category = c.site.config.categories[c.p.category[i] ?? -1];
  return category ? pick(category, c.lang) : '—';
}

function beneficiaries(c: SheetContext, i: number): (string | HTMLElement)[] {
  const n = (x: number | null | undefined): string | null => (x === null || x === undefined ? null : formatNumber(c.lang, x));
  const parts: [StringKey, string | null][] = [
    ['noticeHouseholds', n(c.p.beneficiaryHouseholds[i])],
    ['noticePoorHouseholds', n(c.p.beneficiaryPoorHouseholds[i])],
    ['noticePoorPeople', n(c.p.beneficiaryPoorPopulation[i])],
  ];
  const lines = parts.filter(([, x]) => x !== null).map(([key, x], k) => (k === 0 ? fillText(c.lang, key, { n: x ?? '' }) : small(fillText(c.lang, key, { n: x ?? '' }))));
  return lines.length > 0 ? lines : ['—'];
}

/** The first page's head: title, place, month, posting period, the lead, the small map and the QR code (filled in later). */
export function sheetHead(c: SheetContext, map: SVGSVGElement | null, qr: HTMLElement): HTMLElement {
  const { site, notice, lang } = c;
  const el = h('header', 'notice-head');
  if (site.config.isSample) el.append(h('p', 'notice-sample', t(lang, 'sampleBanner')));
  const title = h('h1', 'notice-title', t(lang, 'noticeTitle'));
  const place = h('p', 'notice-place', fillText(lang, 'noticePlace', { county: regionName(site.config.region, lang), town: notice.town.name, village: notice.village.name }));
  const meta = h('p', 'notice-meta', fillText(lang, 'noticeMeta', { month: monthLabel(lang, notice.month), count: notice.totals.count }));
  const posting = h('p', 'notice-posting');
  posting.append(strong(`${t(lang, 'noticePosting')}${t(lang, 'colon')}`), postingText(c));
  const text = h('div', 'notice-head-text');
  text.append(place, meta, posting, h('p', 'notice-lead', t(lang, 'noticeLead')));
  const figure = h('figure', 'notice-map');
  if (map) figure.append(map);
  figure.append(h('figcaption', '', fillText(lang, 'noticeMapCaption', { village: notice.village.name, town: notice.town.name })));
  const band = h('div', 'notice-head-band');
  band.append(text, figure, qr);
  el.append(title, band);
  return el;
}

/** The QR code's box: the code (drawn into `.notice-qr-code` when uqr has loaded), what it is for, and the link printed under it. */
export function qrBox(c: SheetContext): { box: HTMLElement; code: HTMLElement } {
  const box = h('figure', 'notice-qr');
  const code = h('div', 'notice-qr-code');
  const caption = h('figcaption', '');
  if (!c.link) {
    box.classList.add('notice-qr--none');
    caption.append(h('span', 'notice-qr-copy', t(c.lang, 'noticeQrNone')));
    box.append(caption);
    return { box, code };
  }
  code.setAttribute('role', 'img');
  code.setAttribute('aria-label', fillText(c.lang, 'noticeQrLabel', { url: c.link.url }));
  caption.append(h('span', 'notice-qr-hint', t(c.lang, 'noticeQrCaption')), h('span', 'notice-qr-link', c.link.url));
  if (c.link.isThisCopy) caption.append(h('span', 'notice-qr-copy', t(c.lang, 'noticeQrThisCopy')));
  box.append(code, caption);
  return { box, code };
}

/** A later page's head: the village's name and that the notice continues. */
export function runningHead(c: SheetContext): HTMLElement {
  return h('header', 'notice-running', fillText(c.lang, 'noticeContinued', { village: c.notice.village.name }));
}

/** An empty projects table with its head row (a page's rows go into its tbody). */
export function projectsTable(c: SheetContext): HTMLTableElement {
  const table = h('table', 'notice-table');
  const row = table.createTHead().insertRow();
  const no = h('th', 'notice-col-no', t(c.lang, 'noticeColNo'));
  no.scope = 'col';
  row.append(no);
  for (const col of COLUMNS) {
    const th = h('th', col.className, typeof col.head === 'string' ? t(c.lang, col.head) : t(c.lang, col.head.field.label));
    th.scope = 'col';
    row.append(th);
  }
  table.createTBody();
  return table;
}

/** The table row of project `i`, numbered `n` from 1. */
export function projectRow(c: SheetContext, i: number, n: number): HTMLTableRowElement {
  const tr = h('tr', 'notice-row');
  tr.dataset.project = c.p.id[i] ?? '';
  tr.dataset.budget = String(c.p.budgetWan[i] ?? 0);
  tr.append(h('td', 'notice-col-no', String(n)));
  for (const col of COLUMNS) {
    const td = h('td', col.className);
    for (const part of col.cell(c, i)) td.append(typeof part === 'string' ? h('span', 'notice-line', part) : part);
    tr.append(td);
  }
  return tr;
}

/** The totals row under the last page's rows: the budget and the money paid, in their columns. */
export function totalsFoot(c: SheetContext, table: HTMLTableElement): void {
  const row = table.createTFoot().insertRow();
  row.className = 'notice-total';
  const label = h('th', 'notice-col-no', t(c.lang, 'noticeTotal'));
  label.scope = 'row';
  label.colSpan = 1 + COLUMNS.findIndex((col) => col.fields.includes('budgetWan'));
  row.append(label);
  const moneyAt = COLUMNS.findIndex((col) => col.fields.includes('budgetWan'));
  const budget = h('td', 'notice-num notice-total-budget', formatWan(c.notice.totals.budgetWan));
  budget.dataset.value = String(c.notice.totals.budgetWan);
  row.append(budget);
  const between = COLUMNS.length - moneyAt - 2;
  if (between > 0) {
    const gap = h('td', '');
    gap.colSpan = between;
    row.append(gap);
  }
  const spent = h('td', 'notice-num notice-total-spent', formatWan(c.notice.totals.spentWan));
  spent.dataset.value = String(c.notice.totals.spentWan);
  row.append(spent);
}

/** The closing block of the last page: totals in words, the four goals, the hotlines, and the signature and stamp. */
export function closing(c: SheetContext): HTMLElement {
  const { notice, lang, site } = c;
  const el = h('section', 'notice-closing');
  const month = monthLabel(lang, notice.month);
  if (notice.totals.count === 0) el.append(h('p', 'notice-none', fillText(lang, 'noticeNone', { month })));
  const totals = h('p', 'notice-totals', fillText(lang, 'noticeTotals', { ...notice.totals, budget: formatWan(notice.totals.budgetWan), spent: formatWan(notice.totals.spentWan) }));
  totals.dataset.count = String(notice.totals.count);
  totals.dataset.budget = String(notice.totals.budgetWan);
  const text = h('div', 'notice-closing-text');
  text.append(totals, h('h2', 'notice-subheading', fillText(lang, 'noticeGoals', { month })));
  const goals = h('ul', 'notice-goals');
  for (const g of notice.goals) {
    const config = site.config.goals.find((x) => x.id === g.id);
    const item = h('li', 'notice-goal');
    item.dataset.goal = g.id;
    item.dataset.value = g.value === null ? '' : String(g.value);
    const spec = indicatorSpec(g.id);
    item.append(h('span', 'notice-goal-slogan', config ? pick(config, lang) : g.id), h('span', 'notice-goal-value', g.isWithheld ? t(lang, 'noticeWithheld') : formatIndicator(spec, g.value, lang)), h('span', 'notice-goal-name', pick(spec, lang)));
    goals.append(item);
  }
  text.append(goals);
  const hot = h('p', 'notice-hotlines');
  hot.append(strong(`${t(lang, 'noticeHotlines')}${t(lang, 'colon')}`), fillText(lang, 'noticeHotlinesText', { lines: notice.hotlines.join(t(lang, 'reportListSeparator')) }));
  const posting = h('p', 'notice-sign-posting');
  posting.append(strong(`${t(lang, 'noticePosting')}${t(lang, 'colon')}`), postingText(c));
  text.append(hot, posting);
  // The committee's stamp and date beside the text, with room for a round stamp.
  const stamp = h('div', 'notice-stamp');
  stamp.append(h('p', '', t(lang, 'noticeStamp')), h('p', '', t(lang, 'noticeDate')));
  const grid = h('div', 'notice-closing-grid');
  grid.append(text, stamp);
  el.append(grid);
  return el;
}

/** Every page's foot: the atlas and the data month on the left, the page line ("第 2 页 共 3 页") on the right. */
export function sheetFoot(c: SheetContext, page: { page: number; of: number } | null): HTMLElement {
  const el = h('footer', 'notice-foot');
  el.append(h('span', 'notice-foot-source', `${pick(c.site.config.title, c.lang)} · ${monthLabel(c.lang, c.notice.month)}`));
  const number = h('span', 'notice-page', page ? fillText(c.lang, 'noticePage', page) : '');
  if (page) {
    number.dataset.page = String(page.page);
    number.dataset.of = String(page.of);
  }
  el.append(number);
  return el;
}

/** 2026年12月1日至2026年12月10日（10天）. */
function postingText(c: SheetContext): string {
  const day = (iso: string): string => fillText(c.lang, 'noticeDay', { month: monthLabel(c.lang, iso.slice(0, 7)), day: Number(iso.slice(8, 10)) });
  return fillText(c.lang, 'noticePostingText', { from: day(c.period.from), to: day(c.period.to), days: c.period.days });
}
