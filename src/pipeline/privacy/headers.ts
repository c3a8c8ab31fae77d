import { phrase, problem, type Problem, type ProblemRef } from '../../i18n/problems';
import { headerKey } from '../normalize';

/**
 * Personal data by a column's header (DESIGN.md): names, ID numbers, phone numbers, addresses, bank
 * accounts, health or disability and causes of poverty are never accepted into a build. The build
 * refuses a column whose header names one, and a household key that is really an ID or phone number.
 * What the cells hold is scanned in cell-scan.ts.
 */

/**
 * Header words that mark personal data, with the kind the error names; matched against the
 * header key (NFKC, no spaces, lower case, a trailing unit in brackets dropped). The contract's
 * own columns (src/contract/columns.ts) are matched before this and never reach it, yet none of
 * their names or aliases may match here either (a test holds this): 责任单位 is an organisation,
 * 帮扶项目 a project list, 受益户数 a count. So the person words are specific: 责任人, 帮扶人,
 * 负责人, not 责任 or 帮扶 alone; English words are anchored where a contract column contains
 * them (project_name, village_name, household_key).
 */
const PERSONAL_HEADERS: readonly [RegExp, ProblemRef][] = [
  [
    /姓名|户主|名字|联系人|责任人|负责人|帮扶人|帮扶干部|帮扶责任|结对干部|^name$|^(full|person|contact|owner|householder|household_?head|head)_?name$|^householder|^contact/,
    phrase('headerName'),
  ],
  [/身份证|身份号码|证件号|idcard|id_?number|^id_?no$|identity|^sfz/, phrase('headerIdNumber')],
  [/电话|手机|联系方式|phone|mobile|^tel/, phrase('headerPhone')],
  [/住址|地址|address/, phrase('headerAddress')],
  [/银行|卡号|账号|帐号|开户|一卡通|存折|bank|account/, phrase('headerBankAccount')],
  [/健康状况|健康情况|疾病|患病|病种|病情|残疾|health|disab|illness|disease/, phrase('headerHealth')],
  [/致贫原因|贫困原因|致贫|cause/, phrase('headerCause')],
];

/** The public supervision hotline (监督电话 12317) is a contract column, not a person's phone. */
const HOTLINE_HEADERS = /^(hotline|监督电话|举报电话|监督举报电话)$/;

/** The kind of personal data a header names (a phrase: 身份证号), or null. */
export function personalDataKind(header: string): ProblemRef | null {
  const key = headerKey(header);
  if (HOTLINE_HEADERS.test(key)) return null;
  return PERSONAL_HEADERS.find(([re]) => re.test(key))?.[1] ?? null;
}

/** 18-character resident ID: 17 digits and a check character (digit or X). */
const ID_NUMBER = /^\d{17}[\dX]$/;
/** Mainland mobile number: 11 digits starting 13–19. */
const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** Why a household key is not opaque (it looks like an ID or phone number), or null. Never quotes the key. */
export function householdKeyProblem(key: string): Problem | null {
  const s = key.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (ID_NUMBER.test(s)) return problem('householdKeyIdNumber');
  if (MOBILE_NUMBER.test(s)) return problem('householdKeyPhone');
  return null;
}
