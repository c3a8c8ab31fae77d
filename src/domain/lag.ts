import type { SiteProjects } from '../contract/projects';
import { expectedProgressPct, lagPoints } from './progress';

/** A project behind its plan in a month. */
export interface LaggingProject {
  index: number;
  expectedPct: number;
  actualPct: number;
  /** Expected − actual, in percentage points (> the threshold). */
  lagPoints: number;
}

/**
 * The projects (of `among`, default all) whose reported progress in month index `m` trails the
 * linear plan from start to due by more than `thresholdPoints`, worst first.
 */
export function laggingProjects(p: SiteProjects, m: number, thresholdPoints: number, among?: readonly number[]): LaggingProject[] {
  const month = p.months[m];
  if (month === undefined) return [];
  const out: LaggingProject[] = [];
  const indices = among ?? p.id.map((_, i) => i);
  for (const i of indices) {
    const expectedPct = expectedProgressPct(p.start[i] ?? '', p.due[i] ?? '', month);
    const actualPct = p.progressPct[m]?.[i] ?? 0;
    const lag = lagPoints(expectedPct, actualPct);
    if (lag > thresholdPoints) out.push({ index: i, expectedPct, actualPct, lagPoints: lag });
  }
  return out.sort((a, b) => b.lagPoints - a.lagPoints || a.index - b.index);
}
