/**
 * 公示期: the days a village notice stays on the board, from the day the clerk posts it, counting
 * that day (10 days from 1 December are 1–10 December). Calendar days written YYYY-MM-DD, computed
 * in UTC so no time zone or daylight saving moves a day.
 */

/** The first and last day a notice is posted, YYYY-MM-DD, and how many days that is. */
export interface PostingPeriod {
  from: string;
  to: string;
  days: number;
}

/** The posting period of `days` days from `from` (YYYY-MM-DD), both ends included. */
export function postingPeriod(from: string, days: number): PostingPeriod {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  if (!m || days < 1 || !Number.isInteger(days)) throw new Error(`postingPeriod: expected a YYYY-MM-DD day and a whole number of days from 1, got "${from}", ${days}`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days - 1));
  return { from, to: last.toISOString().slice(0, 10), days };
}

/** A moment's calendar day where the reader is (the clerk's "today"), YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
