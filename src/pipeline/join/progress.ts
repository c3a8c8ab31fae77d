import { phrase, problem, type ProblemRef } from '../../i18n/problems';
import type { ProgressRecord, ProjectRecord } from '../../contract/records';
import { MAX_MONTHS, addMonths, monthCount, monthRange } from '../../domain/months';
import type { JoinCounts, JoinLog } from './join-log';
import type { Project } from '../model';
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
export function reportPeriod(projects: readonly Pick<Project, 'record'>[], dataDate: string | null): ReportPeriod | null {
  if (projects.length === 0) return null;
  const first = least(projects, (p) => p.record.start.slice(0, 7));
  const lastDue = greatest(projects, (p) => p.record.due.slice(0, 7));
  const afterDue = addMonths(lastDue, MONTHS_AFTER_LAST_DUE);
  const dataMonth = dataDate?.slice(0, 7) ?? null;
  if (dataMonth !== null && dataMonth <= afterDue) return { first, last: dataMonth, why: phrase('periodToDataDate', { date: String(dataDate) }) };
  return { first, last: afterDue, why: phrase('periodAfterDue', { months: MONTHS_AFTER_LAST_DUE }) };
}

/**
 * Joins progress rows to projects by id, each project's rows ascending by month. Rejects a row for
 * an unknown or rejected project, a month outside the report period, or a second report of a
 * project in one month; warns when reported progress or spending goes down.
 */
export function joinProgress(
  log: JoinLog,
  table: TableResult<ProgressRecord>,
  projects: readonly Project[],
  projectTable: TableResult<ProjectRecord>,
  dataDate: string | null,
  joins: JoinCounts,
): ProgressRecord[][] {
  const byId = new Map<string, Project>();
  for (const p of projects) byId.set(p.record.projectId, p);
  const period = reportPeriod(projects, dataDate);
  // Each project's rows; a list is made at its first row, of just that row (a list grown by push
  // would keep room for more, and most projects have a row or a few).
  const out: (ProgressRecord[] | undefined)[] = new Array(projects.length).fill(undefined);
  // The row of each project's report for a month: looked up among its own rows (a handful), or,
  // for a project with many, in a map of its own.
  const many = new Map<number, Map<string, number>>();
  const reportedOn = (p: Project, month: string): number | undefined => {
    const rows = out[p.index];
    if (!rows) return undefined;
    if (rows.length <= MONTHS_SCANNED) return rows.find((x) => x.month === month)?.row;
    let byMonth = many.get(p.index);
    if (!byMonth) {
      byMonth = new Map();
      // The first row of each month wins, as it was the one kept.
      for (const x of rows) if (!byMonth.has(x.month)) byMonth.set(x.month, x.row);
      many.set(p.index, byMonth);
    }
    return byMonth.get(month);
  };
  if (table.isReadable && table.counts.read === table.counts.skipped) log.note(table.file, '', 'warning', problem('noProgressRows'));
  for (const r of table.records) {
    const p = byId.get(r.projectId);
    if (!p) {
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
    const dup = reportedOn(p, r.month);
    if (dup !== undefined) {
      log.say(table, r.row, 'month', 'error', problem('reportTwice', { id: r.projectId, month: r.month, row: dup }));
      log.reject(table, r.row);
      continue;
    }
    if (r.spentWan !== null && r.spentWan > p.record.budgetWan) log.say(table, r.row, 'spent_wan', 'warning', problem('spentOverBudget', { spent: r.spentWan, budget: p.record.budgetWan }));
    joins.byCode++;
    // The project's own copy of the id, so a million reports do not keep a second one each.
    r.projectId = p.record.projectId;
    const rows = out[p.index];
    if (rows) rows.push(r);
    else out[p.index] = [r];
    many.get(p.index)?.set(r.month, r.row);
  }
  for (let i = 0; i < out.length; i++) {
    const rows = out[i];
    if (!rows) {
      out[i] = NO_ROWS;
      continue;
    }
    rows.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    warnDecreases(log, table, rows);
  }
  return out as ProgressRecord[][];
}

/** Progress and spending are cumulative: a figure below the project's previous report is likely a typo. */
function warnDecreases(log: JoinLog, table: TableResult<ProgressRecord>, rows: readonly ProgressRecord[]): void {
  let pct: { value: number; month: string } | null = null;
  let spent: { value: number; month: string } | null = null;
  for (const r of rows) {
    if (r.progressPct !== null) {
      if (pct && r.progressPct < pct.value) log.say(table, r.row, 'progress_pct', 'warning', problem('progressBackward', { pct: r.progressPct, before: pct.value, month: pct.month }));
      pct = { value: r.progressPct, month: r.month };
    }
    if (r.spentWan !== null) {
      if (spent && r.spentWan < spent.value) log.say(table, r.row, 'spent_wan', 'warning', problem('spentBackward', { spent: r.spentWan, before: spent.value, month: spent.month }));
      spent = { value: r.spentWan, month: r.month };
    }
  }
}

/**
 * The month axis of the site: from the first to the last month reported (rows that were used),
 * or the single month of the data date (else the latest project start) when nothing is reported.
 */
export function monthAxis(log: JoinLog, rows: readonly ProgressRecord[][], projects: readonly Pick<Project, 'record'>[], dataDate: string | null): string[] {
  let firstReported: string | null = null;
  let lastReported: string | null = null;
  for (const list of rows) {
    for (const r of list) {
      if (firstReported === null || r.month < firstReported) firstReported = r.month;
      if (lastReported === null || r.month > lastReported) lastReported = r.month;
    }
  }
  const fallback = (): string | null => dataDate?.slice(0, 7) ?? (projects.length > 0 ? greatest(projects, (p) => p.record.start.slice(0, 7)) : null);
  const first = firstReported ?? fallback();
  const last = lastReported ?? fallback();
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
function least<T>(items: readonly T[], key: (item: T) => string): string {
  let best = key(items[0]!);
  for (let i = 1; i < items.length; i++) {
    const k = key(items[i]!);
    if (k < best) best = k;
  }
  return best;
}

/** The greatest of the strings (what `.sort().at(-1)` gives), of a non-empty list. */
function greatest<T>(items: readonly T[], key: (item: T) => string): string {
  let best = key(items[0]!);
  for (let i = 1; i < items.length; i++) {
    const k = key(items[i]!);
    if (k > best) best = k;
  }
  return best;
}

/** The progress of a project without reports: one empty list for all of them. */
const NO_ROWS: ProgressRecord[] = [];
