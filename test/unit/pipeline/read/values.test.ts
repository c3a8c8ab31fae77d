import { describe, expect, it } from 'vitest';
import { parseBoolean, parseCode, parseDate, parseDegrees, parseInteger, parseList, parseMonth, parseNumber, parseStatus } from '../../../../src/pipeline/read/values';

describe('parseNumber', () => {
  it.each([
    ['12', 12], ['12.5', 12.5], ['1,234.5', 1234.5], ['１２３', 123], ['12.5%', 12.5], [' 7 ', 7], ['-3', -3], ['.5', 0.5],
    ['12.5万', 12.5], ['1,200万元', 1200], ['１２．５％', 12.5],
    ['abc', null], ['', null], ['12..5', null], ['1e400', null], ['二百', null], ['1234元', null], ['万', null],
  ])('%j → %j', (raw, expected) => expect(parseNumber(raw)).toBe(expected));

  it.each([
    ['a figure too large for a number', '1e309'], ['the same, negative', '-1e309'], ['hundreds of digits', '9'.repeat(400)],
    ['Infinity', 'Infinity'], ['NaN', 'NaN'], ['hex', '0x1A'], ['binary', '0b101'], ['octal', '0o17'], ['an underscore separator', '1_000'],
    ['a figure that underflows to zero', '1e-400'], ['a subnormal that has lost its digits', '1e-310'], ['hundreds of zeros after the point', `0.${'0'.repeat(400)}1`],
    ['a decimal comma', '1,5'], ['commas not between thousands', '12,34,567'], ['a trailing comma', '1234,'], ['two signs', '+-5'], ['an exponent alone', 'e5'],
  ])('%s (%j) is not a number', (_name, raw) => expect(parseNumber(raw)).toBeNull());

  it.each([
    ['1e308', 1e308], ['1.5e3', 1500], ['1.2E+05', 120000], ['0e-400', 0], ['1e-300', 1e-300], ['12,345,678.9', 12345678.9], ['1.', 1], ['+5', 5],
  ])('%j → %j', (raw, expected) => expect(parseNumber(raw)).toBe(expected));

  it.each(['-0', '-0.0', '-0e5'])('%j is 0, not -0', (raw) => expect(Object.is(parseNumber(raw), 0)).toBe(true));
});

describe('parseInteger', () => {
  it.each([['400', 400], ['4.0', 4], ['4.5', null], ['x', null]])('%j → %j', (raw, expected) => expect(parseInteger(raw)).toBe(expected));
});

describe('parseBoolean', () => {
  it.each([['是', true], ['否', false], ['1', true], ['0', false], ['Y', true], ['n', false], ['yes', true], ['maybe', null]])('%j → %j', (raw, expected) =>
    expect(parseBoolean(raw)).toBe(expected),
  );
});

describe('parseMonth', () => {
  it.each([
    ['2016-05', '2016-05'], ['2016-5', '2016-05'], ['2016/05', '2016-05'], ['2016.5', '2016-05'], ['2016年5月', '2016-05'], ['2016 年 5 月', '2016-05'], ['201605', '2016-05'], ['２０１６-０５', '2016-05'],
    ['2016-13', null], ['201613', null], ['2016-0', null], ['May', null], ['2016-05-31', null], ['20165', null],
  ])('%j → %j', (raw, expected) =>
    expect(parseMonth(raw)).toBe(expected),
  );
});

describe('parseDate', () => {
  it.each([
    ['2016-05-31', '2016-05-31'], ['2016/5/31', '2016-05-31'], ['2016.5.31', '2016-05-31'], ['2016年5月31日', '2016-05-31'],
    ['2016-02-30', null], ['2016-02-29', '2016-02-29'], ['2015-02-29', null], ['31/05/2016', null], ['', null],
    // Excel's day numbers, when a date cell is read as its value.
    ['42521', '2016-05-31'], ['42370', '2016-01-01'], ['42429', '2016-02-29'], ['123', null], ['99999', null],
  ])('%j → %j', (raw, expected) => expect(parseDate(raw)).toBe(expected));
});

describe('parseStatus', () => {
  it.each([['未开工', 'planned'], ['待建', 'planned'], ['在建', 'building'], ['施工中', 'building'], ['已完工', 'done'], ['完工', 'done'], ['已验收', 'accepted'], ['验收', 'accepted'], ['停工', null]])(
    '%j → %j',
    (raw, expected) => expect(parseStatus(raw)).toBe(expected),
  );
});

describe('parseCode', () => {
  it.each([
    ['420324101201', 12, '420324101201'], ['4.20324E+11', 12, null], ['42032410120', 12, null], ['４２０３２４１０１', 9, '420324101'], ['ZX-1', undefined, 'ZX-1'],
  ] as const)('%j (%j digits) → %j', (raw, digits, expected) => expect(parseCode(raw, digits)).toBe(expected));
});

describe('parseList', () => {
  it('splits on ; ；、 and , and drops blanks', () => expect(parseList('A;B；C、D,,E ')).toEqual(['A', 'B', 'C', 'D', 'E']));
});

describe('parseDegrees', () => {
  it.each([
    ['109°36′30″', 109 + 36 / 60 + 30 / 3600],
    ["109°36'30\"", 109 + 36 / 60 + 30 / 3600],
    ['109度36分30秒', 109 + 36 / 60 + 30 / 3600],
    ['东经109°36′30″', 109 + 36 / 60 + 30 / 3600],
    ['32°12.5′N', 32 + 12.5 / 60],
    ['109°', 109],
    ['W 74°0′21″', -(74 + 21 / 3600)],
  ])('%j → %f', (raw, expected) => expect(parseDegrees(raw)).toBeCloseTo(expected, 9));

  it.each(['109.6', '109°61′', '109°36′75″', '', 'abc', '1109°'])('%j → null', (raw) => expect(parseDegrees(raw)).toBeNull());
});
