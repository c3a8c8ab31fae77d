import { describe, expect, it } from 'vitest';
import { sparkPoints, sparkRuns, type SparkPoint } from '../../../src/ui/sparkline';

describe('sparkPoints', () => {
  // [name, values, w, h, min, max, expected]
  const cases: [string, (number | null)[], number, number, number, number, (SparkPoint | null)[]][] = [
    ['spreads values evenly, min at the bottom and max at the top', [0, 0.5, 1], 100, 20, 0, 1, [[0, 20], [50, 10], [100, 0]]],
    ['leaves a gap for null', [0, null, 1], 100, 20, 0, 1, [[0, 20], null, [100, 0]]],
    ['treats NaN and infinities as gaps', [Number.NaN, 0.25, Number.POSITIVE_INFINITY], 10, 8, 0, 1, [null, [5, 6], null]],
    ['clamps values outside min–max to the edges', [-1, 2], 10, 10, 0, 1, [[0, 10], [10, 0]]],
    ['puts a flat range at mid-height', [3, 3, 3], 20, 10, 3, 3, [[0, 5], [10, 5], [20, 5]]],
    ['puts a single value in the middle', [0.5], 40, 10, 0, 1, [[20, 5]]],
    ['works in points as well as shares', [-10, 0, 30], 60, 40, -10, 30, [[0, 40], [30, 30], [60, 0]]],
    ['draws nothing for no values', [], 40, 10, 0, 1, []],
    ['draws nothing for all gaps', [null, null], 40, 10, 0, 1, [null, null]],
  ];
  it.each(cases)('%s', (_name, values, w, h, min, max, expected) => {
    expect(sparkPoints(values, w, h, min, max)).toEqual(expected);
  });
});

describe('sparkRuns', () => {
  const a: SparkPoint = [0, 1];
  const b: SparkPoint = [1, 2];
  const c: SparkPoint = [2, 3];
  const d: SparkPoint = [3, 4];
  // [name, points, runs]
  const cases: [string, (SparkPoint | null)[], SparkPoint[][]][] = [
    ['one run without gaps', [a, b, c], [[a, b, c]]],
    ['splits at a gap', [a, b, null, c, d], [[a, b], [c, d]]],
    ['leading, trailing and repeated gaps make no empty runs', [null, a, null, null, b, null], [[a], [b]]],
    ['a lone point is a run of one', [a, null, b, c], [[a], [b, c]]],
    ['no points, no runs', [null, null], []],
  ];
  it.each(cases)('%s', (_name, points, runs) => {
    expect(sparkRuns(points)).toEqual(runs);
  });
});
