/** Month arithmetic on `YYYY-MM` strings (calendar months, no time zones). */

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch at the start of an ISO date (UTC). */
export function dateMs(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

/** The last day of a month, as ISO `YYYY-MM-DD`. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The longest month axis the atlas draws: 100 years. Longer means a typo in the data (1916 for 2016). */
export const MAX_MONTHS = 1200;

/** Months since year 0, for arithmetic on `YYYY-MM`. */
function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The `YYYY-MM` of a month number. */
function monthOf(n: number): string {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: string, count: number): string {
  return monthOf(monthNumber(month) + count);
}

/** How many months from `first` to `last` inclusive (0 or less when `last` is before `first`). */
export function monthCount(first: string, last: string): number {
  return monthNumber(last) - monthNumber(first) + 1;
}

/** Every month from `first` to `last` inclusive (none when `last` is before `first`); throws beyond MAX_MONTHS. */
export function monthRange(first: string, last: string): string[] {
  const from = monthNumber(first);
  const count = monthCount(first, last);
  if (count > MAX_MONTHS) throw new RangeError(`${first} to ${last} is ${count} months, more than the ${MAX_MONTHS} an atlas can show`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthOf(from + i));
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateMs(b) - dateMs(a)) / DAY_MS);
}
