import { STATUSES } from '../../contract/columns';
import { SUMMARY_LAGGING_MAX, type ProjectSummary, type SummaryLagging } from '../../contract/site';
import { dateMs, monthEnd } from '../../domain/months';
import { expectedProgressAt, lagPoints } from '../../domain/progress';
import type { ProjectView } from './project-view';

const DONE = new Set(['done', 'accepted']);

/**
 * site.json's `projectSummary`: the county's projects added up per month, from the values as
 * emitted (so they agree with what the page adds up from the projects themselves), and the worst
 * lagging projects of each month in the order the page lists them (lag, then town, then project).
 * One pass over the projects per month; memory grows with months and categories only.
 */
export function projectSummary(v: ProjectView, categories: number, lagThreshold: number): ProjectSummary {
  const months = v.months.length;
  const out: ProjectSummary = {
    planned: new Array<number>(months).fill(0),
    building: new Array<number>(months).fill(0),
    done: new Array<number>(months).fill(0),
    spentWan: new Array<number>(months).fill(0),
    categoryTotal: new Array<number>(categories).fill(0),
    categoryDone: v.months.map(() => new Array<number>(categories).fill(0)),
    lagging: v.months.map(() => []),
  };
  const start = new Float64Array(v.length);
  const due = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    start[i] = dateMs(v.start(i));
    due[i] = dateMs(v.due(i));
    const c = v.category(i);
    if (c >= 0 && c < categories) out.categoryTotal[c]!++;
  }
  for (let m = 0; m < months; m++) {
    const end = dateMs(monthEnd(v.months[m]!));
    const worst: { i: number; town: number; expected: number; actual: number; lag: number }[] = [];
    const doneByCategory = out.categoryDone[m]!;
    let spent = 0;
    for (let i = 0; i < v.length; i++) {
      const status = STATUSES[v.status(m, i)] ?? 'planned';
      if (DONE.has(status)) {
        out.done[m]!++;
        const c = v.category(i);
        if (c >= 0 && c < categories) doneByCategory[c]!++;
      } else if (status === 'building') out.building[m]!++;
      else out.planned[m]!++;
      spent += v.spentWan(m, i);
      const actual = v.progressPct(m, i);
      const expected = expectedProgressAt(start[i]!, due[i]!, end);
      const lag = lagPoints(expected, actual);
      if (lag <= lagThreshold) continue;
      const row = { i, town: v.town(i), expected, actual, lag };
      if (worst.length === SUMMARY_LAGGING_MAX && !isWorse(row, worst[worst.length - 1]!)) continue;
      let at = worst.length;
      while (at > 0 && isWorse(row, worst[at - 1]!)) at--;
      worst.splice(at, 0, row);
      if (worst.length > SUMMARY_LAGGING_MAX) worst.pop();
    }
    out.spentWan[m] = Math.round(spent * 100) / 100;
    out.lagging[m] = worst.map((w): SummaryLagging => ({ id: v.id(w.i), name: v.name(w.i), town: w.town, village: v.village(w.i), unit: v.unit(w.i), expectedPct: w.expected, actualPct: w.actual, lagPoints: w.lag }));
  }
  return out;
}

/** The page's order of lagging projects: larger lag first, then town, then the project's order. */
function isWorse(a: { i: number; town: number; lag: number }, b: { i: number; town: number; lag: number }): boolean {
  return a.lag > b.lag || (a.lag === b.lag && (a.town < b.town || (a.town === b.town && a.i < b.i)));
}
