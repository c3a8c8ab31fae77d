/** Months and dates of the sample, as whole numbers so arithmetic stays exact. */

/** A month as a count: year × 12 + (month − 1). */
export type MonthIndex = number;

/** The month index of `YYYY-MM` or `YYYY-MM-DD`. */
export function monthIndex(s: string): MonthIndex {
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
}

/** `YYYY-MM` of a month index. */
export function monthLabel(m: MonthIndex): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Days in a month. */
export function daysInMonth(m: MonthIndex): number {
  return new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a day of a month. */
export function dateLabel(m: MonthIndex, day: number): string {
  return `${monthLabel(m)}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of `YYYY-MM-DD`. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Days since 1970-01-01 of the first day of a month. */
export function firstDayOf(m: MonthIndex): number {
  return Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000;
}
