/** The projects page (项目公示) as data: one disclosure row per project, its filters and sort orders. Pure, no DOM. */
import { STATUSES, type ProjectStatus } from '../contract/columns';
import { PROJECT_FIELDS, blankValue, fieldsShownIn, type AnyProjectField, type ProjectFieldValues } from '../contract/project-fields';
import type { SitePhoto } from '../contract/photos';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { fillText, formatNumber, pick, t, type Lang } from '../i18n';
import { photosOf, withheldOf } from './project-photos';
import { PROJECT_SORT_KEYS, type ProjectSortKey, type SortDirection, type StatusFilter } from './view-state';

/** A place of a project: a town or a village, by code and name. */
export interface PlaceRef {
  code: string;
  name: string;
}

/**
 * One project's public disclosure (公告公示): its identity and place, its public fields by key
 * (contract/project-fields.ts: 建设内容, 资金规模, 实施期限, 责任单位, 绩效目标, 监督电话…) and its
 * state as of a month.
 */
export interface ProjectRow extends ProjectFieldValues {
  /** Index of the project in SiteProjects' columns. */
  index: number;
  /** 项目编号 */
  id: string;
  /** 项目名称 */
  name: string;
  /** 项目类别: the config's id, its name in the language and its colour. */
  category: { id: string; name: string; colour: string };
  town: PlaceRef;
  /** Null for a town-wide project (全镇). */
  village: PlaceRef | null;
  /** As of the month. */
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
  /** The start year; null when the start date has none. */
  year: number | null;
  /** Its published site photos (形象进度), in stage order. */
  photos: readonly SitePhoto[];
  /** Its photos this build did not publish (privacy). */
  photosWithheld: number;
}

/** What the table shows; an empty list or null means "all". */
export interface ProjectFilter {
  /** Free text: matches id, name, town and village names and the searched fields (content, unit, fund source; NFKC, case and spaces ignored). */
  query: string;
  /** 9-digit town code. */
  town: string | null;
  /** 12-digit village code; when set, town-wide projects are left out (as on the map). */
  village: string | null;
  /** Category ids; [] = all. */
  categories: readonly string[];
  /** Status groups; [] = all; 'done' includes accepted. */
  statuses: readonly StatusFilter[];
  /** Start year. */
  year: number | null;
  /** Only projects with a published site photo. */
  isPhotosOnly: boolean;
}

/** The filter that shows every project. */
export const NO_FILTER: Readonly<ProjectFilter> = Object.freeze({ query: '', town: null, village: null, categories: Object.freeze([]), statuses: Object.freeze([]), year: null, isPhotosOnly: false });

/** The table's sortable columns (the view state's, so the order is in the link). */
export type SortKey = ProjectSortKey;
export const SORT_KEYS: readonly SortKey[] = PROJECT_SORT_KEYS;
export type { SortDirection };

/** The disclosure rows of every project, in the ledger's order, with status, progress and spending as of month index `monthIndex`. */
export function projectRows(site: SiteData, projects: SiteProjects, monthIndex: number, lang: Lang): ProjectRow[] {
  const p = projects;
  const statusRow = p.status[monthIndex] ?? [];
  const progressRow = p.progressPct[monthIndex] ?? [];
  const spentRow = p.spentWan[monthIndex] ?? [];
  return p.id.map((id, i) => {
    const cat = site.config.categories[p.category[i] ?? -1];
    const town = site.towns[p.town[i] ?? -1];
    const village = site.villages[p.village[i] ?? -1];
    const start = p.start[i] ?? '';
    const row = {
      index: i,
      id,
      name: p.name[i] ?? '',
      category: { id: cat?.id ?? '', name: cat ? pick(cat, lang) : '', colour: cat?.colour ?? '#999999' },
      town: { code: town?.code ?? '', name: town?.name ?? '' },
      village: village ? { code: village.code, name: village.name } : null,
      status: STATUSES[statusRow[i] ?? 0] ?? 'planned',
      progressPct: progressRow[i] ?? 0,
      spentWan: spentRow[i] ?? 0,
      year: /^\d{4}/.test(start) ? Number(start.slice(0, 4)) : null,
      photos: photosOf(p, i),
      photosWithheld: withheldOf(p, i),
    } as ProjectRow;
    // Each column holds its field's values (parseSiteProjects): the list's types.
    const fields = row as unknown as Record<string, unknown>;
    for (const f of PROJECT_FIELDS) fields[f.key] = p[f.key][i] ?? blankValue(f);
    return row;
  });
}

/** A field's value as the page and the popup show it: '—' when blank, money in 万元 to 2 places, counts with separators. */
export function fieldText(f: AnyProjectField, value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (f.kind === 'money') return fillText(lang, 'projectsWanValue', { value: formatNumber(lang, value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
  return formatNumber(lang, value);
}

/** NFKC, no whitespace, lower case: full-width and half-width forms, and 'ZX 2016' and 'zx2016', compare equal. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** The public fields the search looks in, beside id, name, town and village. */
const SEARCHED = fieldsShownIn('search');

/** A row's searchable text, normalised once per row object. */
const haystacks = new WeakMap<ProjectRow, string>();
function haystackOf(row: ProjectRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    // A separator no normalised query contains, so a match never spans two fields.
    text = [row.id, row.name, row.town.name, row.village?.name, ...SEARCHED.map((f) => row[f.key])].map((f) => normalizeQuery(f === null || f === undefined ? '' : String(f))).join('\u0000');
    haystacks.set(row, text);
  }
  return text;
}

/** Status filter group of a status: accepted counts as done. */
export function statusGroup(status: ProjectStatus): StatusFilter {
  return status === 'accepted' ? 'done' : status;
}

/** The rows the filter lets through, in their order. */
export function filterRows(rows: readonly ProjectRow[], filter: ProjectFilter): ProjectRow[] {
  const query = normalizeQuery(filter.query);
  const cats = filter.categories.length > 0 ? new Set(filter.categories) : null;
  const sts = filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  return rows.filter((row) => {
    if (filter.village !== null ? row.village?.code !== filter.village : filter.town !== null && row.town.code !== filter.town) return false;
    if (cats && !cats.has(row.category.id)) return false;
    if (sts && !sts.has(statusGroup(row.status))) return false;
    if (filter.year !== null && row.year !== filter.year) return false;
    if (filter.isPhotosOnly && row.photos.length === 0) return false;
    return query === '' || haystackOf(row).includes(query);
  });
}

type SortValue = string | number | null;

/** What a column sorts by, most significant first. */
function sortValues(row: ProjectRow, key: SortKey): SortValue[] {
  switch (key) {
    case 'id':
      return [row.id];
    case 'name':
      return [row.name];
    case 'category':
      return [row.category.name];
    case 'place':
      return [row.town.name, row.village?.name ?? null];
    case 'budgetWan':
      return [row.budgetWan];
    case 'period':
      return [row.start || null, row.due || null];
    case 'progress':
      return [STATUSES.indexOf(row.status), row.progressPct];
    case 'spentWan':
      return [row.spentWan];
    case 'unit':
      return [row.unit];
    case 'year':
      return [row.year];
  }
}

/** Chinese text in pinyin order (the zh-Hans-CN collation); Latin text and digits sort before it. */
const collator = new Intl.Collator('zh-Hans-CN');

/** Compares two values in a direction; null (and empty text) goes last in both directions. */
function compareValue(a: SortValue, b: SortValue, sign: 1 | -1): number {
  const isNullA = a === null || a === '';
  const isNullB = b === null || b === '';
  if (isNullA || isNullB) return isNullA === isNullB ? 0 : isNullA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * collator.compare(String(a), String(b));
}

/** The rows sorted by a column: numbers numerically, text in pinyin order, nulls last either way; ties keep their order (stable). */
export function sortRows(rows: readonly ProjectRow[], key: SortKey, direction: SortDirection): ProjectRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, values: sortValues(row, key) }));
  keyed.sort((a, b) => {
    for (let k = 0; k < a.values.length; k++) {
      const c = compareValue(a.values[k] ?? null, b.values[k] ?? null, sign);
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}

/** The start years of the rows, ascending, for the year filter. */
export function yearsOf(rows: readonly ProjectRow[]): number[] {
  return [...new Set(rows.map((r) => r.year).filter((y) => y !== null))].sort((a, b) => a - b);
}

/** The name of a status in a language, as the interface names it. */
export function statusName(status: ProjectStatus, lang: Lang): string {
  return t(lang, status);
}

/** The distinct hotlines of the rows, in pinyin/digit order, each with the units that list it. */
export function hotlinesOf(rows: readonly ProjectRow[]): { hotline: string; units: string[] }[] {
  const byHotline = new Map<string, Set<string>>();
  for (const r of rows) {
    const hotline = r.hotline?.trim();
    if (!hotline) continue;
    const units = byHotline.get(hotline) ?? new Set<string>();
    if (r.unit) units.add(r.unit);
    byHotline.set(hotline, units);
  }
  return [...byHotline]
    .map(([hotline, units]) => ({ hotline, units: [...units].sort(collator.compare) }))
    .sort((a, b) => collator.compare(a.hotline, b.hotline));
}

/** The page (from 1) on which row `id` falls with `pageSize` rows a page, or null when it is not among the rows. */
export function pageOf(rows: readonly ProjectRow[], id: string, pageSize: number): number | null {
  const i = rows.findIndex((r) => r.id === id);
  return i < 0 ? null : Math.floor(i / pageSize) + 1;
}
