import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/pipeline/read/csv-rows';

const INVALID_QUOTES =
  'a quote (") inside a cell that is not wrapped in quotes; a cell that begins with a quote must end with one, so the rows after it may have been read into this cell: wrap the whole cell in quotes and write each quote inside it twice (""), or use Chinese quotes “ ”';
const MISSING_QUOTES = 'a cell opens a quote (") that is never closed, so the rest of the file was read into this cell: close the quote, or write a quote inside a cell twice ("")';

describe('parseCsv', () => {
  it.each([
    ['a cell beginning with a quote that closes early', 'a,b,c\n1,"高山"茶园200亩,x\n2,y,z\n', [{ row: 2, level: 'error', message: INVALID_QUOTES, isQuoteError: true }, { row: 2, level: 'error', message: MISSING_QUOTES, isQuoteError: true }]],
    ['a quote never closed', 'a,b,c\n1,y,z\n2,"茶园,x\n3,p,q\n', [{ row: 3, level: 'error', message: MISSING_QUOTES, isQuoteError: true }]],
    ['a quote in the middle of a cell (read as written)', 'a,b,c\n1,茶园"高山"200亩,x\n', []],
    ['a properly quoted cell with a comma and a line break', 'a,b,c\n1,"茶园,""高山""\n200亩",x\n', []],
    ['one column (no separator to detect)', 'abc\n1\n', [{ row: 0, level: 'warning', message: 'could not tell which character separates the columns (comma, tab or semicolon); read as comma-separated', isQuoteError: false }]],
  ])('%s', (_name, text, problems) => {
    expect(parseCsv(text).problems).toEqual(problems);
  });

  it('reports a swallowing quote once per row, not once per quote it swallowed', () => {
    const { rows, problems } = parseCsv('a,b,c\n1,"高山"茶园,x\n2,"好"b,z\n3,p,q\n');
    expect(rows).toHaveLength(2);
    expect(problems.map((p) => `${p.row} ${p.message === INVALID_QUOTES ? 'invalid' : 'missing'}`)).toEqual(['2 invalid', '2 missing']);
  });

  it('drops blank rows at the end only', () => {
    expect(parseCsv('a,b\n\n1,2\n\n\n').rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });
});
