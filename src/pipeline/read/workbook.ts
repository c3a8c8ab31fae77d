/**
 * A workbook as the build reads it, whatever it was saved as: `.xlsx` by the hand-written reader
 * (xlsx.ts: zip limits, a linear XML scan), `.xls` and WPS `.et` by SheetJS (xls.ts, loaded when
 * met). Either way: its sheets by name, each as rows of text with its hidden rows named. And the
 * one workbook of a dataset (数据.xlsx), whose sheets 村 / 项目 / 进度 / 户 stand in for the four CSVs.
 */
import { failure } from '../../contract/issues';
import type { WorkbookSheet } from './workbook-sheet';
import { isCompoundFile, readXlsWorkbook } from './xls';
import { isZip, openXlsxBook } from './xlsx';
import type { SheetFailure } from './xlsx-sheet';

export type WorkbookKind = 'xlsx' | 'xls';

/** A workbook's sheets in tab order; `read` gives one sheet's rows (an .xlsx sheet is unzipped only then). */
export type Workbook = { ok: true; kind: WorkbookKind; sheets: { name: string; isHidden: boolean }[]; read(name: string): WorkbookSheet | SheetFailure } | SheetFailure;

/** True when the bytes are a workbook the build reads (.xlsx, .xls, .et), by their first bytes, not the file's name. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return isZip(bytes) || isCompoundFile(bytes);
}

/** The workbook in these bytes, or why it cannot be read. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  if (isZip(bytes)) {
    const book = openXlsxBook(bytes);
    if (!book.ok) return book;
    return {
      ok: true,
      kind: 'xlsx',
      sheets: book.sheets,
      read(name) {
        const rows = book.read(name);
        if (!rows.ok) return rows;
        return { name, isHidden: book.sheets.find((s) => s.name === name)?.isHidden ?? false, rows: rows.rows, hiddenRows: rows.hiddenRows ?? [] };
      },
    };
  }
  if (isCompoundFile(bytes)) {
    const book = await readXlsWorkbook(bytes);
    if (!book.ok) return book;
    return {
      ok: true,
      kind: 'xls',
      sheets: book.sheets.map(({ name, isHidden }) => ({ name, isHidden })),
      read: (name) => book.sheets.find((s) => s.name === name) ?? failure('workbookNoSheet', { sheet: name }),
    };
  }
  return failure('notAWorkbook');
}

/** The names the one workbook of a dataset may give each table's sheet (compared without spaces or case). */
export const TABLE_SHEETS: Readonly<Record<string, readonly string[]>> = {
  'villages.csv': ['村', 'villages', '村表', '行政村'],
  'projects.csv': ['项目', 'projects', '项目台账', '项目库'],
  'progress.csv': ['进度', 'progress', '月度进度', '月报'],
  'households.csv': ['户', 'households', '农户', '户表'],
};

/** The first sheet of a copy written by `data:check --annotate`, listing the problems: its mark, so a copy left in the folder is not taken for the data. */
export const PROBLEMS_SHEET = '问题清单';

/** The files that, in a dataset folder, are the one workbook of the whole dataset (the first found is read). */
export const DATASET_WORKBOOKS = ['数据.xlsx', '数据.xls', '数据.et', 'data.xlsx', 'data.xls', 'data.et'] as const;

/** How a table's sheet is named in a location: `数据.xlsx[项目]`. */
export function sheetFile(workbookFile: string, sheet: string): string {
  return `${workbookFile}[${sheet}]`;
}

/** The workbook file and sheet a location names (`数据.xlsx[项目]`), or null for a plain file. */
export function parseSheetFile(file: string): { workbook: string; sheet: string } | null {
  const m = /^(.+\.(?:xlsx|xls|et))\[(.+)\]$/i.exec(file);
  return m ? { workbook: m[1]!, sheet: m[2]! } : null;
}

const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The sheet of this table (by TABLE_SHEETS), else the closest other name to suggest, if any is close. */
export function findTableSheet(table: string, sheets: readonly { name: string }[]): { name: string } | { closest: string | null } {
  const names = TABLE_SHEETS[table] ?? [];
  const wanted = new Set(names.map(squash));
  const found = sheets.find((s) => wanted.has(squash(s.name)));
  if (found) return { name: found.name };
  const taken = new Set(Object.values(TABLE_SHEETS).flat().map(squash));
  let closest: string | null = null;
  let best = Infinity;
  for (const s of sheets) {
    if (taken.has(squash(s.name))) continue;
    for (const n of names) {
      const a = squash(s.name);
      const d = a.includes(squash(n)) ? 0.5 : editDistance(a, squash(n));
      if (d < best && d <= Math.max(1, Math.floor(n.length / 2))) [best, closest] = [d, s.name];
    }
  }
  return { closest };
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
