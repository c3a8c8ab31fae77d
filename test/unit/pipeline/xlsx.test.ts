import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/contract/issues';
import { readXlsxRows } from '../../../src/pipeline/xlsx';
import { buildMiniWith, miniText } from './mini-source';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * A workbook as Excel writes one: text in the shared strings table, numbers as numbers, dates as
 * Excel day numbers (when `dates` names their columns), a title row above the header.
 */
function workbook(rows: string[][], options: { dates?: number[]; title?: string } = {}): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = (s: string): number => {
    const at = shared.indexOf(s);
    if (at >= 0) return at;
    shared.push(s);
    return shared.length - 1;
  };
  const serial = (iso: string): number => (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const all = options.title ? [[options.title], ...rows] : rows;
  const sheetRows = all.map((cells, r) => {
    const xml = cells
      .map((cell, c) => {
        const ref = `${column(c)}${r + 1}`;
        if (cell === '') return '';
        const isDate = r > (options.title ? 1 : 0) && options.dates?.includes(c) && /^\d{4}-\d{2}-\d{2}$/.test(cell);
        if (isDate) return `<c r="${ref}" s="1"><v>${serial(cell)}</v></c>`;
        if (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell) && cell.length < 12) return `<c r="${ref}"><v>${cell}</v></c>`;
        return `<c r="${ref}" t="s"><v>${sharedIndex(cell)}</v></c>`;
      })
      .join('');
    return `<row r="${r + 1}">${xml}</row>`;
  });
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`),
  });
}

const rowsOf = async (file: string): Promise<string[][]> => Papa.parse<string[]>(await miniText(file), { skipEmptyLines: true }).data;

describe('readXlsxRows', () => {
  it('reads shared strings, numbers, rich text, inline strings, entities and gaps between cells', () => {
    const book = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId7"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>'),
      'xl/worksheets/data.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>12.5</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>内联</t></is></c><c r="D3" t="s"><v>1</v></c><c r="E3" t="b"><v>1</v></c></row></sheetData></worksheet>'),
      'xl/sharedStrings.xml': strToU8('<sst><si><t>村名称 &amp; 代码</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si></sst>'),
    });
    expect(readXlsxRows(book)).toEqual({ ok: true, sheet: 'S', rows: [['村名称 & 代码', '', '12.5'], [], ['', '内联', '', '富文本', 'TRUE']] });
  });

  it('says when a zip is not a workbook, or is damaged', () => {
    const notBook = readXlsxRows(zipSync({ 'word/document.xml': strToU8('<w/>') }));
    expect(notBook).toEqual({ ok: false, message: 'this zip file is not an Excel workbook (.xlsx): it has no xl/workbook.xml' });
    const damaged = readXlsxRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(damaged.ok).toBe(false);
  });
});

describe('Excel workbooks in the dataset', () => {
  it('villages.xlsx and projects.xlsx (a title row, dates as day numbers) build to the same site data as the CSVs', async () => {
    const clean = await buildMiniWith();
    const { result, lines } = await buildMiniWith({
      'villages.csv': null,
      'villages.xlsx': workbook(await rowsOf('villages.csv')),
      'projects.csv': null,
      'projects.xlsx': workbook(await rowsOf('projects.csv'), { dates: [10, 11], title: '竹溪县扶贫项目台账' }),
    });
    expect(result.errorCount, lines.join('\n')).toBe(0);
    expect(lines).toEqual(['projects.xlsx:1:: warning: 1 row(s) above the header (row 2) were skipped as a title']);
    expect(result.inputs['villages.xlsx']?.encoding).toBe('xlsx');
    const chunks = [...(clean.result.outputs?.keys() ?? [])].filter((f) => f.startsWith('projects/'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const file of ['site.json', ...chunks]) expect(result.outputs?.get(file), file).toBe(clean.result.outputs?.get(file));
  });

  it('names the workbook in its problems', async () => {
    const rows = await rowsOf('villages.csv');
    rows[2]![6] = '二百';
    const { result } = await buildMiniWith({ 'villages.csv': null, 'villages.xlsx': workbook(rows) });
    expect(result.issues.map(formatIssue)).toContain('villages.xlsx:3:总户数: error: "二百" is not a whole number');
  });
});
