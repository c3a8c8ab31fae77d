/** Writing CSV (RFC 4180) for downloads that open right in Excel and WPS. */

/** A cell: text as is, a number as plain text, null as an empty cell. */
export type CsvCell = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: quoted (quotes doubled) when it holds a comma, a quote, CR or LF; non-finite numbers are empty. */
function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text: comma separated, CRLF after every row (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(cellText).join(',')}\r\n`).join('');
}

/** The byte order mark (U+FEFF) that makes Excel and WPS read a CSV as UTF-8 rather than GBK. */
export const BOM = '\uFEFF';

/** The text with a BOM in front (once: text that has one is returned as is). */
export function withBom(text: string): string {
  return text.startsWith(BOM) ? text : BOM + text;
}
