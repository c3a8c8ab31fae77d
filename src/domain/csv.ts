/** Writing CSV (RFC 4180) for downloads that open right in Excel and WPS. */

/** A cell: text as is, a number as plain text, null as an empty cell. */
export type CsvCell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** A signed number written as text (+2.3, -4.1%): a spreadsheet reads it as a number, nothing runs. */
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?%?$/;

/**
 * One cell: quoted (quotes doubled) when it holds a comma, a quote, CR or LF; non-finite numbers are
 * empty. Text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP's advice),
 * so a project named `=HYPERLINK(…)` opens as those characters; numbers (and signed numbers written as
 * text) are written as they are. The one formula guard: every CSV the site writes passes here.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (cell === '') return cell;
  // Tested by its first character code, not a regular expression: open data writes millions of cells.
  const text = isFormulaStart(cell.charCodeAt(0)) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** = + - @ tab CR: what makes a spreadsheet run a cell as a formula (CSV injection). */
function isFormulaStart(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** One row: its cells comma separated, CRLF after it (RFC 4180). */
export function csvLine(row: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i === 0 ? csvCell(row[i]!) : `,${csvCell(row[i]!)}`;
  return `${line}\r\n`;
}

/** Rows as CSV text: comma separated, CRLF after every row (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map(csvLine).join('');
}

/** The byte order mark (U+FEFF) that makes Excel and WPS read a CSV as UTF-8 rather than GBK. */
export const BOM = '\uFEFF';

/** The text with a BOM in front (once: text that has one is returned as is). */
export function withBom(text: string): string {
  return text.startsWith(BOM) ? text : BOM + text;
}
