import { describe, expect, it } from 'vitest';
import { findCategory } from '../../../../src/pipeline/join/join-dataset';
import { buildMiniWith, miniConfigWith, miniText } from '../mini-source';
import { withoutReleaseId } from '../../../helpers/release';

describe('rows that repeat a key of a rejected row', () => {
  it('names a duplicate village code even when its first row was rejected', async () => {
    const villages = await miniText('villages.csv');
    // Row 2 (双竹) is rejected for its household count; row 6 repeats its code.
    const text = villages.replace('420324101201,双竹村委会,420324101,蒋家堰镇,109.6,32.2,400,', '420324101201,双竹村委会,420324101,蒋家堰镇,109.6,32.2,四百,') + '420324101201,双竹村,420324101,蒋家堰镇,109.6,32.2,400,1300,是,100,300,40,120,,180,120\n';
    const { lines } = await buildMiniWith({ 'villages.csv': text });
    expect(lines).toContain('villages.csv:6:村代码: error: village code 420324101201 already appears on row 2, a rejected row: fix or delete one of them');
    expect(lines).toContain('villages.csv:2:总户数: error: "四百" is not a whole number');
  });

  it('names a duplicate project id even when its first row was rejected', async () => {
    const projects = (await miniText('projects.csv')).replace('垃圾收集点5处,20,', '垃圾收集点5处,-20,');
    const extra = 'T-002,双竹村垃圾收集二期,美丽乡村,420324101,420324101201,,,垃圾收集点3处,12,整合涉农资金,2016-01-01,2016-02-29,蒋家堰镇人民政府,0719-2720001,400,100,,村容整洁\n';
    const { lines } = await buildMiniWith({ 'projects.csv': projects + extra });
    expect(lines).toContain('projects.csv:8:项目编号: error: project id T-002 already appears on row 3, a rejected row: fix or delete one of them');
  });

  it('says a project names a village that was rejected in villages.csv', async () => {
    const villages = (await miniText('villages.csv')).replace('420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,200,', '420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,-200,');
    const { lines } = await buildMiniWith({ 'villages.csv': villages });
    expect(lines).toContain('projects.csv:4:村代码: error: village 420324101202 was rejected in villages.csv (row 3); fix that row first');
    expect(lines).toContain('progress.csv:8:项目编号: error: project T-003 was rejected in projects.csv (row 4); fix that row first');
    expect(lines).toContain('households.csv:2:village_code: error: the village of village_code was rejected in villages.csv; fix that row first');
  });
});

describe('joins by village name prefer the same kind of place', () => {
  it('joins 中峰村 to the village committee, not the community of the same name', async () => {
    const projects = (await miniText('projects.csv')).replace('T-005,中峰村产业路,产业发展,420324102,420324102201,', 'T-005,中峰村产业路,产业发展,420324102,,');
    const withName = projects.replace('项目编号,项目名称,项目类别,乡镇代码,村代码,', '项目编号,项目名称,项目类别,乡镇代码,村代码,村名称,').replace(/^(T-\d{3},[^,]*,[^,]*,[^,]*,[^,]*,)/gm, '$1,').replace('T-005,中峰村产业路,产业发展,420324102,,,', 'T-005,中峰村产业路,产业发展,420324102,,中峰村,');
    const { result, lines } = await buildMiniWith({ 'projects.csv': withName });
    expect(lines).toEqual(['projects.csv:6:村名称: warning: no village code; joined by name "中峰村" to 中峰村委会 (420324102201)']);
    expect(result.errorCount).toBe(0);
  });
});

describe('findCategory', () => {
  const categories = [
    { id: 'industry', zh: '产业发展', en: 'Industry' },
    { id: 'infrastructure', zh: '基础设施', en: 'Infrastructure (water, power, roads)' },
    { id: 'environment', zh: '美丽乡村（人居环境）', en: 'Beautiful village' },
  ];
  it.each([
    ['the id', 'industry', 0],
    ['the Chinese name', '产业发展', 0],
    ['the English name with its brackets', 'Infrastructure (water, power, roads)', 1],
    ['the English name without them', 'infrastructure', 1],
    ["DESIGN.md's name with full-width brackets", '基础设施（水电路）', 1],
    ['with half-width brackets', '基础设施(水电路)', 1],
    ["a name without the config's brackets", '美丽乡村', 2],
    ['the config name as written', '美丽乡村（人居环境）', 2],
    ['a bracket alone', '（人居环境）', -1],
    ['an unknown name', '外星项目', -1],
  ])('%s: %s → %i', (_name, raw, index) => expect(findCategory(categories, raw)).toBe(index));

  it('matches a project category written as in DESIGN.md in a build', async () => {
    const projects = (await miniText('projects.csv')).replace('T-002,双竹村垃圾收集,美丽乡村,', 'T-002,双竹村垃圾收集,美丽乡村（人居环境）,');
    const { result } = await buildMiniWith({ 'projects.csv': projects });
    expect(result.issues).toEqual([]);
  });
});

describe('households.csv against villages.csv', () => {
  it('warns per village when the count of poor households differs, with both numbers', async () => {
    const households = (await miniText('households.csv')) + 'a1b2c3d4e5f6,420324102001,是,否,,1,1\n';
    const { result, lines } = await buildMiniWith({ 'households.csv': households });
    expect(lines).toEqual(['households.csv:0:village_code: warning: village 420324102001 (中峰社区居委会): households.csv lists 1 poor households, villages.csv poor_households says 40']);
    expect(result.errorCount).toBe(0);
  });

  it('never quotes a household row: unknown village, unknown or rejected project ids', async () => {
    const projects = (await miniText('projects.csv')).replace('新建卫生室1所,30,', '新建卫生室1所,-30,');
    const households = (await miniText('households.csv')).replace('a1b2c3d4e5f2,420324101202,是,是,T-003', 'a1b2c3d4e5f2,420324109999,是,是,T-003').replace('0a1b2c3d4e5f,420324101202,是,否,,1,1', '0a1b2c3d4e5f,420324101202,是,否,T-777;T-888,1,1');
    const { lines } = await buildMiniWith({ 'projects.csv': projects, 'households.csv': households });
    const own = lines.filter((l) => l.startsWith('households.csv'));
    expect(own).toEqual([
      'households.csv:0:village_code: warning: village 420324101202 (周湾村委会): households.csv lists 4 poor households, villages.csv poor_households says 5',
      'households.csv:2:project_ids: warning: an unknown project id in project_ids (not in projects.csv, or rejected there); ignored',
      'households.csv:3:village_code: error: village_code is not a village of villages.csv',
      'households.csv:4:project_ids: warning: an unknown project id in project_ids (not in projects.csv, or rejected there); ignored',
      'households.csv:5:project_ids: warning: an unknown project id in project_ids (not in projects.csv, or rejected there); ignored',
      'households.csv:6:project_ids: warning: 2 unknown project ids in project_ids (not in projects.csv, or rejected there); ignored',
    ]);
    for (const secret of ['420324109999', 'T-777', 'T-888', 'T-003', 'a1b2c3d4e5f']) expect(own.join('\n')).not.toContain(secret);
  });
});

describe('the config, when it cannot be parsed in full', () => {
  it.each([
    ['a bad colour', { categories: [{ id: 'industry', zh: '产业发展', en: 'Industry', colour: 'orange', goal: 'industry' }, { id: 'environment', zh: '美丽乡村', en: 'Environment', colour: '#009E73', goal: 'beauty' }, { id: 'health', zh: '健康医疗', en: 'Health', colour: '#CC79A7', goal: 'household' }] }],
    ['a bad tour stop', { tour: [{ town: '420324101', month: '2016-5', title: { zh: '蒋家堰', en: 'Jiangjiayan' } }] }],
  ])('still checks the joins (%s)', async (_name, patch) => {
    const progress = (await miniText('progress.csv')) + '2016-03,T-999,在建,10,1\n';
    const { lines } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith(patch), 'progress.csv': progress });
    expect(lines).toContain('progress.csv:15:项目编号: error: project T-999 is not in projects.csv');
    expect(lines).toContain('atlas.config.json:0:tour: warning: the tour was not checked against the data because of the errors in atlas.config.json');
  });

  it('says the joins were not checked when even the join settings are unusable', async () => {
    const progress = (await miniText('progress.csv')) + '2016-03,T-999,在建,10,1\n';
    const { result, lines } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ categories: 'ten' }), 'progress.csv': progress });
    expect(lines).toEqual([
      'atlas.config.json:0:: warning: the files were not joined (towns, villages, projects, progress, households) because of the errors in atlas.config.json; fix them and check again',
      'atlas.config.json:0:categories: error: expected an array, got "ten"',
    ]);
    expect(result.fatal).toBeNull();
  });

  it.each([
    ['the town boundaries are missing', { 'boundaries/towns.geojson': null }, 'boundaries/towns.geojson:0:: error: boundaries/towns.geojson is missing', 'boundaries/towns.geojson'],
    ['villages.csv lacks a required column', { 'villages.csv': '村代码,村名称,乡镇代码\n420324101201,双竹村委会,420324101\n' }, 'villages.csv:1:households: error: required column households (总户数) is missing', 'villages.csv'],
  ] as const)('says the joins were not checked when %s', async (_name, files, error, blocker) => {
    const { lines } = await buildMiniWith({ ...files });
    expect(lines).toContain(error);
    expect(lines).toContain(`${blocker}:0:: warning: the files were not joined (towns, villages, projects, progress, households) because of the errors in ${blocker}; fix them and check again`);
  });

  it('still checks the ceilings of its limits and the boundaries against its region (a bad colour elsewhere)', async () => {
    const categories = [{ id: 'industry', zh: '产业发展', en: 'Industry', colour: 'orange', goal: 'industry' }, { id: 'environment', zh: '美丽乡村', en: 'Environment', colour: '#009E73', goal: 'beauty' }, { id: 'health', zh: '健康医疗', en: 'Health', colour: '#CC79A7', goal: 'household' }];
    const towns = (await miniText('boundaries/towns.geojson')).replace('[110.0,32.5],[109.75,32.5]', '[110.0,32.5],[19.75,32.5]');
    const { lines } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ categories, limits: { budgetWan: 120 } }), 'boundaries/towns.geojson': towns });
    expect(lines).toContain('projects.csv:6:资金规模(万元): warning: budget 150 万元 is above the ceiling of 120 万元 (limits.budgetWan in atlas.config.json): is it in 元 rather than 万元?');
    expect(lines.some((l) => l.startsWith('boundaries/towns.geojson:0:features[1]: error: a vertex of 中峰镇 (420324102) at 19.75, 32.5 is outside the box'))).toBe(true);
  });

  it('checks the joins with the default ceilings when its limits have an error', async () => {
    const projects = (await miniText('projects.csv')).replace('新建卫生室1所,30,', '新建卫生室1所,300000,');
    const { lines } = await buildMiniWith({ 'atlas.config.json': await miniConfigWith({ limits: { budgetWan: 'many' } }), 'projects.csv': projects });
    expect(lines).toContain('atlas.config.json:0:limits.budgetWan: error: expected a number, got "many"');
    expect(lines).toContain('projects.csv:4:资金规模(万元): warning: budget 300000 万元 is above the ceiling of 100,000 万元 (limits.budgetWan in atlas.config.json): is it in 元 rather than 万元?');
  });

  it('joins without the county outline when only the outline has errors', async () => {
    const progress = (await miniText('progress.csv')) + '2016-03,T-999,在建,10,1\n';
    const { lines } = await buildMiniWith({ 'boundaries/county.geojson': '{"type":"FeatureCollection","features":[]}', 'progress.csv': progress });
    expect(lines).toEqual(['boundaries/county.geojson:0:features: error: no polygon in the county outline', 'progress.csv:15:项目编号: error: project T-999 is not in projects.csv']);
  });
});

describe('coordinates as surveyors write them', () => {
  it('reads degrees, minutes and seconds with a warning, to the same point', async () => {
    // 109.7, 32.3 written 109°42′0″ and 32度18分0秒.
    const villages = (await miniText('villages.csv')).replace('420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,', '420324101202,周湾村委会,420324101,蒋家堰镇,109°42′0″,32度18分0秒,');
    const clean = await buildMiniWith();
    const { result, lines } = await buildMiniWith({ 'villages.csv': villages });
    expect(lines).toEqual([
      'villages.csv:3:纬度: warning: "32度18分0秒" is written in degrees, minutes and seconds; read as 32.3',
      'villages.csv:3:经度: warning: "109°42′0″" is written in degrees, minutes and seconds; read as 109.7',
    ]);
    expect(withoutReleaseId(result.outputs?.get('site.json'))).toBe(withoutReleaseId(clean.result.outputs?.get('site.json')));
  });

  it('says when longitude and latitude look swapped', async () => {
    const villages = (await miniText('villages.csv')).replace('420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,', '420324101202,周湾村委会,420324101,蒋家堰镇,32.3,109.7,');
    const { lines } = await buildMiniWith({ 'villages.csv': villages });
    expect(lines).toContain('villages.csv:3:纬度: error: 109.7 is outside -90–90; longitude and latitude look swapped');
  });

  it('warns when a village point is outside its own town', async () => {
    // 周湾 (蒋家堰镇, west of 109.75) placed in 中峰镇.
    const villages = (await miniText('villages.csv')).replace('420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,', '420324101202,周湾村委会,420324101,蒋家堰镇,109.9,32.3,');
    const { result, lines } = await buildMiniWith({ 'villages.csv': villages });
    expect(lines).toContain('villages.csv:3:经度: warning: the point is outside its town 蒋家堰镇');
    expect(result.errorCount).toBe(0);
  });
});
