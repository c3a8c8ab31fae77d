import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSite, type DatasetSource } from '../../../../src/pipeline/build';
import { PROBLEMS_SHEET, annotateWorkbook } from '../../../../src/pipeline/annotate/annotate-workbook';
import { runCli } from '../../../helpers/data-cli';
import { MINI } from '../../../helpers/fixtures';
import { csvRows, workbookOfCsv } from '../../../helpers/workbooks';
import { miniText, miniWith } from '../mini-source';

/** The mini fixture's projects.csv with a word for a number (row 3) and a negative budget (row 4). */
async function badProjects(): Promise<string> {
  const rows = csvRows(new TextEncoder().encode(await miniText('projects.csv')));
  const header = rows[0]!;
  rows[2]![header.indexOf('受益户数')] = '很多';
  rows[3]![header.indexOf('资金规模(万元)')] = '-5';
  return rows.map((r) => r.join(',')).join('\r\n');
}

/** Every commented cell of the workbook (问题清单 aside) as `sheet!A1`, and the fill of each. */
async function commented(bytes: Uint8Array): Promise<{ cells: string[]; book: ExcelJS.Workbook }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of book.worksheets) {
    if (ws.name === PROBLEMS_SHEET) continue;
    ws.eachRow((row) => row.eachCell((cell) => void (cell.note ? cells.push(`${ws.name}!${cell.address}`) : null)));
  }
  return { cells: cells.sort(), book };
}

describe('data:check --annotate: problems written back on their cells', () => {
  it('the CSVs as one workbook: the commented cells are exactly the problems’ cells; 问题清单 first, linking to them', async () => {
    const files = { 'projects.csv': await badProjects() };
    const source: DatasetSource = miniWith(files);
    const result = await buildSite(source);
    expect(result.errorCount).toBeGreaterThan(0);
    const { bytes, placed } = await annotateWorkbook(result.issues, source.read);
    const located = placed.filter((p) => p.cell);
    expect(located.length).toBe(result.issues.filter((i) => i.row > 0).length);
    const { cells, book } = await commented(bytes);
    expect(cells).toEqual([...new Set(located.map((p) => `${p.sheet}!${p.cell}`))].sort());
    expect(cells).toContain('项目!O3'); // 受益户数 of row 3
    expect(cells).toContain('项目!I4'); // 资金规模(万元) of row 4
    expect(book.worksheets.map((w) => w.name)[0]).toBe(PROBLEMS_SHEET);
    const projects = book.getWorksheet('项目')!;
    expect((projects.getCell('O3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF4A6A6');
    // In Chinese by default: the comment, and the list's columns and problems.
    expect(JSON.stringify(projects.getCell('O3').note)).toContain('错误：');
    expect(JSON.stringify(projects.getCell('O3').note)).toContain('不是整数');
    // The rejected row is shaded; a row without a problem is not.
    expect((projects.getCell('A3').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFBE3E3');
    expect(projects.getCell('A2').fill).toBeUndefined();
    const list = book.getWorksheet(PROBLEMS_SHEET)!;
    expect(list.rowCount).toBe(result.issues.length + 1);
    const links = list.getColumn(6).values.filter((v) => typeof v === 'object' && v !== null) as { formula: string }[];
    expect(links.some((l) => l.formula.includes("#'项目'!O3"))).toBe(true);
    expect(list.getRow(1).values).toEqual([undefined, '级别', '文件', '行', '列', '问题', '位置']);
    expect(list.getColumn(5).values.some((v) => typeof v === 'string' && v.includes('不是整数'))).toBe(true);
  });

  it('in English when asked (the check view in English, data:check --lang en)', async () => {
    const source: DatasetSource = miniWith({ 'projects.csv': await badProjects() });
    const result = await buildSite(source);
    const { bytes } = await annotateWorkbook(result.issues, source.read, [], 'en');
    const { book } = await commented(bytes);
    expect(JSON.stringify(book.getWorksheet('项目')!.getCell('O3').note)).toContain('error: ');
    expect(JSON.stringify(book.getWorksheet('项目')!.getCell('O3').note)).toContain('is not a whole number');
    const list = book.getWorksheet(PROBLEMS_SHEET)!;
    expect(list.getRow(1).values).toEqual([undefined, 'level', 'file', 'row', 'column', 'problem', 'go to']);
  });

  it('the clerk’s own 数据.xlsx: the same sheets and cells, the problems added, nothing else changed', async () => {
    const mini = async (f: string) => new TextEncoder().encode(await miniText(f));
    const book = workbookOfCsv({ 村: await mini('villages.csv'), 项目: new TextEncoder().encode(await badProjects()), 进度: await mini('progress.csv') }, 'xlsx');
    const files = { 'villages.csv': null, 'projects.csv': null, 'progress.csv': null, '数据.xlsx': book };
    const source = miniWith(files);
    const result = await buildSite(source);
    const { bytes, placed } = await annotateWorkbook(result.issues, source.read);
    const { cells, book: out } = await commented(bytes);
    expect(cells).toEqual([...new Set(placed.filter((p) => p.cell).map((p) => `${p.sheet}!${p.cell}`))].sort());
    expect(cells).toContain('项目!O3');
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(book as unknown as ArrayBuffer);
    for (const ws of before.worksheets) {
      const copy = out.getWorksheet(ws.name)!;
      ws.eachRow((row, r) => row.eachCell((cell, c) => expect(copy.getCell(r, c).value, `${ws.name}!${cell.address}`).toEqual(cell.value)));
    }
    // households.csv, the one table kept as its own file, is added as a sheet after the workbook's own.
    expect(out.worksheets.map((w) => w.name)).toEqual([PROBLEMS_SHEET, '村', '项目', '进度', '户']);
  });

  it('npm run data:check -- DIR --annotate OUT.xlsx writes the copy and says so; the exit code is the check’s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-annotate-'));
    await cp(MINI, dir, { recursive: true });
    await writeFile(join(dir, 'projects.csv'), await badProjects());
    const out = join(dir, 'problems.xlsx');
    const { code, lines } = await runCli(['check', dir, '--annotate', out]);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^wrote .*problems\.xlsx: \d+ problem\(s\) listed in its sheet 问题清单, \d+ marked on their cells$/);
    const { cells } = await commented(new Uint8Array(await readFile(out)));
    expect(cells).toContain('项目!O3');
    expect((await runCli(['build', dir, '--annotate', out])).code).toBe(2);
  });
});

describe('--annotate with a workbook of any name', () => {
  it('项目台账2016.xlsx is found, marked and copied; the marked copy left in the folder is not taken for the data on the next check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-annotate-any-'));
    await cp(MINI, dir, { recursive: true });
    const mini = async (f: string) => new TextEncoder().encode(await miniText(f));
    const book = workbookOfCsv({ 村: await mini('villages.csv'), 项目: new TextEncoder().encode(await badProjects()), 进度: await mini('progress.csv') }, 'xlsx');
    for (const f of ['villages.csv', 'projects.csv', 'progress.csv']) await rm(join(dir, f));
    await writeFile(join(dir, '项目台账2016.xlsx'), book);
    const out = join(dir, '标注.xlsx');
    const first = await runCli(['check', dir, '--annotate', out]);
    expect(first.code).toBe(1);
    expect(first.lines.some((l) => l.startsWith('项目台账2016.xlsx[项目]:3:受益户数: error:'))).toBe(true);
    const { cells, book: marked } = await commented(new Uint8Array(await readFile(out)));
    expect(cells).toContain('项目!O3');
    expect(marked.worksheets.map((w) => w.name).slice(0, 4)).toEqual([PROBLEMS_SHEET, '村', '项目', '进度']);
    // The marked copy now sits beside the ledger: the ledger is still what is read.
    const again = await runCli(['check', dir]);
    expect(again.lines).toContain('标注.xlsx:0:: warning: the workbook is a copy marked by data:check --annotate (its first sheet is 问题清单), so it is not read; to use it as the data, rename it 数据.xlsx');
    expect(again.lines.some((l) => l.startsWith('项目台账2016.xlsx[项目]:3:受益户数: error:'))).toBe(true);
  });
});
