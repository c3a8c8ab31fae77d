import { failure } from '../../contract/issues';
import { phrase, problem, type Problem } from '../../i18n/problems';
import { fillMerges, type WorkbookSheet } from './workbook-sheet';
import type { SheetFailure } from './xlsx-sheet';

/**
 * Old binary workbooks: Excel 97–2003 `.xls` (BIFF8 in a compound file) and WPS's `.et`, read by
 * the SheetJS parser (npm `@e965/xlsx`, the maintained 0.20.3 build republished unchanged; the
 * `xlsx` package on npm is 0.18.5, with the prototype-pollution and ReDoS advisories fixed only
 * later). Loaded when such a file is met, so neither the page nor a CSV-only build pays for it.
 *
 * Guarded like the .xlsx reader: BIFF is not compressed, so what the parser holds is bounded by the
 * file's size, which is capped below the 1 GB of any dataset file; rows, columns and cells are
 * bounded as for .xlsx; cells are walked as stored, never over the range a sheet declares (a
 * crafted `A1:IV65536` costs nothing); and whatever the parser throws becomes a located error.
 * Fuzzing (4,000 files each a few random bytes off a LibreOffice-saved .xls) found one crash, the
 * property sets (see withoutPropertySets), and one slow path left in the parser: a string length
 * in the shared-string table pointing past its record loops until the array limit, about 10 s on
 * this machine, then throws. Hence the isolate below: the CLI and the check view parse in a worker
 * that is stopped at a deadline, so that path and any like it end as a damaged file in seconds.
 */

/** A compound file (OLE2/CFB): .xls, .et, and also a password-protected .xlsx (Excel encrypts into one). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

export type XlsWorkbook = { ok: true; sheets: WorkbookSheet[] } | SheetFailure;

/** Larger than any ledger saved as .xls (Excel 97–2003 holds 65,536 rows); what the parser holds is a few times this. */
export const MAX_XLS_BYTES = 256 * 1024 * 1024;
const MAX_ROWS = 2_000_000;
const MAX_COLUMNS = 500;
const MAX_CELLS = 20_000_000;

type SheetJs = typeof import('@e965/xlsx');
let loading: Promise<SheetJs> | null = null;

/** The parser, loaded once, with the code pages (GBK for a workbook saved by an old Chinese Excel or WPS). */
function sheetJs(): Promise<SheetJs> {
  loading ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]).then(([x, cp]) => {
    x.set_cptable(cp);
    return x;
  });
  return loading;
}


/**
 * Runs `parseXlsWorkbook` somewhere it can be stopped: a worker thread (the CLI) or a nested Web
 * Worker (the check view), ended when the deadline passes. SheetJS is a large parser of an old
 * binary format; fuzzing found one input that kept it busy 10 s, and the next may loop for ever.
 * The host sets it (scripts/lib/xls-isolate.ts, src/preview/xls-isolate.ts); without one (unit
 * tests, a host that has no workers) the parse runs in place.
 */
export type XlsIsolate = (bytes: Uint8Array, deadlineMs: number) => Promise<XlsWorkbook>;

let isolate: XlsIsolate | null = null;

/** Where this host parses .xls and .et files (see XlsIsolate); null to parse in place. */
export function useXlsIsolate(run: XlsIsolate | null): void {
  isolate = run;
}

/**
 * How long the parser may take for a file of this size once it is loaded: SheetJS reads a
 * LibreOffice-saved .xls at well over 5 MB a second here, so this is several times what a real
 * workbook needs even on a loaded machine, and a few seconds for the small files a stuck parse
 * is usually found in.
 */
export function xlsDeadlineMs(bytes: number): number {
  return 4_000 + Math.ceil(bytes / 2 ** 20) * 1_000;
}

/** What a parse that ran past its deadline is told, in words for the clerk. */
export function xlsTimeout(deadlineMs: number): SheetFailure {
  return failure('xlsCorrupt', { detail: phrase('xlsStopped', { seconds: Math.ceil(deadlineMs / 1000) }) });
}

/** Every sheet of an .xls or .et workbook, or why it could not be read (in words for the clerk); in the host's isolate when it has one. */
export async function readXlsWorkbook(bytes: Uint8Array): Promise<XlsWorkbook> {
  if (bytes.length > MAX_XLS_BYTES) return tooBig(bytes);
  return isolate ? isolate(bytes, xlsDeadlineMs(bytes.length)) : parseXlsWorkbook(bytes);
}

function tooBig(bytes: Uint8Array): SheetFailure {
  return failure('xlsTooBig', { mb: Math.round(bytes.length / 2 ** 20) });
}

/** Loads the parser ahead of a parse (an isolate does, so loading it is not counted against the deadline). */
export async function loadXlsParser(): Promise<void> {
  await sheetJs();
}

/** The parse itself, in this thread (what an isolate runs). */
export async function parseXlsWorkbook(bytes: Uint8Array): Promise<XlsWorkbook> {
  if (bytes.length > MAX_XLS_BYTES) return tooBig(bytes);
  const x = await sheetJs();
  let book: ReturnType<SheetJs['read']>;
  // The parser writes to console.error for each record type it does not know (a damaged file has
  // thousands); the read is synchronous, so muting it for the call mutes nothing else.
  const consoleError = console.error;
  console.error = () => {};
  try {
    book = x.read(withoutPropertySets(bytes), { type: 'array', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellStyles: true, bookVBA: false, sheetRows: MAX_ROWS + 1 });
  } catch (e) {
    return { ok: false, ...parserProblem(e) };
  } finally {
    console.error = consoleError;
  }
  if (!isBinaryBook(book)) return failure('xlsNotWorkbook');
  const sheets: WorkbookSheet[] = [];
  let cellsLeft = MAX_CELLS;
  for (const [i, name] of book.SheetNames.entries()) {
    const sheet = book.Sheets[name];
    const hidden = book.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const data = sheet ? ((sheet as { '!data'?: unknown[] })['!data'] ?? []) : [];
    if (data.length > MAX_ROWS) return failure('sheetTooManyRows', { sheet: name, max: MAX_ROWS });
    const rows: string[][] = [];
    for (let r = 0; r < data.length; r++) {
      const cells = data[r];
      const row: string[] = [];
      if (Array.isArray(cells)) {
        const width = Math.min(cells.length, MAX_COLUMNS);
        for (let c = 0; c < width; c++) {
          const cell: unknown = cells[c];
          if (cell !== undefined) row[c] = cellText(cell);
        }
        for (let c = 0; c < row.length; c++) row[c] ??= '';
      }
      cellsLeft -= row.length + 1;
      if (cellsLeft < 0) return { ...failure('sheetTooManyCells', { sheet: name, max: MAX_CELLS, row: r + 1 }), row: r + 1 };
      rows.push(row);
    }
    const merges = sheet?.['!merges'] ?? [];
    const filled = fillMerges(rows, merges, cellsLeft);
    if (filled === null) return failure('sheetMergesTooBig', { sheet: name, max: MAX_CELLS });
    cellsLeft = filled;
    const hiddenRows: number[] = [];
    for (const [r, info] of (sheet?.['!rows'] ?? []).entries()) if (info?.hidden && r < rows.length) hiddenRows.push(r + 1);
    sheets.push({ name, isHidden: hidden !== 0, rows, hiddenRows });
  }
  return { ok: true, sheets };
}

/**
 * The compound file with its document properties (title, author…: nothing the build reads) renamed
 * out of SheetJS's sight. It parses them on every read, and a property set damaged in one byte (a
 * broken mini-stream chain) sent that parser allocating until the heap ran out; found by fuzzing.
 * Their directory entries are renamed in a copy of the bytes (\u0005 → X): rewriting the container
 * instead runs into the same damage.
 */
function withoutPropertySets(bytes: Uint8Array): Uint8Array {
  let copy: Uint8Array | null = null;
  for (const name of PROPERTY_SET_NAMES) {
    for (let at = indexOf(bytes, name, 0); at >= 0; at = indexOf(bytes, name, at + name.length)) {
      copy ??= new Uint8Array(bytes);
      copy[at] = 0x58; // X
    }
  }
  return copy ?? bytes;
}

/** The UTF-16LE directory names of the two property sets, \u0005 first. */
const PROPERTY_SET_NAMES = ['\u0005SummaryInformation', '\u0005DocumentSummaryInformation'].map((name) => {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[2 * i] = name.charCodeAt(i);
  return out;
});

/** Where `needle` first occurs in `haystack` at or after `from`, or -1 (the first byte found by indexOf, the rest compared). */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  for (let at = haystack.indexOf(needle[0]!, from); at >= 0 && at + needle.length <= haystack.length; at = haystack.indexOf(needle[0]!, at + 1)) {
    let i = 1;
    while (i < needle.length && haystack[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

/** A cell's text as the CSV of it would hold it: numbers as written (dates as Excel day numbers, which the date parser reads), TRUE/FALSE, error codes as shown. */
function cellText(cell: unknown): string {
  if (typeof cell !== 'object' || cell === null) return '';
  const { t, v, w } = cell as { t?: string; v?: unknown; w?: unknown };
  if (t === 'b') return v ? 'TRUE' : 'FALSE';
  if (t === 'e') return typeof w === 'string' ? w : '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v;
  return '';
}

function isBinaryBook(book: { SheetNames?: unknown; bookType?: unknown }): boolean {
  return Array.isArray(book.SheetNames) && book.SheetNames.length > 0;
}

/** What the parser threw, said for the clerk. */
function parserProblem(e: unknown): Problem {
  const why = e instanceof Error ? e.message : String(e);
  if (/password/i.test(why)) return problem('xlsPassword');
  if (/cannot find workbook/i.test(why)) return problem('xlsNoWorkbookStream');
  if (/unsupported|not supported/i.test(why)) return problem('xlsUnsupported', { detail: firstLine(why) });
  return problem('xlsCorrupt', { detail: firstLine(why) });
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
