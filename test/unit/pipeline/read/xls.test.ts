import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../../src/contract/issues';
import { buildSite, type DatasetSource } from '../../../../src/pipeline/build';
import { readXlsWorkbook } from '../../../../src/pipeline/read/xls';
import { openWorkbook } from '../../../../src/pipeline/read/workbook';
import { FIXTURES } from '../../../helpers/fixtures';
import { withoutReleaseId } from '../../../helpers/release';
import { csvRows, sheetOf, workbookBytes, workbookOfCsv } from '../../../helpers/workbooks';
import { buildMiniWith, miniWith } from '../mini-source';

const TABLES = ['villages.csv', 'projects.csv', 'progress.csv', 'households.csv'] as const;
const SHEETS: Record<(typeof TABLES)[number], string> = { 'villages.csv': '村', 'projects.csv': '项目', 'progress.csv': '进度', 'households.csv': '户' };
const CSVS_GONE = Object.fromEntries(TABLES.map((t) => [t, null]));

/** Every file of a fixture folder by its path in the dataset. */
async function folderFiles(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.py') || entry.name.endsWith('.md')) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
  }
  return out;
}

/** A dataset in memory. */
function memory(files: Record<string, Uint8Array | null>): DatasetSource {
  return { read: async (path) => files[path] ?? null };
}

/** The site data a build made, release id blanked (it hashes the input files), without the files that describe the inputs. */
function siteData(outputs: Map<string, string> | null): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const [name, text] of outputs ?? []) {
    if (name === 'manifest.json' || name === 'report.json' || name === 'release.json') continue;
    out.set(name, name === 'site.json' ? withoutReleaseId(text) : text);
  }
  return out;
}

describe('.xls and .et workbooks (SheetJS)', () => {
  it('the messy fixture saved as .xls, as .et and as one multi-sheet .xlsx builds to the same site data as its CSVs', async () => {
    const messy = await folderFiles(join(FIXTURES, 'messy'));
    const mini = await folderFiles(join(FIXTURES, 'mini'));
    const csv = { ...mini, ...messy };
    const expected = await buildSite(memory(csv));
    expect(expected.errorCount).toBe(0);
    const tables = Object.fromEntries(TABLES.map((t) => [t, csv[t]!]));
    const perTable = Object.fromEntries(TABLES.map((t) => [t.replace('.csv', '.xls'), workbookOfCsv({ Sheet1: tables[t]! }, 'xls')]));
    const perTableEt = Object.fromEntries(TABLES.map((t) => [t.replace('.csv', '.et'), workbookOfCsv({ Sheet1: tables[t]! }, 'xls')]));
    const oneBook = workbookOfCsv(Object.fromEntries(TABLES.map((t) => [SHEETS[t], tables[t]!])), 'xlsx');
    const oneXls = workbookOfCsv(Object.fromEntries(TABLES.map((t) => [SHEETS[t], tables[t]!])), 'xls');
    for (const [name, files] of [
      ['.xls per table', perTable],
      ['.et per table', perTableEt],
      ['数据.xlsx', { '数据.xlsx': oneBook }],
      ['数据.xls', { '数据.xls': oneXls }],
    ] as const) {
      const result = await buildSite(memory({ ...csv, ...CSVS_GONE, ...files }));
      const lines = result.issues.map(formatIssue);
      expect(result.errorCount, `${name}\n${lines.join('\n')}`).toBe(0);
      expect(siteData(result.outputs), name).toEqual(siteData(expected.outputs));
    }
    const perXls = await buildSite(memory({ ...csv, ...CSVS_GONE, ...perTable }));
    expect(perXls.inputs['villages.xls']?.encoding).toBe('xls');
    const one = await buildSite(memory({ ...csv, ...CSVS_GONE, '数据.xlsx': oneBook }));
    expect(one.issues.map(formatIssue)).toContain('数据.xlsx[项目]:1:: warning: 3 row(s) above the header (row 4) were skipped as a title');
    expect(one.inputs['数据.xlsx[进度]']?.rows?.used).toBeGreaterThan(0);
  }, 60_000);

  it('the sample dataset as one .xls workbook gives byte-identical site data', async () => {
    const data = await folderFiles('data');
    delete data['templates/villages.csv'];
    const expected = await buildSite(memory(data));
    const book = workbookOfCsv(Object.fromEntries(TABLES.map((t) => [SHEETS[t], data[t]!])), 'xls');
    const result = await buildSite(memory({ ...data, ...CSVS_GONE, '数据.xls': book }));
    expect(result.errorCount).toBe(0);
    expect(expected.outputs?.size).toBeGreaterThan(10);
    const a = siteData(result.outputs);
    const b = siteData(expected.outputs);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of b) expect(a.get(name) === text, name).toBe(true);
  }, 180_000);

  it('reads dates, merged header cells, numbers stored as text, hidden sheets; names hidden rows', async () => {
    const rows = csvRows(new TextEncoder().encode(await readFile(join(FIXTURES, 'mini', 'villages.csv'), 'utf8')));
    // A two-row header: 村代码 and 村名称 merged down over both rows, a group title over the rest.
    const header = rows[0]!;
    const sheet = sheetOf([['', '', '基本情况'], header, ...rows.slice(1)]);
    sheet.A1 = { t: 's', v: header[0]! };
    sheet.B1 = { t: 's', v: header[1]! };
    sheet.A2 = undefined as unknown as XLSX.CellObject;
    sheet.B2 = undefined as unknown as XLSX.CellObject;
    delete sheet.A2;
    delete sheet.B2;
    sheet['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
      { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } },
      { s: { r: 0, c: 2 }, e: { r: 0, c: header.length - 1 } },
    ];
    // Numbers stored as text: the households of the first village.
    const households = header.indexOf('总户数') >= 0 ? header.indexOf('总户数') : header.indexOf('households');
    sheet[XLSX.utils.encode_cell({ r: 2, c: households })] = { t: 's', v: rows[1]![households]! };
    const xls = workbookBytes([{ name: '说明', sheet: sheetOf([['见下一页']]), isHidden: true }, { name: '村', sheet }], 'xls');
    const book = await readXlsWorkbook(xls);
    expect(book.ok).toBe(true);
    if (!book.ok) return;
    expect(book.sheets.map((s) => [s.name, s.isHidden])).toEqual([['说明', true], ['村', false]]);
    const read = book.sheets[1]!;
    expect(read.rows[1]!.slice(0, 2)).toEqual(header.slice(0, 2));
    expect(read.rows[0]![header.length - 1]).toBe('基本情况');
    const { result, lines } = await buildMiniWith({ 'villages.csv': null, '数据.xls': xls });
    expect(result.errorCount, lines.join('\n')).toBe(0);
    expect(lines).toContain('数据.xls[村]:1:: warning: 1 row(s) above the header (row 2) were skipped as a title');

    // Hidden rows and a hidden sheet, written as Excel writes them (.xlsx).
    const hidden = sheetOf(rows);
    hidden['!rows'] = [];
    hidden['!rows'][2] = { hidden: true };
    const xlsx = workbookBytes([{ name: '村', sheet: hidden, isHidden: true }], 'xlsx');
    const built = await buildMiniWith({ 'villages.csv': null, '数据.xlsx': xlsx });
    expect(built.result.errorCount, built.lines.join('\n')).toBe(0);
    expect(built.lines).toContain('数据.xlsx[村]:3:: warning: 1 hidden row(s) were read like the others (row 3): unhide them in Excel or WPS to see them');
    expect(built.lines.some((l) => l.startsWith('数据.xlsx[村]:0:: warning: the sheet 村 is hidden'))).toBe(true);
  });

  it('an .xls saved by LibreOffice: the title merged above the header skipped, a hidden row named, the table sheet found behind a 说明 sheet', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, 'workbooks', 'villages-libreoffice.xls')));
    const book = await readXlsWorkbook(bytes);
    expect(book.ok && book.sheets.map((s) => s.name)).toEqual(['说明', '村']);
    const clean = await buildMiniWith();
    const { result, lines } = await buildMiniWith({ 'villages.csv': null, 'villages.xls': bytes });
    expect(result.errorCount, lines.join('\n')).toBe(0);
    expect(lines).toContain('villages.xls:1:: warning: 1 row(s) above the header (row 2) were skipped as a title');
    expect(lines).toContain('villages.xls:4:: warning: 1 hidden row(s) were read like the others (row 4): unhide them in Excel or WPS to see them');
    expect(result.inputs['villages.xls']?.encoding).toBe('xls');
    expect(withoutReleaseId(result.outputs?.get('site.json'))).toBe(withoutReleaseId(clean.result.outputs?.get('site.json')));
  });

  it('dates stored as Excel dates in an .xls read as the same days', async () => {
    const projects = csvRows(new TextEncoder().encode(await readFile(join(FIXTURES, 'mini', 'projects.csv'), 'utf8')));
    const clean = await buildMiniWith();
    const xls = workbookBytes([{ name: '项目', sheet: sheetOf(projects) }], 'xls');
    const cells = (await readXlsWorkbook(xls)) as { ok: true; sheets: { rows: string[][] }[] };
    expect(cells.sheets[0]!.rows.flat().some((c) => /^4\d{4}$/.test(c))).toBe(true); // day numbers
    const { result } = await buildMiniWith({ 'projects.csv': null, 'projects.xls': xls });
    expect(result.errorCount).toBe(0);
    expect(withoutReleaseId(result.outputs?.get('site.json'))).toBe(withoutReleaseId(clean.result.outputs?.get('site.json')));
  });
});

describe('the dataset workbook says what is wrong with it', () => {
  it('a sheet missing, or named differently (the closest suggested); a table file beside its sheet', async () => {
    const mini = await folderFiles(join(FIXTURES, 'mini'));
    const book = workbookOfCsv({ 村: mini['villages.csv']!, 项目台帳: mini['projects.csv']! }, 'xlsx');
    const { lines } = await buildMiniWith({ ...CSVS_GONE, '数据.xlsx': book });
    expect(lines).toContain('数据.xlsx:0:: error: the workbook has no sheet 项目 (projects, 项目台账, 项目库) for projects.csv: is the sheet 项目台帳 it? Rename it 项目');
    expect(lines.some((l) => l.startsWith('数据.xlsx:0:: warning: the workbook has no sheet 进度'))).toBe(true);
    const both = await buildMiniWith({ '数据.xlsx': workbookOfCsv({ 村: mini['villages.csv']! }, 'xlsx') });
    expect(both.lines).toContain('数据.xlsx[村]:0:: warning: the sheet 村 was not read: villages.csv is there too and was read instead; keep one of them');
  });
});

describe('hostile .xls files end in a located error, never a crash or a hang', () => {
  const good = workbookBytes([{ name: '村', sheet: sheetOf([['村代码', '村名称'], ['420324101001', '甲村']]) }], 'xls');

  it('truncated anywhere', async () => {
    for (const length of [8, 100, 511, 512, 1000, 2048, good.length - 1]) {
      const result = await readXlsWorkbook(good.slice(0, length));
      if (!result.ok) expect(result.message).toMatch(/cannot be read|not an Excel|damaged/);
    }
    const { lines } = await buildMiniWith({ 'villages.csv': null, 'villages.xls': good.slice(0, 700) });
    expect(lines.some((l) => /^villages\.xls:0:: error: /.test(l))).toBe(true);
  });

  it('huge declared sizes and sector counts, and bytes flipped at random', async () => {
    const started = performance.now();
    const header = new DataView(good.buffer.slice(0));
    const crafted: Uint8Array[] = [];
    // Number of FAT sectors, first directory sector, mini stream cutoff, DIFAT count: each set huge.
    for (const offset of [0x2c, 0x30, 0x38, 0x3c, 0x40, 0x44, 0x48]) {
      const bytes = new Uint8Array(good);
      new DataView(bytes.buffer).setUint32(offset, 0x7fffffff, true);
      crafted.push(bytes);
    }
    // The sector size shift: 2^30-byte sectors.
    const shifted = new Uint8Array(good);
    new DataView(shifted.buffer).setUint16(0x1e, 30, true);
    crafted.push(shifted);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const bytes = new Uint8Array(good);
      for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      crafted.push(bytes);
    }
    for (const bytes of crafted) {
      const result = await openWorkbook(bytes);
      expect(typeof result.ok).toBe('boolean');
    }
    expect(header.getUint32(0, true)).toBe(0xe011cfd0);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('a property set damaged in one byte (found by fuzzing: SheetJS allocated until the heap ran out) is not parsed', async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, 'workbooks', 'villages-libreoffice.xls')));
    bytes[1793] = 0xff; // the mini stream's chain: DocumentSummaryInformation cut short
    const result = await readXlsWorkbook(bytes);
    expect(result.ok && result.sheets[1]!.hiddenRows).toEqual([4]);
  });

  it('a compound file with no workbook in it (a newer WPS .et, a Word file renamed) says to save it as .xlsx', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/WordDocument', new Uint8Array(600));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    const { lines } = await buildMiniWith({ 'villages.csv': null, 'villages.et': bytes });
    expect(lines.find((l) => l.startsWith('villages.et:0:: error: '))).toMatch(/save it as \.xlsx/);
  });

  it('a password-protected workbook says to remove the password', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(64).fill(0)]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    const { lines } = await buildMiniWith({ 'villages.csv': null, 'villages.xlsx': bytes });
    expect(lines.find((l) => l.startsWith('villages.xlsx:0:: error: '))).toMatch(/password/);
  });
});

describe('a workbook of any name holds the dataset when its sheets are named for the tables', () => {
  const listed = (files: Record<string, Uint8Array | null>): DatasetSource => ({
    read: async (path) => files[path] ?? null,
    list: async () => Object.keys(files).filter((k) => files[k] !== null && !k.includes('/')),
  });

  it('2016年台账.xlsx builds as 数据.xlsx does; Excel’s lock file, a table’s own workbook and an unrelated workbook are not taken for it', async () => {
    const mini = await folderFiles(join(FIXTURES, 'mini'));
    const book = workbookOfCsv({ 村: mini['villages.csv']!, 项目: mini['projects.csv']!, 进度: mini['progress.csv']!, 户: mini['households.csv']! }, 'xlsx');
    const withoutCsv = { ...mini, ...CSVS_GONE };
    const named = await buildSite(listed({ ...withoutCsv, '数据.xlsx': book }), { isPublic: false });
    const anyName = await buildSite(
      listed({ ...withoutCsv, '2016年台账.xlsx': book, '~$2016年台账.xlsx': new Uint8Array([1, 2, 3]), '汇总表.xlsx': workbookOfCsv({ 汇总: mini['villages.csv']! }, 'xlsx') }),
      { isPublic: false },
    );
    expect(named.errorCount).toBe(0);
    expect(anyName.errorCount).toBe(0);
    expect(siteData(anyName.outputs)).toEqual(siteData(named.outputs));
    const lines = anyName.issues.map(formatIssue);
    expect(lines).toContain('汇总表.xlsx:0:: warning: the workbook has none of the sheets 村 / 项目 / 进度 / 户, so it is not read (its sheets are 汇总)');
    expect(lines.some((l) => l.startsWith('~$'))).toBe(false);
    expect(lines.some((l) => l.startsWith('2016年台账.xlsx[项目]:'))).toBe(false);
  });

  it('two workbooks with the dataset’s sheets: the first by name is read and the other named', async () => {
    const mini = await folderFiles(join(FIXTURES, 'mini'));
    const book = workbookOfCsv({ 村: mini['villages.csv']!, 项目: mini['projects.csv']!, 进度: mini['progress.csv']! }, 'xls');
    const result = await buildSite(listed({ ...mini, ...CSVS_GONE, 'a台账.xls': book, 'b台账.xlsx': workbookOfCsv({ 项目: mini['projects.csv']! }, 'xlsx') }), { isPublic: false });
    expect(result.errorCount).toBe(0);
    expect(result.issues.map(formatIssue)).toContain('b台账.xlsx:0:: warning: the workbook also has the dataset\'s sheets but was not read: a台账.xls was read instead; keep one workbook in the folder');
  });
});
