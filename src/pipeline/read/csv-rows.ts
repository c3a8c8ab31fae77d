import { problem, type Problem } from '../../i18n/problems';
import Papa from 'papaparse';
import type { IssueLevel } from '../../contract/issues';

/** A problem the CSV tokenizer found, at a spreadsheet row (1-based). */
export interface CsvProblem extends Problem {
  row: number;
  level: IssueLevel;
  /** True for a quote error: the rows from here on may have been read into one cell. */
  isQuoteError: boolean;
}

export interface CsvRows {
  /** Cells per row; trailing blank rows removed. */
  rows: string[][];
  problems: CsvProblem[];
}

/** Papa's error codes in plain words for a clerk; none quotes a cell (the file may be private). */
const PLAIN: Readonly<Record<string, 'csvInvalidQuotes' | 'csvMissingQuotes' | 'csvUndetectableDelimiter' | 'csvTooFewFields' | 'csvTooManyFields'>> = {
  InvalidQuotes: 'csvInvalidQuotes',
  MissingQuotes: 'csvMissingQuotes',
  UndetectableDelimiter: 'csvUndetectableDelimiter',
  TooFewFields: 'csvTooFewFields',
  TooManyFields: 'csvTooManyFields',
};

/**
 * Splits CSV text into rows of cells (comma, tab or semicolon, detected), translating every
 * tokenizer error into a located problem. Papa reports a record index; a record is one
 * spreadsheet row even when a quoted cell spans lines, so the row is index + 1.
 */
export function parseCsv(text: string): CsvRows {
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  const csv = new CsvStream((cells) => rows.push(cells), (p) => problems.push(p));
  csv.push(text);
  csv.end();
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  return { rows, problems };
}

/** Papa guesses the line break from the first megabyte of text and the separator from the first ten rows. */
const GUESS_CHARS = 1024 * 1024;
/**
 * After the first megabyte, text is parsed in pieces of about this many characters: small enough
 * that a piece, the carried rest joined to it, and its cells are young objects (read-table.ts,
 * DECODE_BYTES), not large strings mapped afresh for each piece.
 */
const PIECE_CHARS = 32 * 1024;

interface PapaError {
  type: string;
  code: string;
  message: string;
  row?: number;
}
interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number; delimiter: string };
}
interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
}
interface PapaInternals {
  Parser: new (config: { delimiter: string; newline: string; quoteChar: string }) => PapaParser;
  ParserHandle: new (config: object) => { guessLineEndings(input: string, quoteChar: string): string };
}

/**
 * CSV text in pieces, as it is decoded, to rows of cells with exactly what `Papa.parse(text)`
 * of the whole text gives: the line break and the separator are guessed as Papa guesses them
 * (from the first megabyte), then the text is cut after the last complete row of each piece and
 * the rest carried into the next, as Papa's own streaming does. Rows and problems are handed
 * over as they are found, so a million-row ledger is never held as text or as cells at once.
 * Problems are deduplicated per row and kind as `parseCsv` always has.
 */
export class CsvStream {
  private pending: string[] = [];
  private pendingChars = 0;
  /** Text after the last complete row, carried into the next piece. */
  private carry = '';
  /** Size of the carried text when the last parse found no complete row in it (a quote that never closes): wait for twice as much before trying again. */
  private stalled = 0;
  private parser: PapaParser | null = null;
  private undetectable = false;
  private rowIndex = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly onRow: (cells: string[], index: number) => void,
    private readonly onProblem: (p: CsvProblem) => void,
    /** Characters parsed at a time after the first megabyte (smaller in tests, to cut rows and cells at every place). */
    private readonly pieceChars = PIECE_CHARS,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.pending.push(text);
    this.pendingChars += text.length;
    const need = this.parser === null ? GUESS_CHARS : this.pieceChars;
    if (this.pendingChars >= need) this.parse(false);
  }

  end(): void {
    this.parse(true);
    if (this.undetectable) this.problem(undefined, 'Delimiter', 'UndetectableDelimiter', '');
  }

  private parse(isLast: boolean): void {
    const piece = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    const input = this.carry === '' ? piece : this.carry + piece;
    this.carry = '';
    if (input === '') {
      // Text that ends with a line break ends with an empty row, as Papa reads the whole text.
      if (isLast && this.parser !== null) this.onRow([''], this.rowIndex++);
      return;
    }
    if (this.parser === null) this.parser = this.start(input);
    if (!isLast && this.stalled > 0 && input.length < 2 * this.stalled) {
      this.carry = input;
      return;
    }
    const result = this.parser.parse(input, 0, !isLast);
    const complete = result.data.length;
    for (const e of result.errors) {
      // An error in the unfinished last row is found again when the row is complete.
      if (!isLast && e.row !== undefined && e.row >= complete) continue;
      this.problem(e.row === undefined ? undefined : this.rowIndex + e.row, e.type, e.code, e.message);
    }
    for (let i = 0; i < complete; i++) this.onRow(result.data[i]!, this.rowIndex + i);
    this.rowIndex += complete;
    if (!isLast) {
      this.carry = input.slice(result.meta.cursor);
      this.stalled = complete === 0 ? input.length : 0;
    }
  }

  /** The parser for the rest of the text, from the line break and separator Papa guesses from its start. */
  private start(input: string): PapaParser {
    const papa = Papa as unknown as PapaInternals;
    const newline = new papa.ParserHandle({}).guessLineEndings(input, '"');
    // Papa.parse guesses the separator from the first rows only (a preview), so the start of the text gives the same guess.
    const guess = Papa.parse<string[]>(input, { newline: newline as '\n', preview: 10, header: false, skipEmptyLines: false });
    this.undetectable = guess.errors.some((e) => e.code === 'UndetectableDelimiter');
    return new papa.Parser({ delimiter: guess.meta.delimiter, newline, quoteChar: '"' });
  }

  private problem(index: number | undefined, type: string, code: string, message: string): void {
    const row = index === undefined ? 0 : index + 1;
    // One swallowing quote makes Papa repeat the same error for every quote after it, all at one row.
    const id = `${row} ${code}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const isQuoteError = type === 'Quotes';
    const plain = PLAIN[code];
    this.onProblem({ row, level: isQuoteError ? 'error' : 'warning', ...(plain ? problem(plain) : problem('csvOther', { detail: message })), isQuoteError });
  }
}
