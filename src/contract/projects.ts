import { STATUSES, type ProjectStatus } from './columns';
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { SITE_SCHEMA_VERSION } from './site';

/**
 * projects/<town code>.json: a town's projects' disclosure fields and monthly state, column by
 * column (one array per field, index = project), so thousands of markers load as flat arrays.
 * `town` and `village` index site.json's lists; the page merges loaded towns in town order.
 */
export interface SiteProjects {
  schemaVersion: typeof SITE_SCHEMA_VERSION;
  months: string[];
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
  budgetWan: number[];
  start: string[];
  due: string[];
  content: (string | null)[];
  fundSource: (string | null)[];
  unit: (string | null)[];
  hotline: (string | null)[];
  target: (string | null)[];
  beneficiaryHouseholds: (number | null)[];
  beneficiaryPoorHouseholds: (number | null)[];
  jobs: (number | null)[];
  /** State as of each month ([month][project]): index into STATUSES. */
  status: number[][];
  progressPct: number[][];
  spentWan: number[][];
}

const STRING_COLUMNS = ['id', 'name', 'start', 'due'] as const;
const TEXT_COLUMNS = ['content', 'fundSource', 'unit', 'hotline', 'target'] as const;
/** Indexes into site.json (category, town, village) and the budget: numbers that are never null. */
const NUMBER_COLUMNS = ['category', 'town', 'village', 'budgetWan'] as const;
const NULLABLE_NUMBER_COLUMNS = ['lon', 'lat', 'toLon', 'toLat', 'beneficiaryHouseholds', 'beneficiaryPoorHouseholds', 'jobs'] as const;

/** Parses a town's projects file; every column must have one entry per project. */
export function parseSiteProjects(input: unknown): Parsed<SiteProjects> {
  const c = new JsonChecker('projects.json');
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.schemaVersion !== SITE_SCHEMA_VERSION) c.error('schemaVersion', `expected ${SITE_SCHEMA_VERSION}, got ${JSON.stringify(o.schemaVersion)}; rebuild the site data`);
  const months = (c.array(o.months, 'months') ?? []).map((m, i) => c.string(m, join('months', i)) ?? '');
  const n = Array.isArray(o.id) ? o.id.length : 0;
  const column = <T>(key: string, check: (v: unknown, path: string) => T | null, fallback: T): T[] => {
    const a = c.array(o[key], key) ?? [];
    if (a.length !== n) c.error(key, `expected ${n} entries, got ${a.length}`);
    return a.map((v, i) => check(v, join(key, i)) ?? fallback);
  };
  const str = (v: unknown, p: string): string | null => c.string(v, p);
  const text = (v: unknown, p: string): string | null => (v === null ? null : c.string(v, p));
  const num = (v: unknown, p: string): number | null => c.number(v, p);
  const nullableNum = (v: unknown, p: string): number | null => (v === null ? null : c.number(v, p));
  const monthly = (key: string, max: number): number[][] => {
    const a = c.array(o[key], key) ?? [];
    if (a.length !== months.length) c.error(key, `expected ${months.length} months, got ${a.length}`);
    return a.map((row, m) => {
      const r = c.array(row, join(key, m)) ?? [];
      if (r.length !== n) c.error(join(key, m), `expected ${n} entries, got ${r.length}`);
      return r.map((v, i) => c.number(v, join(join(key, m), i), 0, max) ?? 0);
    });
  };
  const value = {
    schemaVersion: SITE_SCHEMA_VERSION,
    months,
    ...(Object.fromEntries(STRING_COLUMNS.map((k) => [k, column(k, str, '')])) as Record<(typeof STRING_COLUMNS)[number], string[]>),
    ...(Object.fromEntries(TEXT_COLUMNS.map((k) => [k, column<string | null>(k, text, null)])) as Record<(typeof TEXT_COLUMNS)[number], (string | null)[]>),
    ...(Object.fromEntries(NUMBER_COLUMNS.map((k) => [k, column(k, num, 0)])) as Record<(typeof NUMBER_COLUMNS)[number], number[]>),
    ...(Object.fromEntries(NULLABLE_NUMBER_COLUMNS.map((k) => [k, column<number | null>(k, nullableNum, null)])) as Record<(typeof NULLABLE_NUMBER_COLUMNS)[number], (number | null)[]>),
    hasOwnPoint: column('hasOwnPoint', (v, p) => c.boolean(v, p), false),
    status: monthly('status', STATUSES.length - 1),
    progressPct: monthly('progressPct', 100),
    spentWan: monthly('spentWan', Infinity),
  } satisfies SiteProjects;
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value, issues: c.issues };
}

/** The status of project `i` in month index `m`. */
export function statusAt(p: SiteProjects, m: number, i: number): ProjectStatus {
  return STATUSES[p.status[m]?.[i] ?? 0] ?? 'planned';
}
