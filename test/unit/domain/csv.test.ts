import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvCell, csvLine, toCsv, withBom, type CsvCell } from '../../../src/domain/csv';

describe('toCsv', () => {
  it.each<[string, CsvCell[][], string]>([
    ['plain cells', [['a', 'b'], ['c', 'd']], 'a,b\r\nc,d\r\n'],
    ['no rows', [], ''],
    ['an empty row', [[]], '\r\n'],
    ['null as empty', [['a', null, 'c']], 'a,,c\r\n'],
    ['numbers as plain text', [[1, 0.375, -2, 1234567]], '1,0.375,-2,1234567\r\n'],
    ['non-finite numbers as empty', [[Number.NaN, Number.POSITIVE_INFINITY]], ',\r\n'],
    ['a comma', [['蒋家堰镇,中峰镇', 'x']], '"蒋家堰镇,中峰镇",x\r\n'],
    ['a quote, doubled', [['竹溪县"十个到村到户"']], '"竹溪县""十个到村到户"""\r\n'],
    ['LF inside a cell', [['第一行\n第二行']], '"第一行\n第二行"\r\n'],
    ['CR inside a cell', [['a\rb']], '"a\rb"\r\n'],
    ['Chinese and full-width punctuation unquoted', [['竹溪县“十个到村到户”，通报：']], '竹溪县“十个到村到户”，通报：\r\n'],
    ['leading and trailing spaces kept', [[' a ', '']], ' a ,\r\n'],
    ['signs and percent kept as written', [['−1.0', '+2.3', '37.5%', '↑2', '-4.1', '+12%']], '−1.0,+2.3,37.5%,↑2,-4.1,+12%\r\n'],
    ['formulas neutralised with an apostrophe (CSV injection)', [['=1+1', '+SUM(A1)', '-2+3', '@cmd', '=HYPERLINK("http://x","y")']], `'=1+1,'+SUM(A1),'-2+3,'@cmd,"'=HYPERLINK(""http://x"",""y"")"\r\n`],
    ['a tab or CR in front of a formula neutralised', [['\t=1', '\r=1']], `'\t=1,"'\r=1"\r\n`],
    ['an equals sign later in the text left alone', [['a=b', '项目=1']], 'a=b,项目=1\r\n'],
  ])('%s', (_name, rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
  });

  it('reads back to the same cells', () => {
    const rows = [['名次', '乡镇', '说明'], ['1', '蒋家堰镇', 'a "quoted", multi\r\nline cell'], ['2', '中峰镇', '']];
    const parsed = Papa.parse<string[]>(toCsv(rows), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(rows);
  });
});

describe('withBom', () => {
  it.each([
    ['a,b\r\n', '\uFEFFa,b\r\n'],
    ['', '\uFEFF'],
    ['\uFEFF已有', '\uFEFF已有'],
  ])('%j → %j', (text, expected) => expect(withBom(text)).toBe(expected));

  it('is U+FEFF, three bytes EF BB BF in UTF-8', () => {
    expect([...new TextEncoder().encode(BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('csvCell and csvLine (the writer open data streams with)', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.double(),
    fc.constantFrom(0, -0, 12.5, Infinity, NaN, 1e21),
    fc.string(),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '1', '.', '%', '中', 'a') }),
  );
  // The rule as the README says it, against the writer's first-character test.
  const expected = (c: string): string => {
    const text = /^[=+\-@\t\r]/.test(c) && !/^[+-]\d+(\.\d+)?%?$/.test(c) ? `'${c}` : c;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };

  it('guards exactly the cells a spreadsheet would run, and writes a row as toCsv does', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), (row: CsvCell[]) => {
        expect(csvLine(row)).toBe(toCsv([row]));
        for (const c of row) if (typeof c === 'string') expect(csvCell(c)).toBe(expected(c));
      }),
      { numRuns: 500 },
    );
  });
});
