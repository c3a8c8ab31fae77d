import { dateMs, monthEnd } from './months';

/**
 * Expected physical progress (%) at the end of `month` for a project planned linearly from
 * `start` to `due` (ISO dates): 0 before it starts, 100 from its due date on.
 */
export function expectedProgressPct(start: string, due: string, month: string): number {
  return expectedProgressAt(dateMs(start), dateMs(due), dateMs(monthEnd(month)));
}

/** expectedProgressPct with the dates as epoch milliseconds (start, due, the end of the month), for loops that parse each once. */
export function expectedProgressAt(t0: number, t1: number, t: number): number {
  if (t < t0) return 0;
  if (t >= t1) return 100;
  return ((t - t0) / (t1 - t0)) * 100;
}

/** Lag in percentage points: how far reported progress is behind the plan (negative when ahead). */
export function lagPoints(expectedPct: number, actualPct: number): number {
  return expectedPct - actualPct;
}

/** True when a project is behind plan by more than the threshold. */
export function isLagging(expectedPct: number, actualPct: number, thresholdPoints: number): boolean {
  return lagPoints(expectedPct, actualPct) > thresholdPoints;
}
