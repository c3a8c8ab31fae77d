/**
 * How a village notice's project rows fall onto A4 sheets: pure, from the rows' measured heights.
 * The first sheet carries the notice's head (title, map, QR code) above its rows, the others a
 * short running head; the last carries the closing block (totals, goals, hotlines, posting period,
 * signature and stamp) below its rows. Rows are never split.
 */

/** The room for rows on a sheet, in any one unit (the view measures in CSS pixels). */
export interface SheetSpace {
  /** Below the head on the first sheet. */
  first: number;
  /** Below the running head on every later sheet. */
  next: number;
  /** What the closing block takes on the last sheet. */
  closing: number;
}

/**
 * The rows of each sheet, as indexes: filled in order, a row that does not fit opens the next sheet
 * (a row taller than a whole sheet gets one of its own); the closing block goes under the last
 * rows, or, when it does not fit there, onto one more sheet that takes the last row with it (so no
 * sheet holds only a signature) when that row's sheet keeps another. Always at least one sheet.
 */
export function pageRows(heights: readonly number[], space: SheetSpace): number[][] {
  const pages: number[][] = [[]];
  let room = space.first;
  heights.forEach((height, i) => {
    const page = pages[pages.length - 1]!;
    if (height > room && page.length > 0) {
      pages.push([i]);
      room = space.next - height;
    } else {
      page.push(i);
      room -= height;
    }
  });
  if (room >= space.closing) return pages;
  const last = pages[pages.length - 1]!;
  const carried = last.length > 1 ? [last.pop()!] : [];
  pages.push(carried);
  return pages;
}

/** The page line of a sheet ("第 2 页 共 3 页"): none when the notice is one sheet. */
export function pageNumbers(pageCount: number): ({ page: number; of: number } | null)[] {
  return Array.from({ length: pageCount }, (_, i) => (pageCount > 1 ? { page: i + 1, of: pageCount } : null));
}
