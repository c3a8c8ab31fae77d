/** One data row of a table, read cell by cell into a record's typed values, each bad value a located issue. */
import { phrase, problem, problemOf, type Problem, type ProblemRef } from '../../i18n/problems';
import type { ColumnSpec, ProjectStatus } from '../../contract/columns';
import type { Issue, IssueLevel } from '../../contract/issues';
import { StringPool, detach } from './string-pool';
import { parseBoolean, parseCode, parseDate, parseInteger, parseList, parseMonth, parseNumber, parseStatus } from './values';

/** Where a contract column is in the file: its index, its header as written, its spec. */
export interface Located {
  index: number;
  header: string;
  spec: ColumnSpec;
}

/** Reads one cell at a time, recording a located issue for every bad value. */
export class RowReader {
  private hasError = false;
  constructor(
    private readonly file: string,
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly located: ReadonlyMap<string, Located>,
    private readonly issues: Issue[],
    /** A private file's issues never quote a cell (report.json is published). */
    readonly isPrivate = false,
    /** Where the text kept in records is copied to, one copy per value that repeats. */
    private readonly strings: StringPool = new StringPool(),
  ) {}

  get isValid(): boolean {
    return !this.hasError;
  }

  /** Adds an issue about this row; an error rejects the row. */
  report(level: IssueLevel, column: string, what: Problem): void {
    if (level === 'error') this.hasError = true;
    this.issues.push({ file: this.file, row: this.row, column: this.located.get(column)?.header ?? column, level, ...problemOf(what) });
  }

  /** A cell's text or number for a message: quoted, or "the value" in a private file. */
  quote(value: string | number): string | ProblemRef {
    if (this.isPrivate) return phrase('theValue');
    return typeof value === 'number' ? String(value) : `"${value}"`;
  }

  /** Raw text of a column, trimmed; null when the column is absent or the cell is empty (reported when required). */
  raw(name: string): string | null {
    const at = this.located.get(name);
    const s = at ? (this.cells[at.index] ?? '').trim() : '';
    if (s !== '') return s;
    if (at?.spec.isRequired) this.report('error', name, problem('valueRequired'));
    return null;
  }

  /** Text kept in a record: a copy of its own, not a view of the file's text (see `detach`). */
  text(name: string): string | null {
    const s = this.raw(name);
    return s === null ? null : this.strings.keep(name, s);
  }

  private typed<T>(name: string, parse: (s: string) => T | null, expected: ProblemRef): T | null {
    const s = this.raw(name);
    if (s === null) return null;
    const v = parse(s);
    if (v === null) this.report('error', name, problem('valueIsNot', { value: this.quote(s), expected }));
    return v;
  }

  code(name: string): string | null {
    const digits = this.located.get(name)?.spec.digits;
    const hint = digits ? phrase('expectedCode', { digits }) : phrase('expectedAnyCode');
    const code = this.typed(name, (s) => parseCode(s, digits), hint);
    return code === null ? null : this.strings.keep(name, code);
  }

  number(name: string, range: { min?: number; max?: number } = {}): number | null {
    const v = this.typed(name, parseNumber, phrase('expectedNumber'));
    if (v === null) return null;
    const { min = -Infinity, max = Infinity } = range;
    if (v < min || v > max) {
      this.report('error', name, max === Infinity ? problem('valueBelow', { value: this.quote(v), min }) : problem('valueOutside', { value: this.quote(v), min, max }));
      return null;
    }
    return v;
  }

  count(name: string): number | null {
    const v = this.typed(name, parseInteger, phrase('expectedWholeNumber'));
    if (v !== null && v < 0) {
      this.report('error', name, problem('valueNegative', { value: this.quote(v) }));
      return null;
    }
    return v;
  }

  boolean(name: string): boolean | null {
    return this.typed(name, parseBoolean, phrase('expectedYesNo'));
  }

  month(name: string): string | null {
    return this.typed(name, (s) => this.strings.parsed(name, s, parseMonth), phrase('expectedMonth'));
  }

  date(name: string): string | null {
    return this.typed(name, (s) => this.strings.parsed(name, s, parseDate), phrase('expectedDate'));
  }

  status(name: string): ProjectStatus | null {
    return this.typed(name, parseStatus, phrase('expectedStatus'));
  }

  list(name: string): string[] {
    const s = this.raw(name);
    return s === null ? [] : parseList(s).map(detach);
  }
}
