/**
 * months.json: the villages' values of every month before the latest. The county's first view
 * colours the towns in the latest month and ranks them with the month before, so site.json holds
 * the county's and the towns' series whole but the villages' only for the latest month (its
 * `monthsFile` names this file, and its other village rows are null); the page fetches this file
 * after it is ready, and before it shows any other month, a town or a village (src/app/site-months.ts).
 * Together the two files hold exactly what one site.json held before: each month's row is in one of them.
 */
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { SERIES_IDS, SITE_SCHEMA_VERSION, type SeriesId, type SiteData } from './site';

/** The file's name beside site.json. */
export const SITE_MONTHS_FILE = 'months.json';

/** months.json as parsed: the months it holds (all but the latest, in order) and each series' village rows for them. */
export interface SiteMonths {
  months: string[];
  villages: Record<SeriesId, (number | null)[][]>;
}

/** Parses months.json against the site.json it belongs to: the same months before the latest, a value for every village. */
export function parseSiteMonths(input: unknown, site: SiteData): Parsed<SiteMonths> {
  const c = new JsonChecker(SITE_MONTHS_FILE);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.schemaVersion !== SITE_SCHEMA_VERSION) c.error('schemaVersion', 'siteSchemaVersion', { expected: SITE_SCHEMA_VERSION, got: String(JSON.stringify(o.schemaVersion)) });
  const expected = site.months.slice(0, -1);
  const months = (c.array(o.months, 'months') ?? []).map((m, i) => c.string(m, join('months', i)) ?? '');
  if (months.join() !== expected.join()) c.error('months', 'siteMonthsMismatch', { expected, got: months });
  const table = c.object(o.villages, 'villages') ?? {};
  const villages = {} as Record<SeriesId, (number | null)[][]>;
  for (const id of SERIES_IDS) {
    const path = join('villages', id);
    const rows = c.array(table[id], path) ?? [];
    if (rows.length !== expected.length) c.error(path, 'lengthMonths', { expected: expected.length, got: rows.length });
    villages[id] = rows.map((row, m) => {
      const values = c.array(row, join(path, m)) ?? [];
      if (values.length !== site.villages.length) c.error(join(path, m), 'lengthValues', { expected: site.villages.length, got: values.length });
      return values.map((v, i) => (v === null ? null : c.number(v, join(join(path, m), i))));
    });
  }
  if (c.hasErrors) return { ok: false, issues: c.issues };
  return { ok: true, issues: c.issues, value: { months, villages } };
}

/** The site with every month's village values: site.json's latest row after months.json's rows. */
export function withSiteMonths(site: SiteData, months: SiteMonths): SiteData {
  const series = { ...site.series };
  for (const id of SERIES_IDS) {
    const s = site.series[id];
    series[id] = { ...s, villages: [...months.villages[id], ...s.villages.slice(-1)] };
  }
  return { ...site, series, monthsFile: null };
}
