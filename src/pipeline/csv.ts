import Papa from 'papaparse';
import type { IssueLevel } from '../contract/issues';

/** A problem the CSV tokenizer found, at a spreadsheet row (1-based). */
export interface CsvProblem {
  row: number;
  level: IssueLevel;
  message: string;
  /** True for a quote error: the rows from here on may have been read into one cell. */
  isQuoteError: boolean;
}

export interface CsvRows {
  /** Cells per row; trailing blank rows removed. */
  rows: string[][];
  problems: CsvProblem[];
}

/** Papa's error codes in plain words for a clerk; none quotes a cell (the file may be private). */
const PLAIN: Record<string, string> = {
  InvalidQuotes:
    'a quote (") inside a cell that is not wrapped in quotes; a cell that begins with a quote must end with one, so the rows after it may have been read into this cell: wrap the whole cell in quotes and write each quote inside it twice (""), or use Chinese quotes “ ”',
  MissingQuotes:
    'a cell opens a quote (") that is never closed, so the rest of the file was read into this cell: close the quote, or write a quote inside a cell twice ("")',
  UndetectableDelimiter: 'could not tell which character separates the columns (comma, tab or semicolon); read as comma-separated',
  TooFewFields: 'this row has fewer cells than the header',
  TooManyFields: 'this row has more cells than the header',
};

/**
 * Splits CSV text into rows of cells (comma, tab or semicolon, detected), translating every
 * tokenizer error into a located problem. Papa reports a record index; a record is one
 * spreadsheet row even when a quoted cell spans lines, so the row is index + 1.
 */
export function parseCsv(text: string): CsvRows {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, header: false });
  const rows = parsed.data;
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  for (const e of parsed.errors) {
    const row = e.row === undefined ? 0 : e.row + 1;
    // One swallowing quote makes Papa repeat the same error for every quote after it, all at one row.
    const id = `${row} ${e.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const isQuoteError = e.type === 'Quotes';
    problems.push({ row, level: isQuoteError ? 'error' : 'warning', message: PLAIN[e.code] ?? e.message, isQuoteError });
  }
  return { rows, problems };
}
