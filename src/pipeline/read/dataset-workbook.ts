/**
 * The one workbook of a dataset (数据.xlsx, .xls or .et): its sheets 村 / 项目 / 进度 / 户 (or the
 * English table names) stand in for villages.csv, projects.csv, progress.csv and households.csv.
 * A table's own file, when there is one, is read instead of its sheet (and the sheet named as unread).
 */
import { problem, problemOf, refOf, type ProblemRef } from '../../i18n/problems';
import type { TableSpec } from '../../contract/columns';
import type { Issue } from '../../contract/issues';
import type { TablePrivacy } from '../privacy/cell-scan';
import { readSheetTable } from './read-table';
import type { RowReader } from './row-reader';
import type { RowBuild, TableResult } from './table-result';
import { DATASET_WORKBOOKS, PROBLEMS_SHEET, TABLE_SHEETS, findTableSheet, openWorkbook, sheetFile, type Workbook } from './workbook';

/** The dataset's workbook as found: its file and its sheets. */
export interface DatasetWorkbook {
  file: string;
  book: Workbook & { ok: true };
}

/**
 * The dataset's workbook, opened: the first of DATASET_WORKBOOKS that `load` finds, else the first
 * other workbook among `names` (the folder's files, when the source can list them) with a sheet named
 * for a table (村, 项目…). Null when there is none or the named one cannot be read (then an error
 * naming it is in `issues`); other workbooks that were passed over are named in warnings.
 */
export async function findDatasetWorkbook(load: (path: string) => Promise<Uint8Array | null>, issues: Issue[], names: readonly string[] = []): Promise<DatasetWorkbook | null> {
  for (const file of DATASET_WORKBOOKS) {
    const bytes = await load(file);
    if (!bytes) continue;
    const book = await openWorkbook(bytes);
    if (!book.ok) {
      issues.push({ file, row: book.row ?? 0, column: '', level: 'error', ...problemOf(book) });
      return null;
    }
    return { file, book };
  }
  let found: DatasetWorkbook | null = null;
  for (const file of otherWorkbooks(names)) {
    const bytes = await load(file);
    if (!bytes) continue;
    const book = await openWorkbook(bytes);
    if (!book.ok) {
      issues.push({ file, row: 0, column: '', level: 'warning', ...problem('datasetBookUnreadable', { why: refOf(book) }) });
      continue;
    }
    const tables = Object.keys(TABLE_SHEETS).filter((table) => 'name' in findTableSheet(table, book.sheets));
    if (book.sheets.some((s) => s.name === PROBLEMS_SHEET)) {
      issues.push({ file, row: 0, column: '', level: 'warning', ...problem('datasetBookMarked', { sheet: PROBLEMS_SHEET, rename: `数据${file.slice(file.lastIndexOf('.'))}` }) });
    } else if (tables.length === 0) {
      issues.push({ file, row: 0, column: '', level: 'warning', ...problem('datasetBookNoTableSheets', { names: Object.values(TABLE_SHEETS).map((n) => n[0] ?? ''), sheets: book.sheets.map((s) => s.name) }) });
    } else if (found) {
      issues.push({ file, row: 0, column: '', level: 'warning', ...problem('datasetBookSecond', { read: found.file }) });
    } else {
      found = { file, book };
    }
  }
  return found;
}

/** The workbooks among a folder's files that may hold the dataset: not a table's own file (villages.xlsx), nor the lock file Excel or WPS leaves beside an open one (~$数据.xlsx, .~数据.xlsx). */
export function otherWorkbooks(names: readonly string[]): string[] {
  const tableFiles = new Set(Object.keys(TABLE_SHEETS).flatMap((csv) => ['.xlsx', '.xls', '.et'].map((ext) => csv.replace(/\.csv$/, ext))));
  const fixed = new Set<string>(DATASET_WORKBOOKS);
  return names
    .filter((n) => /\.(xlsx|xls|et)$/i.test(n) && !n.includes('/') && !n.startsWith('~$') && !n.startsWith('.~') && !tableFiles.has(n.toLowerCase()) && !fixed.has(n))
    .sort();
}

/** A table read from its sheet of the dataset's workbook, or null (with an issue) when the sheet is missing, empty or unreadable. */
export function datasetSheetTable<T>(
  dataset: DatasetWorkbook,
  table: string,
  kind: { spec: TableSpec; build: RowBuild<T> },
  privacy: TablePrivacy,
  ifAbsent: { isRequired: boolean; consequence?: ProblemRef },
  issues: Issue[],
): TableResult<T> | null {
  const { file, book } = dataset;
  const names = TABLE_SHEETS[table] ?? [];
  const wanted = names[0] ?? table;
  const found = findTableSheet(table, book.sheets);
  if (!('name' in found)) {
    const missing = { wanted, aliases: names.slice(1), table, closest: found.closest ?? '', sheets: book.sheets.map((s) => s.name) };
    if (ifAbsent.isRequired) issues.push({ file, row: 0, column: '', level: 'error', ...problem('datasetSheetMissing', { ...missing, consequence: '' }) });
    else issues.push({ file, row: 0, column: '', level: 'warning', ...problem('datasetSheetMissing', { ...missing, consequence: ifAbsent.consequence ?? '' }) });
    return null;
  }
  const where = sheetFile(file, found.name);
  const sheet = book.read(found.name);
  if ('ok' in sheet) {
    issues.push({ file: where, row: sheet.row ?? 0, column: '', level: 'error', ...problemOf(sheet) });
    return null;
  }
  if (sheet.rows.every((r) => r.every((c) => c.trim() === ''))) {
    const level = ifAbsent.isRequired ? 'error' : 'warning';
    issues.push({ file: where, row: 0, column: '', level, ...problem('sheetEmpty', { sheet: found.name, consequence: (!ifAbsent.isRequired && ifAbsent.consequence) || '' }) });
    return null;
  }
  const result = readSheetTable(kind.spec, sheet, kind.build, where, privacy, book.kind);
  for (const issue of result.issues) issues.push(issue);
  return result;
}

/** A warning when a table's own file and its sheet of the dataset's workbook are both there: the file is read. */
export function unreadSheet(dataset: DatasetWorkbook, table: string, readFile: string): Issue | null {
  const found = findTableSheet(table, dataset.book.sheets);
  if (!('name' in found)) return null;
  return { file: sheetFile(dataset.file, found.name), row: 0, column: '', level: 'warning', ...problem('sheetNotRead', { sheet: found.name, read: readFile }) };
}
