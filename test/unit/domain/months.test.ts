import { describe, expect, it } from 'vitest';
import { MAX_MONTHS, addMonths, monthCount, monthRange } from '../../../src/domain/months';

describe('monthRange', () => {
  it.each([
    ['one month', '2016-05', '2016-05', ['2016-05']],
    ['across a year end', '2015-11', '2016-02', ['2015-11', '2015-12', '2016-01', '2016-02']],
    ['backwards is empty', '2016-03', '2016-01', []],
  ])('%s', (_name, first, last, expected) => expect(monthRange(first, last)).toEqual(expected));

  it('gives exactly MAX_MONTHS months at the limit', () => {
    const months = monthRange('1917-01', '2016-12');
    expect(months).toHaveLength(MAX_MONTHS);
    expect(months.at(-1)).toBe('2016-12');
  });

  // A typo (1916-01 for 2016-01) must not be silently capped at 1200 months.
  it('throws instead of capping a range longer than MAX_MONTHS', () => {
    expect(() => monthRange('1916-01', '2016-12')).toThrow('1916-01 to 2016-12 is 1212 months, more than the 1200 an atlas can show');
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2016-12', 24, '2018-12'],
    ['2016-01', -1, '2015-12'],
    ['2016-11', 2, '2017-01'],
  ])('addMonths(%s, %i) = %s', (month, n, expected) => expect(addMonths(month, n)).toBe(expected));

  it.each([
    ['2016-01', '2016-12', 12],
    ['2015-10', '2016-12', 15],
  ])('monthCount(%s, %s) = %i', (a, b, n) => expect(monthCount(a, b)).toBe(n));
});
