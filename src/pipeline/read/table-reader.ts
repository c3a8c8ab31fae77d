/** The rows of one file to a table of the contract: the header found and matched, each row below it checked and built. */
import { problem, problemOf } from '../../i18n/problems';
import type { ColumnSpec, TableSpec } from '../../contract/columns';
import type { Issue } from '../../contract/issues';
import { appendAll } from '../append-all';
import { columnLetters } from '../column-letters';
import { PersonalDataScanner, personalDataMessage, type ColumnRole, type TablePrivacy } from '../privacy/cell-scan';
import { personalDataKind } from '../privacy/headers';
import { looksLikePersonName } from '../privacy/names';
import { scanForPersonalData } from '../privacy/cell-scan';
import type { CsvProblem } from './csv-rows';
import { headerKey, squash } from '../normalize';
import { RowReader, type Located } from './row-reader';
import { StringPool, detach } from './string-pool';
import { failedTable, type RecordStore, type RowBuild, type TableCounts, type TableEncoding, type TableResult } from './table-result';
import { parseCode } from './values';

const HEADER_SCAN_ROWS = 30;
const SUMMARY_ROW = /^(合计|小计|总计|共计)/;
/** How many columns outside the contract are named one by one; the rest are counted in one warning. */
const UNKNOWN_COLUMNS_NAMED = 50;
/** How many rows with a quote error the refusal names. */
const QUOTE_ROWS_NAMED = 5;

/** One reading of a file: as refused from the start (the second reading of a file refused late), and the privacy settings. */
export interface ReadMode {
  isRefused: boolean;
  privacy: TablePrivacy;
}

/**
 * The rows of one file, one at a time, to a table: the header is looked for among the first rows,
 * then every row below it is checked and built as it comes. Blank rows are held back until a row
 * with something in it follows, since blank rows at the very end are not rows of the table.
 * Whether the file is refused for a quote error or personal data in its cells is known only at its
 * end; `isRefused` reads it as refused from the start (the second reading of such a file).
 */
export class TableReader<T> {
  private readonly problems: CsvProblem[] = [];
  private readonly head: { cells: string[]; index: number }[] = [];
  private state: 'head' | 'body' | 'headless' = 'head';
  private nonBlank = 0;
  private heldBlank = 0;
  private readonly counts: TableCounts = { read: 0, used: 0, rejected: 0, skipped: 0 };
  private readonly rejectedKeys = new Map<string, number>();
  private readonly records: RecordStore<T>;
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
    private readonly build: RowBuild<T>,
    private readonly file: string,
    private readonly mode: ReadMode,
  ) {
    this.records = build.store?.() ?? [];
  }

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
    if (index > 0) this.headerIssues.push({ file, row: 1, column: '', level: 'warning', ...problem('titleRowsSkipped', { count: index, headerRow: index + 1 }) });
    const located = this.located;
    let unknown = 0;
    cells.forEach((cell, i) => {
      const h = cell.trim();
      if (h === '') return;
      const spec2 = matchColumn(spec, h);
      const personal = spec2 ? null : personalDataKind(h);
      if (personal) {
        this.headerIssues.push({ file, row: index + 1, column: h, level: 'error', ...problem('columnPersonal', { kind: personal }) });
        return;
      }
      if (!spec2) {
        unknown++;
        if (unknown > UNKNOWN_COLUMNS_NAMED) return;
        // The report is published with a public build: a header that holds a number or a name is named by its letter, not quoted.
        if (holdsPersonalData(h)) this.headerIssues.push({ file, row: index + 1, column: columnLetters(i), level: 'warning', ...problem('columnUnknownPersonal', { letter: columnLetters(i) }) });
        else this.headerIssues.push({ file, row: index + 1, column: h, level: 'warning', ...problem('columnUnknown') });
        return;
      }
      const seen = located.get(spec2.name);
      if (seen) {
        this.headerIssues.push({ file, row: index + 1, column: h, level: 'error', ...problem('columnRepeats', { header: h, first: seen.header, name: spec2.name }) });
        return;
      }
      located.set(spec2.name, { index: i, header: h, spec: spec2 });
    });
    if (unknown > UNKNOWN_COLUMNS_NAMED) {
      this.headerIssues.push({ file, row: index + 1, column: '', level: 'warning', ...problem('columnsUnknownMore', { more: unknown - UNKNOWN_COLUMNS_NAMED, all: unknown }) });
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
    const cell = cells.find((c) => c.trim() !== '') ?? '';
    const first = startsWithAscii(cell) ? '' : squash(cell);
    if (first !== '' && SUMMARY_ROW.test(first)) {
      counts.skipped++;
      const issue: Issue = { file, row: index + 1, column: '', level: 'warning', ...(this.spec.isPrivate || !isQuotableSummary(first) ? problem('summaryRowSkipped') : problem('summaryRowSkippedNamed', { first })) };
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
      if (this.nonBlank === 0) return { result: failedTable(file, problem('fileEmpty')), isRefusedLate: false };
      this.findHeader();
    }
    const issues: Issue[] = problems.map((p) => ({ file, row: p.row, column: '', level: p.level, ...problemOf(p) }));
    if (this.state === 'headless') {
      if (this.nonBlank === 0) return { result: failedTable(file, problem('fileEmpty')), isRefusedLate: false };
      const wanted = spec.columns.filter((c) => c.isRequired).map((c) => `${c.name}/${c.zh}`);
      const result = failedTable<T>(file, problem('noHeader', { rows: HEADER_SCAN_ROWS, wanted }), { read: this.nonBlank, used: 0, rejected: this.nonBlank, skipped: 0 }, issues);
      return { result, isRefusedLate: false };
    }
    const headerRow = this.headerIndex + 1;
    appendAll(issues, this.headerIssues);
    for (const c of this.missing) issues.push({ file, row: headerRow, column: c.name, level: 'error', ...problem('columnMissing', { name: c.name, zh: c.zh }) });
    for (const g of this.missingGroups) issues.push({ file, row: headerRow, column: g[0]!, level: 'error', ...problem('columnsOneOf', { names: g }) });
    const quoteRows = [...new Set(problems.filter((p) => p.isQuoteError).map((p) => p.row))];
    if (quoteRows.length > 0) {
      issues.push({ file, row: 0, column: '', level: 'error', ...problem('quoteErrors', { rows: quoteRows.slice(0, QUOTE_ROWS_NAMED).map(String), isMore: quoteRows.length > QUOTE_ROWS_NAMED }) });
    }
    const findings = this.scanner!.findings();
    for (const f of findings) issues.push({ file, row: f.rows[0] ?? 0, column: f.column, level: f.level, ...personalDataMessage(f) });
    const isRefusedForPersonalData = findings.some((f) => f.level === 'error');
    const isReadable = this.missing.length === 0 && this.missingGroups.length === 0 && quoteRows.length === 0 && !isRefusedForPersonalData;
    if (!isReadable && this.isBuilding) return { result: failedTable(file, problem('refusedLate')), isRefusedLate: true };
    appendAll(issues, isReadable ? this.rowIssues : this.summaryIssues);
    if (this.blankRows > 0) issues.push({ file, row: 0, column: '', level: 'warning', ...problem('blankRowsSkipped', { count: this.blankRows }) });
    const headers = new Map([...this.located].map(([name, at]) => [name, at.header]));
    return { result: { file, records: this.records, issues, counts, encoding, headers, isReadable, rejectedKeys: this.rejectedKeys }, isRefusedLate: false };
  }
}

/** What a contract column is to the personal-data scan (privacy/cell-scan.ts `ColumnRole`). */
function columnRole(spec: ColumnSpec): ColumnRole {
  if (spec.name === 'hotline') return 'hotline';
  if (spec.name === 'village_name' || spec.name === 'town_name' || spec.name === 'category') return 'label';
  // A photo's stage (photos.csv) is one of four words, not free text: 施工前 is no one's name.
  if (spec.name === 'stage') return 'value';
  if (spec.type === 'text') return 'text';
  if (spec.type === 'code') return 'code';
  return 'value';
}

/**
 * True when the text's first character after white space is ASCII (a code, an id, a number): NFKC
 * keeps ASCII as it is, so it cannot begin 合计 or 小计 however it is squashed. Most rows of a ledger
 * begin with a code, and squashing each (NFKC, a regular expression, lower case) was a second of a
 * province's two million rows.
 */
function startsWithAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    return c < 0x80;
  }
  return false;
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

/**
 * A text the report would quote (a header, a summary row's first cell) read as free text in a public
 * build: does it hold an ID, mobile or bank card number, or a name? The report is published.
 */
function holdsPersonalData(text: string): boolean {
  return looksLikePersonName(text) || scanForPersonalData([''], [[text]], 1, { roleOf: () => 'text', isPublic: true }).length > 0;
}

/**
 * A summary row's first cell is quoted when it is the summary word alone (合计, 小计：): anything
 * longer may say whose totals they are (合计 户主王小明 …), and the report is published. Its row
 * number names the row either way.
 */
const SUMMARY_QUOTED_CHARS = 4;
function isQuotableSummary(first: string): boolean {
  return first.length <= SUMMARY_QUOTED_CHARS && !holdsPersonalData(first);
}
