/**
 * The joined progress rows as columns (issue 23): each project's reports are one range of rows,
 * ascending by month, and each row's month, status, figures and source row sit in typed arrays, so
 * a million reports are a handful of flat arrays rather than a million objects and a million lists.
 */
import { STATUSES, type ProjectStatus } from '../contract/columns';
import type { ReportList } from '../domain/integrity-model';

export interface ProgressColumns {
  /** Project i's reports are rows offsets[i] to offsets[i + 1] − 1 (projects + 1 entries). */
  offsets: Int32Array;
  /**
   * The months reported (by the rows kept), distinct and ascending, YYYY-MM. A row's month indexes
   * this list rather than the site's month axis, which is made from it afterwards and may be cut
   * short (more months than the site can show); comparing two indexes compares the months.
   */
  months: readonly string[];
  /** Per row: its month, an index into `months`. */
  month: Uint16Array | Uint32Array;
  /** Per row: its status, an index into STATUSES. */
  status: Uint8Array;
  /** Per row: progress (%) and spending (万元) as written; NaN for a blank cell. */
  progressPct: Float64Array;
  spentWan: Float64Array;
  /** Per row: its row in progress.csv (or its sheet), for messages that name it. */
  row: Int32Array;
}

/** The progress of `projects` projects without a report. */
export function noProgress(projects: number): ProgressColumns {
  return { offsets: new Int32Array(projects + 1), months: [], month: new Uint16Array(0), status: new Uint8Array(0), progressPct: new Float64Array(0), spentWan: new Float64Array(0), row: new Int32Array(0) };
}

/** A month column for `rows` rows whose months index a list of `months`: two bytes a row while they fit. */
export function monthColumn(rows: number, months: number): Uint16Array | Uint32Array {
  return months <= 0x10000 ? new Uint16Array(rows) : new Uint32Array(rows);
}

/** A figure as the records have it: null for a blank cell. */
export function figure(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The reports of one project, read in place (the 数据实 and photo rules' view, domain/integrity-model.ts). */
class ProjectReports implements ReportList {
  constructor(
    private readonly c: ProgressColumns,
    private readonly first: number,
    readonly length: number,
  ) {}
  month(k: number): string {
    return this.c.months[this.c.month[this.first + k]!]!;
  }
  status(k: number): ProjectStatus {
    return STATUSES[this.c.status[this.first + k]!]!;
  }
  progressPct(k: number): number | null {
    return figure(this.c.progressPct[this.first + k]!);
  }
  spentWan(k: number): number | null {
    return figure(this.c.spentWan[this.first + k]!);
  }
}

/** Project `i`'s reports, ascending by month. */
export function reportsOf(c: ProgressColumns, i: number): ReportList {
  const first = c.offsets[i]!;
  const count = c.offsets[i + 1]! - first;
  return count === 0 ? NO_REPORTS : new ProjectReports(c, first, count);
}

const NO_REPORTS: ReportList = new ProjectReports(noProgress(0), 0, 0);

/** One report as a record has it, for progressColumnsOf. */
export interface ReportRow {
  row: number;
  month: string;
  status: ProjectStatus;
  progressPct: number | null;
  spentWan: number | null;
}

/**
 * The columns of reports given as one list per project, each already ascending by month with one
 * report a month (what joinProgress keeps): for tests and small callers.
 */
export function progressColumnsOf(lists: readonly (readonly ReportRow[])[]): ProgressColumns {
  const months = [...new Set(lists.flatMap((l) => l.map((r) => r.month)))].sort();
  const monthIndex = new Map(months.map((m, k) => [m, k]));
  const rows = lists.reduce((n, l) => n + l.length, 0);
  const c: ProgressColumns = { offsets: new Int32Array(lists.length + 1), months, month: monthColumn(rows, months.length), status: new Uint8Array(rows), progressPct: new Float64Array(rows), spentWan: new Float64Array(rows), row: new Int32Array(rows) };
  let k = 0;
  lists.forEach((list, i) => {
    for (const r of list) {
      c.month[k] = monthIndex.get(r.month)!;
      c.status[k] = STATUSES.indexOf(r.status);
      c.progressPct[k] = r.progressPct ?? Number.NaN;
      c.spentWan[k] = r.spentWan ?? Number.NaN;
      c.row[k] = r.row;
      k++;
    }
    c.offsets[i + 1] = k;
  });
  return c;
}
