import type { ColumnSpec, ProjectStatus, TableSpec } from '../../contract/columns';
import type { Issue, IssueLevel } from '../../contract/issues';
import { CsvStream, type CsvProblem } from './csv-rows';
import { ChunkDecoder, SNIFF_BYTES, decodeBytes, sniffBytes, undecodable, type Encoding } from './decode';
import { isZip, readXlsxRows } from './xlsx';
import { headerKey, squash } from './normalize';
import { PersonalDataScanner, personalDataMessage, type ColumnRole } from '../privacy/cell-scan';
import { personalDataKind } from '../privacy/headers';
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
/** How many columns outside the contract are named one by one; the rest are counted in one warning. */
const UNKNOWN_COLUMNS_NAMED = 50;
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
    /** Where the text kept in records is copied to, one copy per value that repeats. */
    private readonly strings: StringPool = new StringPool(),
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

  /** Text kept in a record: a copy of its own, not a view of the file's text (see `detach`). */
  text(name: string): string | null {
    const s = this.raw(name);
    return s === null ? null : this.strings.keep(name, s);
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
    const code = this.typed(name, (s) => parseCode(s, digits), hint);
    return code === null ? null : this.strings.keep(name, code);
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
    return this.typed(name, (s) => this.strings.parsed(name, s, parseMonth), 'a month written YYYY-MM');
  }

  date(name: string): string | null {
    return this.typed(name, (s) => this.strings.parsed(name, s, parseDate), 'a date written YYYY-MM-DD');
  }

  status(name: string): ProjectStatus | null {
    return this.typed(name, parseStatus, 'a status (未开工, 在建, 已完工 or 已验收)');
  }

  list(name: string): string[] {
    const s = this.raw(name);
    return s === null ? [] : parseList(s).map(detach);
  }
}

/** What the personal-data scan of a table needs to know of the build (privacy/cell-scan.ts). */
export interface TablePrivacy {
  /** The public portal's build: names in free text and mobiles in the hotline are refused, not only listed. */
  isPublic: boolean;
  /** Terms that read like a person's name but may be published (atlas.config.json `privacy.allowedNames`). */
  allowedNames: readonly string[];
}

const COUNTY_BUILD: TablePrivacy = { isPublic: false, allowedNames: [] };

/** One reading of a file: as refused from the start (the second reading of a file refused late), and the privacy settings. */
interface ReadMode {
  isRefused: boolean;
  privacy: TablePrivacy;
}

/** A file's bytes in order, chunk by chunk; calling `chunks()` again reads them again from the start. */
export interface ByteStream {
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** A table as read from its file, and whether its text was empty (nothing but white space). */
export type StreamedTable<T> = TableResult<T> & { isEmptyText: boolean };

/**
 * Reads a CSV file as one table of the contract: decodes, finds the header row (skipping title
 * rows above it), maps headers to columns by name or alias, then builds one record per data row.
 * `build` returns null to reject a row; it must have reported why. A file with a quote error is
 * refused whole: a stray quote swallows the rows after it, so no row of it can be trusted.
 */
export function readTable<T>(spec: TableSpec, bytes: Uint8Array, build: (r: RowReader) => T | null, file = spec.file, privacy: TablePrivacy = COUNTY_BUILD): TableResult<T> {
  const first = readRowsOnce(spec, bytes, build, file, { isRefused: false, privacy });
  return first.isRefusedLate ? readRowsOnce(spec, bytes, build, file, { isRefused: true, privacy }).result : first.result;
}

function readRowsOnce<T>(spec: TableSpec, bytes: Uint8Array, build: (r: RowReader) => T | null, file: string, mode: ReadMode): { result: TableResult<T>; isRefusedLate: boolean } {
  if (isZip(bytes)) return workbookTable(spec, bytes, build, file, mode);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { result: failedTable(file, decoded.message), isRefusedLate: false };
  const reader = new TableReader(spec, build, file, mode);
  const csv = new CsvStream(reader.row, reader.problem);
  csv.push(decoded.text);
  csv.end();
  return reader.end(decoded.encoding);
}

function workbookTable<T>(spec: TableSpec, bytes: Uint8Array, build: (r: RowReader) => T | null, file: string, mode: ReadMode): { result: TableResult<T>; isRefusedLate: boolean } {
  const book = readXlsxRows(bytes);
  if (!book.ok) return { result: failedTable(file, book.message, undefined, undefined, book.row ?? 0), isRefusedLate: false };
  const reader = new TableReader(spec, build, file, mode);
  book.rows.forEach(reader.row);
  return reader.end('xlsx');
}

/**
 * `readTable` over a file that streams in chunks: decoded and parsed as it comes, so what is held
 * is the records, never the file's text or its cells. The same result as `readTable` of all the
 * bytes. A file without a byte order mark is read as UTF-8 and, if it turns out not to be, read
 * again as GB18030; a file refused for a quote error or personal data found late is read again to
 * reject every row (as `readTable` does). A workbook is read whole.
 */
export async function readTableStream<T>(spec: TableSpec, source: ByteStream, build: (r: RowReader) => T | null, file = spec.file, privacy: TablePrivacy = COUNTY_BUILD): Promise<StreamedTable<T>> {
  const first = await streamOnce(spec, source, build, file, { isRefused: false, privacy });
  return first.isRefusedLate ? (await streamOnce(spec, source, build, file, { isRefused: true, privacy })).result : first.result;
}

async function streamOnce<T>(spec: TableSpec, source: ByteStream, build: (r: RowReader) => T | null, file: string, mode: ReadMode): Promise<{ result: StreamedTable<T>; isRefusedLate: boolean }> {
  const notEmpty = <R extends { result: TableResult<T> }>(r: R) => ({ ...r, result: { ...r.result, isEmptyText: false } });
  const head = await headOf(source);
  if (isZip(head.bytes)) return notEmpty(workbookTable(spec, await allBytes(source), build, file, mode));
  const sniffed = sniffBytes(head.bytes);
  if (!sniffed.ok) return notEmpty({ result: failedTable<T>(file, sniffed.message), isRefusedLate: false });
  for (const encoding of sniffed.encodings) {
    const reader = new TableReader(spec, build, file, mode);
    const csv = new CsvStream(reader.row, reader.problem);
    const decoder = new ChunkDecoder(encoding);
    let hasText = false;
    const take = (text: string): void => {
      if (!hasText && text.trim() !== '') hasText = true;
      csv.push(text);
    };
    let skip = sniffed.skip;
    let isDecoded = true;
    for await (const chunk of source.chunks()) {
      const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip -= chunk.length - body.length;
      const text = strictly(() => decoder.decode(body));
      if (text === null) {
        isDecoded = false;
        break;
      }
      take(text);
    }
    const last = isDecoded ? strictly(() => decoder.end()) : null;
    if (last === null) continue; // not this encoding: try the next
    take(last);
    csv.end();
    const read = reader.end(encoding);
    return { result: { ...read.result, isEmptyText: !hasText }, isRefusedLate: read.isRefusedLate };
  }
  return notEmpty({ result: failedTable<T>(file, undecodable(sniffed)), isRefusedLate: false });
}

/** Decoded text, or null when the bytes are not valid in the decoder's encoding. */
function strictly(decode: () => string): string | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

/** The first bytes of a stream, enough to tell what kind of file it is. */
async function headOf(source: ByteStream): Promise<{ bytes: Uint8Array }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= SNIFF_BYTES) break;
  }
  return { bytes: concatBytes(parts, length) };
}

async function allBytes(source: ByteStream): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.length;
  }
  return concatBytes(parts, length);
}

/** The parts end to end (`length` bytes in all); a single part is returned as it is. */
export function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function failedTable<T>(file: string, message: string, counts: TableCounts = { read: 0, used: 0, rejected: 0, skipped: 0 }, issues: Issue[] = [], row = 0): TableResult<T> {
  issues.push({ file, row, column: '', level: 'error', message });
  return { file, records: [], issues, counts, encoding: null, headers: new Map(), isReadable: false, rejectedKeys: new Map() };
}

/**
 * The rows of one file, one at a time, to a table: the header is looked for among the first rows,
 * then every row below it is checked and built as it comes. Blank rows are held back until a row
 * with something in it follows, since blank rows at the very end are not rows of the table.
 * Whether the file is refused for a quote error or personal data in its cells is known only at its
 * end; `isRefused` reads it as refused from the start (the second reading of such a file).
 */
class TableReader<T> {
  private readonly problems: CsvProblem[] = [];
  private readonly head: { cells: string[]; index: number }[] = [];
  private state: 'head' | 'body' | 'headless' = 'head';
  private nonBlank = 0;
  private heldBlank = 0;
  private readonly counts: TableCounts = { read: 0, used: 0, rejected: 0, skipped: 0 };
  private readonly rejectedKeys = new Map<string, number>();
  private readonly records: T[] = [];
  /** Issues about the header, in the order they are reported. */
  private readonly headerIssues: Issue[] = [];
  /** Issues about rows below the header, in row order; and the summary-row warnings alone (all a refused file reports of its rows). */
  private readonly rowIssues: Issue[] = [];
  private readonly summaryIssues: Issue[] = [];
  private blankRows = 0;
  private headerIndex = -1;
  private located = new Map<string, Located>();
  private missing: ColumnSpec[] = [];
  private missingGroups: (readonly string[])[] = [];
  private keyAt: Located | undefined;
  private scanner: PersonalDataScanner | null = null;
  private isBuilding = false;
  private readonly strings = new StringPool();

  constructor(
    private readonly spec: TableSpec,
    private readonly build: (r: RowReader) => T | null,
    private readonly file: string,
    private readonly mode: ReadMode,
  ) {}

  readonly problem = (p: CsvProblem): void => {
    this.problems.push(p);
  };

  readonly row = (cells: string[], index: number): void => {
    if (this.state === 'body') return this.bodyRow(cells, index);
    const blank = isBlank(cells);
    if (!blank) this.nonBlank++;
    if (this.state === 'headless') return;
    this.head.push({ cells, index });
    if (this.head.length >= HEADER_SCAN_ROWS) this.findHeader();
  };

  private findHeader(): void {
    const header = findHeader(this.spec, this.head.map((h) => h.cells));
    if (header === null) {
      this.state = 'headless';
      this.head.length = 0;
      return;
    }
    this.state = 'body';
    this.locate(header.index);
    const below = this.head.slice(header.index + 1);
    this.head.length = 0;
    for (const h of below) this.bodyRow(h.cells, h.index);
  }

  /** Maps the header's cells to the contract's columns, reporting what cannot be used. */
  private locate(index: number): void {
    const { file, spec } = this;
    this.headerIndex = index;
    const cells = this.head[index]!.cells;
    if (index > 0) this.headerIssues.push({ file, row: 1, column: '', level: 'warning', message: `${index} row(s) above the header (row ${index + 1}) were skipped as a title` });
    const located = this.located;
    let unknown = 0;
    cells.forEach((cell, i) => {
      const h = cell.trim();
      if (h === '') return;
      const spec2 = matchColumn(spec, h);
      const personal = spec2 ? null : personalDataKind(h);
      if (personal) {
        this.headerIssues.push({ file, row: index + 1, column: h, level: 'error', message: `column looks like personal data (${personal}); it must never be in the dataset: delete the column` });
        return;
      }
      if (!spec2) {
        unknown++;
        if (unknown <= UNKNOWN_COLUMNS_NAMED) this.headerIssues.push({ file, row: index + 1, column: h, level: 'warning', message: 'column is not in the contract; it is ignored and kept out of the site data' });
        return;
      }
      const seen = located.get(spec2.name);
      if (seen) {
        this.headerIssues.push({ file, row: index + 1, column: h, level: 'error', message: `column "${h}" repeats "${seen.header}" (both are ${spec2.name}); the first is used` });
        return;
      }
      located.set(spec2.name, { index: i, header: h, spec: spec2 });
    });
    if (unknown > UNKNOWN_COLUMNS_NAMED) {
      this.headerIssues.push({ file, row: index + 1, column: '', level: 'warning', message: `${unknown - UNKNOWN_COLUMNS_NAMED} more columns are not in the contract (${unknown} in all); they are ignored and kept out of the site data` });
    }
    this.missing = spec.columns.filter((c) => c.isRequired && !located.has(c.name));
    this.missingGroups = spec.oneOf.filter((g) => !g.some((n) => located.has(n)));
    // Personal data in the cells of every column (DESIGN.md, privacy/cell-scan.ts): named by column and first
    // rows, never quoting a value; numbers and columns of names refuse the file, names in free text
    // and mobiles in the hotline do in a public build.
    const roles = new Map<number, ColumnRole>();
    for (const l of located.values()) roles.set(l.index, columnRole(l.spec));
    this.scanner = new PersonalDataScanner(cells, { roleOf: (i) => roles.get(i) ?? 'unknown', ...this.mode.privacy });
    this.keyAt = spec.key === undefined ? undefined : located.get(spec.key);
    this.isBuilding = !this.mode.isRefused && this.missing.length === 0 && this.missingGroups.length === 0;
  }

  private bodyRow(cells: string[], index: number): void {
    if (isBlank(cells)) {
      this.heldBlank++;
      return;
    }
    this.nonBlank++;
    const { counts, file } = this;
    if (this.heldBlank > 0) {
      counts.read += this.heldBlank;
      counts.skipped += this.heldBlank;
      this.blankRows += this.heldBlank;
      this.heldBlank = 0;
    }
    this.scanner!.add(cells, index + 1);
    counts.read++;
    const first = squash(cells.find((c) => c.trim() !== '') ?? '');
    if (SUMMARY_ROW.test(first)) {
      counts.skipped++;
      const issue: Issue = { file, row: index + 1, column: '', level: 'warning', message: this.spec.isPrivate ? 'summary row skipped (totals are computed by the build)' : `summary row "${first}" skipped (totals are computed by the build)` };
      this.rowIssues.push(issue);
      this.summaryIssues.push(issue);
      return;
    }
    if (this.isBuilding) {
      const reader = new RowReader(file, index + 1, cells, this.located, this.rowIssues, this.spec.isPrivate, this.strings);
      const record = this.build(reader);
      if (record !== null && reader.isValid) {
        this.records.push(record);
        counts.used++;
        return;
      }
    }
    counts.rejected++;
    const key = this.keyAt ? parseCode(cells[this.keyAt.index] ?? '') : null;
    if (key !== null && !this.rejectedKeys.has(key)) this.rejectedKeys.set(detach(key), index + 1);
  }

  /**
   * The table, once every row is in. `isRefusedLate` says that rows were built before a quote
   * error or personal data turned up and refused the file: read it again with `isRefused`.
   */
  end(encoding: TableEncoding): { result: TableResult<T>; isRefusedLate: boolean } {
    const { file, spec, problems, counts } = this;
    if (this.state === 'head') {
      if (this.nonBlank === 0) return { result: failedTable(file, 'the file is empty'), isRefusedLate: false };
      this.findHeader();
    }
    const issues: Issue[] = problems.map((p) => ({ file, row: p.row, column: '', level: p.level, message: p.message }));
    if (this.state === 'headless') {
      if (this.nonBlank === 0) return { result: failedTable(file, 'the file is empty'), isRefusedLate: false };
      const wanted = spec.columns.filter((c) => c.isRequired).map((c) => `${c.name}/${c.zh}`);
      const result = failedTable<T>(file, `no header row found in the first ${HEADER_SCAN_ROWS} rows; expected columns such as ${wanted.join(', ')}`, { read: this.nonBlank, used: 0, rejected: this.nonBlank, skipped: 0 }, issues);
      return { result, isRefusedLate: false };
    }
    const headerRow = this.headerIndex + 1;
    appendAll(issues, this.headerIssues);
    for (const c of this.missing) issues.push({ file, row: headerRow, column: c.name, level: 'error', message: `required column ${c.name} (${c.zh}) is missing` });
    for (const g of this.missingGroups) issues.push({ file, row: headerRow, column: g[0]!, level: 'error', message: `one of the columns ${g.join(', ')} is needed` });
    const quoteRows = [...new Set(problems.filter((p) => p.isQuoteError).map((p) => p.row))];
    if (quoteRows.length > 0) {
      const listed = quoteRows.slice(0, QUOTE_ROWS_NAMED).join(', ') + (quoteRows.length > QUOTE_ROWS_NAMED ? ', …' : '');
      issues.push({ file, row: 0, column: '', level: 'error', message: `quote errors (row ${listed}) make the rows after them unreliable: no row of this file is used until they are fixed` });
    }
    const findings = this.scanner!.findings();
    for (const f of findings) issues.push({ file, row: f.rows[0] ?? 0, column: f.column, level: f.level, message: personalDataMessage(f) });
    const isRefusedForPersonalData = findings.some((f) => f.level === 'error');
    const isReadable = this.missing.length === 0 && this.missingGroups.length === 0 && quoteRows.length === 0 && !isRefusedForPersonalData;
    if (!isReadable && this.isBuilding) return { result: failedTable(file, 'refused late'), isRefusedLate: true };
    appendAll(issues, isReadable ? this.rowIssues : this.summaryIssues);
    if (this.blankRows > 0) issues.push({ file, row: 0, column: '', level: 'warning', message: `${this.blankRows} blank row(s) skipped` });
    const headers = new Map([...this.located].map(([name, at]) => [name, at.header]));
    return { result: { file, records: this.records, issues, counts, encoding, headers, isReadable, rejectedKeys: this.rejectedKeys }, isRefusedLate: false };
  }
}

/** What a contract column is to the personal-data scan (privacy/cell-scan.ts `ColumnRole`). */
function columnRole(spec: ColumnSpec): ColumnRole {
  if (spec.name === 'hotline') return 'hotline';
  if (spec.name === 'village_name' || spec.name === 'town_name' || spec.name === 'category') return 'label';
  if (spec.type === 'text') return 'text';
  if (spec.type === 'code') return 'code';
  return 'value';
}

/** Distinct texts of a date or month column whose reading is remembered (beyond it, the memory starts again). */
const PARSES_KEPT = 1 << 14;

/** Lookups of a column before its pool judges whether its values repeat enough to pool. */
const POOL_SAMPLE = 4096;

/**
 * The strings a table's records keep, one copy per distinct value of a column whose values repeat
 * (town and village codes and names, categories, dates, months): a million rows then hold a few
 * thousand strings rather than millions. A column whose values are mostly distinct in its first
 * few thousand rows (ids and names of projects; village codes, when there are tens of thousands of
 * villages) stops being pooled, and its values are simply copied: a lookup in a big pool costs
 * more time than the copy costs memory.
 */
export class StringPool {
  private readonly columns = new Map<string, { map: Map<string, string> | null; lookups: number; misses: number }>();
  private readonly parses = new Map<string, Map<string, string | null>>();

  /**
   * `parse(raw)` for a column of dates or months, remembered per text: a million rows hold a few
   * hundred distinct dates. The result is kept as `keep` keeps it.
   */
  parsed(column: string, raw: string, parse: (raw: string) => string | null): string | null {
    let seen = this.parses.get(column);
    if (!seen) this.parses.set(column, (seen = new Map()));
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const value = parse(raw);
    const kept = value === null ? null : this.keep(column, value);
    if (seen.size >= PARSES_KEPT) seen.clear();
    seen.set(detach(raw), kept);
    return kept;
  }

  /** `s` as kept for column `column`: the copy already kept for an equal value, or a new copy. */
  keep(column: string, s: string): string {
    let pool = this.columns.get(column);
    if (!pool) this.columns.set(column, (pool = { map: new Map(), lookups: 0, misses: 0 }));
    if (pool.map === null) return detach(s);
    pool.lookups++;
    const kept = pool.map.get(s);
    if (kept !== undefined) return kept;
    const copy = detach(s);
    pool.misses++;
    if (pool.lookups >= POOL_SAMPLE && pool.misses * 2 > pool.lookups) pool.map = null;
    else pool.map.set(copy, copy);
    return copy;
  }
}

/**
 * A copy of a string cut from a larger one. V8 keeps a long substring as a view of the string it
 * was cut from, so a cell kept in a record would keep the whole piece of the file it came from;
 * the copy keeps only itself.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and a
 * file of 300,000 rows with a warning each (or a header of 200,000 cells) overflows the stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Each table's columns by the header key of their name, Chinese name and aliases (first column wins). */
const COLUMN_KEYS = new WeakMap<TableSpec, Map<string, ColumnSpec>>();

function matchColumn(spec: TableSpec, header: string): ColumnSpec | undefined {
  let keys = COLUMN_KEYS.get(spec);
  if (!keys) {
    keys = new Map();
    for (const c of spec.columns) for (const a of [c.name, c.zh, ...c.aliases]) if (!keys.has(headerKey(a))) keys.set(headerKey(a), c);
    COLUMN_KEYS.set(spec, keys);
  }
  return keys.get(headerKey(header));
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
