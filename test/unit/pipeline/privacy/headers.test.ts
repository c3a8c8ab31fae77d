import { problemText } from '../../../../src/i18n/problems';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../src/contract/columns';
import { householdKeyProblem, personalDataKind } from '../../../../src/pipeline/privacy/headers';

/** The kind a header names, in the English words the CLI prints. */
function kindText(header: string): string | null {
  const kind = personalDataKind(header);
  return kind && problemText('en', kind);
}

describe('personalDataKind', () => {
  it.each([
    ['姓名', '姓名 name'],
    ['联系人', '姓名 name'],
    ['电话', '电话 phone'],
    ['联系电话', '电话 phone'],
    ['手机号码', '电话 phone'],
    ['住址', '住址 address'],
    ['地址', '住址 address'],
    ['家庭住址', '住址 address'],
    ['身份证号', '身份证号 ID number'],
    ['hotline', null],
    ['监督电话', null],
    ['举报电话', null],
    ['监督电话（12317）', null],
    ['备注', null],
  ])('%s → %s', (header, kind) => expect(kindText(header)).toBe(kind));

  const NAME = '姓名 name';
  const ID = '身份证号 ID number';
  const PHONE = '电话 phone';
  const BANK = '银行账户 bank account';
  const HEALTH = '健康或残疾 health or disability';
  const CAUSE = '致贫原因 cause of poverty';
  it.each([
    ['户主姓名', NAME],
    ['责任人', NAME],
    ['帮扶责任人', NAME],
    ['帮扶人', NAME],
    ['帮扶干部', NAME],
    ['负责人', NAME],
    ['项目负责人', NAME],
    ['联系人', NAME],
    ['name', NAME],
    ['Name', NAME],
    ['full_name', NAME],
    ['身份证号码', ID],
    ['公民身份号码', ID],
    ['证件号码', ID],
    ['id_number', ID],
    ['ID Number', ID],
    ['手机号', PHONE],
    ['联系电话', PHONE],
    ['phone', PHONE],
    ['contact_phone', NAME],
    ['银行卡号', BANK],
    ['开户行', BANK],
    ['银行账号', BANK],
    ['一卡通账号', BANK],
    ['bank_card', BANK],
    ['残疾证号', HEALTH],
    ['残疾类别', HEALTH],
    ['病种', HEALTH],
    ['患病情况', HEALTH],
    ['健康状况', HEALTH],
    ['disability', HEALTH],
    ['health', HEALTH],
    ['致贫原因', CAUSE],
    ['主要致贫原因', CAUSE],
    ['贫困原因', CAUSE],
    ['cause_of_poverty', CAUSE],
    ['身份证号（18位）', ID],
    ['身 份 证 号', ID],
  ])('detects %s as %s', (header, kind) => expect(kindText(header)).toBe(kind));

  it.each([['帮扶项目'], ['帮扶措施'], ['责任单位'], ['受益户数'], ['项目名称'], ['村名称'], ['project_name'], ['village_name'], ['household_key'], ['hotline']])(
    'leaves %s alone',
    (header) => expect(kindText(header)).toBeNull(),
  );

  it('never flags a column of the contract, by its name, Chinese header or any alias', () => {
    const headers = TABLES.flatMap((t) => t.columns.flatMap((c) => [c.name, c.zh, ...c.aliases]));
    expect(headers.length).toBeGreaterThan(80);
    const flagged = headers.filter((h) => personalDataKind(h) !== null);
    expect(flagged).toEqual([]);
  });
});

describe('householdKeyProblem', () => {
  const ID = 'household_key looks like an ID number (身份证号); keys must be opaque';
  const PHONE = 'household_key looks like a phone number; keys must be opaque';
  it.each([
    ['an 18-digit ID number', '420324198001011234', ID],
    ['an ID number ending in X', '42032419800101123x', ID],
    ['an ID number in full-width digits', '４２０３２４１９８００１０１１２３Ｘ', ID],
    ['a mobile number', '13812345678', PHONE],
    ['a mobile number written with spaces', '138 1234 5678', PHONE],
    ['a mobile number written with hyphens', '138-1234-5678', PHONE],
    ['an opaque key', 'h7f3a9c2e41b0', null],
    ['11 digits not starting 13–19', '12812345678', null],
    ['17 digits', '42032419800101123', null],
  ])('%s', (_name, key, problem) => expect(householdKeyProblem(key)?.message ?? null).toBe(problem));
});
