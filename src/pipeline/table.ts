import type { ColumnSpec, ProjectStatus, TableSpec } from '../contract/columns';
import type { Issue, IssueLevel } from '../contract/issues';
import { parseCsv, type CsvRows } from './csv';
import { decodeBytes, type Encoding } from './decode';
import { isZip, readXlsxRows } from './xlsx';
import { headerKey, squash } from './normalize';
import { personalDataMessage, scanForPersonalData } from './pii';
import { personalDataKind } from './privacy';
import { parseBoolean, parseCode, parseDate, parseInteger, parseList, parseMonth, parseNumber, parseStatus } from './values';

/** How a table's file was stored: a text encoding, or an Excel workbook. */
export type TableEncoding = Encoding | 'xlsx';

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

const HEADER_SCAN_ROWS = 30;
const SUMMARY_ROW = /^(合计|小计|总计|共计)/;
/** How many rows with a quote error the refusal names. */
const QUOTE_ROWS_NAMED = 5;

interface Located {
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
  ) {}

  get isValid(): boolean {
    return !this.hasError;
  }

  /** Adds an issue about this row; an error rejects the row. */
  report(level: IssueLevel, column: string, message: string): void {
    if (level === 'error') this.hasError = true;
    this.issues.push({ file: this.file, row: this.row, column: this.located.get(column)?.header ?? column, level, message });
  }

  /** A cell's text or number for a message: quoted, or "the value" in a private file. */
  quote(value: string | number): string {
    if (this.isPrivate) return 'the value';
    return typeof value === 'number' ? String(value) : `"${value}"`;
  }

  /** Raw text of a column, trimmed; null when the column is absent or the cell is empty (reported when required). */
  raw(name: string): string | null {
    const at = this.located.get(name);
    const s = at ? (this.cells[at.index] ?? '').trim() : '';
    if (s !== '') return s;
    if (at?.spec.isRequired) this.report('error', name, 'a value is required here');
    return null;
  }

  text(name: string): string | null {
    return this.raw(name);
  }

  private typed<T>(name: string, parse: (s: string) => T | null, expected: string): T | null {
    const s = this.raw(name);
    if (s === null) return null;
    const v = parse(s);
    if (v === null) this.report('error', name, `${this.quote(s)} is not ${expected}`);
    return v;
  }

  code(name: string): string | null {
    const digits = this.located.get(name)?.spec.digits;
    const hint = digits ? `a ${digits}-digit code (format the column as text so Excel keeps every digit)` : 'a code';
    return this.typed(name, (s) => parseCode(s, digits), hint);
  }

  number(name: string, range: { min?: number; max?: number } = {}): number | null {
    const v = this.typed(name, parseNumber, 'a number');
    if (v === null) return null;
    const { min = -Infinity, max = Infinity } = range;
    if (v < min || v > max) {
      this.report('error', name, max === Infinity ? `${this.quote(v)} is below ${min}` : `${this.quote(v)} is outside ${min}–${max}`);
      return null;
    }
    return v;
  }

  count(name: string): number | null {
    const v = this.typed(name, parseInteger, 'a whole number');
    if (v !== null && v < 0) {
      this.report('error', name, `${this.quote(v)} is negative`);
      return null;
    }
    return v;
  }

  boolean(name: string): boolean | null {
    return this.typed(name, parseBoolean, '是 or 否');
  }

  month(name: string): string | null {
    return this.typed(name, parseMonth, 'a month written YYYY-MM');
  }

  date(name: string): string | null {
    return this.typed(name, parseDate, 'a date written YYYY-MM-DD');
  }

  status(name: string): ProjectStatus | null {
    return this.typed(name, parseStatus, 'a status (未开工, 在建, 已完工 or 已验收)');
  }

  list(name: string): string[] {
    const s = this.raw(name);
    return s === null ? [] : parseList(s);
  }
}

/**
 * Reads a CSV file as one table of the contract: decodes, finds the header row (skipping title
 * rows above it), maps headers to columns by name or alias, then builds one record per data row.
 * `build` returns null to reject a row; it must have reported why. A file with a quote error is
 * refused whole: a stray quote swallows the rows after it, so no row of it can be trusted.
 */
export function readTable<T>(spec: TableSpec, bytes: Uint8Array, build: (r: RowReader) => T | null, file = spec.file): TableResult<T> {
  const issues: Issue[] = [];
  const counts: TableCounts = { read: 0, used: 0, rejected: 0, skipped: 0 };
  const rejectedKeys = new Map<string, number>();
  const fail = (message: string, row = 0, column = ''): TableResult<T> => {
    issues.push({ file, row, column, level: 'error', message });
    return { file, records: [], issues, counts, encoding: null, headers: new Map(), isReadable: false, rejectedKeys };
  };
  const source = tableRows(bytes);
  if (!source.ok) return fail(source.message);
  const { rows, problems, encoding } = source;
  if (rows.every((r) => r.every((c) => c.trim() === ''))) return fail('the file is empty');
  for (const p of problems) issues.push({ file, row: p.row, column: '', level: p.level, message: p.message });
  const quoteRows = [...new Set(problems.filter((p) => p.isQuoteError).map((p) => p.row))];

  const header = findHeader(spec, rows);
  if (header === null) {
    const wanted = spec.columns.filter((c) => c.isRequired).map((c) => `${c.name}/${c.zh}`);
    const result = fail(`no header row found in the first ${HEADER_SCAN_ROWS} rows; expected columns such as ${wanted.join(', ')}`);
    counts.read = counts.rejected = rows.filter((r) => !isBlank(r)).length;
    return result;
  }
  if (header.index > 0) {
    issues.push({ file, row: 1, column: '', level: 'warning', message: `${header.index} row(s) above the header (row ${header.index + 1}) were skipped as a title` });
  }

  const located = new Map<string, Located>();
  rows[header.index]!.forEach((cell, index) => {
    const h = cell.trim();
    if (h === '') return;
    const spec2 = matchColumn(spec, h);
    const personal = spec2 ? null : personalDataKind(h);
    if (personal) {
      issues.push({ file, row: header.index + 1, column: h, level: 'error', message: `column looks like personal data (${personal}); it must never be in the dataset: delete the column` });
      return;
    }
    if (!spec2) {
      issues.push({ file, row: header.index + 1, column: h, level: 'warning', message: 'column is not in the contract; it is ignored and kept out of the site data' });
      return;
    }
    const seen = located.get(spec2.name);
    if (seen) {
      issues.push({ file, row: header.index + 1, column: h, level: 'error', message: `column "${h}" repeats "${seen.header}" (both are ${spec2.name}); the first is used` });
      return;
    }
    located.set(spec2.name, { index, header: h, spec: spec2 });
  });
  const missing = spec.columns.filter((c) => c.isRequired && !located.has(c.name));
  const missingGroups = spec.oneOf.filter((g) => !g.some((n) => located.has(n)));
  for (const c of missing) issues.push({ file, row: header.index + 1, column: c.name, level: 'error', message: `required column ${c.name} (${c.zh}) is missing` });
  for (const g of missingGroups) issues.push({ file, row: header.index + 1, column: g[0]!, level: 'error', message: `one of the columns ${g.join(', ')} is needed` });
  if (quoteRows.length > 0) {
    const listed = quoteRows.slice(0, QUOTE_ROWS_NAMED).join(', ') + (quoteRows.length > QUOTE_ROWS_NAMED ? ', …' : '');
    issues.push({ file, row: 0, column: '', level: 'error', message: `quote errors (row ${listed}) make the rows after them unreliable: no row of this file is used until they are fixed` });
  }
  // Personal data in the cells (DESIGN.md): ID, mobile and bank card numbers in any column (the
  // supervision hotline may hold a phone number), and a column of person names among the columns the
  // contract does not know. Refused, naming the column and its first rows, never quoting a value.
  const contractColumns = new Set([...located.values()].map((l) => l.index));
  const hotlineColumns = new Set([...located.values()].filter((l) => l.spec.name === 'hotline').map((l) => l.index));
  const findings = scanForPersonalData(rows[header.index]!, rows.slice(header.index + 1), header.index + 2, { allowsPhone: (i) => hotlineColumns.has(i), checksNames: (i) => !contractColumns.has(i) });
  for (const f of findings) issues.push({ file, row: f.rows[0] ?? 0, column: f.column, level: 'error', message: personalDataMessage(f) });
  const isReadable = missing.length === 0 && missingGroups.length === 0 && quoteRows.length === 0 && findings.length === 0;
  const keyAt = spec.key === undefined ? undefined : located.get(spec.key);

  const records: T[] = [];
  let blankRows = 0;
  for (let i = header.index + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    counts.read++;
    if (isBlank(cells)) {
      counts.skipped++;
      blankRows++;
      continue;
    }
    const first = squash(cells.find((c) => c.trim() !== '') ?? '');
    if (SUMMARY_ROW.test(first)) {
      counts.skipped++;
      issues.push({ file, row: i + 1, column: '', level: 'warning', message: spec.isPrivate ? 'summary row skipped (totals are computed by the build)' : `summary row "${first}" skipped (totals are computed by the build)` });
      continue;
    }
    const reject = (): void => {
      counts.rejected++;
      const key = keyAt ? parseCode(cells[keyAt.index] ?? '') : null;
      if (key !== null && !rejectedKeys.has(key)) rejectedKeys.set(key, i + 1);
    };
    if (!isReadable) {
      reject();
      continue;
    }
    const reader = new RowReader(file, i + 1, cells, located, issues, spec.isPrivate);
    const record = build(reader);
    if (record !== null && reader.isValid) {
      records.push(record);
      counts.used++;
    } else {
      reject();
    }
  }
  if (blankRows > 0) issues.push({ file, row: 0, column: '', level: 'warning', message: `${blankRows} blank row(s) skipped` });
  return { file, records, issues, counts, encoding, headers: new Map([...located].map(([name, at]) => [name, at.header])), isReadable, rejectedKeys };
}

/** The file's rows: an Excel workbook's first sheet, or CSV text in whatever encoding it came. */
function tableRows(bytes: Uint8Array): ({ ok: true; encoding: TableEncoding } & CsvRows) | { ok: false; message: string } {
  if (isZip(bytes)) {
    const book = readXlsxRows(bytes);
    return book.ok ? { ok: true, encoding: 'xlsx', rows: book.rows, problems: [] } : book;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, encoding: decoded.encoding, ...parseCsv(decoded.text) };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function matchColumn(spec: TableSpec, header: string): ColumnSpec | undefined {
  const key = headerKey(header);
  return spec.columns.find((c) => [c.name, c.zh, ...c.aliases].some((a) => headerKey(a) === key));
}

/** The first row among the first few whose cells name the most contract columns. */
function findHeader(spec: TableSpec, rows: readonly string[][]): { index: number } | null {
  let best: { index: number; score: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = new Set(rows[i]!.map((c) => matchColumn(spec, c)?.name).filter((n) => n !== undefined)).size;
    if (score > 0 && (best === null || score > best.score)) best = { index: i, score };
  }
  const needed = Math.min(2, spec.columns.filter((c) => c.isRequired).length);
  return best && best.score >= needed ? { index: best.index } : null;
}
