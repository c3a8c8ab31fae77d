import { describe, expect, it } from 'vitest';
import { householdKeyProblem, personalDataKind } from '../../../src/pipeline/privacy';

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
  ])('%s → %s', (header, kind) => expect(personalDataKind(header)).toBe(kind));
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
  ])('%s', (_name, key, problem) => expect(householdKeyProblem(key)).toBe(problem));
});
