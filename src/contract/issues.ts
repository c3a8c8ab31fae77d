/** A problem found in the dataset, located the way a spreadsheet user would find it. */
export type IssueLevel = 'error' | 'warning';

export interface Issue {
  /** Path relative to the dataset folder, e.g. `projects.csv`; `''` for the dataset as a whole. */
  file: string;
  /** Row as a spreadsheet shows it (1-based, header row included); 0 when the issue is about the whole file. */
  row: number;
  /** Column header as written in the file (or the contract's name when the column is missing); `''` when none. */
  column: string;
  level: IssueLevel;
  message: string;
}

/** The result of parsing something untrusted: a value, or the reasons there is none. */
export type Parsed<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Formats an issue as `FILE:ROW:COLUMN: level: message`, the CLI's one-line form. */
export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.row}:${issue.column}: ${issue.level}: ${issue.message}`;
}

/** Orders issues by file, row, column, then message, so reports are stable across runs. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    cmp(a.file, b.file) || a.row - b.row || cmp(a.column, b.column) || cmp(a.level, b.level) || cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
