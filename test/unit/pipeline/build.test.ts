import { describe, expect, it } from 'vitest';
import { parseSiteProjects } from '../../../src/contract/projects';
import { parseSiteData, type SiteData } from '../../../src/contract/site';
import { buildSite } from '../../../src/pipeline/build';
import { folderSource } from '../../../scripts/lib/folder-source';
import { MINI, datasetWith } from '../../helpers/fixtures';

async function buildMini() {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const outputs = result.outputs;
  const read = (name: string): unknown => JSON.parse(outputs.get(name) ?? 'null');
  const site = parseSiteData(read('site.json'));
  if (!site.ok) throw new Error(JSON.stringify(site.issues));
  return { result, outputs, site: site.value, read };
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
    const projects = parseSiteProjects(read('projects.json'));
    expect(projects.ok).toBe(true);
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
  ] as const)('%s in %s', async (id, month, towns, county) => {
    const { site } = await buildMini();
    const v = at(site, id, month);
    towns.forEach((t, i) => expect(v.towns?.[i]).toBeCloseTo(t, 4));
    expect(v.county).toBeCloseTo(county, 4);
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

describe('join results in the manifest', () => {
  it('counts joins by code and by name', async () => {
    const result = await buildSite(folderSource(await datasetWith('join-by-name')));
    const manifest = JSON.parse(result.outputs?.get('manifest.json') ?? '{}');
    expect(manifest.joins.villages).toEqual({ byCode: 3, byName: 1, unmatched: 0 });
    expect(manifest.joins.projects).toEqual({ byCode: 6, byName: 0, unmatched: 0 });
    expect(manifest.joins.progress).toEqual({ byCode: 13, byName: 0, unmatched: 0 });
  });
});
