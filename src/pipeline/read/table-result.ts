/** A table as read from its file: the records, the located issues and the row counts. */
import { problemOf, type Problem } from '../../i18n/problems';
import type { Issue } from '../../contract/issues';
import type { Encoding } from './decode';

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
  records: T[];
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
