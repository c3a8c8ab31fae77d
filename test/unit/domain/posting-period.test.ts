import { describe, expect, it } from 'vitest';
import { localDay, postingPeriod } from '../../../src/domain/posting-period';

describe('postingPeriod (公示期): days from the posting day, counting it', () => {
  it.each([
    ['2026-12-01', 10, '2026-12-10'],
    ['2026-12-25', 10, '2027-01-03'],
    ['2024-02-25', 5, '2024-02-29'],
    ['2023-02-25', 5, '2023-03-01'],
    ['2026-03-28', 7, '2026-04-03'],
    ['2026-06-15', 1, '2026-06-15'],
  ])('%s for %i days ends on %s', (from, days, to) => {
    expect(postingPeriod(from, days)).toEqual({ from, to, days });
  });

  it('refuses a day that is not YYYY-MM-DD and a period that is not a whole number of days from 1', () => {
    expect(() => postingPeriod('2026-12-1', 10)).toThrow();
    expect(() => postingPeriod('2026-12-01', 0)).toThrow();
    expect(() => postingPeriod('2026-12-01', 2.5)).toThrow();
  });
});

describe('localDay', () => {
  it('is the reader’s calendar day', () => {
    expect(localDay(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
    expect(localDay(new Date(2027, 0, 9, 0, 1))).toBe('2027-01-09');
  });
});
