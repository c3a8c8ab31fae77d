/** The photos stage's problems, made in one place: a located issue with its catalogue key (src/i18n/problems-zh.ts). */
import type { Issue, IssueLevel } from '../../contract/issues';
import type { Problem } from '../../i18n/problems';

/** A located problem of the photos stage. */
export function photoIssue(file: string, row: number, column: string, level: IssueLevel, what: Problem): Issue {
  return { file, row, column, level, ...what };
}
