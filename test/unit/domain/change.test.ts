import { describe, expect, it } from 'vitest';
import { delta, deltas, rankChanges } from '../../../src/domain/change';

describe('delta', () => {
  it.each([
    [0.5, 0.3, 0.2],
    [0.3, 0.5, -0.2],
    [null, 0.5, null],
    [0.5, null, null],
  ])('%j − %j = %j', (a, b, d) => {
    const got = delta(a, b);
    if (d === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(d, 10);
  });

  it('works per area', () => expect(deltas([1, null, 3], [0, 2, null])).toEqual([1, null, null]));
});

describe('rankChanges', () => {
  it.each([
    // higher is better: A was 3rd and is now 1st (+2); B 1st → 2nd (−1); C 2nd → 3rd (−1)
    [[0.9, 0.8, 0.7], [0.1, 0.9, 0.5], true, [2, -1, -1]],
    // lower is better (lag): same values, reversed meaning
    [[0.9, 0.8, 0.7], [0.1, 0.9, 0.5], false, [-2, 1, 1]],
    // ties share a rank; no data has no change
    [[0.5, 0.5, null], [0.5, 0.4, 0.3], true, [0, 1, null]],
  ] as const)('%j after %j (higher better: %s) → %j', (now, before, isHigherBetter, expected) => {
    expect(rankChanges(now, before, isHigherBetter)).toEqual(expected);
  });
});
