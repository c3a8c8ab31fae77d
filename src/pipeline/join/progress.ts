import { phrase, problem, type ProblemRef } from '../../i18n/problems';
import { STATUSES } from '../../contract/columns';
import type { ProgressRecord, ProjectRecord } from '../../contract/records';
import { MAX_MONTHS, addMonths, monthCount, monthRange } from '../../domain/months';
import type { JoinCounts, JoinLog } from './join-log';
import { indexById, type ProjectColumns } from '../project-columns';
import { monthColumn, type ProgressColumns } from '../progress-columns';
import type { TableResult } from '../read/table-result';

/** How long after the last planned completion a report may still come: late projects keep reporting. */
const MONTHS_AFTER_LAST_DUE = 24;

/** The months in which progress can be reported, with why they end where they do. */
export interface ReportPeriod {
  first: string;
  last: string;
  why: ProblemRef;
}

/**
 * From the earliest project start to the data date's month (when the config sets one), and never
 * more than 24 months after the last planned completion: a month outside is a typo (1916 for
 * 2016) that would otherwise stretch the month axis. Null without projects.
 */
export function reportPeriod(projects: Pick<ProjectColumns, 'length' | 'fields'>, dataDate: string | null): ReportPeriod | null {
  if (projects.length === 0) return null;
  const first = least(projects.fields.start.values()).slice(0, 7);
  const lastDue = greatest(projects.fields.due.values()).slice(0, 7);
  const afterDue = addMonths(lastDue, MONTHS_AFTER_LAST_DUE);
  const dataMonth = dataDate?.slice(0, 7) ?? null;
  if (dataMonth !== null && dataMonth <= afterDue) return { first, last: dataMonth, why: phrase('periodToDataDate', { date: String(dataDate) }) };
  return { first, last: afterDue, why: phrase('periodAfterDue', { months: MONTHS_AFTER_LAST_DUE }) };
}

/**
 * Joins progress rows to projects by id, into columns (progress-columns.ts): each project's rows
 * one range, ascending by month. Rejects a row for an unknown or rejected project, a month outside
 * the report period, or a second report of a project in one month; warns when reported progress or
 * spending goes down.
 */
export function joinProgress(
  log: JoinLog,
  table: TableResult<ProgressRecord>,
  projects: ProjectColumns,
  projectTable: TableResult<ProjectRecord>,
  dataDate: string | null,
  joins: JoinCounts,
): ProgressColumns {
  const byId = indexById(projects);
  const budget = projects.fields.budgetWan;
  const period = reportPeriod(projects, dataDate);
  const records = table.records;
  // The rows kept, in the table's order: each one's record, project and month (an index into
  // `seen`, the months in the order they were first kept); laid out as columns below.
  const kept = new Int32Array(records.length);
  const keptProject = new Int32Array(records.length);
  const keptMonth = new Int32Array(records.length);
  const seen = new Map<string, number>();
  // Each project's rows kept so far: a chain from its latest (`latest`) back (`before`), and their count.
  const latest = new Int32Array(projects.length).fill(-1);
  const before = new Int32Array(records.length);
  const count = new Int32Array(projects.length);
  let n = 0;
  // The row of a project's report for a month: looked up along its own rows (a handful), or, for a
  // project with many, in a map of its own.
  const many = new Map<number, Map<number, number>>();
  const reportedOn = (i: number, month: number): number | undefined => {
    if (count[i]! <= MONTHS_SCANNED) {
      for (let e = latest[i]!; e >= 0; e = before[e]!) if (keptMonth[e] === month) return records.at(kept[e]!)!.row;
      return undefined;
    }
    let byMonth = many.get(i);
    if (!byMonth) {
      byMonth = new Map();
      for (let e = latest[i]!; e >= 0; e = before[e]!) byMonth.set(keptMonth[e]!, records.at(kept[e]!)!.row);
      many.set(i, byMonth);
    }
    return byMonth.get(month);
  };
  if (table.isReadable && table.counts.read === table.counts.skipped) log.note(table.file, '', 'warning', problem('noProgressRows'));
  for (let j = 0; j < records.length; j++) {
    const r = records.at(j)!;
    const p = byId.get(r.projectId);
    if (p === undefined) {
      const at = projectTable.rejectedKeys.get(r.projectId);
      log.say(table, r.row, 'project_id', 'error', at === undefined ? problem('progressProjectUnknown', { id: r.projectId }) : problem('progressProjectRejected', { id: r.projectId, row: at }));
      joins.unmatched++;
      log.reject(table, r.row);
      continue;
    }
    if (period && (r.month < period.first || r.month > period.last)) {
      log.say(table, r.row, 'month', 'error', problem('monthOutsidePeriod', { month: r.month, first: period.first, last: period.last, why: period.why }));
      log.reject(table, r.row);
      continue;
    }
    let month = seen.get(r.month);
    const dup = month === undefined ? undefined : reportedOn(p, month);
    if (dup !== undefined) {
      log.say(table, r.row, 'month', 'error', problem('reportTwice', { id: r.projectId, month: r.month, row: dup }));
      log.reject(table, r.row);
      continue;
    }
    if (r.spentWan !== null && r.spentWan > budget[p]!) log.say(table, r.row, 'spent_wan', 'warning', problem('spentOverBudget', { spent: r.spentWan, budget: budget[p]! }));
    joins.byCode++;
    if (month === undefined) seen.set(r.month, (month = seen.size));
    kept[n] = j;
    keptProject[n] = p;
    keptMonth[n] = month;
    before[n] = latest[p]!;
    latest[p] = n;
    count[p]!++;
    n++;
    many.get(p)?.set(month, r.row);
  }
  // The months ascending, and each kept month's place among them.
  const months = [...seen.keys()].sort();
  const rank = new Int32Array(months.length);
  months.forEach((m, k) => (rank[seen.get(m)!] = k));
  const offsets = new Int32Array(projects.length + 1);
  for (let i = 0; i < projects.length; i++) offsets[i + 1] = offsets[i]! + count[i]!;
  const c: ProgressColumns = { offsets, months, month: monthColumn(n, months.length), status: new Uint8Array(n), progressPct: new Float64Array(n), spentWan: new Float64Array(n), row: new Int32Array(n) };
  const next = offsets.slice(0, projects.length);
  for (let e = 0; e < n; e++) {
    const r = records.at(kept[e]!)!;
    const k = next[keptProject[e]!]!++;
    c.month[k] = rank[keptMonth[e]!]!;
    c.status[k] = STATUSES.indexOf(r.status);
    c.progressPct[k] = r.progressPct ?? Number.NaN;
    c.spentWan[k] = r.spentWan ?? Number.NaN;
    c.row[k] = r.row;
  }
  for (let i = 0; i < projects.length; i++) {
    sortByMonth(c, offsets[i]!, offsets[i + 1]!);
    warnDecreases(log, table, c, offsets[i]!, offsets[i + 1]!);
  }
  return c;
}

/** Rows first to end − 1 (one project's, one a month) put in ascending order of month. */
function sortByMonth(c: ProgressColumns, first: number, end: number): void {
  let isSorted = true;
  for (let k = first + 1; k < end && isSorted; k++) isSorted = c.month[k - 1]! < c.month[k]!;
  if (isSorted) return;
  const order = Array.from({ length: end - first }, (_, j) => first + j).sort((a, b) => c.month[a]! - c.month[b]!);
  for (const column of [c.month, c.status, c.progressPct, c.spentWan, c.row]) {
    const copy = column.slice(first, end);
    order.forEach((k, j) => (column[first + j] = copy[k - first]!));
  }
}

/** Progress and spending are cumulative: a figure below the project's previous report is likely a typo. */
function warnDecreases(log: JoinLog, table: TableResult<ProgressRecord>, c: ProgressColumns, first: number, end: number): void {
  let pct = -1;
  let spent = -1;
  for (let k = first; k < end; k++) {
    const p = c.progressPct[k]!;
    if (!Number.isNaN(p)) {
      if (pct >= 0 && p < c.progressPct[pct]!) log.say(table, c.row[k]!, 'progress_pct', 'warning', problem('progressBackward', { pct: p, before: c.progressPct[pct]!, month: c.months[c.month[pct]!]! }));
      pct = k;
    }
    const s = c.spentWan[k]!;
    if (!Number.isNaN(s)) {
      if (spent >= 0 && s < c.spentWan[spent]!) log.say(table, c.row[k]!, 'spent_wan', 'warning', problem('spentBackward', { spent: s, before: c.spentWan[spent]!, month: c.months[c.month[spent]!]! }));
      spent = k;
    }
  }
}

/**
 * The month axis of the site: from the first to the last month reported (rows that were used),
 * or the single month of the data date (else the latest project start) when nothing is reported.
 */
export function monthAxis(log: JoinLog, progress: Pick<ProgressColumns, 'months'>, projects: Pick<ProjectColumns, 'length' | 'fields'>, dataDate: string | null): string[] {
  const fallback = (): string | null => dataDate?.slice(0, 7) ?? (projects.length > 0 ? greatest(projects.fields.start.values()).slice(0, 7) : null);
  const first = progress.months[0] ?? fallback();
  const last = progress.months.at(-1) ?? fallback();
  if (first === null || last === null) return [];
  const span = monthCount(first, last);
  if (span > MAX_MONTHS) {
    log.note('progress.csv', 'month', 'error', problem('monthsTooMany', { first, last, span, max: MAX_MONTHS }));
    return [last];
  }
  return monthRange(first, last);
}

/** A project's reports looked through one by one before they get a map of their own. */
const MONTHS_SCANNED = 24;

/** The least of the strings (what `.sort()[0]` gives), of a non-empty list. */
function least(items: readonly string[]): string {
  let best = items[0]!;
  for (let i = 1; i < items.length; i++) if (items[i]! < best) best = items[i]!;
  return best;
}

/** The greatest of the strings (what `.sort().at(-1)` gives), of a non-empty list. */
function greatest(items: readonly string[]): string {
  let best = items[0]!;
  for (let i = 1; i < items.length; i++) if (items[i]! > best) best = items[i]!;
  return best;
}
