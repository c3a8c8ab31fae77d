import { problemOf, type Problem } from '../../i18n/problems';
import type { Issue, IssueLevel } from '../../contract/issues';
import type { TableResult } from '../read/table-result';

/** How the rows of one file were joined. */
export interface JoinCounts {
  byCode: number;
  byName: number;
  unmatched: number;
}

export function zeroJoins(): JoinCounts {
  return { byCode: 0, byName: 0, unmatched: 0 };
}

/** Issues found while joining tables, located by the file's own header, and join-time rejections. */
export class JoinLog {
  readonly issues: Issue[] = [];

  /** An issue about a row; `column` is the contract's name, reported as the header written in the file. */
  say(table: TableResult<unknown>, row: number, column: string, level: IssueLevel, what: Problem): void {
    this.issues.push({ file: table.file, row, column: table.headers.get(column) ?? column, level, ...problemOf(what) });
  }

  /** An issue about a file or the dataset as a whole. */
  note(file: string, column: string, level: IssueLevel, what: Problem): void {
    this.issues.push({ file, row: 0, column, level, ...problemOf(what) });
  }

  /**
   * Rejects a row that parsed but cannot be joined: it moves from used to rejected (so read =
   * used + rejected + skipped still holds), and its key is remembered for later messages.
   */
  reject(table: TableResult<unknown>, row: number, key: string | null = null): void {
    table.counts.used--;
    table.counts.rejected++;
    if (key !== null && !table.rejectedKeys.has(key)) table.rejectedKeys.set(key, row);
  }
}

/** Where a key was first rejected, when that row comes before `row`. */
export function rejectedBefore(table: TableResult<unknown>, key: string, row: number): number | undefined {
  const at = table.rejectedKeys.get(key);
  return at !== undefined && at < row ? at : undefined;
}
