import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { parseBasemap, type Basemap } from './config-basemap';
import { DEFAULT_LIMITS, isDefaultLimits, parseLimits, type Limits } from './config-limits';
import { DEFAULT_NOTICE, parseNotice, parsePublicUrl, type NoticeConfig } from './config-notice';
import { parseText, type Text } from './config-text';
import { parseTour, type TourStop } from './config-tour';
import { defaultPhotoConfig, isDefaultPhotoConfig, parsePhotoConfig, type PhotoConfig } from './config-photos';
import { plausibleBox } from './region-box';

// The config's parts, each with its parser in a module of its own; their types are part of the config's shape.
export type { Basemap } from './config-basemap';
export { DEFAULT_LIMITS, MAX_COUNT, MAX_MONEY_WAN, parseLimits, type Limits } from './config-limits';
export type { Text } from './config-text';
export { DEFAULT_NOTICE, type NoticeConfig } from './config-notice';
export { CLASS_METHODS, type Camera, type ClassMethod, type TourStop } from './config-tour';
export type { PhotoConfig } from './config-photos';

/** The four goals of 十个到村到户: 村村有产业、户户有项目、人人有事干、处处都美丽. */
export type GoalId = 'industry' | 'household' | 'employment' | 'beauty';
export const GOAL_IDS: readonly GoalId[] = ['industry', 'household', 'employment', 'beauty'];

/** Coordinate reference systems accepted for inputs; everything is stored as WGS-84. */
export type CrsId = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';
export const CRS_IDS: readonly CrsId[] = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'];

export const CONFIG_SCHEMA_VERSION = 1;

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

export interface Thresholds {
  /** A project lags when expected − actual progress exceeds this many percentage points. */
  lagPoints: number;
  /** A village may exit when poverty incidence is below this fraction (0.02 = 2%). */
  exitIncidence: number;
  /** Public builds suppress household counts below this. */
  minHouseholdCount: number;
  /** A site photo taken farther than this from its project's point is a finding (metres; default 2000). */
  photoDistanceM: number;
}

/** thresholds.photoDistanceM unless configured. */
export const DEFAULT_PHOTO_DISTANCE_M = 2000;

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
  /** The public portal's https address (`publicUrl`): a village notice's QR code opens the village there; null: the page's own address. */
  publicUrl: string | null;
  /** The village notice board's posting period (DEFAULT_NOTICE unless configured). */
  notice: NoticeConfig;
  /** Which categories' site photos a public build publishes (`photos.publicCategories`). */
  photos: PhotoConfig;
}

const TOP_KEYS = ['$comment', 'schemaVersion', 'title', 'region', 'sample', 'crs', 'dataDate', 'categories', 'goals', 'thresholds', 'tour', 'basemap', 'publicFindings', 'limits', 'privacy', 'publicUrl', 'notice', 'photos'] as const;

/** Parses atlas.config.json, reporting every problem with its JSON path. */
export function parseAtlasConfig(input: unknown, file = 'atlas.config.json'): Parsed<AtlasConfig> {
  const c = new JsonChecker(file);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  c.onlyKeys(o, '', TOP_KEYS);
  if (o.schemaVersion !== CONFIG_SCHEMA_VERSION) {
    c.error('schemaVersion', 'configSchemaVersion', { expected: CONFIG_SCHEMA_VERSION, got: String(JSON.stringify(o.schemaVersion)) });
  }
  const title = parseText(c, o.title, 'title');
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
  const publicUrl = o.publicUrl === undefined ? null : parsePublicUrl(c, o.publicUrl);
  const notice = o.notice === undefined ? { ...DEFAULT_NOTICE } : parseNotice(c, o.notice);
  const categoryIds = categories ? categories.map((k) => k.id) : null;
  const photos = o.photos === undefined ? defaultPhotoConfig(categoryIds ?? []) : parsePhotoConfig(c, o.photos, categoryIds);
  if (c.hasErrors || !title || !region || isSample === null || !crs || !goals || !categories || !thresholds || !tour || !basemap || publicFindings === null || !allowedNames || !limits || !notice || !photos) {
    return { ok: false, issues: c.issues };
  }
  return {
    ok: true,
    issues: c.issues,
    value: { schemaVersion: CONFIG_SCHEMA_VERSION, title, region, isSample, crs, dataDate, categories, goals, thresholds, tour, basemap, publicFindings, allowedNames, limits, publicUrl, notice, photos },
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

function isoDate(c: JsonChecker, v: unknown, path: string): string | null {
  const s = c.string(v, path);
  if (s && !/^\d{4}-\d{2}-\d{2}$/.test(s)) return c.error(path, 'configDate', { got: s });
  return s;
}

function parseRegion(c: JsonChecker, v: unknown): AtlasConfig['region'] | null {
  const o = c.object(v, 'region');
  if (!o) return null;
  c.onlyKeys(o, 'region', ['code', 'name', 'nameEn']);
  const code = c.string(o.code, 'region.code');
  if (code && !/^\d{6}$/.test(code)) c.error('region.code', 'configRegionCode', { got: code });
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
  for (const id of GOAL_IDS) if (!goals.some((g) => g.id === id)) c.error('goals', 'configGoalMissing', { id });
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
    if (id && !/^[a-z][a-z0-9-]*$/.test(id)) c.error(join(path, 'id'), 'configCategoryId', { got: id });
    if (id && categories.some((k) => k.id === id)) c.error(join(path, 'id'), 'configCategoryTwice', { id });
    const zh = c.string(o.zh, join(path, 'zh'));
    const en = c.string(o.en, join(path, 'en'));
    const colour = c.string(o.colour, join(path, 'colour'));
    if (colour && !/^#[0-9a-fA-F]{6}$/.test(colour)) c.error(join(path, 'colour'), 'configColour', { got: colour });
    const goal = o.goal === null || o.goal === undefined ? null : c.oneOf(o.goal, join(path, 'goal'), GOAL_IDS);
    if (id && zh && en && colour) categories.push({ id, zh, en, colour: colour.toLowerCase(), goal });
  });
  if (categories.length === 0) c.error('categories', 'configNoCategory');
  return categories;
}

function parseThresholds(c: JsonChecker, v: unknown): Thresholds | null {
  const o = c.object(v, 'thresholds');
  if (!o) return null;
  c.onlyKeys(o, 'thresholds', ['lagPoints', 'exitIncidence', 'minHouseholdCount', 'photoDistanceM']);
  const lagPoints = c.number(o.lagPoints, 'thresholds.lagPoints', 0, 100);
  const exitIncidence = c.number(o.exitIncidence, 'thresholds.exitIncidence', 0, 1);
  const minHouseholdCount = o.minHouseholdCount === undefined ? 3 : c.number(o.minHouseholdCount, 'thresholds.minHouseholdCount', 0, 1000);
  const photoDistanceM = o.photoDistanceM === undefined ? DEFAULT_PHOTO_DISTANCE_M : c.number(o.photoDistanceM, 'thresholds.photoDistanceM', 1, 1_000_000);
  return lagPoints !== null && exitIncidence !== null && minHouseholdCount !== null && photoDistanceM !== null ? { lagPoints, exitIncidence, minHouseholdCount, photoDistanceM } : null;
}

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
    if ([...name].length > MAX_ALLOWED_NAME_LENGTH) c.error(path, 'configNameTooLong', { start: [...name].slice(0, MAX_ALLOWED_NAME_LENGTH).join(''), max: MAX_ALLOWED_NAME_LENGTH });
    else if (names.includes(name)) c.error(path, 'configNameTwice', { name });
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
    // The photo distance is written only when configured, so a config without it serialises as it always did.
    thresholds: serializeThresholds(c.thresholds),
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
    ...(c.publicUrl === null ? {} : { publicUrl: c.publicUrl }),
    ...(c.notice.postingDays === DEFAULT_NOTICE.postingDays ? {} : { notice: c.notice }),
    ...(isDefaultPhotoConfig(c.photos, c.categories.map((k) => k.id)) ? {} : { photos: c.photos }),
  };
}

function serializeThresholds(t: Thresholds): Partial<Thresholds> {
  const { photoDistanceM, ...rest } = t;
  return photoDistanceM === DEFAULT_PHOTO_DISTANCE_M ? rest : t;
}
