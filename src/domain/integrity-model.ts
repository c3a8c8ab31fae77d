/** What the 数据实 rules read (plain rows the pipeline hands in) and what they find; their thresholds. */
import { FINDING_RULES, type FindingRule } from '../contract/integrity';

export type ReportStatus = 'planned' | 'building' | 'done' | 'accepted';

export interface IntegrityReport {
  /** YYYY-MM. */
  month: string;
  status: ReportStatus;
  /** As written; null when the cell was blank. */
  progressPct: number | null;
  spentWan: number | null;
}

/**
 * A project's monthly reports, ascending by month, read by position: the pipeline keeps them as
 * columns (src/pipeline/progress-columns.ts) and hands each project a view, not a list of objects.
 */
export interface ReportList {
  readonly length: number;
  /** YYYY-MM. */
  month(k: number): string;
  status(k: number): ReportStatus;
  /** As written; null when the cell was blank. */
  progressPct(k: number): number | null;
  spentWan(k: number): number | null;
}

/** Reports held as objects, as a ReportList (tests, and callers with a few). */
export function reportList(reports: readonly IntegrityReport[]): ReportList {
  return {
    length: reports.length,
    month: (k) => reports[k]!.month,
    status: (k) => reports[k]!.status,
    progressPct: (k) => reports[k]!.progressPct,
    spentWan: (k) => reports[k]!.spentWan,
  };
}

export interface IntegrityProject {
  name: string;
  town: number;
  /** -1 for a town-wide project. */
  village: number;
  budgetWan: number;
  /** YYYY-MM-DD. */
  start: string;
  /** Planned completion, YYYY-MM-DD. */
  due: string;
  beneficiaryHouseholds: number | null;
  /** The project's monthly reports, ascending by month. */
  reports: ReportList;
  /** Share of the disclosure fields (content, fund source, unit, hotline, target…) filled in, 0–1. */
  disclosureFilled: number;
  /** Joined to its village or town by code (true) or only by name (false). */
  isJoinedByCode: boolean;
  hasOwnPoint: boolean;
}

export interface IntegrityVillage {
  name: string;
  town: number;
  households: number;
  population: number;
  poorHouseholds: number;
  poorPopulation: number;
  exitedHouseholds: number | null;
  exitedPopulation: number | null;
  /** 出列 year, or null when the village has not exited. */
  exitYear: number | null;
  isJoinedByCode: boolean;
}

/**
 * Items by position: an array, or a list that makes each item when asked (the pipeline's projects,
 * made from its columns, so a province's million are never all held at once).
 */
export interface ListOf<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/** Calls `f` with each item of the list and its index, in order. */
export function eachOf<T>(list: ListOf<T>, f: (item: T, i: number) => void): void {
  for (let i = 0; i < list.length; i++) f(list.at(i)!, i);
}

export interface IntegrityInput {
  towns: readonly { name: string }[];
  villages: readonly IntegrityVillage[];
  /** Each project is made when asked: read what a rule needs, and do not keep it. */
  projects: ListOf<IntegrityProject>;
  /** Poverty incidence (% of the population still poor) a village must be under to exit. */
  exitLinePct: number;
  /** Months of scheduled inspections (the tour's months), YYYY-MM. */
  inspectionMonths: readonly string[];
}

// The rules' ids are the contract's (site.json lists findings by rule); exported here beside the rules.
export { FINDING_RULES, type FindingRule };

export interface Finding {
  rule: FindingRule;
  /** The month the finding is about (YYYY-MM), or null for a ledger fact. */
  month: string | null;
  town: number;
  /** -1 when the finding is about a town or a town-wide project. */
  village: number;
  /** The projects concerned (one for most rules; several for identical reports). */
  projects: number[];
  /** Money at stake, 万元: the budgets of the projects concerned, or of the village's projects. */
  amountWan: number;
  /** The figures behind the finding, for its message (e.g. { from: 20, to: 100 }). */
  figures: Record<string, number>;
}

/** Thresholds of the rules (DESIGN.md, 数据实). */
export const RULES = {
  /** A jump from under this to 100 % in one month. */
  jumpFromBelowPct: 30,
  /** This many projects of one town with the same figures in one month look copied. */
  identicalMinProjects: 5,
  /** Months a whole town's figures stay the same while building before it is flagged. */
  frozenMonths: 3,
  /**
   * The month before an inspection: a rise above this many times the town's usual monthly rise and
   * the project's own planned monthly pace…
   */
  inspectionPaceFactor: 3,
  /** …and above this many points. */
  inspectionMinRisePts: 20,
} as const;

/** Statuses that count as done: accepted is done, and more. */
export const DONE_STATUSES: ReadonlySet<ReportStatus> = new Set<ReportStatus>(['done', 'accepted']);

/** Months between two YYYY-MM strings (b − a). */
export function monthsBetween(a: string, b: string): number {
  return monthNumber(b) - monthNumber(a);
}

/** A YYYY-MM string as a count of months (year × 12 + month); called for every report, so no split. */
function monthNumber(m: string): number {
  const dash = m.indexOf('-');
  return Number(m.slice(0, dash)) * 12 + Number(m.slice(dash + 1));
}

/** The month before a YYYY-MM month. */
export function previousMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

/** `x` rounded to `digits` decimals. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The sum of the numbers. */
export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
