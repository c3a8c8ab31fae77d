/** site.json's project summary: the county's projects added up per month, without the projects; and its parser. */
import { JsonChecker, join } from './check';

/** The county's worst lagging projects a month keeps in site.json (the panel lists ten). */
export const SUMMARY_LAGGING_MAX = 10;

/**
 * Every project added up for the county, month by month: what the county view shows (status,
 * money, categories, the worst lagging projects) without the projects themselves, which load per
 * town (projects/<town code>.json) when a town is opened. Grows with months and categories, not
 * with projects.
 */
export interface ProjectSummary {
  /** Per month (as `months`): projects planned, building, and done or accepted; money paid (万元). */
  planned: number[];
  building: number[];
  done: number[];
  spentWan: number[];
  /** Projects per category (as config.categories). */
  categoryTotal: number[];
  /** Done or accepted per month and category ([month][category]). */
  categoryDone: number[][];
  /** Per month, the county's worst lagging projects (at most SUMMARY_LAGGING_MAX), worst first. */
  lagging: SummaryLagging[][];
}

export interface SummaryLagging {
  id: string;
  name: string;
  /** Index into `towns`; village index into `villages`, or -1 for a town-wide project. */
  town: number;
  village: number;
  /** 责任单位: the project's responsible unit (a text of the ledger, not an indicator's unit). */
  unit: string | null;
  expectedPct: number;
  actualPct: number;
  lagPoints: number;
}

/** Parses site.json's `projectSummary`. */
export function parseSummary(c: JsonChecker, v: unknown, months: number): ProjectSummary {
  const path = 'projectSummary';
  const o = c.object(v, path) ?? {};
  const numbers = (x: unknown, p: string, length: number | null): number[] => {
    const a = c.array(x, p) ?? [];
    if (length !== null && a.length !== length) c.error(p, 'lengthValues', { expected: length, got: a.length });
    return a.map((n, i) => c.number(n, join(p, i), 0) ?? 0);
  };
  const perMonth = <T>(x: unknown, p: string, each: (row: unknown, path: string) => T): T[] => {
    const a = c.array(x, p) ?? [];
    if (a.length !== months) c.error(p, 'lengthMonths', { expected: months, got: a.length });
    return a.map((row, m) => each(row, join(p, m)));
  };
  const lagging = (row: unknown, p: string): SummaryLagging[] =>
    (c.array(row, p) ?? []).flatMap((x, i) => {
      const q = join(p, i);
      const l = c.object(x, q);
      const id = c.string(l?.id, join(q, 'id'));
      const name = c.string(l?.name, join(q, 'name'));
      if (!l || id === null || name === null) return [];
      const n = (k: string): number => c.number(l[k], join(q, k)) ?? 0;
      const responsibleUnit = l.unit;
      return [{ id, name, town: n('town'), village: n('village'), unit: responsibleUnit === null ? null : c.string(responsibleUnit, join(q, 'unit')), expectedPct: n('expectedPct'), actualPct: n('actualPct'), lagPoints: n('lagPoints') }];
    });
  return {
    planned: numbers(o.planned, join(path, 'planned'), months),
    building: numbers(o.building, join(path, 'building'), months),
    done: numbers(o.done, join(path, 'done'), months),
    spentWan: numbers(o.spentWan, join(path, 'spentWan'), months),
    categoryTotal: numbers(o.categoryTotal, join(path, 'categoryTotal'), null),
    categoryDone: perMonth(o.categoryDone, join(path, 'categoryDone'), (row, p) => numbers(row, p, null)),
    lagging: perMonth(o.lagging, join(path, 'lagging'), lagging),
  };
}
