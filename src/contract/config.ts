import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { plausibleBox, type Box } from './region-box';
import { expandTileUrl } from './tile-url';

/** The four goals of 十个到村到户: 村村有产业、户户有项目、人人有事干、处处都美丽. */
export type GoalId = 'industry' | 'household' | 'employment' | 'beauty';
export const GOAL_IDS: readonly GoalId[] = ['industry', 'household', 'employment', 'beauty'];

/** Coordinate reference systems accepted for inputs; everything is stored as WGS-84. */
export type CrsId = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';
export const CRS_IDS: readonly CrsId[] = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'];

export const CONFIG_SCHEMA_VERSION = 1;

export interface Text {
  zh: string;
  en: string;
}

export interface CategoryConfig {
  /** Stable id used in the site data and URLs, e.g. `industry`. */
  id: string;
  zh: string;
  en: string;
  /** `#rrggbb`. */
  colour: string;
  /** The goal this category's projects count toward, or null. */
  goal: GoalId | null;
}

export interface GoalConfig {
  id: GoalId;
  zh: string;
  en: string;
  /** The share (0–1) at which a village counts as having reached the goal; 1 unless configured. */
  target: number;
}

export interface Camera {
  /** [lon, lat], WGS-84. */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** How values are cut into classes for a choropleth. */
export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'fixed';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'fixed'];

export interface TourStop {
  /** 9-digit town code, or null for the whole county. */
  town: string | null;
  camera: Camera | null;
  indicator: string | null;
  /** YYYY-MM, or null for the latest month. */
  month: string | null;
  /** How the stop's map is classed; null for the atlas default (fixed thresholds). A ranking stop wants quantiles. */
  classification: ClassMethod | null;
  title: Text;
  text: { zh: string[]; en: string[] };
}

export type Basemap =
  | { type: 'none' }
  | {
      type: 'xyz';
      /** `https://host/{z}/{x}/{y}.png`; `{s}` or a range like `{a-c}` for subdomains (src/contract/tile-url.ts). */
      url: string;
      /** What `{s}` stands for, as written in the config; absent means a, b, c. */
      subdomains?: string[];
      attribution: string;
      crs: 'WGS84' | 'GCJ02';
    }
  | { type: 'tianditu'; key: string };

export interface Thresholds {
  /** A project lags when expected − actual progress exceeds this many percentage points. */
  lagPoints: number;
  /** A village may exit when poverty incidence is below this fraction (0.02 = 2%). */
  exitIncidence: number;
  /** Public builds suppress household counts below this. */
  minHouseholdCount: number;
}

/**
 * Per-row ceilings of the money and count columns. A figure above one is a warning naming it (a
 * budget in 元 rather than 万元, an extra digit, a town's total in a village's row); above the
 * hard caps MAX_MONEY_WAN and MAX_COUNT it is an error whatever the config says.
 */
export interface Limits {
  /** projects.csv budget_wan, per project. */
  budgetWan: number;
  /** progress.csv spent_wan, per report (cumulative for its project). */
  spentWan: number;
  /** villages.csv households, per village. */
  villageHouseholds: number;
  /** villages.csv population, per village. */
  villagePopulation: number;
  /** villages.csv laborers and employed, per village. */
  villageLaborers: number;
  /** projects.csv beneficiary_households and beneficiary_poor_households, per project. */
  beneficiaryHouseholds: number;
  /** projects.csv jobs, per project. */
  jobs: number;
  /** households.csv laborers and employed, per household. */
  householdLaborers: number;
}

/**
 * No per-row money figure is above this (1e12 万元 is 10¹⁶ 元, dozens of times China's GDP): a
 * million such rows still sum to a finite number, so no total becomes Infinity (null in JSON).
 */
export const MAX_MONEY_WAN = 1e12;
/**
 * No per-row count is above this (more than China's households, near its people): nine million
 * such rows still sum below Number.MAX_SAFE_INTEGER, so every total stays an exact whole number.
 */
export const MAX_COUNT = 1e9;

/**
 * Defaults a county never reaches in one row. A county's whole yearly poverty-alleviation fund is
 * some tens of thousands of 万元, so no one project's budget (or spending) reaches 10亿元; the
 * biggest 社区 of a county seat has some ten thousand households and a few tens of thousands of
 * people; a county-wide project (health insurance for every household) benefits at most the
 * county's households, under 500,000 even in the most populous counties; a project employs
 * thousands at most; a household has a handful of laborers.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  budgetWan: 100_000,
  spentWan: 100_000,
  villageHouseholds: 40_000,
  villagePopulation: 100_000,
  villageLaborers: 100_000,
  beneficiaryHouseholds: 500_000,
  jobs: 50_000,
  householdLaborers: 20,
};

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];
const MONEY_LIMITS: readonly (keyof Limits)[] = ['budgetWan', 'spentWan'];

export interface AtlasConfig {
  schemaVersion: typeof CONFIG_SCHEMA_VERSION;
  title: Text;
  region: { code: string; name: string; nameEn: string };
  /** True shows the 示例数据 banner: the figures are not the county's. */
  isSample: boolean;
  crs: CrsId;
  /** 数据截至: the date the data describes, YYYY-MM-DD, shown with every figure. */
  dataDate: string | null;
  categories: CategoryConfig[];
  goals: GoalConfig[];
  thresholds: Thresholds;
  tour: TourStop[];
  basemap: Basemap;
  /** A public build lists the 数据实 findings (with their projects) rather than counting them per town. */
  publicFindings: boolean;
  /**
   * Terms that look like a person's name in free text but may be published (a village named
   * after a family, 王家户); from `privacy.allowedNames`, empty unless configured.
   */
  allowedNames: string[];
  /** Per-row ceilings of money and counts (DEFAULT_LIMITS unless configured). */
  limits: Limits;
}

const TOP_KEYS = ['$comment', 'schemaVersion', 'title', 'region', 'sample', 'crs', 'dataDate', 'categories', 'goals', 'thresholds', 'tour', 'basemap', 'publicFindings', 'limits', 'privacy'] as const;

/** Parses atlas.config.json, reporting every problem with its JSON path. */
export function parseAtlasConfig(input: unknown, file = 'atlas.config.json'): Parsed<AtlasConfig> {
  const c = new JsonChecker(file);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  c.onlyKeys(o, '', TOP_KEYS);
  if (o.schemaVersion !== CONFIG_SCHEMA_VERSION) {
    c.error('schemaVersion', `expected schemaVersion ${CONFIG_SCHEMA_VERSION}, got ${JSON.stringify(o.schemaVersion)}`);
  }
  const title = text(c, o.title, 'title');
  const region = parseRegion(c, o.region);
  const isSample = o.sample === undefined ? false : c.boolean(o.sample, 'sample');
  const crs = o.crs === undefined ? 'WGS84' : c.oneOf(o.crs, 'crs', CRS_IDS);
  const dataDate = o.dataDate === undefined ? null : isoDate(c, o.dataDate, 'dataDate');
  const goals = parseGoals(c, o.goals);
  const categories = parseCategories(c, o.categories);
  const thresholds = parseThresholds(c, o.thresholds);
  const tour = o.tour === undefined ? [] : parseTour(c, o.tour, region ? plausibleBox(region.code) : null);
  const basemap = o.basemap === undefined ? { type: 'none' as const } : parseBasemap(c, o.basemap);
  const publicFindings = o.publicFindings === undefined ? false : c.boolean(o.publicFindings, 'publicFindings');
  const allowedNames = o.privacy === undefined ? [] : parsePrivacy(c, o.privacy);
  const limits = o.limits === undefined ? { ...DEFAULT_LIMITS } : parseLimits(c, o.limits);
  if (c.hasErrors || !title || !region || isSample === null || !crs || !goals || !categories || !thresholds || !tour || !basemap || publicFindings === null || !allowedNames || !limits) {
    return { ok: false, issues: c.issues };
  }
  return {
    ok: true,
    issues: c.issues,
    value: { schemaVersion: CONFIG_SCHEMA_VERSION, title, region, isSample, crs, dataDate, categories, goals, thresholds, tour, basemap, publicFindings, allowedNames, limits },
  };
}

/**
 * What joining the tables needs from the config. An AtlasConfig is one; when the config has
 * errors elsewhere (a colour, the tour), readJoinSettings still gets these so the join checks run.
 */
export interface JoinSettings {
  crs: CrsId;
  /** The 6-digit code, when it is one: where the boundaries may plausibly lie (region-box.ts). */
  region: { name: string; code?: string };
  dataDate: string | null;
  categories: readonly Pick<CategoryConfig, 'id' | 'zh' | 'en'>[];
  limits: Limits;
}

/**
 * The join settings of a config that failed to parse, or null when even they are unusable (a
 * category without its names would make every project of it look wrong). Reports nothing:
 * parseAtlasConfig has reported every problem.
 */
export function readJoinSettings(input: unknown): JoinSettings | null {
  const c = new JsonChecker('');
  const o = c.object(input, '');
  if (!o) return null;
  const region = c.object(o.region, 'region');
  const name = region ? c.string(region.name, 'region.name') : null;
  const code = typeof region?.code === 'string' && /^\d{6}$/.test(region.code) ? region.code : undefined;
  const crs = o.crs === undefined ? 'WGS84' : c.oneOf(o.crs, 'crs', CRS_IDS);
  const dataDate = o.dataDate === undefined ? null : isoDate(c, o.dataDate, 'dataDate');
  const categories: JoinSettings['categories'][number][] = [];
  (c.array(o.categories, 'categories') ?? []).forEach((x, i) => {
    const k = c.object(x, join('categories', i));
    const id = k ? c.string(k.id, join(join('categories', i), 'id')) : null;
    const zh = k ? c.string(k.zh, join(join('categories', i), 'zh')) : null;
    const en = k ? c.string(k.en, join(join('categories', i), 'en')) : null;
    if (id && zh && en) categories.push({ id, zh, en });
  });
  if (c.hasErrors || !name || !crs || categories.length === 0) return null;
  // Limits with an error fall back to the defaults: parseAtlasConfig has reported it.
  const limits = o.limits === undefined ? null : parseLimits(new JsonChecker(''), o.limits);
  return { crs, region: code === undefined ? { name } : { name, code }, dataDate, categories, limits: limits ?? { ...DEFAULT_LIMITS } };
}

function text(c: JsonChecker, v: unknown, path: string): Text | null {
  const o = c.object(v, path);
  if (!o) return null;
  c.onlyKeys(o, path, ['zh', 'en']);
  const zh = c.string(o.zh, join(path, 'zh'));
  const en = c.string(o.en, join(path, 'en'));
  return zh && en ? { zh, en } : null;
}

function isoDate(c: JsonChecker, v: unknown, path: string): string | null {
  const s = c.string(v, path);
  if (s && !/^\d{4}-\d{2}-\d{2}$/.test(s)) return c.error(path, `expected YYYY-MM-DD, got "${s}"`);
  return s;
}

function parseRegion(c: JsonChecker, v: unknown): AtlasConfig['region'] | null {
  const o = c.object(v, 'region');
  if (!o) return null;
  c.onlyKeys(o, 'region', ['code', 'name', 'nameEn']);
  const code = c.string(o.code, 'region.code');
  if (code && !/^\d{6}$/.test(code)) c.error('region.code', `expected a 6-digit county code as text, got "${code}"`);
  const name = c.string(o.name, 'region.name');
  const nameEn = o.nameEn === undefined ? name : c.string(o.nameEn, 'region.nameEn');
  return code && name && nameEn ? { code, name, nameEn } : null;
}

function parseGoals(c: JsonChecker, v: unknown): GoalConfig[] | null {
  const a = c.array(v, 'goals');
  if (!a) return null;
  const goals: GoalConfig[] = [];
  a.forEach((g, i) => {
    const path = join('goals', i);
    const o = c.object(g, path);
    if (!o) return;
    c.onlyKeys(o, path, ['id', 'zh', 'en', 'target']);
    const id = c.oneOf(o.id, join(path, 'id'), GOAL_IDS);
    const zh = c.string(o.zh, join(path, 'zh'));
    const en = c.string(o.en, join(path, 'en'));
    const target = o.target === undefined ? 1 : c.number(o.target, join(path, 'target'), 0, 1);
    if (id && zh && en && target !== null) goals.push({ id, zh, en, target });
  });
  for (const id of GOAL_IDS) if (!goals.some((g) => g.id === id)) c.error('goals', `goal "${id}" is missing`);
  return goals;
}

function parseCategories(c: JsonChecker, v: unknown): CategoryConfig[] | null {
  const a = c.array(v, 'categories');
  if (!a) return null;
  const categories: CategoryConfig[] = [];
  a.forEach((x, i) => {
    const path = join('categories', i);
    const o = c.object(x, path);
    if (!o) return;
    c.onlyKeys(o, path, ['id', 'zh', 'en', 'colour', 'goal']);
    const id = c.string(o.id, join(path, 'id'));
    if (id && !/^[a-z][a-z0-9-]*$/.test(id)) c.error(join(path, 'id'), `expected a lower-case id like "industry", got "${id}"`);
    if (id && categories.some((k) => k.id === id)) c.error(join(path, 'id'), `duplicate category id "${id}"`);
    const zh = c.string(o.zh, join(path, 'zh'));
    const en = c.string(o.en, join(path, 'en'));
    const colour = c.string(o.colour, join(path, 'colour'));
    if (colour && !/^#[0-9a-fA-F]{6}$/.test(colour)) c.error(join(path, 'colour'), `expected #rrggbb, got "${colour}"`);
    const goal = o.goal === null || o.goal === undefined ? null : c.oneOf(o.goal, join(path, 'goal'), GOAL_IDS);
    if (id && zh && en && colour) categories.push({ id, zh, en, colour: colour.toLowerCase(), goal });
  });
  if (categories.length === 0) c.error('categories', 'at least one category is needed');
  return categories;
}

function parseThresholds(c: JsonChecker, v: unknown): Thresholds | null {
  const o = c.object(v, 'thresholds');
  if (!o) return null;
  c.onlyKeys(o, 'thresholds', ['lagPoints', 'exitIncidence', 'minHouseholdCount']);
  const lagPoints = c.number(o.lagPoints, 'thresholds.lagPoints', 0, 100);
  const exitIncidence = c.number(o.exitIncidence, 'thresholds.exitIncidence', 0, 1);
  const minHouseholdCount = o.minHouseholdCount === undefined ? 3 : c.number(o.minHouseholdCount, 'thresholds.minHouseholdCount', 0, 1000);
  return lagPoints !== null && exitIncidence !== null && minHouseholdCount !== null ? { lagPoints, exitIncidence, minHouseholdCount } : null;
}

/** The `limits` object: each key optional (its default), a number from 0 to the hard cap of its kind. */
export function parseLimits(c: JsonChecker, v: unknown): Limits | null {
  const o = c.object(v, 'limits');
  if (!o) return null;
  c.onlyKeys(o, 'limits', LIMIT_KEYS);
  const limits: Limits = { ...DEFAULT_LIMITS };
  let isOk = true;
  for (const k of LIMIT_KEYS) {
    if (o[k] === undefined) continue;
    const n = c.number(o[k], join('limits', k), 0, MONEY_LIMITS.includes(k) ? MAX_MONEY_WAN : MAX_COUNT);
    if (n === null) isOk = false;
    else limits[k] = n;
  }
  return isOk ? limits : null;
}

/** MapLibre's zoom levels; the atlas map itself stops at MAX_ZOOM (site.ts) and shows a deeper camera at that. */
const MAX_CAMERA_ZOOM = 24;
/** The steepest tilt accepted (MapLibre 6 takes up to 180°, but beyond 85° the map shows mostly sky). */
const MAX_CAMERA_PITCH = 85;

function parseCamera(c: JsonChecker, v: unknown, path: string, box: Box | null): Camera | null {
  const o = c.object(v, path);
  if (!o) return null;
  c.onlyKeys(o, path, ['center', 'zoom', 'bearing', 'pitch']);
  const center = parseCenter(c, o.center, join(path, 'center'), box);
  const zoom = c.number(o.zoom, join(path, 'zoom'), 0, MAX_CAMERA_ZOOM);
  const bearing = o.bearing === undefined ? 0 : c.number(o.bearing, join(path, 'bearing'), -360, 360);
  const pitch = o.pitch === undefined ? 0 : c.number(o.pitch, join(path, 'pitch'), 0, MAX_CAMERA_PITCH);
  return center && zoom !== null && bearing !== null && pitch !== null ? { center, zoom, bearing, pitch } : null;
}

/**
 * `[longitude, latitude]` within ±180, ±90 (MapLibre throws on a latitude beyond ±90, which would
 * fail the whole page when the tour opens). A center outside the region's plausible box is a
 * warning; either says when the two look swapped.
 */
function parseCenter(c: JsonChecker, v: unknown, path: string, box: Box | null): [number, number] | null {
  const pair = c.pair(v, path);
  if (!pair) return null;
  const [lon, lat] = pair;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return c.error(path, 'expected [longitude, latitude] as finite numbers');
  const isOnEarth = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const isInBox = (x: number, y: number): boolean => box !== null && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
  const swapHint = `; they look swapped: center is [longitude, latitude], here [${lat}, ${lon}]`;
  if (!isOnEarth(lon, lat)) {
    const looksSwapped = isOnEarth(lat, lon) && (box === null || isInBox(lat, lon));
    return c.error(path, `[${lon}, ${lat}] is not a place: longitude must be within ±180 and latitude within ±90${looksSwapped ? swapHint : ''}`);
  }
  if (box !== null && !isInBox(lon, lat)) {
    c.warn(path, `[${lon}, ${lat}] is far outside the region (longitude ${box[0]}–${box[2]}, latitude ${box[1]}–${box[3]}): the tour would fly away from it${isInBox(lat, lon) ? swapHint : ''}`);
  }
  return [lon, lat];
}

function parseTour(c: JsonChecker, v: unknown, box: Box | null): TourStop[] | null {
  const a = c.array(v, 'tour');
  if (!a) return null;
  const stops: TourStop[] = [];
  a.forEach((x, i) => {
    const path = join('tour', i);
    const o = c.object(x, path);
    if (!o) return;
    c.onlyKeys(o, path, ['town', 'camera', 'indicator', 'month', 'classification', 'title', 'text']);
    const town = o.town === undefined || o.town === null ? null : c.string(o.town, join(path, 'town'));
    const camera = o.camera === undefined ? null : parseCamera(c, o.camera, join(path, 'camera'), box);
    const indicator = o.indicator === undefined ? null : c.string(o.indicator, join(path, 'indicator'));
    const month = o.month === undefined ? null : c.string(o.month, join(path, 'month'));
    if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) c.error(join(path, 'month'), `expected YYYY-MM, got "${month}"`);
    const classification = o.classification === undefined ? null : c.oneOf(o.classification, join(path, 'classification'), CLASS_METHODS);
    const title = text(c, o.title, join(path, 'title'));
    const t = c.object(o.text ?? { zh: [], en: [] }, join(path, 'text'));
    const lines = (k: 'zh' | 'en'): string[] => (c.array(t?.[k] ?? [], join(join(path, 'text'), k)) ?? []).map((s, j) => c.string(s, join(join(join(path, 'text'), k), j)) ?? '');
    if (title) stops.push({ town, camera, indicator, month, classification, title, text: { zh: lines('zh'), en: lines('en') } });
  });
  return stops;
}

function parseBasemap(c: JsonChecker, v: unknown): Basemap | null {
  const o = c.object(v, 'basemap');
  if (!o) return null;
  const type = c.oneOf(o.type, 'basemap.type', ['none', 'xyz', 'tianditu'] as const);
  if (type === 'none') {
    c.onlyKeys(o, 'basemap', ['type']);
    return { type };
  }
  if (type === 'xyz') {
    c.onlyKeys(o, 'basemap', ['type', 'url', 'subdomains', 'attribution', 'crs']);
    const url = c.string(o.url, 'basemap.url');
    const subdomains = o.subdomains === undefined ? undefined : (c.array(o.subdomains, 'basemap.subdomains') ?? []).map((s, i) => c.string(s, join('basemap.subdomains', i)) ?? '');
    // The URL becomes the map's tile requests and the page's CSP: only a plain https host, never a wildcard or markup.
    const tiles = url ? expandTileUrl(url, subdomains) : null;
    if (tiles && !tiles.ok) c.error(subdomains !== undefined && /subdomain/.test(tiles.message) ? 'basemap.subdomains' : 'basemap.url', tiles.message);
    const attribution = c.string(o.attribution, 'basemap.attribution');
    const crs = o.crs === undefined ? 'WGS84' : c.oneOf(o.crs, 'basemap.crs', ['WGS84', 'GCJ02'] as const);
    if (!url || !tiles?.ok || !attribution || !crs) return null;
    return subdomains === undefined ? { type, url, attribution, crs } : { type, url, subdomains, attribution, crs };
  }
  if (type === 'tianditu') {
    c.onlyKeys(o, 'basemap', ['type', 'key']);
    const key = c.string(o.key, 'basemap.key');
    if (key && !TIANDITU_KEY.test(key)) return c.error('basemap.key', 'expected the 天地图 key as the console shows it: letters and digits only (usually 32 hexadecimal characters)');
    return key ? { type, key } : null;
  }
  return null;
}

/** A 天地图 token: 32 hexadecimal characters today; any 16–64 letters and digits are let through. */
const TIANDITU_KEY = /^[0-9A-Za-z]{16,64}$/;
/** The longest term `privacy.allowedNames` takes, in characters. */
const MAX_ALLOWED_NAME_LENGTH = 20;

/** `privacy: { allowedNames }`: terms allowed in published free text though they look like a person's name. */
function parsePrivacy(c: JsonChecker, v: unknown): string[] | null {
  const o = c.object(v, 'privacy');
  if (!o) return null;
  c.onlyKeys(o, 'privacy', ['allowedNames']);
  if (o.allowedNames === undefined) return [];
  const a = c.array(o.allowedNames, 'privacy.allowedNames');
  if (!a) return null;
  const names: string[] = [];
  a.forEach((x, i) => {
    const path = join('privacy.allowedNames', i);
    const name = c.string(x, path);
    if (name === null) return;
    if ([...name].length > MAX_ALLOWED_NAME_LENGTH) c.error(path, `"${[...name].slice(0, MAX_ALLOWED_NAME_LENGTH).join('')}…" is longer than ${MAX_ALLOWED_NAME_LENGTH} characters: list the name alone, not a sentence`);
    else if (names.includes(name)) c.error(path, `"${name}" is listed twice`);
    else names.push(name);
  });
  return names;
}

/** The config in its file form (the inverse of parseAtlasConfig), as emitted into site.json. */
export function serializeAtlasConfig(c: AtlasConfig): Record<string, unknown> {
  return {
    schemaVersion: c.schemaVersion,
    title: c.title,
    region: c.region,
    sample: c.isSample,
    crs: c.crs,
    ...(c.dataDate === null ? {} : { dataDate: c.dataDate }),
    categories: c.categories,
    goals: c.goals.map((g) => (g.target === 1 ? { id: g.id, zh: g.zh, en: g.en } : g)),
    thresholds: c.thresholds,
    tour: c.tour.map((s) => ({
      town: s.town,
      ...(s.camera === null ? {} : { camera: s.camera }),
      ...(s.indicator === null ? {} : { indicator: s.indicator }),
      ...(s.month === null ? {} : { month: s.month }),
      ...(s.classification === null ? {} : { classification: s.classification }),
      title: s.title,
      text: s.text,
    })),
    basemap: c.basemap,
    ...(c.publicFindings ? { publicFindings: true } : {}),
    ...(c.allowedNames.length > 0 ? { privacy: { allowedNames: c.allowedNames } } : {}),
    ...(isDefaultLimits(c.limits) ? {} : { limits: c.limits }),
  };
}

function isDefaultLimits(limits: Limits): boolean {
  return LIMIT_KEYS.every((k) => limits[k] === DEFAULT_LIMITS[k]);
}
