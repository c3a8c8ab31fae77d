/** A table as read from its file: the records, the located issues and the row counts. */
import { problemOf, type Problem } from '../../i18n/problems';
import type { Issue } from '../../contract/issues';
import type { Encoding } from './decode';
import type { RowReader } from './row-reader';

/**
 * A table's records in the file's order: an array, or a store that keeps them as columns and
 * makes a record when one is asked for (projects.csv and progress.csv: read/record-columns.ts).
 */
export interface Records<T> extends Iterable<T> {
  readonly length: number;
  /** Record `k`, for k from 0 to length − 1 (an array counts a negative k from its end, a store gives undefined: ask for neither). */
  at(k: number): T | undefined;
}

/** Where the table reader puts each record it builds. */
export interface RecordStore<T> extends Records<T> {
  push(record: T): unknown;
}

/**
 * How one row becomes a record (null rejects it); `store`, when set, makes the store its table's
 * records are kept in (an array otherwise). It rides on the function so that every way a table is
 * read (a CSV whole or streamed, a workbook's sheet) keeps its records the same way.
 */
export type RowBuild<T> = ((r: RowReader) => T | null) & { store?: () => RecordStore<T> };

/** How a table's file was stored: a text encoding, or a workbook (.xlsx; .xls or WPS .et). */
export type TableEncoding = Encoding | 'xlsx' | 'xls';

/** Rows of one file: read = used + rejected + skipped, always. */
export interface TableCounts {
  read: number;
  used: number;
  rejected: number;
  skipped: number;
}

export interface TableResult<T> {
  /** The file the table was read from, e.g. `projects.csv`. */
  file: string;
  records: Records<T>;
  issues: Issue[];
  counts: TableCounts;
  encoding: TableEncoding | null;
  /** Header as written in the file, by canonical column name, for locating cross-file issues. */
  headers: Map<string, string>;
  /** False when the file could not be read as this table at all (every row rejected). */
  isReadable: boolean;
  /** The first spreadsheet row of each key (the spec's `key` column) whose row was rejected, so later messages can name it. */
  rejectedKeys: Map<string, number>;
}

/** A table that could not be read at all: one located error, no record. */
export function failedTable<T>(file: string, why: Problem, counts: TableCounts = { read: 0, used: 0, rejected: 0, skipped: 0 }, issues: Issue[] = [], row = 0): TableResult<T> {
  issues.push({ file, row, column: '', level: 'error', ...problemOf(why) });
  return { file, records: [], issues, counts, encoding: null, headers: new Map(), isReadable: false, rejectedKeys: new Map() };
}
