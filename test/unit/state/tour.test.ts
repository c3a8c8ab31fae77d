import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig, type AtlasConfig, type TourStop } from '../../../src/contract/config';
import { createTour, tourStopState, type Tour, type TourOptions } from '../../../src/state/tour';

function setup(stopCount = 7, options: Partial<TourOptions> = {}): { tour: Tour; changes: number[] } {
  const changes: number[] = [];
  const tour = createTour(stopCount, { onChange: (n) => changes.push(n), ...options });
  return { tour, changes };
}

type Move = 'next' | 'previous' | 'first' | 'last' | ['jump', number] | ['sync', number];

function apply(tour: Tour, move: Move): void {
  if (typeof move === 'string') tour[move]();
  else tour[move[0]](move[1]);
}

describe('createTour', () => {
  it('starts at stop 1, or at a valid initial stop', () => {
    expect(setup().tour.current()).toBe(1);
    expect(setup(7, { initial: 4 }).tour.current()).toBe(4);
    expect(setup(7, { initial: 8 }).tour.current()).toBe(1);
    expect(setup(7, { initial: 0 }).tour.current()).toBe(1);
    expect(setup().tour.stopCount).toBe(7);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a tour of %s stops', (n) => {
    expect(() => createTour(n, { onChange: () => undefined })).toThrow(RangeError);
  });

  it.each<[string, number, boolean, Move[], number, number[]]>([
    // name, initial, loop, moves, current after, onChange calls
    ['next steps on', 1, false, ['next', 'next'], 3, [2, 3]],
    ['next at the last stop stays', 7, false, ['next'], 7, []],
    ['next at the last stop wraps with loop', 7, true, ['next'], 1, [1]],
    ['previous steps back', 3, false, ['previous'], 2, [2]],
    ['previous at 1 stays', 1, false, ['previous'], 1, []],
    ['previous at 1 wraps with loop', 1, true, ['previous'], 7, [7]],
    ['first and last', 4, false, ['last', 'first'], 1, [7, 1]],
    ['first at the first stop is no change', 1, false, ['first'], 1, []],
    ['last at the last stop is no change', 7, false, ['last'], 7, []],
    ['jump to a stop', 1, false, [['jump', 5]], 5, [5]],
    ['jump to the current stop is no change', 5, false, [['jump', 5]], 5, []],
    ['jump out of range is ignored', 2, false, [['jump', 0], ['jump', 8], ['jump', -1], ['jump', 2.5], ['jump', Number.NaN]], 2, []],
    ['sync moves without onChange', 1, false, [['sync', 6], 'next'], 7, [7]],
    ['sync out of range is ignored', 3, false, [['sync', 9], ['sync', 0]], 3, []],
  ])('%s', (_name, initial, loop, moves, after, calls) => {
    const { tour, changes } = setup(7, { initial, loop });
    for (const move of moves) apply(tour, move);
    expect(tour.current()).toBe(after);
    expect(changes).toEqual(calls);
  });

  it('a one-stop tour never changes, even with loop', () => {
    const { tour, changes } = setup(1, { loop: true });
    tour.next();
    tour.previous();
    tour.last();
    expect(tour.current()).toBe(1);
    expect(changes).toEqual([]);
  });

  it('walks the whole tour forwards and back', () => {
    const { tour, changes } = setup(7);
    for (let i = 0; i < 10; i++) tour.next();
    for (let i = 0; i < 10; i++) tour.previous();
    expect(changes).toEqual([2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]);
  });
});

/** The sample's atlas.config.json, parsed as data:check parses it. */
function sampleConfig(): AtlasConfig {
  const parsed = parseAtlasConfig(JSON.parse(readFileSync('data/atlas.config.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

describe('tourStopState over the sample tour', () => {
  const config = sampleConfig();
  const site = { config };

  it('has the inspection route 蒋家堰 → 中峰 → 龙坝 → 城关 → 汇湾 → 鄂坪 → the county', () => {
    expect(config.tour.map((s) => s.title.zh.split('：')[0])).toEqual(['蒋家堰镇', '中峰镇', '龙坝镇', '城关镇', '汇湾镇', '鄂坪乡', '全县']);
  });

  it.each([
    [1, '420324101', 'industry'],
    [2, '420324102', 'completion'],
    [3, '420324107', 'lag'],
    [4, '420324100', 'household'],
    [5, '420324109', 'employment'],
    [6, '420324203', 'beauty'],
    [7, null, 'completion'],
  ] as const)('stop %i: town %s, indicator %s, May 2016, the map, nothing open', (stop, town, ind) => {
    const cls = stop === 7 ? 'quantile' : 'fixed';
    expect(tourStopState(site, stop)).toEqual({ view: 'map', town, village: null, project: null, ind, month: '2016-05', cls, isDelta: false, tour: stop });
  });

  it.each([0, 8, -1, 1.5])('stop %s implies nothing', (stop) => {
    expect(tourStopState(site, stop)).toEqual({});
  });
});

describe('tourStopState', () => {
  const stop = (s: Partial<TourStop>): TourStop => ({ town: null, camera: null, indicator: null, month: null, classification: null, title: { zh: '站', en: 'Stop' }, text: { zh: [], en: [] }, ...s });
  const siteWith = (...tour: TourStop[]) => ({ config: { ...sampleConfig(), tour } });

  it('leaves the indicator unchanged when the stop names none (or an unknown one), and means the latest month by null', () => {
    const site = siteWith(stop({}), stop({ indicator: 'nonsense', town: '420324101' }));
    const first = tourStopState(site, 1);
    expect(first).toEqual({ view: 'map', town: null, village: null, project: null, month: null, cls: 'fixed', isDelta: false, tour: 1 });
    expect('ind' in first).toBe(false);
    expect(tourStopState(site, 2)).toEqual({ view: 'map', town: '420324101', village: null, project: null, month: null, cls: 'fixed', isDelta: false, tour: 2 });
  });

  it("sets the stop's classification, and goes back to the default on a stop without one", () => {
    const site = siteWith(stop({ classification: 'quantile' }), stop({}));
    expect(tourStopState(site, 1).cls).toBe('quantile');
    expect(tourStopState(site, 2).cls).toBe('fixed');
  });
});
