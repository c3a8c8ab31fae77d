/** The projects page (项目公示) as data: one disclosure row per project, its filters, sort orders, CSV and GeoJSON. Pure, no DOM. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { STATUSES, type ProjectStatus } from '../contract/columns';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import type { CsvCell } from '../domain/csv';
import { pick, t, type Lang, type Localized } from '../i18n';
import type { StatusFilter } from './view-state';

/** A place of a project: a town or a village, by code and name. */
export interface PlaceRef {
  code: string;
  name: string;
}

/** One project's public disclosure fields (公告公示) and its state as of a month. */
export interface ProjectRow {
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
  /** 建设内容 */
  content: string | null;
  /** 资金规模（万元） */
  budgetWan: number;
  /** 资金来源 */
  fundSource: string | null;
  /** 实施期限: start and planned completion, YYYY-MM-DD. */
  start: string;
  due: string;
  /** 责任单位 */
  unit: string | null;
  /** 绩效目标 */
  target: string | null;
  /** 带贫减贫机制: households that benefit, of which poor, and jobs created. */
  beneficiaryHouseholds: number | null;
  beneficiaryPoorHouseholds: number | null;
  jobs: number | null;
  /** 监督电话 */
  hotline: string | null;
  /** As of the month. */
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
  /** The start year; null when the start date has none. */
  year: number | null;
}

/** What the table shows; an empty list or null means "all". */
export interface ProjectFilter {
  /** Free text: matches id, name, content, unit, town and village names and fund source (NFKC, case and spaces ignored). */
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
}

/** The filter that shows every project. */
export const NO_FILTER: Readonly<ProjectFilter> = Object.freeze({ query: '', town: null, village: null, categories: Object.freeze([]), statuses: Object.freeze([]), year: null });

/** The table's sortable columns. `place` is town then village; `period` is start then due; `progress` is status then progress %. */
export type SortKey = 'id' | 'name' | 'category' | 'place' | 'budgetWan' | 'period' | 'progress' | 'spentWan' | 'unit' | 'year';
export const SORT_KEYS: readonly SortKey[] = ['id', 'name', 'category', 'place', 'budgetWan', 'period', 'progress', 'spentWan', 'unit', 'year'];
export type SortDirection = 'ascending' | 'descending';

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
    const year = /^\d{4}/.test(start) ? Number(start.slice(0, 4)) : null;
    return {
      index: i,
      id,
      name: p.name[i] ?? '',
      category: { id: cat?.id ?? '', name: cat ? pick(cat, lang) : '', colour: cat?.colour ?? '#999999' },
      town: { code: town?.code ?? '', name: town?.name ?? '' },
      village: village ? { code: village.code, name: village.name } : null,
      content: p.content[i] ?? null,
      budgetWan: p.budgetWan[i] ?? 0,
      fundSource: p.fundSource[i] ?? null,
      start,
      due: p.due[i] ?? '',
      unit: p.unit[i] ?? null,
      target: p.target[i] ?? null,
      beneficiaryHouseholds: p.beneficiaryHouseholds[i] ?? null,
      beneficiaryPoorHouseholds: p.beneficiaryPoorHouseholds[i] ?? null,
      jobs: p.jobs[i] ?? null,
      hotline: p.hotline[i] ?? null,
      status: STATUSES[statusRow[i] ?? 0] ?? 'planned',
      progressPct: progressRow[i] ?? 0,
      spentWan: spentRow[i] ?? 0,
      year,
    };
  });
}

/** NFKC, no whitespace, lower case: full-width and half-width forms, and 'ZX 2016' and 'zx2016', compare equal. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** A row's searchable text, normalised once per row object. */
const haystacks = new WeakMap<ProjectRow, string>();
function haystackOf(row: ProjectRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    // A separator no normalised query contains, so a match never spans two fields.
    text = [row.id, row.name, row.content, row.unit, row.town.name, row.village?.name, row.fundSource].map((f) => normalizeQuery(f ?? '')).join('\u0000');
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

/** A town-wide project's village cell. */
const TOWN_WIDE: Localized = { zh: '（全镇）', en: '(town-wide)' };

/** The CSV columns: header in each language and the cell of a row. */
const CSV_COLUMNS: readonly (Localized & { cell: (r: ProjectRow, lang: Lang) => CsvCell })[] = [
  { zh: '项目编号', en: 'Project id', cell: (r) => r.id },
  { zh: '项目名称', en: 'Project name', cell: (r) => r.name },
  { zh: '项目类别', en: 'Category', cell: (r) => r.category.name },
  { zh: '乡镇代码', en: 'Town code', cell: (r) => r.town.code },
  { zh: '乡镇名称', en: 'Town', cell: (r) => r.town.name },
  { zh: '村代码', en: 'Village code', cell: (r) => r.village?.code ?? null },
  { zh: '村名称', en: 'Village', cell: (r, lang) => r.village?.name ?? pick(TOWN_WIDE, lang) },
  { zh: '建设内容', en: 'Content', cell: (r) => r.content },
  { zh: '资金规模(万元)', en: 'Budget (10k yuan)', cell: (r) => r.budgetWan },
  { zh: '资金来源', en: 'Fund source', cell: (r) => r.fundSource },
  { zh: '开工时间', en: 'Start', cell: (r) => r.start },
  { zh: '计划完工时间', en: 'Due', cell: (r) => r.due },
  { zh: '责任单位', en: 'Responsible unit', cell: (r) => r.unit },
  { zh: '绩效目标', en: 'Performance target', cell: (r) => r.target },
  { zh: '受益户数', en: 'Beneficiary households', cell: (r) => r.beneficiaryHouseholds },
  { zh: '受益贫困户数', en: 'Beneficiary poor households', cell: (r) => r.beneficiaryPoorHouseholds },
  { zh: '带动就业人数', en: 'Jobs', cell: (r) => r.jobs },
  { zh: '监督电话', en: 'Hotline', cell: (r) => r.hotline },
  { zh: '状态', en: 'Status', cell: (r, lang) => statusName(r.status, lang) },
  { zh: '形象进度(%)', en: 'Progress (%)', cell: (r) => r.progressPct },
  { zh: '已拨付(万元)', en: 'Disbursed (10k yuan)', cell: (r) => r.spentWan },
];

/** A header row in the language and one row per project, for toCsv (which neutralises formulas). */
export function csvRows(rows: readonly ProjectRow[], lang: Lang): CsvCell[][] {
  return [CSV_COLUMNS.map((c) => pick(c, lang)), ...rows.map((r) => CSV_COLUMNS.map((c) => c.cell(r, lang)))];
}

/** The disclosure fields of a row as GeoJSON properties (English keys; names as written, category name in the row's language). */
export interface ProjectProperties {
  id: string;
  name: string;
  category: string;
  categoryName: string;
  townCode: string;
  townName: string;
  villageCode: string | null;
  villageName: string | null;
  content: string | null;
  budgetWan: number;
  fundSource: string | null;
  start: string;
  due: string;
  unit: string | null;
  target: string | null;
  beneficiaryHouseholds: number | null;
  beneficiaryPoorHouseholds: number | null;
  jobs: number | null;
  hotline: string | null;
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
  /** True when the point is the project's own; false when it is its village seat. */
  hasOwnPoint: boolean;
}

/** The rows as Points (WGS-84) in their order; projects without a point are left out and counted in `missingPoints`. */
export function toGeoJson(rows: readonly ProjectRow[], projects: SiteProjects): { collection: FeatureCollection<Point, ProjectProperties>; missingPoints: number } {
  const features: Feature<Point, ProjectProperties>[] = [];
  let missingPoints = 0;
  for (const r of rows) {
    const lon = projects.lon[r.index] ?? null;
    const lat = projects.lat[r.index] ?? null;
    if (lon === null || lat === null) {
      missingPoints++;
      continue;
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        id: r.id,
        name: r.name,
        category: r.category.id,
        categoryName: r.category.name,
        townCode: r.town.code,
        townName: r.town.name,
        villageCode: r.village?.code ?? null,
        villageName: r.village?.name ?? null,
        content: r.content,
        budgetWan: r.budgetWan,
        fundSource: r.fundSource,
        start: r.start,
        due: r.due,
        unit: r.unit,
        target: r.target,
        beneficiaryHouseholds: r.beneficiaryHouseholds,
        beneficiaryPoorHouseholds: r.beneficiaryPoorHouseholds,
        jobs: r.jobs,
        hotline: r.hotline,
        status: r.status,
        progressPct: r.progressPct,
        spentWan: r.spentWan,
        hasOwnPoint: projects.hasOwnPoint[r.index] ?? false,
      },
    });
  }
  return { collection: { type: 'FeatureCollection', features }, missingPoints };
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
