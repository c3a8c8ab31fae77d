import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../../src/contract/issues';
import { readXlsxRows } from '../../../../src/pipeline/read/xlsx';
import { craftZip, deflatedSpaces } from './crafted-zip';
import { buildMiniWith, miniText } from '../mini-source';
import { withoutReleaseId } from '../../../helpers/release';

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
    for (const file of ['site.json', ...chunks]) expect(withoutReleaseId(result.outputs?.get(file)), file).toBe(withoutReleaseId(clean.result.outputs?.get(file)));
  });

  it('names the workbook in its problems', async () => {
    const rows = await rowsOf('villages.csv');
    rows[2]![6] = '二百';
    const { result } = await buildMiniWith({ 'villages.csv': null, 'villages.xlsx': workbook(rows) });
    expect(result.issues.map(formatIssue)).toContain('villages.xlsx:3:总户数: error: "二百" is not a whole number');
  });
});

const MB = 1024 * 1024;
const GB = 1024 * MB;
const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const bookParts = (sheetXml: string, shared = '<sst></sst>'): Record<string, Uint8Array> => ({
  'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
  'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
  'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  'xl/sharedStrings.xml': strToU8(shared),
});
/** The result and how long it took to get. */
const timed = (bytes: Uint8Array): { result: ReturnType<typeof readXlsxRows>; ms: number } => {
  const started = performance.now();
  const result = readXlsxRows(bytes);
  return { result, ms: performance.now() - started };
};

describe('a zip bomb', () => {
  const bomb = deflatedSpaces(head, 2 * GB);

  it('a sheet that says it unzips to 2 GB is refused before anything is inflated', () => {
    const { result, ms } = timed(craftZip({ ...bookParts(''), 'xl/worksheets/sheet1.xml': { compressed: bomb, declaredBytes: 2 * GB } }));
    expect(result).toEqual({
      ok: false,
      message: "the workbook's sheet S (xl/worksheets/sheet1.xml) would be larger than 256 MB when unzipped: its zip entry says 2.0 GB, more than a table for this atlas can be",
    });
    expect(ms).toBeLessThan(500);
  });

  it('a sheet that says 100 KB but holds 2 GB is stopped as soon as it passes 100 KB', () => {
    const { result, ms } = timed(craftZip({ ...bookParts(''), 'xl/worksheets/sheet1.xml': { compressed: bomb, declaredBytes: 100 * 1024 } }));
    expect(result).toEqual({
      ok: false,
      message: "the workbook's sheet S (xl/worksheets/sheet1.xml) would be larger than its zip entry says (100 KB) when unzipped: the file is damaged or crafted, so it was not unzipped further",
    });
    expect(ms).toBeLessThan(500);
  });

  it('shared strings that say 32 MB but hold 2 GB inflate no further than 32 MB', () => {
    const { result, ms } = timed(craftZip({ ...bookParts(`${head}</sheetData></worksheet>`), 'xl/sharedStrings.xml': { compressed: bomb, declaredBytes: 32 * MB } }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "the workbook's table of shared strings (xl/sharedStrings.xml) would be larger than its zip entry says (32 MB) when unzipped: the file is damaged or crafted, so it was not unzipped further",
    );
    expect(ms).toBeLessThan(5_000);
  });

  it('a big part compressed more than 100-fold is refused unread', () => {
    const part = deflatedSpaces(head, 64 * MB);
    const { result, ms } = timed(craftZip({ ...bookParts(''), 'xl/worksheets/sheet1.xml': { compressed: part, declaredBytes: 64 * MB } }));
    expect(!result.ok && result.message).toMatch(
      /^the workbook's sheet S \(xl\/worksheets\/sheet1\.xml\) would be larger than 100 times its zipped size when unzipped \(\d+ KB to 64 MB\): no real sheet compresses that far/,
    );
    expect(ms).toBeLessThan(500);
  });

  it('the workbook and its relationships are limited to 16 MB', () => {
    const result = readXlsxRows(craftZip({ ...bookParts(''), 'xl/workbook.xml': { compressed: bomb, declaredBytes: 2 * GB } }));
    expect(!result.ok && result.message).toMatch(/^the workbook's list of sheets \(xl\/workbook\.xml\) would be larger than 16 MB when unzipped/);
  });

  it('parts a table does not need are never inflated, however big or broken', () => {
    const { result, ms } = timed(
      craftZip({
        ...bookParts(`${head}<row r="1"><c r="A1" t="inlineStr"><is><t>村</t></is></c></row></sheetData></worksheet>`),
        'xl/worksheets/sheet2.xml': { compressed: bomb, declaredBytes: 2 * GB },
        'xl/worksheets/sheet3.xml': { compressed: bomb, declaredBytes: 1000 },
        'xl/styles.xml': { compressed: new Uint8Array([0xff, 0xff, 0xff]), declaredBytes: 10 },
        'xl/media/image1.png': { compressed: bomb, declaredBytes: 0xffffffff },
      }),
    );
    expect(result).toEqual({ ok: true, sheet: 'S', rows: [['村']] });
    expect(ms).toBeLessThan(500);
  });

  it('a damaged sheet is named', () => {
    const result = readXlsxRows(craftZip({ ...bookParts(''), 'xl/worksheets/sheet1.xml': { compressed: new Uint8Array([0xff, 0xff, 0xff]), declaredBytes: 10 } }));
    expect(result).toEqual({ ok: false, message: "the workbook's sheet S (xl/worksheets/sheet1.xml) cannot be unzipped: is the file damaged?" });
  });
});

describe('broken sheet XML ends quickly in a located error', () => {
  const unclosedRow = (bytes: number): string => `${head}${'<row>'.repeat(bytes / 5)}`;
  it.each([
    ['5 KB of unclosed <row>', unclosedRow(5 * 1024), 'the sheet S is damaged: row 1 has no </row> before the next row starts', 1],
    ['100 KB of unclosed <row>', unclosedRow(100 * 1024), 'the sheet S is damaged: row 1 has no </row> before the next row starts', 1],
    ['100 KB of unclosed <row r="7">', `${head}${'<row r="7">'.repeat(10_000)}`, 'the sheet S is damaged: row 7 has no </row> before the next row starts', 7],
    ['100 KB of unclosed <c>', `${head}<row r="2">${'<c>'.repeat(30_000)}`, 'the sheet S is damaged: a cell in row 2 has no </c> before the next cell starts', 2],
    ['100 KB of <row with no >', `${head}<row r="1"></row>${'<row'.repeat(25_000)}`, 'the sheet S is damaged after row 1: a tag is not closed with >', 1],
    ['an attribute quote never closed', `${head}<row r="1"><c r="A1><v>1</v></c></row>${'<row r="2"></row>'.repeat(5_000)}`, 'the sheet S is damaged in row 1: a tag is not closed with >', 1],
    ['a comment never closed', `${head}<row r="1"><!--${'<row>'.repeat(20_000)}`, 'the sheet S is damaged in row 1: a comment (<!--) is not closed', 1],
    ['a sheet ending inside a row', `${head}<row r="3"><c r="A3"><v>1</v></c>`, 'the sheet S is damaged: it ends inside row 3, which has no </row>', 3],
    ['a row ending inside a cell', `${head}<row r="4"><c r="A4"><v>1</v></row></sheetData></worksheet>`, 'the sheet S is damaged: a cell in row 4 has no </c>', 4],
  ])('%s', (_, sheetXml, message, row) => {
    const { result, ms } = timed(zipSync(bookParts(sheetXml)));
    expect(result).toEqual({ ok: false, message, row });
    expect(ms).toBeLessThan(500);
  });

  it('100 KB of unclosed <si> in the shared strings', () => {
    const { result, ms } = timed(zipSync(bookParts(`${head}</sheetData></worksheet>`, `<sst>${'<si><t>x</t>'.repeat(10_000)}</sst>`)));
    expect(result).toEqual({ ok: false, message: "the workbook's table of shared strings (xl/sharedStrings.xml) is damaged at string 1: it has no </si> before the next <si>" });
    expect(ms).toBeLessThan(500);
  });

  it('4 MB of text with no tags, and 4 MB of nested unknown tags, read in well under a second', () => {
    for (const filler of ['x'.repeat(4 * MB), '<a>'.repeat(1.4 * MB)]) {
      const { result, ms } = timed(zipSync(bookParts(`${head}<row r="1"><c r="A1"><v>5</v></c></row>${filler}</sheetData></worksheet>`)));
      expect(result).toEqual({ ok: true, sheet: 'S', rows: [['5']] });
      expect(ms).toBeLessThan(1_000);
    }
  });
});

describe('character references', () => {
  it.each([
    ['&#x110000; in an inline string', '<c r="B3" t="inlineStr"><is><t>a&#x110000;b</t></is></c>', 'the sheet S has &#x110000; in row 3, a character reference to no character XML allows: is the file damaged?'],
    ['&#xD800; in a number', '<c r="A3"><v>&#xD800;</v></c>', 'the sheet S has &#xD800; in row 3, a character reference to no character XML allows: is the file damaged?'],
    ['&#0; in a text cell', '<c r="A3" t="str"><v>&#0;</v></c>', 'the sheet S has &#0; in row 3, a character reference to no character XML allows: is the file damaged?'],
    ['&#99999999999999999999; in a shared string', '<c r="A3" t="s"><v>1</v></c>', 'the sheet S has &#99999999999999999999; in row 3 (in a shared string), a character reference to no character XML allows: is the file damaged?'],
  ])('%s is an error naming the row', (_, cell, message) => {
    const shared = '<sst><si><t>ok &#x1F600;</t></si><si><r><t>bad</t></r><r><t>&#99999999999999999999;</t></r></si></sst>';
    const result = readXlsxRows(zipSync(bookParts(`${head}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3">${cell}</row></sheetData></worksheet>`, shared)));
    expect(result).toEqual({ ok: false, message, row: 3 });
  });

  it('a bad reference in a shared string no cell uses is no error; good references read', () => {
    const shared = '<sst><si><t>&#x6751;&#26449;&lt;&amp;&nbsp;&#x;_x0041_</t></si><si><t>&#x110000;</t></si></sst>';
    const result = readXlsxRows(zipSync(bookParts(`${head}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`, shared)));
    expect(result).toEqual({ ok: true, sheet: 'S', rows: [['村村<&&nbsp;&#x;A']] });
  });

  it('a bad reference in the sheet name is an error', () => {
    const parts = bookParts(`${head}</sheetData></worksheet>`);
    parts['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="&#xFFFF;" r:id="rId1"/></sheets></workbook>');
    expect(readXlsxRows(zipSync(parts))).toEqual({ ok: false, message: "the workbook's first sheet name has &#xFFFF;, a character reference to no character XML allows: is the file damaged?" });
  });
});

describe('sheets as other tools write them', () => {
  it('reads prefixes, single quotes, comments, CDATA, a doctype and stored (uncompressed) parts', () => {
    const sheet =
      "<?xml version='1.0'?><!DOCTYPE x><x:worksheet xmlns:x='main'><x:sheetData><!-- made by a script --><x:row r='1' spans='1:2'>" +
      "<x:c r='A1' t='inlineStr'><x:is><x:t><![CDATA[<a & b>]]></x:t></x:is></x:c><x:c r='B1'><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>" +
      "<x:row r='2'/><x:row r='3'><x:c r='AB3' t='b'><x:v>0</x:v></x:c><x:c r='ZZZZ3'><x:v>far</x:v></x:c></x:row></x:sheetData></x:worksheet>";
    const parts = bookParts(sheet);
    parts['xl/workbook.xml'] = strToU8("<x:workbook xmlns:x='main' xmlns:rel='r'><x:sheets><x:sheet name='A &amp; B' sheetId='1' rel:id='rId1'/></x:sheets></x:workbook>");
    const result = readXlsxRows(zipSync(parts, { level: 0 }));
    expect(result).toEqual({ ok: true, sheet: 'A & B', rows: [['<a & b>', '2'], [], [...Array.from({ length: 27 }, () => ''), 'FALSE']] });
  });

  it('reads a zip64 workbook', () => {
    const result = readXlsxRows(craftZip(bookParts(`${head}<row r="2"><c r="B2"><v>7</v></c></row></sheetData></worksheet>`), { zip64: true }));
    expect(result).toEqual({ ok: true, sheet: 'S', rows: [[], ['', '7']] });
  });

  it('a sheet of far-apart cells is refused past 20,000,000 cells rather than filling the memory', () => {
    // Each row holds 500 cells (499 blank, then column SF) and counts one more for itself: the 39,921st passes 20,000,000.
    const rows = Array.from({ length: 41_000 }, (_, i) => `<row r="${i + 1}"><c r="SF${i + 1}"><v>1</v></c></row>`).join('');
    const { result } = timed(zipSync(bookParts(`${head}${rows}</sheetData></worksheet>`)));
    expect(result).toEqual({ ok: false, message: 'the sheet S has more than 20,000,000 cells by row 39921: a table this big is a mistake', row: 39_921 });
  }, 20_000);

  it('a row number repeated past 2,000,000 rows is refused', () => {
    // Stored, not deflated: deflated, it would be refused before reading as compressed over 100-fold.
    const { result } = timed(zipSync(bookParts(`${head}${'<row r="1"/>'.repeat(2_000_001)}</sheetData></worksheet>`), { level: 0 }));
    expect(result).toEqual({ ok: false, message: 'the sheet S has more than 2,000,000 rows', row: 1 });
  }, 20_000);

  it('20,000 rows of 20 cells, numbers and shared strings, read as before', () => {
    const cells = (r: number): string => Array.from({ length: 20 }, (_, c) => `<c r="${column(c)}${r}"${c % 2 ? ' t="s"' : ''}><v>${c % 2 ? c % 3 : r * c}</v></c>`).join('');
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('');
    const result = readXlsxRows(zipSync(bookParts(`${head}${rows}</sheetData></worksheet>`, '<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>')));
    expect(result.ok && result.rows.length).toBe(20_000);
    expect(result.ok && result.rows[19_999]).toEqual(Array.from({ length: 20 }, (_, c) => (c % 2 ? ['a', 'b', 'c'][c % 3] : String(20_000 * c))));
  }, 20_000);
});

describe('a workbook with bytes changed at random', () => {
  it('never throws and never takes long: 3,000 mangled copies, compressed and stored', () => {
    const parts = bookParts(`${head}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x&amp;y</t></is></c></row></sheetData></worksheet>`, '<sst><si><t>村</t></si></sst>');
    const books = [zipSync(parts), zipSync(parts, { level: 0 })];
    let seed = 24;
    const random = (below: number): number => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32) * below);
    let slowestMs = 0;
    for (let i = 0; i < 3_000; i++) {
      const bytes = books[i % 2]!.slice();
      for (let n = 1 + random(4); n > 0; n--) bytes[random(bytes.length)] = random(256);
      const { result, ms } = timed(bytes);
      expect(result.ok || result.message.length > 0).toBe(true);
      slowestMs = Math.max(slowestMs, ms);
    }
    expect(slowestMs).toBeLessThan(500);
  }, 30_000);
});
