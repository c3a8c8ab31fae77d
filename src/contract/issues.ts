import type { Lang } from '../i18n';
import { isProblemKey, levelText, problem, problemText, type Problem, type ProblemArgs, type ProblemKey } from '../i18n/problems';

export type IssueLevel = 'error' | 'warning';

/**
 * A problem found in the dataset, located the way a spreadsheet user would find it: what is wrong
 * is a catalogue key and its parameters (src/i18n/problems-zh.ts), with the English text as `message`.
 */
export interface Issue extends Problem {
  /** Path relative to the dataset folder, e.g. `projects.csv`; `''` for the dataset as a whole. */
  file: string;
  /** Row as a spreadsheet shows it (1-based, header row included); 0 when the issue is about the whole file. */
  row: number;
  /** Column header as written in the file (or the contract's name when the column is missing); `''` when none. */
  column: string;
  level: IssueLevel;
}

/** Why something could not be read: `{ ok: false }` and the problem (its key, parameters and English text). */
export type Failure = { ok: false } & Problem;

/** A Failure saying a catalogue problem. */
export function failure<K extends ProblemKey>(key: K, ...params: ProblemArgs<K>): Failure {
  return { ok: false, ...problem(key, ...params) };
}

/** The result of parsing something untrusted: a value, or the reasons there is none. */
export type Parsed<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Formats an issue as `FILE:ROW:COLUMN: level: message`, the CLI's one-line form, in English. */
export function formatIssue(issue: Issue): string {
  return formatIssueIn('en', issue);
}

/** The CLI's one-line form in a language (`data:check --lang zh`). */
export function formatIssueIn(lang: Lang, issue: Issue): string {
  return `${issue.file}:${issue.row}:${issue.column}: ${levelText(lang, issue.level)}: ${issueText(lang, issue)}`;
}

/** What an issue says, in a language; an issue made without a key of the catalogues (code not yet converted) says its English `message`. */
export function issueText(lang: Lang, issue: Issue): string {
  return isProblemKey(issue.key) ? problemText(lang, issue) : issue.message;
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
