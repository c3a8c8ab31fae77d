/** The photos stage's problems, made in one place: a located issue with its English message. */
import type { Issue, IssueLevel } from '../../contract/issues';

/** A located problem of the photos stage. */
export function photoIssue(file: string, row: number, column: string, level: IssueLevel, message: string): Issue {
  return { file, row, column, level, message };
}
