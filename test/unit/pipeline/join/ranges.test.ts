import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDataCli } from '../../../../scripts/data';
import { DEFAULT_LIMITS, MAX_COUNT, MAX_MONEY_WAN, parseAtlasConfig } from '../../../../src/contract/config';
import { parseSiteData } from '../../../../src/contract/site';
import { fromWgs84, toWgs84 } from '../../../../src/pipeline/geo/crs';
import { datasetWith } from '../../../helpers/fixtures';
import { buildMiniWith, miniConfigWith, miniText } from '../mini-source';

/** A CSV of the mini fixture with one column of every data row set to `value`. */
async function everyRow(file: string, column: string, value: string): Promise<string> {
  const [header, ...rows] = (await miniText(file)).trimEnd().split('\n');
  const at = header!.split(',').indexOf(column);
  return [header, ...rows.map((r) => r.split(',').map((cell, i) => (i === at ? value : cell)).join(','))].join('\n') + '\n';
}

/** The exit code of `data:check` on the mini fixture with files replaced. */
async function checkExitCode(files: Record<string, string>): Promise<number> {
  const dir = await datasetWith();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return runDataCli(['check', dir], () => undefined);
}

/** 中峰镇's vertex [109.75, 32.5] of towns.geojson moved. */
async function townsWithVertex(lon: number, lat: number): Promise<string> {
  return (await miniText('boundaries/towns.geojson')).replace('[110.0,32.5],[109.75,32.5]', `[110.0,32.5],[${lon},${lat}]`);
}

describe('boundary vertices', () => {
  it('a vertex off the globe is a located error, and data:check exits 1', async () => {
    const towns = await townsWithVertex(1098.8, 32.5);
    const { result, lines } = await buildMiniWith({ 'boundaries/towns.geojson': towns });
    expect(lines).toContain('boundaries/towns.geojson:0:features[1].geometry.coordinates[0][3]: error: vertex 3 of 中峰镇 is at longitude 1098.8: outside −180…180');
    expect(result.outputs).toBeNull();
    expect(await checkExitCode({ 'boundaries/towns.geojson': towns })).toBe(1);
  });

  it('[1e308, 1e308] is an error, not a site that cannot load', async () => {
    const towns = await townsWithVertex(1e308, 1e308);
    const { lines } = await buildMiniWith({ 'boundaries/towns.geojson': towns });
    expect(lines).toContain('boundaries/towns.geojson:0:features[1].geometry.coordinates[0][3]: error: vertex 3 of 中峰镇 is at longitude 1e+308: outside −180…180');
    expect(await checkExitCode({ 'boundaries/towns.geojson': towns })).toBe(1);
  });

  it('a vertex on another continent (19.75 for 109.75) is outside the region’s box: an error naming the town and the vertex', async () => {
    const towns = await townsWithVertex(19.75, 32.5);
    const { result, lines } = await buildMiniWith({ 'boundaries/towns.geojson': towns });
    const line = lines.find((l) => l.startsWith('boundaries/towns.geojson:0:features[1]: error: '));
    expect(line).toMatch(/^boundaries\/towns\.geojson:0:features\[1\]: error: a vertex of 中峰镇 \(420324102\) at 19\.75, 32\.5 is outside the box 竹溪县 can lie in \(longitude [\d.]+…[\d.]+, latitude [\d.]+…[\d.]+\): a mistyped degree, or a point on another continent\?$/);
    expect(result.errorCount).toBe(1);
    expect(await checkExitCode({ 'boundaries/towns.geojson': towns })).toBe(1);
  });

  it('a vertex in the other hemisphere is outside the box too', async () => {
    const { lines } = await buildMiniWith({ 'boundaries/towns.geojson': await townsWithVertex(-109.75, 32.5) });
    expect(lines.some((l) => l.startsWith('boundaries/towns.geojson:0:features[1]: error: a vertex of 中峰镇 (420324102) at -109.75, 32.5 is outside the box'))).toBe(true);
  });

  it('names the vertex as the file writes it when the inputs are BD-09, converted on build', async () => {
    const config = await miniConfigWith({ crs: 'BD09' });
    const { lines } = await buildMiniWith({ 'boundaries/towns.geojson': await townsWithVertex(19.75, 32.5), 'atlas.config.json': config });
    expect(lines.some((l) => l.includes('error: a vertex of 中峰镇 (420324102) at about 19.75, 32.5 is outside the box'))).toBe(true);
  });

  it('checks the county outline, counting its vertices outside', async () => {
    const county = (await miniText('boundaries/county.geojson')).replace('[110.0,32.0],[110.0,32.5]', '[11.0,32.0],[110.0,-32.5]');
    const { lines } = await buildMiniWith({ 'boundaries/county.geojson': county });
    expect(lines.some((l) => /^boundaries\/county\.geojson:0:: error: a vertex of the county outline at 11, 32 is outside the box 竹溪县 can lie in \(.*\), and 1 more of its 5 vertices: a mistyped degree/.test(l))).toBe(true);
  });

  it('a GCJ-02 county whose vertices lie within the box builds clean (the shift is far within the margin)', async () => {
    const { result } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ crs: 'GCJ02' }) });
    expect(result.issues.filter((i) => i.message.includes('outside the box'))).toEqual([]);
  });

  it('fromWgs84 undoes toWgs84 to within a millionth of a degree', () => {
    for (const crs of ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const) {
      const [x, y] = toWgs84(109.61234, 32.21234, crs);
      const [lon, lat] = fromWgs84(x, y, crs);
      expect(Math.abs(lon - 109.61234) < 1e-6 && Math.abs(lat - 32.21234) < 1e-6).toBe(true);
    }
  });
});

describe('village, project and relocation points', () => {
  it.each([
    ['villages.csv', '420324101201,双竹村委会,420324101,蒋家堰镇,109.6,', '420324101201,双竹村委会,420324101,蒋家堰镇,1e308,', 'villages.csv:2:经度: error: 1e+308 is outside -180–180'],
    ['projects.csv', 'T-001,双竹村茶叶基地,产业发展,420324101,420324101201,109.61,32.21,', 'T-001,双竹村茶叶基地,产业发展,420324101,420324101201,1098.1,32.21,', 'projects.csv:2:经度: error: 1098.1 is outside -180–180'],
    ['projects.csv', 'T-001,双竹村茶叶基地,产业发展,420324101,420324101201,109.61,32.21,', 'T-001,双竹村茶叶基地,产业发展,420324101,420324101201,19.61,32.21,', 'projects.csv:2:经度: error: point 19.61, 32.21 is outside 竹溪县'],
    ['villages.csv', '420324101201,双竹村委会,420324101,蒋家堰镇,109.6,', '420324101201,双竹村委会,420324101,蒋家堰镇,1e309,', 'villages.csv:2:经度: error: "1e309" is not a number'],
  ])('%s: a point off the globe or out of the county is a located error', async (file, from, to, line) => {
    const { result, lines } = await buildMiniWith({ [file]: (await miniText(file)).replace(from, to) });
    expect(lines).toContain(line);
    expect(result.outputs).toBeNull();
  });

  it('a relocation site off the globe or out of the county is an error', async () => {
    const projects = (await miniText('projects.csv')).replace('绩效目标\n', '绩效目标,安置点经度,安置点纬度\n').replace(/\n(T-\d{3},[^\n]*)/g, '\n$1,,').replace('户均增收2000元,,', '户均增收2000元,1e300,32.2').replace('村容整洁,,', '村容整洁,19.7,32.2');
    const { lines } = await buildMiniWith({ 'projects.csv': projects });
    expect(lines).toContain('projects.csv:2:安置点经度: error: 1e+300 is outside -180–180');
    expect(lines).toContain('projects.csv:3:安置点经度: error: point 19.7, 32.2 is outside 竹溪县');
  });
});

describe('money and counts', () => {
  it('a budget of 1e308 is an error (the hard cap), and data:check exits 1', async () => {
    const projects = (await miniText('projects.csv')).replace('新建茶园200亩,100,', '新建茶园200亩,1e308,');
    const { result, lines } = await buildMiniWith({ 'projects.csv': projects });
    expect(lines).toContain('projects.csv:2:资金规模(万元): error: "1e308" is more than 1,000,000,000,000 万元, beyond any budget: a typo? (figures this large would break the totals)');
    expect(result.outputs).toBeNull();
    expect(await checkExitCode({ 'projects.csv': projects })).toBe(1);
  });

  it.each([
    ['a budget too large to be a number', 'projects.csv', '新建茶园200亩,100,', '新建茶园200亩,1e309,', 'projects.csv:2:资金规模(万元): error: "1e309" is not a number'],
    ['a budget of Infinity', 'projects.csv', '新建茶园200亩,100,', '新建茶园200亩,Infinity,', 'projects.csv:2:资金规模(万元): error: "Infinity" is not a number'],
    ['a budget of NaN', 'projects.csv', '新建茶园200亩,100,', '新建茶园200亩,NaN,', 'projects.csv:2:资金规模(万元): error: "NaN" is not a number'],
    ['a budget that underflows', 'projects.csv', '新建茶园200亩,100,', '新建茶园200亩,1e-400,', 'projects.csv:2:资金规模(万元): error: "1e-400" is not a number'],
    ['a budget in hex', 'projects.csv', '新建茶园200亩,100,', '新建茶园200亩,0x64,', 'projects.csv:2:资金规模(万元): error: "0x64" is not a number'],
    ['money paid of 1e308', 'progress.csv', '2016-01,T-001,在建,20,20', '2016-01,T-001,在建,20,1e308', 'progress.csv:2:已拨付(万元): error: "1e308" is more than 1,000,000,000,000 万元, beyond any budget: a typo? (figures this large would break the totals)'],
    ['户数 of 1e300', 'villages.csv', '109.6,32.2,400,1300,', '109.6,32.2,1e300,1300,', 'villages.csv:2:总户数: error: "1e300" is more than 1,000,000,000, beyond any count of households or people: a typo? (figures this large would break the totals)'],
    ['beneficiaries past the integers a sum keeps exact', 'projects.csv', '0719-2720001,80,40,', '0719-2720001,9007199254740993,40,', 'projects.csv:2:受益户数: error: "9007199254740993" is more than 1,000,000,000, beyond any count of households or people: a typo? (figures this large would break the totals)'],
    ['jobs of 1e20', 'projects.csv', '0719-2720001,80,40,10,', '0719-2720001,80,40,1e20,', 'projects.csv:2:带动就业人数: error: "1e20" is more than 1,000,000,000, beyond any count of households or people: a typo? (figures this large would break the totals)'],
  ])('%s is a located error', async (_name, file, from, to, line) => {
    const text = (await miniText(file)).replace(from, to);
    expect(text).not.toBe(await miniText(file));
    const { result, lines } = await buildMiniWith({ [file]: text });
    expect(lines).toContain(line);
    expect(result.outputs).toBeNull();
  });

  it('a household figure past the hard cap is an error that does not quote the private file', async () => {
    const households = (await miniText('households.csv')).replace('a1b2c3d4e5f1,420324101202,是,是,T-003,2,1', 'a1b2c3d4e5f1,420324101202,是,是,T-003,2e12,1');
    const { lines } = await buildMiniWith({ 'households.csv': households });
    expect(lines).toContain('households.csv:2:laborers: error: the value is more than 1,000,000,000, beyond any count of households or people: a typo? (figures this large would break the totals)');
    expect(lines.filter((l) => l.startsWith('households.csv')).join('\n')).not.toContain('2e12');
  });

  it('a budget above the configured ceiling is a warning with the figure, the ceiling and where to change it', async () => {
    const projects = (await miniText('projects.csv')).replace('新建卫生室1所,30,', '新建卫生室1所,300000,');
    const { result, lines } = await buildMiniWith({ 'projects.csv': projects });
    expect(lines).toEqual(['projects.csv:4:资金规模(万元): warning: budget 300000 万元 is above the ceiling of 100,000 万元 (limits.budgetWan in atlas.config.json): is it in 元 rather than 万元?']);
    expect(result.errorCount).toBe(0);
  });

  it.each([
    ['villages.csv', '109.6,32.2,400,1300,', '109.6,32.2,400,130000,', 'villages.csv:2:总人口: warning: population 130000 is above the ceiling of 100,000 (limits.villagePopulation in atlas.config.json): a typo, or the town\'s total in a village\'s row?'],
    ['projects.csv', '0719-2720001,80,40,10,', '0719-2720001,80,40,60000,', 'projects.csv:2:带动就业人数: warning: jobs 60000 is above the ceiling of 50,000 (limits.jobs in atlas.config.json): a typo?'],
    ['progress.csv', '2016-01,T-001,在建,20,20', '2016-01,T-001,在建,20,200000', 'progress.csv:2:已拨付(万元): warning: spent 200000 万元 is above the ceiling of 100,000 万元 (limits.spentWan in atlas.config.json): is it in 元 rather than 万元?'],
    ['households.csv', 'a1b2c3d4e5f1,420324101202,是,是,T-003,2,1', 'a1b2c3d4e5f1,420324101202,是,是,T-003,25,1', 'households.csv:2:laborers: warning: laborers is above the ceiling of 20 (limits.householdLaborers in atlas.config.json): a typo?'],
  ])('%s: a figure above its ceiling is a warning', async (file, from, to, line) => {
    const text = (await miniText(file)).replace(from, to);
    expect(text).not.toBe(await miniText(file));
    const { lines } = await buildMiniWith({ [file]: text });
    expect(lines).toContain(line);
  });

  it('names twenty rows of a column above its ceiling, then counts the rest in one line', async () => {
    const extra = Array.from({ length: 25 }, (_, i) => `T-${100 + i},中峰镇项目${i},产业发展,420324102,,,,建设内容,${200_000 + i},整合涉农资金,2016-01-01,2016-12-31,中峰镇人民政府,0719-2720003,10,5,,目标\n`);
    const { result, lines } = await buildMiniWith({ 'projects.csv': (await miniText('projects.csv')) + extra.join('') });
    expect(lines.filter((l) => /^projects\.csv:\d+:资金规模\(万元\): warning: budget \d+ 万元 is above the ceiling/.test(l))).toHaveLength(20);
    expect(lines).toContain('projects.csv:0:资金规模(万元): warning: 5 more rows of budget are above the ceiling of 100,000 万元 (limits.budgetWan in atlas.config.json)');
    expect(result.errorCount).toBe(0);
  });

  it('the largest figures the hard caps allow build, and every total in site.json is a finite number', async () => {
    const projects = await everyRow('projects.csv', '资金规模(万元)', String(MAX_MONEY_WAN));
    const progress = await everyRow('progress.csv', '已拨付(万元)', String(MAX_MONEY_WAN));
    const villages = await everyRow('villages.csv', '总人口', String(MAX_COUNT));
    const { result, lines } = await buildMiniWith({ 'projects.csv': projects, 'progress.csv': progress, 'villages.csv': villages });
    expect(result.errorCount, lines.join('\n')).toBe(0);
    expect(lines.some((l) => l.includes('limits.budgetWan'))).toBe(true);
    const site = parseSiteData(JSON.parse(result.outputs?.get('site.json') ?? 'null'));
    expect(site.ok).toBe(true);
    if (!site.ok) return;
    for (const t of site.value.towns) {
      expect(Number.isFinite(t.budgetWan)).toBe(true);
      expect(Number.isSafeInteger(t.population)).toBe(true);
    }
    expect(site.value.towns.reduce((s, t) => s + t.budgetWan, 0)).toBe(6 * MAX_MONEY_WAN);
  });
});

describe('the limits of atlas.config.json', () => {
  const base = async (): Promise<Record<string, unknown>> => JSON.parse(await miniText('atlas.config.json')) as Record<string, unknown>;

  it('are the county defaults when absent', async () => {
    const r = parseAtlasConfig(await base());
    expect(r.ok && r.value.limits).toEqual(DEFAULT_LIMITS);
  });

  it('may set some ceilings, the rest keeping their defaults', async () => {
    const r = parseAtlasConfig({ ...(await base()), limits: { budgetWan: 500_000, jobs: 10 } });
    expect(r.ok && r.value.limits).toEqual({ ...DEFAULT_LIMITS, budgetWan: 500_000, jobs: 10 });
  });

  it.each([
    ['an unknown key', { budget: 5 }, 'limits.budget', 'unknown key "budget" (expected one of: budgetWan, spentWan, villageHouseholds, villagePopulation, villageLaborers, beneficiaryHouseholds, jobs, householdLaborers)'],
    ['a money ceiling above the hard cap', { budgetWan: 1e13 }, 'limits.budgetWan', 'expected a number from 0 to 1000000000000, got 10000000000000'],
    ['a count ceiling above the hard cap', { villageHouseholds: 1e10 }, 'limits.villageHouseholds', 'expected a number from 0 to 1000000000, got 10000000000'],
    ['a ceiling that is not a number', { jobs: '50000' }, 'limits.jobs', 'expected a number, got "50000"'],
    ['a negative ceiling', { spentWan: -1 }, 'limits.spentWan', 'expected a number from 0 to 1000000000000, got -1'],
  ])('refuses %s', async (_name, limits, column, message) => {
    const r = parseAtlasConfig({ ...(await base()), limits });
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual({ file: 'atlas.config.json', row: 0, column, level: 'error', message });
  });

  it('a lower ceiling warns of figures the default lets pass', async () => {
    const { lines } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ limits: { budgetWan: 120 } }) });
    expect(lines).toEqual(['projects.csv:6:资金规模(万元): warning: budget 150 万元 is above the ceiling of 120 万元 (limits.budgetWan in atlas.config.json): is it in 元 rather than 万元?']);
  });

  it('a higher ceiling lets a big project pass without a warning', async () => {
    const projects = (await miniText('projects.csv')).replace('新建卫生室1所,30,', '新建卫生室1所,300000,');
    const { lines } = await buildMiniWith({ 'projects.csv': projects, 'atlas.config.json': await miniConfigWith({ limits: { budgetWan: 1_000_000 } }) });
    expect(lines).toEqual([]);
  });
});
