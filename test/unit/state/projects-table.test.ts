import { beforeAll, describe, expect, it } from 'vitest';
import { projectField } from '../../../src/contract/project-fields';
import type { SiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import { fieldText, filterRows, hotlinesOf, NO_FILTER, normalizeQuery, pageOf, projectRows, sortRows, yearsOf, type ProjectFilter, type ProjectRow, type SortKey } from '../../../src/state/projects-table';
import { projectRow as row } from '../../helpers/project-row';
import { loadMiniSite } from '../../helpers/site';

// test/fixtures/mini: towns 蒋家堰镇 (420324101: 双竹村委会 …201, 周湾村委会 …202) and 中峰镇
// (420324102: 中峰社区居委会 …001, 中峰村委会 …201, which has no seat point); months 2016-01 to 2016-03.
// March: T-004 planned; T-001, T-003, T-005 building; T-002 (Feb) and T-006 done.
let site: SiteData;
let projects: SiteProjects;
let march: ProjectRow[];
beforeAll(async () => {
  ({ site, projects } = await loadMiniSite());
  march = projectRows(site, projects, 2, 'zh');
});

const ids = (rows: readonly ProjectRow[]): string[] => rows.map((r) => r.id);
const filter = (patch: Partial<ProjectFilter>): ProjectFilter => ({ ...NO_FILTER, ...patch });

describe('projectRows', () => {
  it('gives the disclosure fields of every project, in the ledger order', () => {
    expect(ids(march)).toEqual(['T-001', 'T-002', 'T-003', 'T-004', 'T-005', 'T-006']);
    expect(march[0]).toEqual({
      index: 0,
      id: 'T-001',
      name: '双竹村茶叶基地',
      category: { id: 'industry', name: '产业发展', colour: '#988800' },
      town: { code: '420324101', name: '蒋家堰镇' },
      village: { code: '420324101201', name: '双竹村委会' },
      content: '新建茶园200亩',
      budgetWan: 100,
      fundSource: '财政专项扶贫资金',
      start: '2016-01-01',
      due: '2016-04-30',
      unit: '蒋家堰镇人民政府',
      target: '户均增收2000元',
      beneficiaryHouseholds: 80,
      beneficiaryPoorHouseholds: 40,
      beneficiaryPoorPopulation: null,
      jobs: 10,
      hotline: '0719-2720001',
      status: 'building',
      progressPct: 70,
      spentWan: 60,
      year: 2016,
      photos: [],
      photosWithheld: 0,
    });
  });

  it('leaves the village null for a town-wide project and blank counts null', () => {
    const t006 = march.find((r) => r.id === 'T-006');
    expect(t006?.village).toBeNull();
    expect(t006?.town).toEqual({ code: '420324102', name: '中峰镇' });
    expect(march.find((r) => r.id === 'T-002')?.jobs).toBeNull();
  });

  it('takes status, progress and spending as of the month', () => {
    const jan = projectRows(site, projects, 0, 'zh');
    expect(jan.map((r) => [r.id, r.status, r.progressPct, r.spentWan])).toEqual([
      ['T-001', 'building', 20, 20],
      ['T-002', 'building', 50, 10],
      ['T-003', 'planned', 0, 0],
      ['T-004', 'planned', 0, 0],
      ['T-005', 'planned', 0, 0],
      ['T-006', 'building', 30, 10],
    ]);
    expect(march.map((r) => r.status)).toEqual(['building', 'done', 'building', 'planned', 'building', 'done']);
  });

  it('names the category in the language', () => {
    expect(projectRows(site, projects, 2, 'en').map((r) => r.category.name)).toEqual(['Industry', 'Environment', 'Health', 'Industry', 'Industry', 'Health']);
  });
});

describe('filterRows', () => {
  it('lets everything through with no filter', () => expect(ids(filterRows(march, NO_FILTER))).toEqual(ids(march)));

  it.each<[string, Partial<ProjectFilter>, string[]]>([
    ['a town', { town: '420324102' }, ['T-004', 'T-005', 'T-006']],
    ['a village (town-wide projects left out)', { town: '420324102', village: '420324102201' }, ['T-005']],
    ['a village without its town', { village: '420324101201' }, ['T-001', 'T-002']],
    ['one category', { categories: ['health'] }, ['T-003', 'T-006']],
    ['two categories', { categories: ['health', 'environment'] }, ['T-002', 'T-003', 'T-006']],
    ['planned', { statuses: ['planned'] }, ['T-004']],
    ['building', { statuses: ['building'] }, ['T-001', 'T-003', 'T-005']],
    ['done', { statuses: ['done'] }, ['T-002', 'T-006']],
    ['a year', { year: 2016 }, ['T-001', 'T-002', 'T-003', 'T-004', 'T-005', 'T-006']],
    ['a year without projects', { year: 2017 }, []],
    ['several kinds at once', { town: '420324101', statuses: ['building'], categories: ['industry'] }, ['T-001']],
  ])('by %s', (_name, patch, expected) => expect(ids(filterRows(march, filter(patch)))).toEqual(expected));

  it('to the projects with a published site photo, when asked', () => {
    const shot = { stage: 'done' as const, thumb: 'photos/0000000000000001.t.jpg', full: 'photos/0000000000000001.jpg', width: 4, height: 3, takenAt: null, distanceM: null, caption: null };
    const rows = [row('a', { photos: [shot] }), row('b', { photosWithheld: 2 }), row('c')];
    expect(ids(filterRows(rows, filter({ isPhotosOnly: true })))).toEqual(['a']);
    expect(ids(filterRows(rows, filter({ isPhotosOnly: false })))).toEqual(['a', 'b', 'c']);
  });

  it("counts accepted projects as done", () => {
    const rows = [row('a', { status: 'done' }), row('b', { status: 'accepted' }), row('c', { status: 'building' })];
    expect(ids(filterRows(rows, filter({ statuses: ['done'] })))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, filter({ statuses: ['building'] })))).toEqual(['c']);
  });

  it.each<[string, string, string[]]>([
    ['project id, any case', 't-004', ['T-004']],
    ['full-width id', 'Ｔ－００４', ['T-004']],
    ['name', '茶叶', ['T-001']],
    ['content', '卫生室1所', ['T-003']],
    ['unit', '卫生局', ['T-003']],
    ['town name', '中峰镇', ['T-004', 'T-005', 'T-006']],
    ['village name', '周湾', ['T-003']],
    ['fund source', '社会帮扶', ['T-004']],
    ['spaces ignored', ' 茶叶 基地 ', ['T-001']],
    ['nothing matching', '不存在', []],
    ['only spaces (all)', '   ', ['T-001', 'T-002', 'T-003', 'T-004', 'T-005', 'T-006']],
  ])('by a query on %s', (_name, query, expected) => expect(ids(filterRows(march, filter({ query })))).toEqual(expected));

  it('never matches across two fields', () => {
    // T-001's name ends in 基地 and its content starts with 新建.
    expect(filterRows(march, filter({ query: '基地新建' }))).toEqual([]);
  });

  it('does not match hotlines or targets', () => {
    expect(filterRows(march, filter({ query: '2720001' }))).toEqual([]);
    expect(filterRows(march, filter({ query: '户均增收' }))).toEqual([]);
  });
});

describe('normalizeQuery', () => {
  it.each([
    ['ＺＸ２０１６', 'zx2016'],
    [' ZX 2016\u3000-0001 ', 'zx2016-0001'],
    ['茶叶', '茶叶'],
  ])('%s → %s', (text, expected) => expect(normalizeQuery(text)).toBe(expected));
});

describe('sortRows', () => {
  it('sorts numbers numerically, both ways', () => {
    const rows = [row('a', { budgetWan: 9 }), row('b', { budgetWan: 100 }), row('c', { budgetWan: 20.5 })];
    expect(ids(sortRows(rows, 'budgetWan', 'ascending'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortRows(rows, 'budgetWan', 'descending'))).toEqual(['b', 'c', 'a']);
  });

  it('sorts Chinese text in pinyin order', () => {
    // 鄂 è, 汇 huì, 蒋 jiǎng, 龙 lóng, 中 zhōng
    const rows = ['中峰镇', '龙坝镇', '鄂坪乡', '蒋家堰镇', '汇湾镇'].map((name) => row(name, { town: { code: '', name } }));
    expect(ids(sortRows(rows, 'place', 'ascending'))).toEqual(['鄂坪乡', '汇湾镇', '蒋家堰镇', '龙坝镇', '中峰镇']);
    expect(ids(sortRows(rows, 'place', 'descending'))).toEqual(['中峰镇', '龙坝镇', '蒋家堰镇', '汇湾镇', '鄂坪乡']);
  });

  it('puts nulls last in both directions', () => {
    const rows = [row('none', { unit: null }), row('b', { unit: '竹溪县卫生局' }), row('a', { unit: '蒋家堰镇人民政府' }), row('empty', { unit: '' })];
    expect(ids(sortRows(rows, 'unit', 'ascending'))).toEqual(['a', 'b', 'none', 'empty']);
    expect(ids(sortRows(rows, 'unit', 'descending'))).toEqual(['b', 'a', 'none', 'empty']);
    const years = [row('x', { year: null }), row('y', { year: 2017 }), row('z', { year: 2016 })];
    expect(ids(sortRows(years, 'year', 'ascending'))).toEqual(['z', 'y', 'x']);
    expect(ids(sortRows(years, 'year', 'descending'))).toEqual(['y', 'z', 'x']);
  });

  it('keeps the order of ties (stable), in both directions', () => {
    const rows = [row('1', { budgetWan: 5 }), row('2', { budgetWan: 1 }), row('3', { budgetWan: 5 }), row('4', { budgetWan: 1 }), row('5', { budgetWan: 5 })];
    expect(ids(sortRows(rows, 'budgetWan', 'ascending'))).toEqual(['2', '4', '1', '3', '5']);
    expect(ids(sortRows(rows, 'budgetWan', 'descending'))).toEqual(['1', '3', '5', '2', '4']);
  });

  it('sorts a place by town, then village, the town-wide project after the villages', () => {
    // 蒋家堰镇 (jiǎng) before 中峰镇 (zhōng); 双竹 (shuāng) before 周湾 (zhōu), 中峰村 (cūn) before 中峰社区 (shè).
    expect(ids(sortRows(march, 'place', 'ascending'))).toEqual(['T-001', 'T-002', 'T-003', 'T-005', 'T-004', 'T-006']);
    expect(ids(sortRows(march, 'place', 'descending'))).toEqual(['T-004', 'T-005', 'T-006', 'T-003', 'T-001', 'T-002']);
  });

  it('sorts progress by status, then percent', () => {
    const rows = [row('done', { status: 'done', progressPct: 100 }), row('b70', { status: 'building', progressPct: 70 }), row('acc', { status: 'accepted', progressPct: 100 }), row('p', { status: 'planned' }), row('b10', { status: 'building', progressPct: 10 })];
    expect(ids(sortRows(rows, 'progress', 'ascending'))).toEqual(['p', 'b10', 'b70', 'done', 'acc']);
  });

  it('sorts the period by start, then due', () => {
    const rows = [row('late', { start: '2016-03-01', due: '2016-04-01' }), row('long', { start: '2016-01-01', due: '2016-12-31' }), row('short', { start: '2016-01-01', due: '2016-02-29' })];
    expect(ids(sortRows(rows, 'period', 'ascending'))).toEqual(['short', 'long', 'late']);
  });

  it('leaves its input alone', () => {
    const rows = [row('b'), row('a')];
    sortRows(rows, 'id', 'ascending');
    expect(ids(rows)).toEqual(['b', 'a']);
  });

  it.each<SortKey>(['id', 'name', 'category', 'place', 'budgetWan', 'period', 'progress', 'spentWan', 'unit', 'year'])('sorts the mini site by %s without losing rows', (key) => {
    expect(sortRows(march, key, 'descending')).toHaveLength(march.length);
  });
});

describe('yearsOf, hotlinesOf, pageOf', () => {
  it('lists the start years, ascending, without repeats or nulls', () => {
    expect(yearsOf(march)).toEqual([2016]);
    expect(yearsOf([row('a', { year: 2018 }), row('b', { year: null }), row('c', { year: 2016 }), row('d', { year: 2018 })])).toEqual([2016, 2018]);
  });

  it('lists the distinct hotlines with their units', () => {
    expect(hotlinesOf(march)).toEqual([
      { hotline: '0719-2720001', units: ['蒋家堰镇人民政府'] },
      { hotline: '0719-2720002', units: ['竹溪县卫生局'] },
      { hotline: '0719-2720003', units: ['中峰镇人民政府'] },
    ]);
    expect(hotlinesOf([row('a', { hotline: '  ' }), row('b')])).toEqual([]);
  });

  it('finds the page of a row', () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(`P${i}`));
    expect([pageOf(rows, 'P0', 50), pageOf(rows, 'P49', 50), pageOf(rows, 'P50', 50), pageOf(rows, 'P119', 50), pageOf(rows, 'nope', 50)]).toEqual([1, 1, 2, 3, null]);
  });
});

describe('fieldText', () => {
  it('writes a blank as —, text as written, money in 万元 to 2 places and counts with separators', () => {
    expect(fieldText(projectField('content'), null, 'zh')).toBe('—');
    expect(fieldText(projectField('content'), '新建茶园200亩', 'en')).toBe('新建茶园200亩');
    expect(fieldText(projectField('budgetWan'), 1234.5, 'zh')).toBe('1,234.50 万元');
    expect(fieldText(projectField('jobs'), 12345, 'en')).toBe('12,345');
  });
});
