/**
 * Workbooks made from CSV tables for the tests, by the SheetJS writer (the build's .xls reader is
 * SheetJS's parser, its .xlsx reader the hand-written one): `.xls` (BIFF8) and `.xlsx`, one sheet
 * per table. Cells are typed as a clerk's would be: short plain numbers as numbers, codes and
 * numbers with leading zeros as text, ISO dates as Excel dates; anything else as text.
 */
import * as XLSX from '@e965/xlsx';
import { parseCsv } from '../../src/pipeline/read/csv-rows';
import { decodeBytes } from '../../src/pipeline/read/decode';

export type BookType = 'xls' | 'xlsx';

/** A CSV file's rows of text, whatever its encoding. */
export function csvRows(bytes: Uint8Array): string[][] {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.message);
  return parseCsv(decoded.text).rows;
}

/** A cell as a clerk's spreadsheet would hold it. */
function typedCell(text: string): XLSX.CellObject {
  if (/^-?(0|[1-9]\d{0,7})(\.\d+)?$/.test(text) && !/^-?0\d/.test(text)) return { t: 'n', v: Number(text) };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return { t: 'n', v: Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569, z: 'yyyy-mm-dd' };
  return { t: 's', v: text };
}

/** A sheet of these rows, cells typed (see above), or all text with `asText`. */
export function sheetOf(rows: readonly (readonly string[])[], asText = false): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([[]]);
  let width = 0;
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === '') return;
      ws[XLSX.utils.encode_cell({ r, c })] = asText ? { t: 's', v: text } : typedCell(text);
      width = Math.max(width, c + 1);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: Math.max(0, width - 1) } });
  return ws;
}

/** A workbook of these sheets in order, as the bytes of the file. */
export function workbookBytes(sheets: readonly { name: string; sheet: XLSX.WorkSheet; isHidden?: boolean }[], bookType: BookType): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, s.sheet, s.name);
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.isHidden ? 1 : 0 })) };
  const out = XLSX.write(wb, { type: 'array', bookType: bookType === 'xls' ? 'biff8' : 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** CSV tables as one workbook: sheet name → the CSV's bytes. */
export function workbookOfCsv(tables: Readonly<Record<string, Uint8Array>>, bookType: BookType): Uint8Array {
  return workbookBytes(Object.entries(tables).map(([name, bytes]) => ({ name, sheet: sheetOf(csvRows(bytes)) })), bookType);
}
