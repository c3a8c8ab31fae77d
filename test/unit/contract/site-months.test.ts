import { describe, expect, it } from 'vitest';
import { parseSiteData, SERIES_IDS } from '../../../src/contract/site';
import { parseSiteMonths, SITE_MONTHS_FILE, withSiteMonths } from '../../../src/contract/site-months';
import { buildSite } from '../../../src/pipeline/build';
import { folderSource } from '../../../scripts/lib/folder-source';
import { MINI } from '../../helpers/fixtures';

// Issue 23: site.json carries the villages' values of the latest month only; months.json the
// months before it. Each month's row is in exactly one of the two files.

async function built(): Promise<{ site: Record<string, unknown>; months: Record<string, unknown> }> {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error('the mini dataset does not build');
  return { site: JSON.parse(result.outputs.get('site.json') ?? 'null') as Record<string, unknown>, months: JSON.parse(result.outputs.get(SITE_MONTHS_FILE) ?? 'null') as Record<string, unknown> };
}
const sample = built();

describe('site.json and months.json', () => {
  it('site.json names the months file and holds the villages of the latest month only; months.json the months before', async () => {
    const { site, months } = await sample;
    expect(site.monthsFile).toBe(SITE_MONTHS_FILE);
    const names = site.months as string[];
    expect(months.months).toEqual(names.slice(0, -1));
    for (const id of SERIES_IDS) {
      const rows = (site.series as Record<string, { villages: unknown[]; towns: unknown[] }>)[id]!;
      expect(rows.villages.map((r) => r === null)).toEqual(names.map((_, m) => m < names.length - 1));
      expect(rows.towns.every((r) => Array.isArray(r))).toBe(true);
      expect(((months.villages as Record<string, unknown[]>)[id] ?? []).length).toBe(names.length - 1);
    }
  });

  it('parse into one site with every month, in month order', async () => {
    const { site, months } = await sample;
    const first = parseSiteData(site);
    if (!first.ok) throw new Error(first.issues[0]?.message);
    // Before the months file, a village row of an earlier month is empty, the latest one full.
    expect(first.value.series.completion.villages[0]).toEqual([]);
    expect(first.value.series.completion.villages.at(-1)).toHaveLength(first.value.villages.length);
    const rest = parseSiteMonths(months, first.value);
    if (!rest.ok) throw new Error(rest.issues[0]?.message);
    const whole = withSiteMonths(first.value, rest.value);
    expect(whole.monthsFile).toBeNull();
    for (const id of SERIES_IDS) {
      expect(whole.series[id].villages).toEqual([...(months.villages as Record<string, unknown[]>)[id]!, (site.series as Record<string, { villages: unknown[] }>)[id]!.villages.at(-1)]);
      expect(whole.series[id].towns).toEqual(first.value.series[id].towns);
    }
  });

  it('refuse a months file of other months or villages, and an earlier village row left in site.json', async () => {
    const { site, months } = await sample;
    const first = parseSiteData(site);
    if (!first.ok) throw new Error(first.issues[0]?.message);
    expect(parseSiteMonths({ ...months, months: ['2015-01', '2015-02'] }, first.value).ok).toBe(false);
    const short = Object.fromEntries(Object.entries(months.villages as Record<string, unknown[][]>).map(([id, rows]) => [id, rows.map((r) => r.slice(1))]));
    expect(parseSiteMonths({ ...months, villages: short }, first.value).ok).toBe(false);
    const series = structuredClone(site.series) as Record<string, { villages: unknown[] }>;
    series.completion!.villages[0] = (series.completion!.villages.at(-1) as unknown[]).slice();
    expect(parseSiteData({ ...site, series }).ok).toBe(false);
    // Without a months file (data built before the split), every row is read from site.json.
    const rest = parseSiteMonths(months, first.value);
    if (!rest.ok) throw new Error(rest.issues[0]?.message);
    expect(parseSiteData({ ...site, series: withSiteMonths(first.value, rest.value).series, monthsFile: undefined }).ok).toBe(true);
  });
});
