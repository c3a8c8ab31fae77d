import { GOAL_IDS, parseAtlasConfig, type AtlasConfig } from './config';
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { parseSummary, type ProjectSummary } from './project-summary';
import { parseIntegrity, type SiteIntegrity } from './site-integrity';
import { parseSiteRelease, type SiteRelease } from './release';

// site.json's parts, each with its parser in a module of its own: their types are part of site.json's shape.
export type { ProjectSummary, SummaryLagging } from './project-summary';
export { SUMMARY_LAGGING_MAX } from './project-summary';
export type { SiteFinding, SiteIntegrity } from './site-integrity';

/** The site data the build emits and the browser reads (public/data/). */
/** The deepest zoom the map allows; the build simplifies boundaries to a pixel there. */
export const MAX_ZOOM = 16;

export const SITE_SCHEMA_VERSION = 1;

/**
 * Every indicator of DESIGN.md, in display order: the four goals first. The one list of ids: the
 * type derives from it, and src/domain/indicators.ts keeps exactly one spec (unit, name, direction)
 * per id.
 */
export const INDICATOR_IDS = [...GOAL_IDS, 'completion', 'progress', 'disbursement', 'lag', 'incidence', 'quality'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** A monthly series: an indicator or count, per month, per area. */
export type SeriesId = IndicatorId | 'laggingProjects';
/** The series added up from the ledgers (pipeline/aggregate/); `quality` comes from the 数据实 checks. */
export type AggregateSeriesId = Exclude<SeriesId, 'quality'>;
export const SERIES_IDS: readonly SeriesId[] = [...INDICATOR_IDS, 'laggingProjects'];

/** [west, south, east, north] in degrees. */
export type BBox = [west: number, south: number, east: number, north: number];
/** [lon, lat] in degrees, WGS-84. */
export type LonLat = [lon: number, lat: number];

export interface SiteTown {
  /** Stable feature id: the index in `towns`, which is sorted by code. */
  id: number;
  code: string;
  name: string;
  /** A point inside the town for its label. */
  labelPoint: LonLat;
  bbox: BBox;
  villageCount: number;
  households: number;
  population: number;
  poorHouseholds: number;
  poorPopulation: number;
  projectCount: number;
  budgetWan: number;
}

export interface SiteVillage {
  id: number;
  code: string;
  name: string;
  townId: number;
  /** The village committee seat, or null when the data has none. */
  point: LonLat | null;
  /**
   * Household and population counts; null when a public build withholds them (fewer households
   * than thresholds.minHouseholdCount, or withheld alongside such a village so that town totals
   * cannot give it away).
   */
  households: number | null;
  population: number | null;
  isPoorVillage: boolean | null;
  poorHouseholds: number | null;
  poorPopulation: number | null;
  exitYear: number | null;
  projectCount: number;
  budgetWan: number;
}

/** Values per month (outer index, as in `months`) and per area (inner index, as in `towns`/`villages`). */
export interface AreaSeries {
  county: (number | null)[];
  towns: (number | null)[][];
  villages: (number | null)[][];
}

export interface SiteData {
  schemaVersion: typeof SITE_SCHEMA_VERSION;
  /** The dataset's atlas.config.json, parsed (emitted in its file form by serializeAtlasConfig). */
  config: AtlasConfig;
  /** Report months, YYYY-MM, ascending. */
  months: string[];
  bbox: BBox;
  towns: SiteTown[];
  villages: SiteVillage[];
  /** Indicators computed from an estimate rather than counted (e.g. household coverage without households.csv). */
  estimated: IndicatorId[];
  series: Record<SeriesId, AreaSeries>;
  /** The county's projects in sum, so the county view draws its figures without loading a project. */
  projectSummary: ProjectSummary;
  /** 数据实: what the consistency checks found and how far each area's data can be trusted. */
  integrity: SiteIntegrity;
  publication: Publication;
  /** The release (数据版本) these data are, and the projects it changed; null in data built before releases. */
  release?: SiteRelease | null;
  /**
   * The file with the villages' values of the months before the latest (months.json,
   * src/contract/site-months.ts) while `series` holds only the latest month's for the villages
   * (its other village rows are empty until withSiteMonths adds them); absent or null when `series` holds every month.
   */
  monthsFile?: string | null;
}

/** Where a town's projects are: one file per town with projects, fetched when the town is opened. */
export function projectChunkFile(townCode: string): string {
  return `projects/${townCode}.json`;
}

/** Who the build is for: the county's own atlas, or the public portal (`--public`) with small counts withheld. */
export interface Publication {
  isPublic: boolean;
  /** Village household counts below this are withheld in a public build (thresholds.minHouseholdCount). */
  minHouseholdCount: number;
  /** How many villages' household figures a public build withholds. */
  withheldVillages: number;
}

/** Parses site.json as fetched by the browser; anything unexpected is an issue, never a cast. */
export function parseSiteData(input: unknown): Parsed<SiteData> {
  const c = new JsonChecker('site.json');
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.schemaVersion !== SITE_SCHEMA_VERSION) c.error('schemaVersion', 'siteSchemaVersion', { expected: SITE_SCHEMA_VERSION, got: String(JSON.stringify(o.schemaVersion)) });
  const config = parseAtlasConfig(o.config, 'site.json#config');
  c.issues.push(...config.issues);
  const months = (c.array(o.months, 'months') ?? []).map((m, i) => c.string(m, join('months', i)) ?? '');
  const bbox = bboxOf(c, o.bbox, 'bbox');
  const towns = (c.array(o.towns, 'towns') ?? []).map((t, i) => parseTown(c, t, join('towns', i)));
  const villages = (c.array(o.villages, 'villages') ?? []).map((v, i) => parseVillage(c, v, join('villages', i)));
  const estimated = (c.array(o.estimated, 'estimated') ?? []).map((e, i) => c.oneOf(e, join('estimated', i), INDICATOR_IDS));
  const monthsFile = o.monthsFile === undefined || o.monthsFile === null ? null : c.string(o.monthsFile, 'monthsFile');
  const seriesObj = c.object(o.series, 'series') ?? {};
  const series = {} as Record<SeriesId, AreaSeries>;
  for (const id of SERIES_IDS) series[id] = parseSeries(c, seriesObj[id], join('series', id), months.length, towns.length, villages.length, monthsFile !== null);
  const projectSummary = parseSummary(c, o.projectSummary, months.length);
  const integrity = parseIntegrity(c, o.integrity, towns.length, villages.length);
  const pub = c.object(o.publication, 'publication');
  const publication: Publication = {
    isPublic: c.boolean(pub?.isPublic, 'publication.isPublic') ?? false,
    minHouseholdCount: count(c, pub?.minHouseholdCount, 'publication.minHouseholdCount'),
    withheldVillages: count(c, pub?.withheldVillages, 'publication.withheldVillages'),
  };
  const release = parseSiteRelease(c, o.release, 'release');
  if (c.hasErrors || !config.ok || !bbox) return { ok: false, issues: c.issues };
  return {
    ok: true,
    issues: c.issues,
    value: {
      schemaVersion: SITE_SCHEMA_VERSION,
      config: config.value,
      months,
      bbox,
      towns: towns.filter((t) => t !== null),
      villages: villages.filter((v) => v !== null),
      estimated: estimated.filter((e) => e !== null),
      series,
      projectSummary,
      integrity,
      publication,
      release,
      ...(monthsFile === null ? {} : { monthsFile }),
    },
  };
}

function bboxOf(c: JsonChecker, v: unknown, path: string): BBox | null {
  const a = c.array(v, path);
  if (!a || a.length !== 4 || !a.every((n) => typeof n === 'number')) return c.error(path, 'siteExpectedBox');
  return [a[0] as number, a[1] as number, a[2] as number, a[3] as number];
}

function count(c: JsonChecker, v: unknown, path: string): number {
  return c.number(v, path, 0) ?? 0;
}

function parseTown(c: JsonChecker, v: unknown, path: string): SiteTown | null {
  const o = c.object(v, path);
  if (!o) return null;
  const labelPoint = c.pair(o.labelPoint, join(path, 'labelPoint'));
  const bbox = bboxOf(c, o.bbox, join(path, 'bbox'));
  const code = c.string(o.code, join(path, 'code'));
  const name = c.string(o.name, join(path, 'name'));
  if (!labelPoint || !bbox || !code || !name) return null;
  const n = (k: string): number => count(c, o[k], join(path, k));
  return { id: n('id'), code, name, labelPoint, bbox, villageCount: n('villageCount'), households: n('households'), population: n('population'), poorHouseholds: n('poorHouseholds'), poorPopulation: n('poorPopulation'), projectCount: n('projectCount'), budgetWan: n('budgetWan') };
}

function parseVillage(c: JsonChecker, v: unknown, path: string): SiteVillage | null {
  const o = c.object(v, path);
  if (!o) return null;
  const code = c.string(o.code, join(path, 'code'));
  const name = c.string(o.name, join(path, 'name'));
  const point = o.point === null ? null : c.pair(o.point, join(path, 'point'));
  const isPoorVillage = o.isPoorVillage === null ? null : c.boolean(o.isPoorVillage, join(path, 'isPoorVillage'));
  const exitYear = o.exitYear === null ? null : c.number(o.exitYear, join(path, 'exitYear'));
  if (!code || !name) return null;
  const n = (k: string): number => count(c, o[k], join(path, k));
  const withheld = (k: string): number | null => (o[k] === null ? null : n(k));
  return { id: n('id'), code, name, townId: n('townId'), point, households: withheld('households'), population: withheld('population'), isPoorVillage, poorHouseholds: withheld('poorHouseholds'), poorPopulation: withheld('poorPopulation'), exitYear, projectCount: n('projectCount'), budgetWan: n('budgetWan') };
}

/** A series; with `isLatestVillagesOnly` (site.json names a months file) the villages' rows before the latest month are null here, and empty when parsed. */
function parseSeries(c: JsonChecker, v: unknown, path: string, months: number, towns: number, villages: number, isLatestVillagesOnly = false): AreaSeries {
  const o = c.object(v, path);
  const values = (x: unknown, p: string, length: number): (number | null)[] => {
    const a = c.array(x, p);
    if (!a) return [];
    if (a.length !== length) c.error(p, 'lengthValues', { expected: length, got: a.length });
    return a.map((n, i) => (n === null ? null : c.number(n, join(p, i))));
  };
  const table = (x: unknown, p: string, areas: number): (number | null)[][] => {
    const a = c.array(x, p) ?? [];
    if (a.length !== months) c.error(p, 'lengthMonths', { expected: months, got: a.length });
    return a.map((row, i) => values(row, join(p, i), areas));
  };
  const latestOnly = (x: unknown, p: string): (number | null)[][] => {
    const a = c.array(x, p) ?? [];
    if (a.length !== months) c.error(p, 'lengthMonths', { expected: months, got: a.length });
    return a.map((row, i) => {
      if (i < months - 1) return row === null ? [] : (c.error(join(p, i), 'siteMonthInMonthsFile'), []);
      return values(row, join(p, i), villages);
    });
  };
  return {
    county: values(o?.county, join(path, 'county'), months),
    towns: table(o?.towns, join(path, 'towns'), towns),
    villages: isLatestVillagesOnly ? latestOnly(o?.villages, join(path, 'villages')) : table(o?.villages, join(path, 'villages'), villages),
  };
}
