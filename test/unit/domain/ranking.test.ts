import { describe, expect, it } from 'vitest';
import { rankAreas } from '../../../src/domain/ranking';

const order = (values: (number | null)[], isHigherBetter: boolean) => rankAreas(values, isHigherBetter).map((a) => [a.index, a.rank]);

describe('rankAreas', () => {
  it.each<[string, (number | null)[], boolean, [number, number | null][]]>([
    ['higher is better', [0.5, 0.9, 0.1], true, [[1, 1], [0, 2], [2, 3]]],
    ['lower is better', [0.5, 0.9, 0.1], false, [[2, 1], [0, 2], [1, 3]]],
    ['ties share a competition rank', [0.5, 0.9, 0.5, 0.1], true, [[1, 1], [0, 2], [2, 2], [3, 4]]],
    ['ties keep input order', [3, 3, 3], false, [[0, 1], [1, 1], [2, 1]]],
    ['no data last, in input order', [null, 2, null, 5, 1], true, [[3, 1], [1, 2], [4, 3], [0, null], [2, null]]],
    ['NaN is no data', [NaN, 2, 1], false, [[2, 1], [1, 2], [0, null]]],
    ['negative lag ranks best when lower is better', [12, -4, 0, -4], false, [[1, 1], [3, 1], [2, 3], [0, 4]]],
    ['all no data', [null, null], true, [[0, null], [1, null]]],
    ['nothing to rank', [], true, []],
  ])('%s', (_name, values, isHigherBetter, expected) => expect(order(values, isHigherBetter)).toEqual(expected));

  it('carries the values, null for no data', () => {
    expect(rankAreas([0.2, null, NaN], true)).toEqual([
      { index: 0, value: 0.2, rank: 1 },
      { index: 1, value: null, rank: null },
      { index: 2, value: null, rank: null },
    ]);
  });
});
