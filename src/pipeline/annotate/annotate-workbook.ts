/**
 * Problems written back into the clerk's workbook (`data:check --annotate OUT.xlsx`, issue 21): a
 * copy of the dataset's own .xlsx workbook (数据.xlsx), or of its CSV, .xls and .et tables as one
 * workbook, with every located problem on its cell: the cell filled (red for an error, amber for a
 * warning), the messages as the cell's comment, the rows with an error (rejected) shaded, and a
 * first sheet 问题清单 listing every problem with a link to its cell. Nothing else of the clerk's
 * workbook is changed. The comments and the list are in Chinese, or English when asked (`--lang en`, the
 * check view in English). exceljs writes it (loaded when asked for, so a build never pays for it).
 */
import { issueText, type Issue } from '../../contract/issues';
import type { Lang } from '../../i18n';
import { levelText, problemText, phrase } from '../../i18n/problems';
import { parseCsv } from '../read/csv-rows';
import { decodeBytes } from '../read/decode';
import { findDatasetWorkbook } from '../read/dataset-workbook';
import { PROBLEMS_SHEET, TABLE_SHEETS, openWorkbook } from '../read/workbook';
import { headerKey } from '../normalize';
import { columnLetters } from '../column-letters';

export { PROBLEMS_SHEET } from '../read/workbook';

const RED = 'FFF4A6A6';
const AMBER = 'FFFFD966';
const REJECTED_ROW = 'FFFBE3E3';
/** Rows scanned for the header a problem's column names. */
const HEADER_SCAN_ROWS = 30;

/** A sheet of the annotated workbook and the problems' file name that locates into it. */
interface Target {
  /** The file name the build's issues use (`villages.csv`, `数据.xlsx[项目]`). */
  file: string;
  sheet: string;
  /** Rows of text, for finding the header; read from the sheet itself for the clerk's own workbook. */
  rows: string[][];
}

type ExcelJs = typeof import('exceljs');

/** Where a problem was put: its sheet and cell (`C12`), or null when it names no row (the whole file). */
export interface PlacedProblem {
  issue: Issue;
  sheet: string | null;
  cell: string | null;
}

/**
 * The annotated workbook's bytes and where each problem was put. `read` gives a dataset file's
 * bytes (null when absent), as the build's source does; `names` the folder's files, so a dataset
 * workbook of any name is found as the build finds it; `lang` the language of the comments and the list.
 */
export async function annotateWorkbook(issues: readonly Issue[], read: (path: string) => Promise<Uint8Array | null>, names: readonly string[] = [], lang: Lang = 'zh'): Promise<{ bytes: Uint8Array; placed: PlacedProblem[] }> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const targets: Target[] = [];
  const used = new Set<string>();
  const sheetName = (wanted: string): string => {
    let name = wanted.slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${wanted.slice(0, 28)}(${i})`;
    used.add(name);
    return name;
  };

  // The dataset's own workbook is the copy's base: an .xlsx with its sheets and their formats kept, an .xls or .et copied cell by cell.
  const dataset = await findDatasetWorkbook(read, [], names);
  const bytes = dataset && (await read(dataset.file));
  if (dataset && bytes) {
    const { file, book } = dataset;
    if (file.toLowerCase().endsWith('.xlsx')) {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      for (const ws of wb.worksheets) {
        used.add(ws.name);
        targets.push({ file: `${file}[${ws.name}]`, sheet: ws.name, rows: sheetText(ws) });
      }
    } else {
      for (const s of book.sheets) {
        const sheet = book.read(s.name);
        if ('rows' in sheet) targets.push(copySheet(wb, sheetName(s.name), `${file}[${s.name}]`, sheet.rows));
      }
    }
  }
  // Each table's own file (CSV, .xlsx, .xls, .et) as a sheet named for its table.
  for (const [table, names] of Object.entries(TABLE_SHEETS)) {
    for (const ext of ['.csv', '.xlsx', '.xls', '.et']) {
      const file = table.replace(/\.csv$/, ext);
      const bytes = await read(file);
      if (!bytes) continue;
      const rows = await tableRows(bytes);
      if (rows) targets.push(copySheet(wb, sheetName(names[0] ?? table), file, rows));
      break;
    }
  }

  const placed = issues.map((issue) => place(issue, targets));
  const byCell = new Map<string, PlacedProblem[]>();
  for (const p of placed) {
    if (!p.sheet || !p.cell) continue;
    const key = `${p.sheet}!${p.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), p]);
  }
  // Rejected rows (a row with an error) shaded first, so the problem cells' own fills go over them.
  for (const p of placed) {
    if (!p.sheet || !p.cell || p.issue.level !== 'error') continue;
    const ws = wb.getWorksheet(p.sheet)!;
    const rowNumber = Number(/\d+$/.exec(p.cell)![0]);
    const target = targets.find((t) => t.sheet === p.sheet)!;
    const width = Math.max(1, ...target.rows.slice(0, HEADER_SCAN_ROWS).map((r) => r.length), target.rows[rowNumber - 1]?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(rowNumber, c);
      if (!isFilled(cell)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: REJECTED_ROW } };
    }
  }
  for (const [key, problems] of byCell) {
    const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    const isError = problems.some((p) => p.issue.level === 'error');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: isError ? RED : AMBER } };
    const text = problems.map((p) => problemText(lang, phrase('annotateComment', { level: levelText(lang, p.issue.level), message: issueText(lang, p.issue) }))).join('\n');
    const before = noteText(cell.note);
    cell.note = { texts: [{ text: before ? `${before}\n\n${text}` : text }] };
  }
  problemsSheet(wb, placed, lang);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), placed };
}

async function loadExcelJs(): Promise<ExcelJs> {
  const module = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return module.default ?? module;
}

/** The 问题清单 sheet, first: every problem with its level, file, row, column, message and a link to its cell. */
function problemsSheet(wb: import('exceljs').Workbook, placed: readonly PlacedProblem[], lang: Lang): void {
  const name = wb.getWorksheet(PROBLEMS_SHEET) ? `${PROBLEMS_SHEET}(Cunhu)` : PROBLEMS_SHEET;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const word = (key: 'annotateLevel' | 'annotateFile' | 'annotateRow' | 'annotateColumn' | 'annotateProblem' | 'annotateGoTo'): string => problemText(lang, phrase(key));
  ws.columns = [
    { header: word('annotateLevel'), width: 12 },
    { header: word('annotateFile'), width: 22 },
    { header: word('annotateRow'), width: 8 },
    { header: word('annotateColumn'), width: 18 },
    { header: word('annotateProblem'), width: 90 },
    { header: word('annotateGoTo'), width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const p of placed) {
    const row = ws.addRow([levelText(lang, p.issue.level), p.issue.file, p.issue.row || '', p.issue.column, issueText(lang, p.issue), '']);
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: p.issue.level === 'error' ? RED : AMBER } };
    if (p.sheet && p.cell) {
      const ref = `'${p.sheet.replaceAll("'", "''")}'!${p.cell}`;
      row.getCell(6).value = { formula: `HYPERLINK("#${ref.replaceAll('"', '""')}","${p.sheet.replaceAll('"', '""')}!${p.cell}")`, result: `${p.sheet}!${p.cell}` };
      row.getCell(6).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  // First among the tabs, and the one shown on opening.
  const model = wb as unknown as { _worksheets: (import('exceljs').Worksheet | undefined)[] };
  const sheets = model._worksheets.filter((s): s is import('exceljs').Worksheet => s !== undefined);
  const order = [ws, ...sheets.filter((s) => s !== ws)];
  order.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = i));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
}

/** A table's rows of text from its file: a workbook's first sheet, or CSV text in any encoding. */
async function tableRows(bytes: Uint8Array): Promise<string[][] | null> {
  const book = await openWorkbook(bytes);
  if (book.ok) {
    const first = book.sheets[0];
    const sheet = first ? book.read(first.name) : null;
    return sheet && 'rows' in sheet ? sheet.rows : null;
  }
  const decoded = decodeBytes(bytes);
  return decoded.ok ? parseCsv(decoded.text).rows : null;
}

/** A new sheet holding these rows as text (header bold), for a table that was not an .xlsx sheet. */
function copySheet(wb: import('exceljs').Workbook, name: string, file: string, rows: string[][]): Target {
  const ws = wb.addWorksheet(name);
  rows.forEach((cells, r) =>
    cells.forEach((text, c) => {
      if (text !== '') ws.getCell(r + 1, c + 1).value = text;
    }),
  );
  return { file, sheet: name, rows };
}

/** A sheet's cells as text, for finding header rows. */
function sheetText(ws: import('exceljs').Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cells[c - 1] = cell.text ?? '';
    });
    rows[r - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The sheet and cell a problem is on: its row, and the column whose header (in a row above it, or its own) it names. */
function place(issue: Issue, targets: readonly Target[]): PlacedProblem {
  const target = targets.find((t) => t.file === issue.file);
  if (!target) return { issue, sheet: null, cell: null };
  if (issue.row < 1) return { issue, sheet: target.sheet, cell: null };
  let column = 0;
  if (issue.column) {
    const wanted = headerKey(issue.column);
    for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, issue.row); r++) {
      const at = (target.rows[r] ?? []).findIndex((h) => h !== '' && headerKey(h) === wanted);
      if (at >= 0) {
        column = at;
        break;
      }
    }
  }
  return { issue, sheet: target.sheet, cell: `${columnLetters(column)}${issue.row}` };
}

function isFilled(cell: import('exceljs').Cell): boolean {
  const fill = cell.fill as { type?: string; pattern?: string } | undefined;
  return fill?.type === 'pattern' && fill.pattern !== 'none';
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : '';
}
