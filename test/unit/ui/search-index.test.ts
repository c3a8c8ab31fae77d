import { beforeAll, describe, expect, it } from 'vitest';
import { loadMiniSite } from '../../helpers/site';
import { buildSearchIndex, normalizeSearchText, search, stripPlaceSuffix, type SearchIndex } from '../../../src/ui/search-index';

let index: SearchIndex;

beforeAll(async () => {
  const { site, projects } = await loadMiniSite();
  index = buildSearchIndex(site, projects);
});

describe('normalizeSearchText and stripPlaceSuffix', () => {
  it.each([
    [' 蒋家堰 镇 ', '蒋家堰镇'],
    ['Ｔ－００１', 't-001'],
    ['中峰\u3000社区', '中峰社区'],
  ])('normalizes %j to %j', (text, expected) => {
    expect(normalizeSearchText(text)).toBe(expected);
  });

  it.each([
    ['蒋家堰镇', '蒋家堰'],
    ['鄂坪乡', '鄂坪'],
    ['双竹村委会', '双竹'],
    ['中峰社区居委会', '中峰'],
    ['双竹村', '双竹'],
    ['村', '村'],
    ['社区', '社区'],
  ])('strips %j to %j', (name, expected) => {
    expect(stripPlaceSuffix(name)).toBe(expected);
  });
});

describe('search on the mini fixture', () => {
  // Each row: query, limit, the expected hits as "kind:code" in order.
  it.each([
    ['', 8, []],
    ['   ', 8, []],
    ['不存在的地方', 8, []],
    // Exact town name; the projects that merely contain it follow.
    ['蒋家堰镇', 8, ['town:420324101']],
    // The name without its suffix is as good as exact: the town before the villages of the same name, the shorter name first.
    ['中峰', 3, ['town:420324102', 'village:420324102201', 'village:420324102001']],
    // What was typed (村) beats the same name found by dropping the suffix (中峰镇).
    ['中峰村', 2, ['village:420324102201', 'project:T-005']],
    ['中峰社区', 2, ['village:420324102001', 'project:T-004']],
    // A suffix the data does not use still finds the place.
    ['蒋家堰乡', 1, ['town:420324101']],
    ['双竹社区', 1, ['village:420324101201']],
    // Exact village, then projects whose names start with it.
    ['双竹村', 8, ['village:420324101201', 'project:T-001', 'project:T-002']],
    // Pinyin initials or full pinyin find places (never projects): the whole name first.
    ['jjy', 8, ['town:420324101']],
    ['jiangjiayan', 8, ['town:420324101']],
    ['sz', 8, ['village:420324101201']],
    ['zf', 8, ['town:420324102', 'village:420324102201', 'village:420324102001']],
    ['qqq', 8, []],
    // Substring only.
    ['茶叶', 8, ['project:T-001']],
    ['卫生室', 8, ['project:T-003']],
    // Project id, case and width folded.
    ['t-004', 8, ['project:T-004']],
    ['Ｔ－００６', 8, ['project:T-006']],
    // Whitespace inside the query is ignored.
    ['周 湾', 8, ['village:420324101202', 'project:T-003']],
  ] as const)('%j (limit %d)', (query, limit, expected) => {
    expect(search(index, query, limit).map((h) => `${h.kind}:${h.code}`)).toEqual(expected);
  });

  it('labels villages with their town and projects with their village and town', () => {
    expect(search(index, '双竹村委会', 1)).toEqual([{ kind: 'village', code: '420324101201', label: '双竹村委会 · 蒋家堰镇' }]);
    expect(search(index, 'T-001', 1)).toEqual([{ kind: 'project', code: 'T-001', label: '双竹村茶叶基地 · 双竹村委会 · 蒋家堰镇' }]);
    // A town-wide project has no village.
    expect(search(index, '互助资金', 1)).toEqual([{ kind: 'project', code: 'T-006', label: '中峰镇互助资金 · 中峰镇' }]);
  });

  it('keeps to the limit', () => {
    expect(search(index, '村', 3)).toHaveLength(3);
    expect(search(index, '村', 0)).toEqual([]);
  });
});
