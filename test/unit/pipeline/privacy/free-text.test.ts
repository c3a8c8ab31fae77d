import { describe, expect, it } from 'vitest';
import { makeId } from '../../../helpers/made-up-ids';
import { scanForPersonalData, type ScanOptions } from '../../../../src/pipeline/privacy/cell-scan';
import { hasHouseholdName, NAME_LABELS } from '../../../../src/pipeline/privacy/names';
import { isResidentIdNumber } from '../../../../src/pipeline/privacy/number-checks';

// Personal data written into the free text of the contract's own columns, as the attack in issue 24
// found it published: names of households, ID numbers glued to letters or spaced oddly, the old
// 15-digit ID, mobiles written with dots or glued to a label. Made-up numbers only (region 990102).

const ID = makeId('990102', '19800101', '123');
const OLD_ID = '990102800101123';

describe('hasHouseholdName', () => {
  it.each([
    ['张德明户危房改造'],
    ['为李秀英家修缮住房'],
    ['王建国同志家庭困难'],
    ['户主：刘德华'],
    ['户主刘德华，三口人'],
    ['联系人张三丰'],
    ['张伟、李娜等2户'],
    ['张德明、李秀英、王建国'],
    ['欧阳娜娜户易地搬迁'],
    ['资助陈小红户发展养殖'],
    ['贫困户赵大海户'],
    ['杨 光 明户'],
  ])('finds a name in %s', (text) => expect(hasHouseholdName(text)).toBe(true));

  it('finds a name after each label, which all end in 主 or 人 (the scan looks for labels only where one of those is)', () => {
    for (const label of NAME_LABELS) {
      expect(label.endsWith('主') || label.endsWith('人')).toBe(true);
      expect(hasHouseholdName(`${label}：张德明`)).toBe(true);
      expect(hasHouseholdName(`本项目${label}为张德明，已公示`)).toBe(true);
    }
  });

  it.each([
    // masked names, as public notices print them
    ['张某某户危房改造'],
    ['李**家修缮'],
    ['王某同志'],
    // the ledger's own words before 户, 家 and 同志
    ['边缘户动态监测'],
    ['党员户带头示范'],
    ['万元户'],
    ['常住户'],
    ['带动周边农户发展茶叶'],
    ['十星级文明户评选'],
    ['文明家庭创建'],
    ['卫生户评比'],
    ['单亲家庭帮扶'],
    ['建档立卡贫困户'],
    ['易地扶贫搬迁户'],
    ['低保户、五保户、特困户'],
    ['种植大户、养殖大户'],
    ['脱贫监测户'],
    ['户户有项目'],
    ['十个到村到户'],
    ['覆盖1200户群众'],
    ['惠及贫困户136户'],
    ['新建党员之家'],
    ['黄龙家园安置点'],
    ['农家乐'],
    ['在家门口就业'],
    ['留守儿童家庭'],
    ['残疾人家庭'],
    ['广大党员同志'],
    ['全体同志'],
    ['向贫困户发放种苗'],
    ['金融扶贫户'],
    ['光伏扶贫户'],
    ['电商户'],
    // places, in lists and alone
    ['蒋家堰、中峰、龙坝'],
    ['王家沟、李家坪、张家湾三村'],
    ['桂花、向阳、柳林三村'],
    ['惠及双竹村、周湾村'],
    ['王家户'],
    ['石家庄'],
    ['杨家湾村民小组'],
    ['新建茶园200亩，带动46户贫困户户均增收2000元'],
    ['方便119户群众安全出行'],
    ['改造集镇道路2.3公里'],
    ['竹溪县人力资源和社会保障局'],
    ['负责人：县扶贫办'],
    [''],
  ])('finds no name in %s', (text) => expect(hasHouseholdName(text)).toBe(false));

  it('skips the terms the config allows', () => {
    expect(hasHouseholdName('刘大湾户通组公路')).toBe(true);
    expect(hasHouseholdName('刘大湾户通组公路', ['刘大湾户'])).toBe(false);
    expect(hasHouseholdName('刘大湾户通组公路，张德明户危改', ['刘大湾户'])).toBe(true);
  });
});

describe('numbers however they are written', () => {
  it.each([
    ['glued to ID', `ID${ID}`],
    ['glued to letters after a label', `身份证号码IDNO${ID}`],
    ['10+8', `${ID.slice(0, 10)} ${ID.slice(10)}`],
    ['3-3-4-4-4', `${ID.slice(0, 3)}-${ID.slice(3, 6)}-${ID.slice(6, 10)}-${ID.slice(10, 14)}-${ID.slice(14)}`],
    ['with dots', `${ID.slice(0, 6)}.${ID.slice(6, 14)}.${ID.slice(14)}`],
    ['the old 15-digit form', OLD_ID],
    ['the old form in text', `户主身份证${OLD_ID}。`],
  ])('an ID number %s', (_name, text) => {
    expect(scanForPersonalData(['x'], [[text]], 2, { roleOf: () => 'text' }).map((f) => f.kind)).toContain('id');
  });

  it.each([
    ['with dots', '137.2468.1616'],
    ['glued to Tel', '联系Tel13924681616'],
    ['glued to TEL after Chinese', '电话TEL:13924681616'],
    ['4-3-4', '1392 468 1616'],
    ['an Excel float', '13924681616.0'],
  ])('a mobile number %s', (_name, text) => {
    expect(scanForPersonalData(['x'], [[text]], 2, { roleOf: () => 'text' }).map((f) => f.kind)).toEqual(['mobile']);
  });

  it('the old form is no ID in a column of codes (a village code and a sequence)', () => {
    const code = '420324101001001';
    expect(isResidentIdNumber(code)).toBe(true);
    expect(scanForPersonalData(['project_id'], [[code]], 2, { roleOf: () => 'code' })).toEqual([]);
  });

  it.each([
    ['a coordinate', '32.318712345678'],
    ['a hex key', '13812345678abc'],
    ['a code', 'ZX13924681616'],
    ['a date range', '2016.05.01-2016.10.31'],
    ['a landline', '0719-2722000'],
  ])('%s is no personal number', (_name, text) => {
    expect(scanForPersonalData(['x'], [[text]], 2, { roleOf: () => 'text' })).toEqual([]);
  });
});

describe('free text in the contract columns', () => {
  const header = ['项目名称', '责任单位', '监督电话', '村名称'];
  const roles: ScanOptions['roleOf'] = (i) => (['text', 'text', 'hotline', 'label'] as const)[i]!;
  const rows = [
    ['张德明户危房改造', '城关镇人民政府', '0719-2722000', '双竹村'],
    ['双竹村茶叶基地', '李秀英', '13924681616', '双竹村'],
    ['周湾村便民桥', '县交通运输局', '12317', '张德明户'],
  ];

  it('a county build lists names and hotline mobiles as warnings, with their rows', () => {
    expect(scanForPersonalData(header, rows, 2, { roleOf: roles })).toEqual([
      { column: '项目名称', kind: 'nameInText', rows: [2], count: 1, level: 'warning' },
      { column: '责任单位', kind: 'nameInText', rows: [3], count: 1, level: 'warning' },
      { column: '监督电话', kind: 'hotlineMobile', rows: [3], count: 1, level: 'warning' },
      { column: '村名称', kind: 'nameInText', rows: [4], count: 1, level: 'warning' },
    ]);
  });

  it('a public build refuses them, unless the config allows the term', () => {
    const findings = scanForPersonalData(header, rows, 2, { roleOf: roles, isPublic: true, allowedNames: ['张德明户', '李秀英'] });
    expect(findings.map((f) => `${f.column}:${f.kind}:${f.level}`)).toEqual(['监督电话:hotlineMobile:error']);
  });
});

describe('the scan of free text', () => {
  it('reads 200,000 rows of five text columns of ordinary ledger text without a false alarm', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [
      `双竹村${i % 300}号茶叶基地扩建`,
      `新建茶园${i % 500}亩，带动周边农户${i % 90}户，惠及贫困户、边缘户`,
      i % 2 === 0 ? '蒋家堰镇人民政府' : '竹溪县农业农村局',
      '财政专项扶贫资金、整合涉农资金',
      `带动${i % 46}户贫困户户均增收2000元`,
    ]);
    expect(scanForPersonalData(['a', 'b', 'c', 'd', 'e'], rows, 2, { roleOf: () => 'text', isPublic: true })).toEqual([]);
  });
});
