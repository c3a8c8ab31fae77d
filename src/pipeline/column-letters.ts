/** A spreadsheet's letters for a 0-based column (A … Z, AA …), as Excel and WPS name it. */
export function columnLetters(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : columnLetters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}
