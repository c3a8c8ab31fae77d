import { failure, type Failure } from '../../contract/issues';
import { phrase, type ProblemRef } from '../../i18n/problems';
import { fillMerges, parseRange, type MergedRange } from './workbook-sheet';
import { InvalidReference, XmlScanner, decodeXmlText } from './xml-scan';

/**
 * A worksheet's cells and the workbook's shared strings, from their XML, in one linear pass each
 * (see `xml-scan.ts`): rows of text as a CSV would give them. Bounded in rows, columns and cells;
 * broken XML and character references to no character are errors naming the spreadsheet row.
 */

/** A sheet's rows, or why they could not be read; `row` is the spreadsheet row a problem is in, when it is in one (also said in `message`). */
/** `hiddenRows`: the spreadsheet rows hidden in the sheet, when there are any. */
export type SheetRows = { ok: true; rows: string[][]; sheet: string; hiddenRows?: number[] } | SheetFailure;
export type SheetFailure = Failure & { row?: number };
/** A shared string, or the bad reference in it (an error only if a cell uses it, so the error can name that cell's row). */
export type SharedString = string | InvalidReference;

/** Most rows and columns read from a sheet: a county ledger is far smaller; a sheet this big is a mistake. */
const MAX_ROWS = 2_000_000;
const MAX_COLUMNS = 500;
/** Most cells (blank ones between cells and rows included) held for a sheet, so a small sheet of far-apart cells cannot fill the memory. */
const MAX_CELLS = 20_000_000;
/** Most merged ranges read from a sheet (a ledger merges a few hundred, e.g. a town's name over its villages). */
const MAX_MERGES = 100_000;

/**
 * The shared strings table: each <si>'s text runs joined (rich text keeps its characters, not its
 * styles; phonetic runs, <rPh>, left out). A string with a bad character reference is kept as
 * that reference, so the error can name the first row that uses it.
 */
export function readSharedStrings(xml: string): SharedString[] | SheetFailure {
  const strings: SharedString[] = [];
  const scan = new XmlScanner(xml);
  let current: SharedString | null = null;
  let isInText = false;
  let phoneticDepth = 0;
  const damaged = (why: ProblemRef): SheetFailure => failure('sharedStringsDamaged', { index: strings.length + 1, why });
  while (scan.next()) {
    if (scan.kind === 'open') {
      if (scan.name === 'si') {
        if (current !== null) return damaged(phrase('siNoClose'));
        if (scan.isSelfClosing) strings.push('');
        else current = '';
      } else if (scan.name === 't' && !scan.isSelfClosing) isInText = true;
      else if (scan.name === 'rPh' && !scan.isSelfClosing) phoneticDepth++;
    } else if (scan.kind === 'close') {
      if (scan.name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      } else if (scan.name === 't') isInText = false;
      else if (scan.name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
    } else if (typeof current === 'string' && isInText && phoneticDepth === 0) {
      const piece = textPiece(scan);
      current = typeof piece === 'string' ? current + piece : piece;
    }
  }
  if (scan.problem) return damaged(scan.problem);
  if (current !== null) return damaged(phrase('siEndsEarly'));
  return strings;
}

/**
 * The sheet's <row>s and their <c>ells, in one pass. A row or cell left open, or XML that breaks
 * off, is an error naming the row; so is a character reference to no character.
 */
export function readSheet(xml: string, sheet: string, shared: readonly SharedString[]): SheetRows {
  const rows: string[][] = [];
  const scan = new XmlScanner(xml);
  let cellsLeft = MAX_CELLS;
  let row: string[] | null = null;
  let rowNumber = 0;
  let isInCell = false;
  let column = 0;
  let type: string | null = null;
  let value: string | null = null;
  let isInValue = false;
  let inline = '';
  let isInText = false;
  let phoneticDepth = 0;
  const hiddenRows: number[] = [];
  const merges: MergedRange[] = [];
  const fail = (why: Failure): SheetFailure => (rowNumber > 0 ? { ...why, row: rowNumber } : why);
  const badReference = (reference: string, isInSharedString = false): SheetFailure => fail(failure('sheetBadReference', { sheet, reference, row: rowNumber, isInSharedString }));

  const endCell = (cells: string[]): SheetFailure | null => {
    isInCell = isInValue = isInText = false;
    phoneticDepth = 0;
    if (column >= MAX_COLUMNS) return null;
    cellsLeft -= Math.max(0, column + 1 - cells.length);
    if (cellsLeft < 0) return fail(failure('sheetTooManyCells', { sheet, max: MAX_CELLS, row: rowNumber }));
    while (cells.length < column) cells.push('');
    if (type === 'inlineStr') cells[column] = inline;
    else if (value === null) cells[column] = '';
    else if (type === 's') {
      const text = shared[Number(value)] ?? '';
      if (text instanceof InvalidReference) return badReference(text.reference, true);
      cells[column] = text;
    } else if (type === 'b') cells[column] = value === '1' ? 'TRUE' : 'FALSE';
    else cells[column] = value;
    return null;
  };

  while (scan.next()) {
    if (scan.kind === 'open') {
      if (scan.name === 'row') {
        if (row) return fail(failure('sheetRowNoClose', { sheet, row: rowNumber }));
        const r = scan.attribute('r');
        rowNumber = r === null ? rows.length + 1 : Number(r);
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS) {
          rowNumber = 0;
          return fail(failure('sheetRowBeyond', { sheet, max: MAX_ROWS }));
        }
        if (rows.length >= MAX_ROWS) return fail(failure('sheetTooManyRows', { sheet, max: MAX_ROWS }));
        // Each row held counts as a cell, blank rows before it included.
        cellsLeft -= Math.max(0, rowNumber - 1 - rows.length) + 1;
        if (cellsLeft < 0) return fail(failure('sheetTooManyCells', { sheet, max: MAX_CELLS, row: rowNumber }));
        while (rows.length < rowNumber - 1) rows.push([]);
        const hidden = scan.attribute('hidden');
        if (hidden === '1' || hidden === 'true') hiddenRows.push(rowNumber);
        if (scan.isSelfClosing) rows.push([]);
        else row = [];
      } else if (scan.name === 'mergeCell' && !row) {
        const range = parseRange(scan.attribute('ref') ?? '');
        if (merges.length >= MAX_MERGES) return fail(failure('sheetTooManyMerges', { sheet, max: MAX_MERGES }));
        if (range) merges.push(range);
      } else if (scan.name === 'c' && row) {
        if (isInCell) return fail(failure('sheetCellNoCloseBeforeNext', { sheet, row: rowNumber }));
        column = columnIndex(scan.attribute('r')) ?? row.length;
        type = scan.attribute('t');
        value = null;
        inline = '';
        if (scan.isSelfClosing) {
          const problem = endCell(row);
          if (problem) return problem;
        } else isInCell = true;
      } else if (isInCell && !scan.isSelfClosing) {
        if (scan.name === 'v' && value === null) {
          value = '';
          isInValue = true;
        } else if (scan.name === 't') isInText = true;
        else if (scan.name === 'rPh') phoneticDepth++;
      } else if (isInCell && scan.name === 'v' && value === null) value = '';
    } else if (scan.kind === 'close') {
      if (scan.name === 'row' && row) {
        if (isInCell) return fail(failure('sheetCellNoClose', { sheet, row: rowNumber }));
        rows.push(row);
        row = null;
      } else if (scan.name === 'c' && row && isInCell) {
        const problem = endCell(row);
        if (problem) return problem;
      } else if (scan.name === 'v') isInValue = false;
      else if (scan.name === 't') isInText = false;
      else if (scan.name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
    } else if (isInValue || (isInText && phoneticDepth === 0 && type === 'inlineStr')) {
      const piece = textPiece(scan);
      if (piece instanceof InvalidReference) return badReference(piece.reference);
      if (isInValue) value += piece;
      else inline += piece;
    }
  }
  if (scan.problem) return fail(failure('sheetDamagedAt', { sheet, isInRow: row !== null, row: rowNumber, why: scan.problem }));
  if (row) return fail(failure('sheetEndsInRow', { sheet, row: rowNumber }));
  if (fillMerges(rows, merges, cellsLeft) === null) return failure('sheetMergesTooBig', { sheet, max: MAX_CELLS });
  return hiddenRows.length > 0 ? { ok: true, rows, sheet, hiddenRows } : { ok: true, rows, sheet };
}

/** A text or CDATA token's characters: references resolved (text only), then Excel's _xHHHH_ escapes. */
function textPiece(scan: XmlScanner): string | InvalidReference {
  const decoded = scan.kind === 'cdata' ? scan.text() : decodeXmlText(scan.text());
  return typeof decoded === 'string' ? unescapeExcel(decoded) : decoded;
}

/** Excel writes characters XML cannot hold as `_x0007_`; `_x005F_` is a literal underscore. */
export function unescapeExcel(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    if (s.charCodeAt(at + 6) === 95 /* _ */ && /^[0-9A-Fa-f]{4}$/.test(s.slice(at + 2, at + 6))) {
      out += s.slice(copied, at) + String.fromCharCode(Number.parseInt(s.slice(at + 2, at + 6), 16));
      copied = at + 7;
      at = s.indexOf('_x', copied);
    } else at = s.indexOf('_x', at + 1);
  }
  return out + s.slice(copied);
}

/** `C12` → 2 (zero-based column), or null. */
function columnIndex(ref: string | null): number | null {
  if (!ref) return null;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  if (i === 0) return null;
  for (let j = i; j < ref.length; j++) if (ref.charCodeAt(j) < 48 || ref.charCodeAt(j) > 57) return null;
  return n - 1;
}
