import { describe, expect, it } from 'vitest';
import { makeId } from '../../../helpers/made-up-ids';
import { personalDataMessage, scanForPersonalData, type PersonalDataFinding, type ScanOptions } from '../../../../src/pipeline/privacy/cell-scan';
import { looksLikePersonName } from '../../../../src/pipeline/privacy/names';
import { isBankCardNumber, isMobileNumber, isResidentIdNumber } from '../../../../src/pipeline/privacy/number-checks';

// Made-up numbers only: region 990102 is no real county, and every check character is computed
// here, independently of the code under test.


/** The first made-up ID number whose check character satisfies `accept`. */
function findId(birth: string, accept: (id: string) => boolean): string {
  for (let n = 0; n < 1000; n++) {
    const id = makeId('990102', birth, String(n).padStart(3, '0'));
    if (accept(id)) return id;
  }
  throw new Error('no such ID');
}

/** Luhn sum of a digit string (0 when valid). */
function luhnRemainder(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return sum % 10;
}

/** `body` followed by the Luhn check digit that makes it a valid card number. */
function makeCard(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnRemainder(body + d) === 0) return body + d;
  throw new Error('unreachable');
}

/** The same string with its last digit changed, so its check fails. */
function breakLast(s: string): string {
  const last = s[s.length - 1]!;
  return s.slice(0, -1) + (last === '9' || last === 'X' ? '0' : String(Number(last) + 1));
}

const ID = makeId('990102', '19800101', '123');
const ID_LEAP_DAY = makeId('990102', '20000229', '004');
const ID_X = findId('19751231', (id) => id.endsWith('X'));
const CARD16 = makeCard('622200001234567');
const CARD19 = makeCard('622848001234567890');

describe('isResidentIdNumber', () => {
  it('test numbers are well formed', () => {
    expect(ID).toMatch(/^\d{17}[\dX]$/);
    expect(ID_X).toMatch(/^\d{17}X$/);
  });

  it.each([
    ['a valid number', ID],
    ['a valid number born on a leap day', ID_LEAP_DAY],
    ['a valid number with check character X', ID_X],
    ['check character x in lower case', ID_X.toLowerCase()],
    ['with spaces', `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`],
    ['with hyphens', `${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`],
    ['in full-width digits', ID_X.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['born 1900-01-01', makeId('990102', '19000101', '001')],
    ['born 2099-12-31', makeId('990102', '20991231', '001')],
    // One digit mistyped still names a person by region, birth date and sequence.
    ['a wrong check digit', breakLast(ID)],
    ['a wrong check X', breakLast(ID_X)],
  ])('accepts %s', (_name, s) => expect(isResidentIdNumber(s)).toBe(true));

  it.each([
    ['an impossible date 19800230 (check digit right)', makeId('990102', '19800230', '123')],
    ['29 February of a non-leap year', makeId('990102', '19000229', '123')],
    ['month 13', makeId('990102', '19801301', '123')],
    ['day 00', makeId('990102', '19800100', '123')],
    ['born 1899', makeId('990102', '18991231', '123')],
    ['born 2100', makeId('990102', '21000101', '123')],
    ['a leading zero', makeId('090102', '19800101', '123')],
    ['17 digits', ID.slice(0, 17)],
    ['19 digits', ID + '0'],
    ['a letter inside', ID.slice(0, 8) + 'A' + ID.slice(9)],
    ['empty', ''],
  ])('rejects %s', (_name, s) => expect(isResidentIdNumber(s)).toBe(false));
});

describe('isMobileNumber', () => {
  it.each([
    ['13812345678'],
    ['19912345678'],
    ['16612345678'],
    ['138 1234 5678'],
    ['138-1234-5678'],
    ['+86 138 1234 5678'],
    ['+8613812345678'],
    ['+86-13812345678'],
    ['8613812345678'],
    ['86 138 1234 5678'],
    ['0086 13812345678'],
    ['008613812345678'],
    ['１３８１２３４５６７８'],
  ])('accepts %s', (s) => expect(isMobileNumber(s)).toBe(true));

  it.each([
    ['a second digit 0–2', '12812345678'],
    ['10012345678', '10012345678'],
    ['12 digits', '138123456789'],
    ['10 digits', '1381234567'],
    ['a landline with area code', '0719-1234567'],
    ['the hotline', '0719-2722000'],
    ['a service number', '12317'],
    ['another country code', '+87 13812345678'],
    ['a plus without 86', '+13812345678'],
    ['a letter', '138 1234 567a'],
    ['86 without a mobile after it', '8602712345678'],
    ['empty', ''],
  ])('rejects %s', (_name, s) => expect(isMobileNumber(s)).toBe(false));
});

describe('isBankCardNumber', () => {
  /** A made-up ID number that also passes Luhn: it is an ID, not a card. */
  const ID_PASSING_LUHN = findId('19900615', (id) => !id.endsWith('X') && luhnRemainder(id) === 0);

  it.each([
    ['16 digits', CARD16],
    ['19 digits', CARD19],
    ['written in fours', CARD19.replace(/(\d{4})(?=\d)/g, '$1 ')],
    ['written with hyphens', CARD16.replace(/(\d{4})(?=\d)/g, '$1-')],
    ['18 digits that are not an ID', makeCard('62220000123456789')],
  ])('accepts %s', (_name, s) => expect(isBankCardNumber(s)).toBe(true));

  it.each([
    ['a failing Luhn check', breakLast(CARD16)],
    ['15 digits', makeCard('62220000123456')],
    ['20 digits', makeCard('6222000012345678901')],
    ['a valid resident ID number', ID_PASSING_LUHN],
    ['a letter', CARD16.slice(0, 15) + 'a'],
  ])('rejects %s', (_name, s) => expect(isBankCardNumber(s)).toBe(false));
});

describe('looksLikePersonName', () => {
  it.each([['张伟'], ['王秀英'], ['欧阳娜娜'], ['李娜'], ['刘建国'], ['司马光'], ['诸葛亮'], ['张　伟'], [' 王芳 '], ['黄晓明']])(
    '%s is a name',
    (s) => expect(looksLikePersonName(s)).toBe(true),
  );

  it.each([
    ['蒋家堰'],
    ['周湾'],
    ['王家沟村委会'],
    ['张湾村'],
    ['蒋家堰镇'],
    ['王家'],
    ['李家坪'],
    ['黄龙滩'],
    ['高山'],
    ['马场'],
    ['易地搬迁'],
    ['安全饮水'],
    ['金融扶贫'],
    ['县扶贫办'],
    ['已验收'],
    ['是'],
    ['张'],
    ['张伟伟伟伟'],
    ['Zhang Wei'],
    ['张3'],
    ['双竹村'],
    ['茶叶基地'],
    ['石门'],
    ['王湾社区'],
    [''],
  ])('%s is not a name', (s) => expect(looksLikePersonName(s)).toBe(false));
});

/** Options for a table where column `hotline` is the supervision hotline and the columns in `names` are outside the contract (judged for a column of names); the others hold values. */
function options(hotline: number, names: readonly number[]): ScanOptions {
  return { roleOf: (c: number) => (c === hotline ? 'hotline' : names.includes(c) ? 'unknown' : 'value') };
}

function kinds(findings: readonly PersonalDataFinding[]): string[] {
  return findings.map((f) => `${f.column}:${f.kind}`);
}

describe('scanForPersonalData', () => {
  const header = ['编号', '备注', '监督电话', '联系'];

  it('finds nothing in ordinary data', () => {
    const rows = [
      ['ZX2016-0001', '新建茶园200亩，带动46户', '0719-2722000', '蒋家堰镇人民政府'],
      ['420324101201', '2016-03-01 至 2016-10-31', '12317', '双竹村'],
      ['ZX2016-0002', '经度109.5912345678901234，纬度32.3187', '0719 2722000', '周湾'],
      ['2016-0003', '监督电话0719-2722000，12317', '', '2016年3月1日开工，2016年10月31日完工'],
    ];
    expect(scanForPersonalData(header, rows, 2, options(2, [1, 3]))).toEqual([]);
  });

  it('reports the spreadsheet rows of the first three hits and the count of cells', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ['x', i % 2 === 1 ? ID : '', '', '']);
    const [finding, ...more] = scanForPersonalData(header, rows, 5, options(2, []));
    expect(more).toEqual([]);
    expect(finding).toEqual({ column: '备注', kind: 'id', rows: [6, 8, 10], count: 5, level: 'error' });
  });

  it('finds an ID number inside text, in any case and grouping', () => {
    const rows = [
      [`户主${ID}已脱贫`],
      [`证号:${ID_X.toLowerCase()}`],
      [`${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`],
      ['备注'],
      [`${ID_X.slice(0, 6)}-${ID_X.slice(6, 10)}-${ID_X.slice(10, 14)}-${ID_X.slice(14)}`],
      [ID.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ];
    expect(scanForPersonalData(['备注'], rows, 2, options(-1, []))).toEqual([{ column: '备注', kind: 'id', rows: [2, 3, 4], count: 5, level: 'error' }]);
  });

  it.each([
    ['a zero-width space', '\u200b'],
    ['a word joiner', '\u2060'],
    ['a soft hyphen', '\u00ad'],
    ['a byte-order mark', '\ufeff'],
    ['an em dash', '\u2014'],
    ['a thin space', '\u2009'],
    ['a narrow no-break space', '\u202f'],
  ])('reads a mobile and an ID split by %s as whole (they show whole on the page)', (_name, sep) => {
    const rows = [[`电话138${sep}1234${sep}5678`], [`${ID.slice(0, 6)}${sep}${ID.slice(6)}`]];
    expect(kinds(scanForPersonalData(['备注'], rows, 2, options(-1, [])))).toEqual(['备注:id', '备注:mobile']);
  });

  it('reads a name split by a character that shows as nothing', () => {
    const textOptions: ScanOptions = { roleOf: () => 'text', isPublic: true };
    expect(kinds(scanForPersonalData(['建设内容'], [['户主：王\u200b小明']], 2, textOptions))).toEqual(['建设内容:nameInText']);
  });

  it('does not read a longer digit string as an ID', () => {
    const rows = [[`1${ID}`], [`${ID}0`]];
    expect(kinds(scanForPersonalData(['备注'], rows, 2, options(-1, []))).filter((k) => k.endsWith(':id'))).toEqual([]);
  });

  it('finds mobile numbers, plain, grouped and with a country code; in the hotline column as a kind of its own', () => {
    const rows = [
      ['', '联系13812345678', '13812345678', ''],
      ['', '电话：138 1234 5678', '', ''],
      ['', '+86 139-1234-5678', '', ''],
      ['', '其他', '', ''],
      ['', '0086 13912345678', '', ''],
      ['', '8613912345678', '', ''],
      ['', '138123456789', '', ''],
      ['', '资金12.5 13812345678', '', ''],
      ['', '坐标0.13812345678', '', ''],
      // Not found, by design: groups are joined only as a whole run, so a year before the number hides it.
      ['', '2016 138 1234 5678', '', ''],
    ];
    expect(scanForPersonalData(header, rows, 2, options(2, []))).toEqual([
      { column: '备注', kind: 'mobile', rows: [2, 3, 4], count: 6, level: 'error' },
      // In the hotline a mobile is listed in a county build (some village offices publish one) and refused in a public one.
      { column: '监督电话', kind: 'hotlineMobile', rows: [2], count: 1, level: 'warning' },
    ]);
    expect(scanForPersonalData(header, rows, 2, { ...options(2, []), isPublic: true }).map((f) => `${f.kind}:${f.level}`)).toEqual(['mobile:error', 'hotlineMobile:error']);
  });

  it('drops the fraction of a decimal whose whole part is long enough to be read', () => {
    // Two groups joined by one dot are a number and its decimals: the whole part is read, the fraction is not.
    const rows = [[`${ID}.13812345678`], [`${ID}.${ID}`]];
    expect(kinds(scanForPersonalData(['备注'], rows, 2, options(-1, [])))).toEqual(['备注:id']);
    expect(scanForPersonalData(['备注'], rows, 2, options(-1, []))[0]).toMatchObject({ rows: [2, 3], count: 2 });
  });

  it('still reports an ID number in the hotline column', () => {
    const rows = [['', '', ID, '']];
    expect(kinds(scanForPersonalData(header, rows, 2, options(2, [])))).toEqual(['监督电话:id']);
  });

  it('finds bank card numbers, plain or in fours, and not decimals that pass Luhn', () => {
    const fraction = makeCard('123456789012345');
    const rows = [[`卡号${CARD19}`], [CARD16.replace(/(\d{4})(?=\d)/g, '$1 ')], [`32.${fraction}`], [breakLast(CARD16)]];
    expect(scanForPersonalData(['备注'], rows, 2, options(-1, []))).toEqual([{ column: '备注', kind: 'bank', rows: [2, 3], count: 2, level: 'error' }]);
  });

  it('judges names per column, only in the columns it is asked to', () => {
    const names = ['张伟', '王秀英', '欧阳娜娜', '李娜', '刘建国'];
    const rows = names.map((n) => ['', n, '', n]);
    expect(scanForPersonalData(header, rows, 3, options(2, [3]))).toEqual([{ column: '联系', kind: 'name', rows: [3, 4, 5], count: 5, level: 'error' }]);
  });

  it('needs three cells and 60% of them to call a column names', () => {
    const two = [['张伟'], ['王秀英'], ['']];
    expect(scanForPersonalData(['x'], two, 2, options(-1, [0]))).toEqual([]);
    const few = [['张伟'], ['王秀英'], ['蒋家堰镇'], ['双竹村'], ['周湾']];
    expect(scanForPersonalData(['x'], few, 2, options(-1, [0]))).toEqual([]);
    const most = [['张伟'], ['王秀英'], ['蒋家堰镇'], ['李娜'], ['']];
    expect(scanForPersonalData(['x'], most, 2, options(-1, [0]))).toEqual([{ column: 'x', kind: 'name', rows: [2, 3, 5], count: 3, level: 'error' }]);
  });

  it('does not call a column of places, categories or statuses names', () => {
    const rows = ['蒋家堰', '周湾', '王家沟村委会', '张湾村', '易地搬迁', '金融扶贫', '已验收', '在建', '黄龙滩'].map((v) => [v]);
    expect(scanForPersonalData(['x'], rows, 2, options(-1, [0]))).toEqual([]);
  });

  it('lists findings in column order, id/mobile/bank/name within a column, and cells beyond the header', () => {
    const rows = [
      [' 张伟', `${ID} ${CARD16}`, '', '13812345678', `${ID}`],
      ['王芳', '13812345678', '', '', ''],
      ['李娜', '', '', '', ''],
    ];
    expect(kinds(scanForPersonalData([' 姓名 ', '备注'], rows, 2, options(-1, [0])))).toEqual([
      '姓名:name',
      '备注:id',
      '备注:mobile',
      '备注:bank',
      ':mobile',
      ':id',
    ]);
  });

  it('scans 200,000 rows of 10 columns in a few seconds', () => {
    const village = ['双竹村', '周湾', '蒋家堰镇', '王家沟村委会'];
    const rows = Array.from({ length: 200_000 }, (_, i) => [
      `ZX2016-${String(i).padStart(6, '0')}`,
      `4203241012${String(i % 100).padStart(2, '0')}`,
      village[i % 4]!,
      `新建茶园${i % 500}亩，带动${i % 90}户贫困户户均增收2000元`,
      String((i * 7.31) % 1000),
      '2016-03-01',
      '0719-2722000',
      i % 3 === 0 ? '已验收' : '在建',
      `${109 + (i % 100) / 1000}`,
      i % 50_000 === 0 ? ID : `${i}`,
    ]);
    const header10 = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const started = performance.now();
    const findings = scanForPersonalData(header10, rows, 2, options(6, [2, 3, 7]));
    const elapsed = performance.now() - started;
    expect(findings).toEqual([{ column: 'c9', kind: 'id', rows: [2, 50_002, 100_002], count: 4, level: 'error' }]);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('personalDataMessage', () => {
  it('names the kind, the first rows and the count', () => {
    expect(personalDataMessage({ column: '备注', kind: 'id', rows: [5, 9, 12], count: 37, level: 'error' }).message).toBe(
      'column looks like it holds 身份证号 ID numbers (rows 5, 9, 12; 37 cells): personal data must never be published; delete the column or the values',
    );
    expect(personalDataMessage({ column: '备注', kind: 'mobile', rows: [7], count: 1, level: 'error' }).message).toBe(
      'column looks like it holds 手机号 mobile phone numbers (row 7; 1 cell): personal data must never be published; delete the column or the values',
    );
  });

  it('never quotes a value', () => {
    const rows = [[ID], [`户主张伟 ${CARD16}`], ['13812345678'], ['张伟'], ['王芳'], ['李娜'], ['刘建国'], ['王秀英']];
    const findings = scanForPersonalData(['x'], rows, 2, options(-1, [0]));
    expect(findings.map((f) => f.kind)).toEqual(['id', 'mobile', 'bank', 'name']);
    for (const f of findings) {
      const message = personalDataMessage(f).message;
      for (const value of [ID, CARD16, '13812345678', '张伟', '王芳', '李娜']) expect(message).not.toContain(value);
    }
  });
});

describe('digits glued to letters', () => {
  const opts: ScanOptions = { roleOf: () => 'value' };
  it.each([
    ['a hex key that starts with 11 digits', '13812345678a'],
    ['a code with a letter prefix', 'ZX13812345678'],
    ['a hex key ending in digits', 'ab138123456789'],
  ])('%s is part of a code, not a mobile number', (_name, cell) => {
    expect(scanForPersonalData(['key'], [[cell]], 2, opts)).toEqual([]);
  });

  it('a number after a colon or Chinese text is still found', () => {
    expect(scanForPersonalData(['note'], [['电话:13812345678'], ['联系13812345678']], 2, opts).map((f) => [f.kind, f.rows])).toEqual([['mobile', [2, 3]]]);
  });
});

