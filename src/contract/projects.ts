import { STATUSES, type ProjectStatus } from './columns';
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { PROJECT_FIELDS, blankValue, type AnyProjectField, type FieldKey, type ProjectFieldValues } from './project-fields';
import { SITE_SCHEMA_VERSION } from './site';
import { parsePhotoColumns, type SitePhoto } from './photos';

/** The columns of a projects file that are the project's identity and place, not public fields passed through. */
interface PlaceColumns {
  id: string[];
  name: string[];
  /** Index into the config's categories. */
  category: number[];
  /** Index into site.json `towns`. */
  town: number[];
  /** Index into site.json `villages`, or -1 for a town-wide project. */
  village: number[];
  /** Where the marker goes: the project's own point, else its village seat; null when neither is known. */
  lon: (number | null)[];
  lat: (number | null)[];
  hasOwnPoint: boolean[];
  toLon: (number | null)[];
  toLat: (number | null)[];
}

/** A column per public field (project-fields.ts): a required field's never holds null. */
type FieldColumns = { [K in FieldKey]: ProjectFieldValues[K][] };

/**
 * projects/<town code>.json: a town's projects' disclosure fields and monthly state, column by
 * column (one array per field, index = project), so thousands of markers load as flat arrays.
 * `town` and `village` index site.json's lists; the page merges loaded towns in town order.
 */
export interface SiteProjects extends PlaceColumns, FieldColumns {
  schemaVersion: typeof SITE_SCHEMA_VERSION;
  months: string[];
  /** State as of each month ([month][project]): index into STATUSES. */
  status: number[][];
  progressPct: number[][];
  spentWan: number[][];
  /**
   * The published photos of each project (index = project; [] when none), stage order. Absent
   * when no project of the town has a published photo, so a dataset without photos writes what it
   * always wrote. A public build lists only the categories the config makes public.
   */
  photos?: SitePhoto[][];
  /** How many of each project's photos were withheld from this build (privacy); absent when none were. */
  photosWithheld?: number[];
}

const PLACE_COLUMNS = ['id', 'name', 'category', 'town', 'village', 'lon', 'lat', 'hasOwnPoint', 'toLon', 'toLat'] as const satisfies readonly (keyof PlaceColumns)[];
/** Every place column is listed (so written and read): one added to PlaceColumns and not here fails to compile. */
type Unlisted = Exclude<keyof PlaceColumns, (typeof PLACE_COLUMNS)[number]>;
const EVERY_PLACE_COLUMN_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;
void EVERY_PLACE_COLUMN_LISTED;

const isFigure = (f: AnyProjectField): boolean => f.kind === 'money' || f.kind === 'count';

/**
 * The public fields in the order a projects file stores them, each group in list order: the
 * required ones, then text that may be blank, then figures that may be blank (the order the files
 * have always had, so a new field adds a column and moves none).
 */
export const STORED_FIELDS: readonly AnyProjectField[] = [
  ...PROJECT_FIELDS.filter((f) => f.isRequired),
  ...PROJECT_FIELDS.filter((f) => !f.isRequired && !isFigure(f)),
  ...PROJECT_FIELDS.filter((f) => !f.isRequired && isFigure(f)),
];

/** The one-entry-per-project columns of a projects file, in the order written. */
export const PROJECT_COLUMNS: readonly (keyof PlaceColumns | FieldKey)[] = [...PLACE_COLUMNS, ...STORED_FIELDS.map((f) => f.key)];
/** The columns of a projects file with an entry per month and project ([month][project]). */
export const MONTHLY_COLUMNS = ['status', 'progressPct', 'spentWan'] as const satisfies readonly (keyof SiteProjects)[];

/** Parses a town's projects file; every column must have one entry per project. */
export function parseSiteProjects(input: unknown): Parsed<SiteProjects> {
  const c = new JsonChecker('projects.json');
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.schemaVersion !== SITE_SCHEMA_VERSION) c.error('schemaVersion', 'siteSchemaVersion', { expected: SITE_SCHEMA_VERSION, got: String(JSON.stringify(o.schemaVersion)) });
  const months = (c.array(o.months, 'months') ?? []).map((m, i) => c.string(m, join('months', i)) ?? '');
  const n = Array.isArray(o.id) ? o.id.length : 0;
  const column = <T>(key: string, check: (v: unknown, path: string) => T | null, fallback: T): T[] => {
    const a = c.array(o[key], key) ?? [];
    if (a.length !== n) c.error(key, 'lengthEntries', { expected: n, got: a.length });
    return a.map((v, i) => check(v, join(key, i)) ?? fallback);
  };
  const str = (v: unknown, p: string): string | null => c.string(v, p);
  const text = (v: unknown, p: string): string | null => (v === null ? null : c.string(v, p));
  const num = (v: unknown, p: string): number | null => c.number(v, p);
  const nullableNum = (v: unknown, p: string): number | null => (v === null ? null : c.number(v, p));
  const monthly = (key: string, max: number): number[][] => {
    const a = c.array(o[key], key) ?? [];
    if (a.length !== months.length) c.error(key, 'lengthMonths', { expected: months.length, got: a.length });
    return a.map((row, m) => {
      const r = c.array(row, join(key, m)) ?? [];
      if (r.length !== n) c.error(join(key, m), 'lengthEntries', { expected: n, got: r.length });
      return r.map((v, i) => c.number(v, join(join(key, m), i), 0, max) ?? 0);
    });
  };
  const fieldColumn = (f: AnyProjectField): (string | number | null)[] => {
    const check = isFigure(f) ? (f.isRequired ? num : nullableNum) : f.isRequired ? str : text;
    return column<string | number | null>(f.key, check, blankValue(f));
  };
  const place: PlaceColumns = {
    id: column('id', str, ''),
    name: column('name', str, ''),
    category: column('category', num, 0),
    town: column('town', num, 0),
    village: column('village', num, 0),
    lon: column<number | null>('lon', nullableNum, null),
    lat: column<number | null>('lat', nullableNum, null),
    hasOwnPoint: column('hasOwnPoint', (v, p) => c.boolean(v, p), false),
    toLon: column<number | null>('toLon', nullableNum, null),
    toLat: column<number | null>('toLat', nullableNum, null),
  };
  // Each column holds its field's kind (checked above): the list's types, which the compiler cannot follow through a loop.
  const fields = Object.fromEntries(STORED_FIELDS.map((f) => [f.key, fieldColumn(f)])) as FieldColumns;
  const value: SiteProjects = {
    schemaVersion: SITE_SCHEMA_VERSION,
    months,
    ...place,
    ...fields,
    status: monthly('status', STATUSES.length - 1),
    progressPct: monthly('progressPct', 100),
    spentWan: monthly('spentWan', Infinity),
    ...parsePhotoColumns(c, o, n),
  };
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value, issues: c.issues };
}

/** The status of project `i` in month index `m`. */
export function statusAt(p: SiteProjects, m: number, i: number): ProjectStatus {
  return STATUSES[p.status[m]?.[i] ?? 0] ?? 'planned';
}
