/** Each project's reported state in each month: its latest report at or before the month, blanks carried forward. */
import { STATUSES, type ProjectStatus } from '../../contract/columns';
import type { Dataset } from '../model';

/** A project's reported state as of one month: its latest report at or before it. */
export interface ProjectState {
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
}

/**
 * The state of every project in every month, as columns rather than a million objects: `at[m][i]`
 * is the report in force for project `i` in month `m` (its latest at or before the month), an index
 * into the per-report arrays, or -1 before the project's first report (planned, at 0).
 */
export interface StateTable {
  at: Int32Array[];
  /** Per report: its status (index into STATUSES), and progress and spending with blanks carried forward. */
  status: Uint8Array;
  progressPct: Float64Array;
  spentWan: Float64Array;
}


/** The status index of a project before its first report. */
export const PLANNED = STATUSES.indexOf('planned');
const DONE = STATUSES.indexOf('done');
const ACCEPTED = STATUSES.indexOf('accepted');

/** Whether a status index counts as done (accepted is done, and more). */
export function isDoneStatus(status: number): boolean {
  return status === DONE || status === ACCEPTED;
}

/** The status (index into STATUSES), progress and spending of project `i` in month `m`. */
export function statusAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? PLANNED : t.status[r]!;
}
export function progressAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? 0 : t.progressPct[r]!;
}
export function spentAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? 0 : t.spentWan[r]!;
}

/**
 * State of every project in every month. Before its first report a project is planned at 0. A
 * blank progress or spending cell is not zero: it carries the project's last reported figure
 * forward (a done project with blank progress is at 100).
 */
export function stateTable(d: Pick<Dataset, 'projects' | 'progress' | 'months'>): StateTable {
  const c = d.progress;
  const reports = c.row.length;
  const progressPct = new Float64Array(reports);
  const spentWan = new Float64Array(reports);
  const at = d.months.map(() => new Int32Array(d.projects.length).fill(-1));
  // For each month of the axis, the last reported month at or before it (an index into c.months,
  // -1 for none): a report is in force in month m when its month index is at most upTo[m].
  const upTo = new Int32Array(d.months.length);
  for (let m = 0, k = -1; m < d.months.length; m++) {
    while (k + 1 < c.months.length && c.months[k + 1]! <= d.months[m]!) k++;
    upTo[m] = k;
  }
  for (let i = 0; i < d.projects.length; i++) {
    const first = c.offsets[i]!;
    const end = c.offsets[i + 1]!;
    // Each report's state, ascending by month, with blank figures filled from the reports before it.
    let pct = 0;
    let spent = 0;
    for (let k = first; k < end; k++) {
      const rowPct = c.progressPct[k]!;
      const rowSpent = c.spentWan[k]!;
      pct = Number.isNaN(rowPct) ? (isDoneStatus(c.status[k]!) ? 100 : pct) : rowPct;
      spent = Number.isNaN(rowSpent) ? spent : rowSpent;
      progressPct[k] = pct;
      spentWan[k] = spent;
    }
    // The report in force in each month: the latest at or before it.
    let cursor = first - 1;
    for (let m = 0; m < d.months.length; m++) {
      while (cursor + 1 < end && c.month[cursor + 1]! <= upTo[m]!) cursor++;
      at[m]![i] = cursor < first ? -1 : cursor;
    }
  }
  // The status of a report is the one it was written with: the columns' own.
  return { at, status: c.status, progressPct, spentWan };
}

/** The same states as objects ([month][project]). */
export function projectStates(d: Pick<Dataset, 'projects' | 'progress' | 'months'>): ProjectState[][] {
  const t = stateTable(d);
  return d.months.map((_, m) => Array.from({ length: d.projects.length }, (_, i) => ({ status: STATUSES[statusAt(t, m, i)]!, progressPct: progressAt(t, m, i), spentWan: spentAt(t, m, i) })));
}
