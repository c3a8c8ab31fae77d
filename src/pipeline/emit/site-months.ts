/**
 * site.json and months.json (src/contract/site-months.ts): the villages' values of the months
 * before the latest go to months.json, which the page fetches after its first view is drawn;
 * site.json keeps everything else and names that file. A dataset of one month writes site.json whole.
 */
import { SITE_MONTHS_FILE } from '../../contract/site-months';
import { SERIES_IDS, SITE_SCHEMA_VERSION, type AreaSeries, type SeriesId, type SiteData } from '../../contract/site';
import type { OutputFile } from './output-file';

/** The site data's files for `site` (its series whole), as `json` writes them. */
export function siteFiles(site: Omit<SiteData, 'config'> & { config: unknown }, json: (value: unknown) => string): [string, OutputFile][] {
  if (site.months.length < 2) return [['site.json', () => [json(site)]]];
  const first: Record<SeriesId, AreaSeries> = { ...site.series };
  const villages = {} as Record<SeriesId, (number | null)[][]>;
  for (const id of SERIES_IDS) {
    const s = site.series[id];
    first[id] = { ...s, villages: s.villages.map((row, m) => (m < site.months.length - 1 ? null : row)) as (number | null)[][] };
    villages[id] = s.villages.slice(0, -1);
  }
  const months = { schemaVersion: SITE_SCHEMA_VERSION, months: site.months.slice(0, -1), villages };
  return [
    ['site.json', () => [json({ ...site, series: first, monthsFile: SITE_MONTHS_FILE })]],
    [SITE_MONTHS_FILE, () => [json(months)]],
  ];
}
