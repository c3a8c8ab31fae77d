import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { vertexCount } from '../../../src/pipeline/emit/simplify';
import { describe, expect, it } from 'vitest';
import { parseSiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import { parseBuiltSite } from '../../helpers/site';
import { buildSite } from '../../../src/pipeline/build';
import { folderSource } from '../../../scripts/lib/folder-source';
import { formatIssue } from '../../../src/contract/issues';
import { MINI, datasetWith } from '../../helpers/fixtures';
import { miniText, miniWith } from './mini-source';

async function buildMini() {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const outputs = result.outputs;
  const read = (name: string): unknown => JSON.parse(outputs.get(name) ?? 'null');
  return { result, outputs, site: parseBuiltSite(read), read };
}

const at = (site: SiteData, id: keyof SiteData['series'], month: string) => {
  const m = site.months.indexOf(month);
  return { county: site.series[id].county[m], towns: site.series[id].towns[m], villages: site.series[id].villages[m] };
};

describe('buildSite on the mini fixture', () => {
  it('emits data the browser parsers accept', async () => {
    const { site, read } = await buildMini();
    expect(site.months).toEqual(['2016-01', '2016-02', '2016-03']);
    expect(site.towns.map((t) => [t.id, t.code, t.name, t.villageCount, t.projectCount])).toEqual([
      [0, '420324101', '蒋家堰镇', 2, 3],
      [1, '420324102', '中峰镇', 2, 3],
    ]);
    // Each town's projects in a file of their own, none in the county's first view.
    for (const t of site.towns) {
      const projects = parseSiteProjects(read(`projects/${t.code}.json`));
      expect(projects.ok, t.code).toBe(true);
      if (projects.ok) expect(projects.value.town.every((x) => x === t.id)).toBe(true);
    }
  });

  // Values worked out by hand from test/fixtures/mini.
  it.each([
    // 蒋家堰: 双竹 has a started industry project (T-001); 周湾 has none. 中峰: T-005 planned in Jan, building in Feb.
    ['industry', '2016-01', [0.5, 0], 0.25],
    ['industry', '2016-02', [0.5, 0.5], 0.5],
    // beauty: only T-002 (双竹, environment) is done, from Feb.
    ['beauty', '2016-01', [0, 0], 0],
    ['beauty', '2016-03', [0.5, 0], 0.25],
    // completion: Mar: T-002 done of 蒋家堰's 3; T-006 done of 中峰's 3 (the town-wide one counts for the town).
    ['completion', '2016-03', [1 / 3, 1 / 3], 2 / 6],
    // disbursement Mar: 蒋家堰 (60+20+15)/(100+20+30); 中峰 (0+20+40)/(50+150+40).
    ['disbursement', '2016-03', [95 / 150, 60 / 240], 155 / 390],
    // incidence: (poor − exited population) ÷ population, villages with both figures.
    ['incidence', '2016-03', [(180 + 0) / 1900, (75 + 180) / 3300], 435 / 5200],
    // progress, budget-weighted: Mar 蒋家堰 T-001 100×70 + T-002 20×100 (done in Feb, no March row) + T-003 30×40
    // over 150; 中峰 T-004 50×0 + T-005 150×10 + T-006 40×100 over 240 (the town-wide one counts for the town).
    ['progress', '2016-03', [10200 / 100 / 150, 5500 / 100 / 240], 15700 / 100 / 390],
    // progress in Jan: T-003 and T-004 have no report yet and count as 0.
    ['progress', '2016-01', [(100 * 20 + 20 * 50) / 100 / 150, (150 * 0 + 40 * 30) / 100 / 240], (3000 + 1200) / 100 / 390],
    // lag at the end of March (2016 is a leap year), budget-weighted expected − actual, projects past their start:
    // T-001 Jan 1 → Apr 30: 90/120 = 75 expected, 70 actual; T-002 due Feb 29: 100 − 100;
    // T-003 Feb 1 → Jun 30: 59/150 = 39.33 expected, 40 actual;
    // T-004 Mar 1 → Aug 31: 30/183 = 16.39 expected, 0 actual; T-005 Jan 1 → Dec 31: 90/365 = 24.66, 10 actual;
    // T-006 due Mar 31: 100 − 100.
    ['lag', '2016-03', [(100 * 5 + 20 * 0 + 30 * (5900 / 150 - 40)) / 150, (50 * (3000 / 183) + 150 * (9000 / 365 - 10) + 40 * 0) / 240], (100 * 5 + 30 * (5900 / 150 - 40) + 50 * (3000 / 183) + 150 * (9000 / 365 - 10)) / 390],
    // lagging projects: only T-004 (16.39 points behind) is past the 15-point threshold.
    ['laggingProjects', '2016-03', [0, 1], 1],
    // employment: 双竹 120/180 from villages.csv; 周湾 from households.csv (laborers 2+2+2+2+1, employed 5);
    // 中峰社区 40/60, 中峰村 50/100.
    ['employment', '2016-03', [(120 + 5) / (180 + 9), (40 + 50) / (60 + 100)], (120 + 5 + 40 + 50) / (180 + 9 + 60 + 100)],
  ] as const)('%s in %s', async (id, month, towns, county) => {
    const { site } = await buildMini();
    const v = at(site, id, month);
    // lag is rounded to 2 decimals in the site data, the rates to 4.
    const digits = id === 'lag' ? 2 : 4;
    towns.forEach((t, i) => expect(v.towns?.[i]).toBeCloseTo(t, digits));
    expect(v.county).toBeCloseTo(county, digits);
  });

  it.each([
    // Blank is not zero: a village whose employed (or laborers) is blank is left out of both sides.
    ['employed blank for 中峰村', '420324102201,中峰村委会,420324102,中峰镇,,,300,900,是,60,180,0,0,,100,', 40 / 60],
    ['laborers blank for 中峰村', '420324102201,中峰村委会,420324102,中峰镇,,,300,900,是,60,180,0,0,,,50', 40 / 60],
    ['both given', '420324102201,中峰村委会,420324102,中峰镇,,,300,900,是,60,180,0,0,,100,50', 90 / 160],
  ])('employment with %s', async (_name, row, zhongfeng) => {
    const villages = (await miniText('villages.csv')).replace('420324102201,中峰村委会,420324102,中峰镇,,,300,900,是,60,180,0,0,,100,50', row);
    const result = await buildSite(miniWith({ 'villages.csv': villages }));
    const site = { value: parseBuiltSite((name) => JSON.parse(result.outputs?.get(name) ?? 'null')) };
    const m = site.value.months.indexOf('2016-03');
    expect(site.value.series.employment.towns[m]?.[1]).toBeCloseTo(zhongfeng, 4);
    const village = site.value.villages.findIndex((v) => v.code === '420324102201');
    expect(site.value.series.employment.villages[m]?.[village]).toBe(row.endsWith('100,50') ? 0.5 : null);
  });

  it('counts household coverage from households.csv where a village has rows, else estimates and says so', async () => {
    const { site } = await buildMini();
    expect(site.estimated).toEqual(['household']);
    const zhouwan = site.villages.findIndex((v) => v.code === '420324101202');
    // 4 of 5 listed households are covered by T-003, which starts building in Feb.
    expect(at(site, 'household', '2016-01').villages?.[zhouwan]).toBe(0);
    expect(at(site, 'household', '2016-02').villages?.[zhouwan]).toBe(0.8);
  });

  it('accounts for every row and never emits households', async () => {
    const { result, outputs } = await buildMini();
    for (const [file, s] of Object.entries(result.inputs)) {
      if (s.rows) expect(s.rows.read, file).toBe(s.rows.used + s.rows.rejected + s.rows.skipped);
    }
    const all = [...outputs.values()].join('\n');
    expect(all).not.toContain('a1b2c3d4e5f');
    expect(JSON.parse(outputs.get('manifest.json') ?? '{}').inputs['households.csv'].rows).toEqual({ read: 5, used: 5, rejected: 0, skipped: 0 });
  });

  it('gives towns stable numeric feature ids in code order', async () => {
    const { read } = await buildMini();
    const towns = read('towns.geojson') as { features: { id: number; properties: { code: string } }[] };
    expect(towns.features.map((f) => [f.id, f.properties.code])).toEqual([
      [0, '420324101'],
      [1, '420324102'],
    ]);
  });
});

describe('rows read = used + rejected + skipped', () => {
  const accounting = (inputs: Record<string, { rows: { read: number; used: number; rejected: number; skipped: number } | null }>) =>
    Object.entries(inputs).flatMap(([file, s]) => (s.rows ? [[file, s.rows.read, s.rows.used + s.rows.rejected + s.rows.skipped]] : []));

  it.each([
    // Rejected while joining: an unknown town rejects the village, its projects and their progress rows.
    ['unknown-town', { 'villages.csv': { read: 4, used: 3, rejected: 1, skipped: 0 }, 'projects.csv': { read: 6, used: 5, rejected: 1, skipped: 0 }, 'progress.csv': { read: 13, used: 12, rejected: 1, skipped: 0 } }],
    ['unknown-project', { 'progress.csv': { read: 13, used: 12, rejected: 1, skipped: 0 } }],
    ['duplicate-id', { 'projects.csv': { read: 6, used: 5, rejected: 1, skipped: 0 } }],
  ])('holds for every input of %s', async (overlay, expected) => {
    const result = await buildSite(folderSource(await datasetWith(overlay)));
    expect(result.errorCount).toBeGreaterThan(0);
    for (const [file, read, sum] of accounting(result.inputs)) expect(sum, String(file)).toBe(read);
    for (const [file, rows] of Object.entries(expected)) expect(result.inputs[file]?.rows, file).toEqual(rows);
  });

  it('holds when a stray quote makes projects.csv unreadable, and the joins are not attempted', async () => {
    const projects = (await miniText('projects.csv')).replace(',新建茶园200亩,', ',"高山"茶园200亩,');
    const result = await buildSite(miniWith({ 'projects.csv': projects }));
    for (const [file, read, sum] of accounting(result.inputs)) expect(sum, String(file)).toBe(read);
    expect(result.inputs['projects.csv']?.rows).toEqual({ read: 1, used: 0, rejected: 1, skipped: 0 });
    expect(result.issues.map(formatIssue)).toEqual([
      'projects.csv:0:: error: quote errors (row 2) make the rows after them unreliable: no row of this file is used until they are fixed',
      'projects.csv:0:: warning: the files were not joined (towns, villages, projects, progress, households) because of the errors in projects.csv; fix them and check again',
      'projects.csv:2:: error: a cell opens a quote (") that is never closed, so the rest of the file was read into this cell: close the quote, or write a quote inside a cell twice ("")',
      'projects.csv:2:: error: a quote (") inside a cell that is not wrapped in quotes; a cell that begins with a quote must end with one, so the rows after it may have been read into this cell: wrap the whole cell in quotes and write each quote inside it twice (""), or use Chinese quotes “ ”',
    ]);
  });
});

describe('join results in the manifest', () => {
  it('counts joins by code and by name', async () => {
    const result = await buildSite(folderSource(await datasetWith('join-by-name')));
    const manifest = JSON.parse(result.outputs?.get('manifest.json') ?? '{}');
    expect(manifest.joins.villages).toEqual({ byCode: 3, byName: 1, unmatched: 0 });
    expect(manifest.joins.projects).toEqual({ byCode: 6, byName: 0, unmatched: 0 });
    expect(manifest.joins.progress).toEqual({ byCode: 13, byName: 0, unmatched: 0 });
  });

  it('counts the boundary vertices read and drawn', async () => {
    const result = await buildSite(folderSource(await datasetWith('join-by-name')));
    const manifest = JSON.parse(result.outputs?.get('manifest.json') ?? '{}');
    const towns = JSON.parse(result.outputs?.get('towns.geojson') ?? '{}');
    const drawn = (towns as FeatureCollection<Polygon | MultiPolygon>).features.reduce((n, f) => n + vertexCount(f.geometry), 0);
    expect(manifest.inputs['boundaries/towns.geojson'].vertices.drawn).toBe(drawn);
    expect(manifest.inputs['boundaries/towns.geojson'].vertices.read).toBeGreaterThanOrEqual(drawn);
  });
});
