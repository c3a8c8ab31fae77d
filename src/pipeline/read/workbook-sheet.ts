/** A sheet of a workbook (.xlsx, .xls, .et) as the build reads it: rows of text, which rows are hidden, merged ranges filled. */

/** One sheet of a workbook as rows of text, as a CSV would give them. */
export interface WorkbookSheet {
  name: string;
  /** Hidden or very hidden in the workbook (its tab not shown). */
  isHidden: boolean;
  /** Row i is spreadsheet row i + 1; a merged range's cells all carry its top-left cell's text. */
  rows: string[][];
  /** Spreadsheet rows (1-based) hidden in the sheet: read like any other, and reported. */
  hiddenRows: number[];
}

/** A merged range, zero-based and inclusive: `s` its top-left cell, `e` its bottom-right. */
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** Past these, a merged range is cut: no table of the contract is this wide or long. */
const MAX_MERGE_ROWS = 2_000_000;
const MAX_MERGE_COLUMNS = 500;

/**
 * Every blank cell of a merged range given its top-left cell's text, as a clerk reads it (a header
 * merged over two header rows names both; a 乡镇名称 merged over its villages' rows names each).
 * Returns the cells left of `cellsLeft`, or null past it (a crafted range over a million rows).
 */
export function fillMerges(rows: string[][], merges: readonly MergedRange[], cellsLeft: number): number | null {
  for (const m of merges) {
    const top = Math.max(0, m.s.r);
    const left = Math.max(0, m.s.c);
    const bottom = Math.min(m.e.r, MAX_MERGE_ROWS - 1);
    const right = Math.min(m.e.c, MAX_MERGE_COLUMNS - 1);
    if (bottom < top || right < left) continue;
    const text = rows[top]?.[left] ?? '';
    if (text === '') continue;
    cellsLeft -= (bottom - top + 1) * (right - left + 1);
    if (cellsLeft < 0) return null;
    while (rows.length <= bottom) rows.push([]);
    for (let r = top; r <= bottom; r++) {
      const row = rows[r]!;
      while (row.length <= right) row.push('');
      for (let c = left; c <= right; c++) if (row[c] === '') row[c] = text;
    }
  }
  return cellsLeft;
}

/** `A1:D3` → its range (zero-based), or null. */
export function parseRange(ref: string): MergedRange | null {
  const m = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref.replaceAll('$', '').toUpperCase());
  if (!m) return null;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { s: { r: Number(m[2]) - 1, c: col(m[1]!) }, e: { r: Number(m[4]) - 1, c: col(m[3]!) } };
}
