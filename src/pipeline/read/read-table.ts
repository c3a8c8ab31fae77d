/** A file of the dataset read as one table of the contract: CSV text in any of its encodings, or a workbook, whole or streamed. */
import { problem } from '../../i18n/problems';
import type { TableSpec } from '../../contract/columns';
import { CsvStream } from './csv-rows';
import { ChunkDecoder, SNIFF_BYTES, decodeBytes, sniffBytes, undecodable } from './decode';
import type { RowReader } from './row-reader';
import type { TablePrivacy } from '../privacy/cell-scan';
import { TableReader, type ReadMode } from './table-reader';
import { failedTable, type RowBuild, type TableEncoding, type TableResult } from './table-result';
import type { Issue } from '../../contract/issues';
import { findTableSheet, openWorkbook } from './workbook';
import type { WorkbookSheet } from './workbook-sheet';
import { isCompoundFile } from './xls';
import { isZip, readXlsxRows } from './xlsx';

/**
 * Bytes decoded at a time. A file is read in chunks of a megabyte, but decoded and parsed in
 * pieces of at most this many characters (`PIECE_CHARS`, csv-rows.ts), so every string the read
 * makes is an ordinary young object: a megabyte of Chinese text is a 2 MB string in V8's
 * large-object space, mapped afresh each time: a province's build made 990,000 page faults with
 * megabyte pieces and 550,000 with these.
 */
const DECODE_BYTES = 32 * 1024;

const COUNTY_BUILD: TablePrivacy = { isPublic: false, allowedNames: [] };

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
export function readTable<T>(spec: TableSpec, bytes: Uint8Array, build: RowBuild<T>, file = spec.file, privacy: TablePrivacy = COUNTY_BUILD): TableResult<T> {
  const first = readRowsOnce(spec, bytes, build, file, { isRefused: false, privacy });
  return first.isRefusedLate ? readRowsOnce(spec, bytes, build, file, { isRefused: true, privacy }).result : first.result;
}

function readRowsOnce<T>(spec: TableSpec, bytes: Uint8Array, build: RowBuild<T>, file: string, mode: ReadMode): { result: TableResult<T>; isRefusedLate: boolean } {
  if (isZip(bytes)) return xlsxTable(spec, bytes, build, file, mode);
  if (isCompoundFile(bytes)) return { result: failedTable(file, problem('xlsNotHere')), isRefusedLate: false };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { result: failedTable(file, decoded), isRefusedLate: false };
  const reader = new TableReader(spec, build, file, mode);
  const csv = new CsvStream(reader.row, reader.problem);
  csv.push(decoded.text);
  csv.end();
  return reader.end(decoded.encoding);
}

function xlsxTable<T>(spec: TableSpec, bytes: Uint8Array, build: RowBuild<T>, file: string, mode: ReadMode): { result: TableResult<T>; isRefusedLate: boolean } {
  const book = readXlsxRows(bytes);
  if (!book.ok) return { result: failedTable(file, book, undefined, undefined, book.row ?? 0), isRefusedLate: false };
  return sheetRowsTable(spec, { name: book.sheet, isHidden: false, rows: book.rows, hiddenRows: book.hiddenRows ?? [] }, build, file, mode, 'xlsx');
}

/**
 * A workbook file as one table (.xlsx, .xls or .et): the sheet named for the table (村 for
 * villages.xlsx), else the first visible sheet, else the first: a hidden 说明 sheet in front is
 * not the table.
 */
async function workbookTable<T>(spec: TableSpec, bytes: Uint8Array, build: RowBuild<T>, file: string, mode: ReadMode): Promise<{ result: TableResult<T>; isRefusedLate: boolean }> {
  const book = await openWorkbook(bytes);
  if (!book.ok) return { result: failedTable(file, book, undefined, undefined, book.row ?? 0), isRefusedLate: false };
  const named = book.sheets.length > 1 ? findTableSheet(spec.file, book.sheets) : null;
  const first = named && 'name' in named ? named : (book.sheets.find((s) => !s.isHidden) ?? book.sheets[0]);
  const sheet = first ? book.read(first.name) : { ok: false as const, ...problem('workbookNoSheets') };
  if ('ok' in sheet) return { result: failedTable(file, sheet, undefined, undefined, sheet.row ?? 0), isRefusedLate: false };
  return sheetRowsTable(spec, sheet, build, file, mode, book.kind);
}

/**
 * One sheet of a workbook read as a table of the contract (as `readTable` reads a CSV); a hidden
 * sheet and hidden rows are read like the rest and reported, since the clerk may not know they are
 * there. `file` names the sheet in locations (`数据.xlsx[项目]` for a sheet of the dataset's workbook).
 */
export function readSheetTable<T>(spec: TableSpec, sheet: WorkbookSheet, build: RowBuild<T>, file: string, privacy: TablePrivacy = COUNTY_BUILD, encoding: TableEncoding = 'xlsx'): TableResult<T> {
  const first = sheetRowsTable(spec, sheet, build, file, { isRefused: false, privacy }, encoding);
  return first.isRefusedLate ? sheetRowsTable(spec, sheet, build, file, { isRefused: true, privacy }, encoding).result : first.result;
}

function sheetRowsTable<T>(spec: TableSpec, sheet: WorkbookSheet, build: RowBuild<T>, file: string, mode: ReadMode, encoding: TableEncoding): { result: TableResult<T>; isRefusedLate: boolean } {
  const reader = new TableReader(spec, build, file, mode);
  sheet.rows.forEach(reader.row);
  const read = reader.end(encoding);
  const notes: Issue[] = [];
  if (sheet.isHidden) notes.push({ file, row: 0, column: '', level: 'warning', ...problem('sheetHidden', { sheet: sheet.name }) });
  const hidden = sheet.hiddenRows.filter((r) => (sheet.rows[r - 1] ?? []).some((c) => c.trim() !== ''));
  if (hidden.length > 0) {
    notes.push({ file, row: hidden[0]!, column: '', level: 'warning', ...problem('rowsHidden', { count: hidden.length, rows: hidden.slice(0, 10).map(String) }) });
  }
  if (notes.length > 0) read.result.issues.push(...notes);
  return read;
}

/**
 * `readTable` over a file that streams in chunks: decoded and parsed as it comes, so what is held
 * is the records, never the file's text or its cells. The same result as `readTable` of all the
 * bytes. A file without a byte order mark is read as UTF-8 and, if it turns out not to be, read
 * again as GB18030; a file refused for a quote error or personal data found late is read again to
 * reject every row (as `readTable` does). A workbook is read whole.
 */
export async function readTableStream<T>(spec: TableSpec, source: ByteStream, build: RowBuild<T>, file = spec.file, privacy: TablePrivacy = COUNTY_BUILD): Promise<StreamedTable<T>> {
  const first = await streamOnce(spec, source, build, file, { isRefused: false, privacy });
  return first.isRefusedLate ? (await streamOnce(spec, source, build, file, { isRefused: true, privacy })).result : first.result;
}

async function streamOnce<T>(spec: TableSpec, source: ByteStream, build: RowBuild<T>, file: string, mode: ReadMode): Promise<{ result: StreamedTable<T>; isRefusedLate: boolean }> {
  const notEmpty = <R extends { result: TableResult<T> }>(r: R) => ({ ...r, result: { ...r.result, isEmptyText: false } });
  const head = await headOf(source);
  if (isZip(head.bytes) || isCompoundFile(head.bytes)) return notEmpty(await workbookTable(spec, await allBytes(source), build, file, mode));
  const sniffed = sniffBytes(head.bytes);
  if (!sniffed.ok) return notEmpty({ result: failedTable<T>(file, sniffed), isRefusedLate: false });
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
    chunks: for await (const chunk of source.chunks()) {
      const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip -= chunk.length - body.length;
      for (let at = 0; at < body.length; at += DECODE_BYTES) {
        const text = strictly(() => decoder.decode(body.subarray(at, at + DECODE_BYTES)));
        if (text === null) {
          isDecoded = false;
          break chunks;
        }
        take(text);
      }
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
