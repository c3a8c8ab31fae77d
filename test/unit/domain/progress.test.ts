import { describe, expect, it } from 'vitest';
import { monthEnd, monthRange } from '../../../src/domain/months';
import { expectedProgressPct, isLagging } from '../../../src/domain/progress';

describe('months', () => {
  it.each([['2016-02', '2016-02-29'], ['2015-02', '2015-02-28'], ['2016-12', '2016-12-31']])('monthEnd(%s) = %s', (m, e) => expect(monthEnd(m)).toBe(e));
  it('ranges across a year end', () => expect(monthRange('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']));
});

describe('expectedProgressPct', () => {
  it.each([
    ['before start', '2016-03-01', '2016-05-31', '2016-01', 0],
    ['linear at a month end', '2016-01-01', '2016-12-31', '2016-06', (181 / 365) * 100],
    ['due in the month', '2016-01-01', '2016-03-15', '2016-03', 100],
    ['after due', '2016-01-01', '2016-03-15', '2016-07', 100],
  ])('%s', (_n, start, due, month, expected) => expect(expectedProgressPct(start, due, month)).toBeCloseTo(expected, 6));

  it('flags lag only beyond the threshold', () => {
    expect(isLagging(50, 35, 15)).toBe(false);
    expect(isLagging(50, 34, 15)).toBe(true);
  });
});
