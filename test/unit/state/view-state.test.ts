import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig } from '../../../src/contract/config';
import { INDICATOR_IDS, SERIES_IDS, type AreaSeries, type SeriesId, type SiteData, type SiteTown, type SiteVillage } from '../../../src/contract/site';
import { CLASS_METHODS } from '../../../src/domain/classify';
import { DEFAULT_VIEW, LANGS, PROJECT_SORT_KEYS, QUERY_MAX_CHARS, RANKING_SORT_KEYS, STATUS_FILTERS, VIEW_NAMES, parseViewState, serializeViewState, viewContextOf, type ViewContext, type ViewState } from '../../../src/state/view-state';
import { MINI } from '../../helpers/fixtures';

const T1 = '420324101';
const T2 = '420324102';
const V11 = '420324101201';
const V12 = '420324101202';
const V21 = '420324102201';
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
const CATEGORIES = ['industry', 'environment', 'health', 'road'];
/** Project ids that need percent-encoding, as real ones may. */
const PROJECTS = ['P001', 'XM 2016/03', '项目#1&2', 'a=b,c%'];

const ctx: ViewContext = {
  towns: new Set([T1, T2]),
  villages: new Map([[V11, T1], [V12, T1], [V21, T2]]),
  projects: new Set(PROJECTS),
  months: MONTHS,
  categories: CATEGORIES,
  tourStops: 7,
};

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe('parseViewState: valid hashes', () => {
  it.each<[string, Partial<ViewState>]>([
    ['', {}],
    ['#', {}],
    ['#&&', {}],
    ['#ind=lag', { ind: 'lag' }],
    ['ind=lag', { ind: 'lag' }],
    ['#cls=ckmeans&lang=en', { cls: 'ckmeans', lang: 'en' }],
    [`#town=${T2}`, { town: T2 }],
    [`#town=${T1}&village=${V12}`, { town: T1, village: V12 }],
    [`#village=${V21}`, { town: T2, village: V21 }],
    ['#proj=XM%202016%2F03', { project: 'XM 2016/03' }],
    [`#proj=${encodeURIComponent('项目#1&2')}`, { project: '项目#1&2' }],
    ['#month=2016-03', { month: '2016-03' }],
    ['#month=2016-06', { month: '2016-06' }],
    ['#cat=health,industry', { cat: ['health', 'industry'] }],
    ['#cat=industry,health,industry', { cat: ['health', 'industry'] }],
    ['#cat=', { cat: [] }],
    ['#st=done,planned', { st: ['planned', 'done'] }],
    ['#st=done,building,planned', { st: [] }],
    ['#lang=en&ind=incidence&st=building', { lang: 'en', ind: 'incidence', st: ['building'] }],
  ])('%s', (hash, patch) => {
    expect(parseViewState(hash, ctx)).toEqual({ state: view(patch), warnings: [] });
  });
});

describe('parseViewState: fallbacks, each with its warning', () => {
  it.each<[string, Partial<ViewState>, string[]]>([
    ['#ind=goal', {}, ['#ind: unknown value "goal"; using "industry"']],
    ['#cls=jenks&ind=lag', { ind: 'lag' }, ['#cls: unknown value "jenks"; using "fixed"']],
    ['#lang=fr', {}, ['#lang: unknown value "fr"; using "zh"']],
    ['#town=4203', {}, ['#town: "4203" is not a 9-digit town code; showing the county']],
    ['#town=420324999', {}, ['#town: town "420324999" is not in the data; showing the county']],
    ['#village=42032410120', {}, ['#village: "42032410120" is not a 12-digit village code; ignored']],
    [`#town=${T1}&village=420324101999`, { town: T1 }, ['#village: village "420324101999" is not in the data; ignored']],
    [`#town=${T1}&village=${V21}`, { town: T2, village: V21 }, [`#village: village ${V21} is in town ${T2}, not ${T1}; using its town`]],
    [`#town=420324999&village=${V21}`, { town: T2, village: V21 }, ['#town: town "420324999" is not in the data; showing the county']],
    ['#proj=P999', {}, ['#proj: project "P999" is not in the data; no popup']],
    ['#month=2016-13', {}, ['#month: "2016-13" is not a YYYY-MM month; using the latest month']],
    ['#month=2016-5', {}, ['#month: "2016-5" is not a YYYY-MM month; using the latest month']],
    ['#month=2017-01', {}, ['#month: month "2017-01" is not in the data; using the latest month']],
    ['#cat=industry,roads,health', { cat: ['health', 'industry'] }, ['#cat: unknown category "roads"; dropped']],
    ['#cat=x,y', {}, ['#cat: unknown category "x"; dropped', '#cat: unknown category "y"; dropped']],
    ['#st=accepted,done', { st: ['done'] }, ['#st: unknown status "accepted"; dropped']],
    ['#zoom=12&ind=lag', { ind: 'lag' }, ['#zoom: unknown key; ignored']],
    ['#IND=lag', {}, ['#IND: unknown key; ignored']],
    ['#ind=lag&ind=progress', { ind: 'progress' }, ['#ind: given more than once; using the last value']],
    ['#ind=lag&ind=nope', {}, ['#ind: given more than once; using the last value', '#ind: unknown value "nope"; using "industry"']],
    ['#town&ind=lag', { ind: 'lag' }, ['"town": not a key=value pair; ignored']],
    ['#proj=%E0%A4%A&lang=en', { lang: 'en' }, ['"proj=%E0%A4%A": bad percent-encoding; ignored']],
    ['#ind=', {}, ['#ind: unknown value ""; using "industry"']],
    ['#town=', {}, ['#town: "" is not a 9-digit town code; showing the county']],
  ])('%s', (hash, patch, warnings) => {
    expect(parseViewState(hash, ctx)).toEqual({ state: view(patch), warnings });
  });

  it('never throws, whatever the hash', () => {
    for (const hash of ['#%', '#=', '#==', '#&=&', '#ind=%', '#%ZZ=1', '#village=%00', '#cat=,,,', '#st=' + 'done,'.repeat(1000), '\u0000', '#' + '&'.repeat(10_000)]) {
      expect(() => parseViewState(hash, ctx)).not.toThrow();
    }
  });
});

describe('serializeViewState', () => {
  it('writes nothing for the default view', () => expect(serializeViewState(DEFAULT_VIEW)).toBe(''));

  it('writes only non-default keys, in a fixed order, URL-encoded', () => {
    const all = view({ lang: 'en', st: ['done', 'building'], cat: ['road', 'health'], month: '2016-02', project: 'a=b,c%', village: V12, town: T1, cls: 'quantile', ind: 'lag' });
    expect(serializeViewState(all)).toBe(`#ind=lag&cls=quantile&town=${T1}&village=${V12}&proj=a%3Db%2Cc%25&month=2016-02&cat=health,road&st=building,done&lang=en`);
    expect(serializeViewState(view({ lang: 'en', ind: 'beauty' }))).toBe('#ind=beauty&lang=en');
  });

  it.each<[string, string]>([
    ['#lang=en&ind=lag', '#ind=lag&lang=en'],
    ['ind=industry&cls=fixed&lang=zh', ''],
    ['#cat=road,industry,road', '#cat=industry,road'],
    ['#st=done,planned,building', ''],
    ['#st=done,planned', '#st=planned,done'],
    [`#village=${V21}`, `#town=${T2}&village=${V21}`],
    [`#town=${T1}&village=${V21}`, `#town=${T2}&village=${V21}`],
    ['#proj=XM 2016/03', '#proj=XM%202016%2F03'],
    ['#zoom=3&ind=nope&month=2016-04&month=2016-05', '#month=2016-05'],
    ['#view=notice&from=2026-12-01', '#view=notice&from=2026-12-01'],
    ['#view=notice&from=2026-02-30', '#view=notice'],
    ['#view=notice&from=2026-2-3', '#view=notice'],
  ])('serialize(parse(%s)) is canonical: %s', (hash, canonical) => {
    const once = serializeViewState(parseViewState(hash, ctx).state);
    expect(once).toBe(canonical);
    expect(serializeViewState(parseViewState(once, ctx).state)).toBe(once);
  });
});

/** A deterministic pseudo-random integer below n (mulberry32), so the grid is the same on every run. */
function randomFrom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

/** The valid, canonical states a hash can hold: lists sorted and distinct, a village with its own town. */
function validStates(count: number): ViewState[] {
  const pick = randomFrom(20160531);
  const oneOf = <T>(values: readonly T[]): T => values[pick(values.length)] as T;
  const subset = <T>(values: readonly T[]): T[] => values.filter(() => pick(3) === 0);
  const places: [string | null, string | null][] = [[null, null], [T1, null], [T2, null], [T1, V11], [T1, V12], [T2, V21]];
  const states: ViewState[] = [];
  for (let i = 0; i < count; i++) {
    const [town, village] = oneOf(places);
    const st = subset(STATUS_FILTERS);
    states.push({
      view: oneOf(VIEW_NAMES),
      ind: oneOf(INDICATOR_IDS),
      cls: oneOf(CLASS_METHODS),
      town,
      village,
      project: oneOf([null, ...PROJECTS]),
      month: oneOf([null, ...MONTHS]),
      cat: subset([...CATEGORIES].sort()),
      st: st.length === STATUS_FILTERS.length ? [] : st,
      lang: oneOf(LANGS),
      isDelta: oneOf([false, true]),
      tour: oneOf([null, 1, 4, 7]),
      isEmbed: oneOf([false, true]),
      isLargeType: oneOf([false, true]),
      isShowingProjects: oneOf([true, false]),
      rankSort: { key: oneOf(RANKING_SORT_KEYS), direction: oneOf(['ascending', 'descending'] as const) },
      q: oneOf(['', '道路', ' 产业 基地 ', 'a&b=c#d%', 'XM 2016/03']),
      year: oneOf([null, 1999, 2016, 2017]),
      isPhotosOnly: oneOf([false, true]),
      sort: { key: oneOf(PROJECT_SORT_KEYS), direction: oneOf(['ascending', 'descending'] as const) },
      page: oneOf([1, 2, 17]),
      from: oneOf(['2016-02-29', '2026-12-01', '2027-01-09', null]),
    });
  }
  return states;
}

describe('round trip', () => {
  // One state with every key set, whatever the draw (with twenty keys a random one rarely is).
  const everyKey: ViewState = { view: 'notice', ind: 'lag', cls: 'quantile', town: T1, village: V11, project: PROJECTS[0] ?? null, month: MONTHS[0] ?? null, cat: [...CATEGORIES].sort().slice(0, 1), st: ['done'], lang: 'en', isDelta: true, tour: 4, isEmbed: true, isLargeType: true, isShowingProjects: false, rankSort: { key: 'value', direction: 'descending' }, q: '道路', year: 2016, isPhotosOnly: true, sort: { key: 'budgetWan', direction: 'descending' }, page: 2, from: '2026-12-01' };
  const grid = [DEFAULT_VIEW, ...validStates(600), everyKey];

  it('parse(serialize(s)) is s, without warnings, for every valid state', () => {
    for (const s of grid) expect(parseViewState(serializeViewState(s), ctx), serializeViewState(s)).toEqual({ state: s, warnings: [] });
  });

  it('the grid is varied: every value of each field, and states with every key set', () => {
    const fields = Object.keys(DEFAULT_VIEW) as (keyof ViewState)[];
    for (const f of fields) expect(new Set(grid.map((s) => JSON.stringify(s[f]))).size, f).toBeGreaterThan(1);
    expect(new Set(grid.map((s) => s.ind))).toEqual(new Set(INDICATOR_IDS));
    expect(new Set(grid.map((s) => s.project))).toEqual(new Set([null, ...PROJECTS]));
    expect(grid.some((s) => fields.every((f) => JSON.stringify(s[f]) !== JSON.stringify(DEFAULT_VIEW[f])))).toBe(true);
  });

  it('every value of every closed field survives on its own', () => {
    const singles: Partial<ViewState>[] = [
      ...INDICATOR_IDS.map((ind) => ({ ind })),
      ...CLASS_METHODS.map((cls) => ({ cls })),
      ...LANGS.map((lang) => ({ lang })),
      ...STATUS_FILTERS.map((st) => ({ st: [st] })),
      ...CATEGORIES.map((cat) => ({ cat: [cat] })),
      ...MONTHS.map((month) => ({ month })),
      ...PROJECTS.map((project) => ({ project })),
    ];
    for (const patch of singles) expect(parseViewState(serializeViewState(view(patch)), ctx).state).toEqual(view(patch));
  });

  it('different states give different hashes', () => {
    const hashes = new Map<string, ViewState>();
    for (const s of grid) {
      const h = serializeViewState(s);
      const seen = hashes.get(h);
      if (seen) expect(seen).toEqual(s);
      hashes.set(h, s);
    }
  });

  it('serialize does not depend on the order of list items', () => {
    expect(serializeViewState(view({ cat: ['road', 'industry'], st: ['done', 'planned'] }))).toBe(serializeViewState(view({ cat: ['industry', 'road'], st: ['planned', 'done'] })));
  });
});

describe('DEFAULT_VIEW', () => {
  it('is the county view in Chinese', () => expect(DEFAULT_VIEW).toEqual({ view: 'map', ind: 'industry', cls: 'fixed', town: null, village: null, project: null, month: null, cat: [], st: [], lang: 'zh', isDelta: false, tour: null, isEmbed: false, isLargeType: false, isShowingProjects: true, rankSort: { key: 'rank', direction: 'ascending' }, q: '', year: null, isPhotosOnly: false, sort: { key: 'id', direction: 'ascending' }, page: 1, from: null }));
  it('is frozen, lists included', () => {
    expect(Object.isFrozen(DEFAULT_VIEW)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VIEW.cat)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VIEW.st)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VIEW.sort)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VIEW.rankSort)).toBe(true);
  });
  it('is not shared with parsed states', () => expect(parseViewState('', ctx).state).not.toBe(DEFAULT_VIEW));
});

describe('viewContextOf', () => {
  const parsed = parseAtlasConfig(JSON.parse(readFileSync(join(MINI, 'atlas.config.json'), 'utf8')));
  if (!parsed.ok) throw new Error('the mini config does not parse');
  const town = (id: number, code: string): SiteTown => ({ id, code, name: code, labelPoint: [0, 0], bbox: [0, 0, 1, 1], villageCount: 1, households: 0, population: 0, poorHouseholds: 0, poorPopulation: 0, projectCount: 0, budgetWan: 0 });
  const village = (id: number, code: string, townId: number): SiteVillage => ({ id, code, name: code, townId, point: null, households: 0, population: 0, isPoorVillage: null, poorHouseholds: 0, poorPopulation: 0, exitYear: null, projectCount: 0, budgetWan: 0 });
  const series = {} as Record<SeriesId, AreaSeries>;
  for (const id of SERIES_IDS) series[id] = { county: [], towns: [], villages: [] };
  const site: SiteData = { schemaVersion: 1, config: parsed.value, months: ['2016-01', '2016-02'], bbox: [0, 0, 1, 1], towns: [town(0, T1), town(1, T2)], villages: [village(0, V11, 0), village(1, V21, 1)], estimated: [], series, projectSummary: { planned: [], building: [], done: [], spentWan: [], categoryTotal: [], categoryDone: [], lagging: [] }, integrity: { isListed: true, findings: [], townCounts: [0, 0], ruleCounts: [], county: 100, towns: [100, 100], villages: [100, 100], precisions: { county: [], towns: [[], []] } }, publication: { isPublic: false, minHouseholdCount: 3, withheldVillages: 0 } };

  it('collects what a hash may name', () => {
    const c = viewContextOf(site, new Set(['P001', 'P002']));
    expect([...c.towns]).toEqual([T1, T2]);
    expect([...c.villages]).toEqual([[V11, T1], [V21, T2]]);
    expect([...c.projects]).toEqual(['P001', 'P002']);
    expect(c.months).toEqual(['2016-01', '2016-02']);
    expect(c.categories).toEqual(parsed.value.categories.map((k) => k.id));
  });

  it('lets a village name its town', () => {
    expect(parseViewState(`#village=${V21}`, viewContextOf(site, new Set())).state).toEqual(view({ town: T2, village: V21 }));
  });
});

describe('view and delta keys', () => {
  it.each([
    ['#view=report&month=2016-05', { view: 'report', month: '2016-05' }, []],
    ['#delta=1&ind=lag', { isDelta: true, ind: 'lag' }, []],
    ['#delta=yes', { isDelta: false }, ['#delta: unknown value "yes"; use 1 or 0']],
    ['#embed=1&town=420324101', { isEmbed: true, town: '420324101' }, []],
    ['#big=1', { isLargeType: true }, []],
    ['#big=0&lang=en', { isLargeType: false, lang: 'en' }, []],
    ['#big=2', { isLargeType: false }, ['#big: unknown value "2"; use 1 or 0']],
    ['#view=chart', { view: 'map' }, ['#view: unknown value "chart"; using "map"']],
    ['#tour=3', { tour: 3 }, []],
    ['#tour=0', { tour: null }, ['#tour: "0" is not a stop from 1 to 7; not presenting']],
    ['#tour=8', { tour: null }, ['#tour: "8" is not a stop from 1 to 7; not presenting']],
  ] as const)('%s', (hash, fields, warnings) => {
    const { state, warnings: got } = parseViewState(hash, ctx);
    expect(state).toMatchObject(fields);
    expect(got).toEqual(warnings);
  });

  it('writes large type as big=1, last, and leaves it out when off', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, isLargeType: true, lang: 'en', town: T1 })).toBe(`#town=${T1}&lang=en&big=1`);
    expect(serializeViewState({ ...DEFAULT_VIEW, isLargeType: false })).toBe('');
    for (const s of [view({ isLargeType: true }), view({ isLargeType: true, view: 'projects', lang: 'en' })]) expect(parseViewState(serializeViewState(s), ctx)).toEqual({ state: s, warnings: [] });
  });

  it('puts view first and delta last in a serialised hash', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, view: 'report', isDelta: true, ind: 'lag' })).toBe('#view=report&ind=lag&delta=1');
  });
});

describe('the projects page, the ranking and the markers in the link', () => {
  it.each<[string, Partial<ViewState>]>([
    [`#view=projects&q=${encodeURIComponent('道路')}&year=2016&photos=1&sort=budget-desc&page=2`, { view: 'projects', q: '道路', year: 2016, isPhotosOnly: true, sort: { key: 'budgetWan', direction: 'descending' }, page: 2 }],
    ['#sort=spent-asc', { sort: { key: 'spentWan', direction: 'ascending' } }],
    ['#sort=name-desc', { sort: { key: 'name', direction: 'descending' } }],
    ['#q=%20a%26b%3Dc%23d%25%20', { q: ' a&b=c#d% ' }],
    ['#rank=value-desc', { rankSort: { key: 'value', direction: 'descending' } }],
    ['#rank=name-asc', { rankSort: { key: 'name', direction: 'ascending' } }],
    ['#markers=0', { isShowingProjects: false }],
    ['#markers=1', {}],
    ['#photos=0', {}],
    ['#page=1&sort=id-asc&rank=rank-asc&q=', {}],
  ])('%s', (hash, patch) => {
    expect(parseViewState(hash, ctx)).toEqual({ state: view(patch), warnings: [] });
  });

  it('writes the example link back as it was, and leaves defaults out', () => {
    const hash = `#view=projects&q=${encodeURIComponent('道路')}&year=2016&photos=1&sort=budget-desc&page=2`;
    expect(serializeViewState(parseViewState(hash, ctx).state)).toBe(hash);
    expect(serializeViewState(view({ sort: { key: 'id', direction: 'ascending' }, rankSort: { key: 'rank', direction: 'ascending' }, page: 1, q: '', year: null, isPhotosOnly: false, isShowingProjects: true }))).toBe('');
    expect(serializeViewState(view({ isShowingProjects: false, rankSort: { key: 'value', direction: 'descending' } }))).toBe('#markers=0&rank=value-desc');
  });

  it.each<[string, Partial<ViewState>, string[]]>([
    ['#year=16', {}, ['#year: "16" is not a year; showing every year']],
    ['#year=2016.5', {}, ['#year: "2016.5" is not a year; showing every year']],
    ['#year=1e3', {}, ['#year: "1e3" is not a year; showing every year']],
    ['#year=-2016', {}, ['#year: "-2016" is not a year; showing every year']],
    ['#page=0', {}, ['#page: "0" is not a page number; showing the first page']],
    ['#page=-3', {}, ['#page: "-3" is not a page number; showing the first page']],
    ['#page=2.5', {}, ['#page: "2.5" is not a page number; showing the first page']],
    ['#page=99999999999999999999', {}, ['#page: "99999999999999999999" is not a page number; showing the first page']],
    ['#page=Infinity', {}, ['#page: "Infinity" is not a page number; showing the first page']],
    ['#sort=budget', {}, ['#sort: unknown order "budget"; use one of id, name, category, place, budget, period, progress, spent, unit, year with -asc or -desc']],
    ['#sort=budgetWan-desc', {}, ['#sort: unknown order "budgetWan-desc"; use one of id, name, category, place, budget, period, progress, spent, unit, year with -asc or -desc']],
    ['#sort=__proto__-asc', {}, ['#sort: unknown order "__proto__-asc"; use one of id, name, category, place, budget, period, progress, spent, unit, year with -asc or -desc']],
    ['#rank=budget-desc', {}, ['#rank: unknown order "budget-desc"; use one of rank, name, value with -asc or -desc']],
    ['#markers=no', {}, ['#markers: unknown value "no"; use 1 or 0']],
    ['#q=a%00b%0Ac', { q: 'a b c' }, []],
    [`#q=${'路'.repeat(QUERY_MAX_CHARS + 5)}`, { q: '路'.repeat(QUERY_MAX_CHARS) }, [`#q: longer than ${QUERY_MAX_CHARS} characters; cut`]],
  ])('%s falls back', (hash, patch, warnings) => {
    expect(parseViewState(hash, ctx)).toEqual({ state: view(patch), warnings });
  });

  it('never throws on a long or odd search text', () => {
    for (const hash of ['#q=%', `#q=${'%25'.repeat(50_000)}`, '#q=<script>alert(1)</script>', '#q=%EF%BF%BF']) expect(() => parseViewState(hash, ctx)).not.toThrow();
  });
});
