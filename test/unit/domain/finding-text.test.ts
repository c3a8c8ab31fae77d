import { describe, expect, it } from 'vitest';
import { describeFinding, FINDING_GROUPS, GROUP_LABELS, RULE_ADVICE, RULE_GROUP, RULE_LABELS, type FindingNames } from '../../../src/domain/finding-text';
import { integrityFindings } from '../../../src/domain/integrity';
import { photoFindings, type PhotoFacts, type PhotoRulesInput } from '../../../src/domain/photo-rules';
import { PHOTO_RULES } from '../../../src/contract/integrity';
import { FINDING_RULES, reportList, type Finding, type FindingRule, type IntegrityInput, type IntegrityProject, type IntegrityReport, type IntegrityVillage } from '../../../src/domain/integrity-model';

const names: FindingNames = { project: (i) => `香菇基地${i + 1}号`, village: (i) => ['新街村', '双竹村'][i] ?? `村${i}`, town: (i) => ['龙坝镇', '中峰镇'][i] ?? `镇${i}` };
const r = (month: string, status: IntegrityReport['status'], progressPct: number | null, spentWan: number | null): IntegrityReport => ({ month, status, progressPct, spentWan });
const village = (over: Partial<IntegrityVillage> = {}): IntegrityVillage => ({ name: '新街村', town: 0, households: 400, population: 1200, poorHouseholds: 80, poorPopulation: 240, exitedHouseholds: 40, exitedPopulation: 120, exitYear: null, isJoinedByCode: true, ...over });
const project = (reports: IntegrityReport[], over: Partial<Omit<IntegrityProject, 'reports'>> = {}): IntegrityProject => ({ name: '项目', town: 0, village: 0, budgetWan: 60, start: '2016-01-10', due: '2016-12-31', beneficiaryHouseholds: 30, reports: reportList(reports), disclosureFilled: 1, isJoinedByCode: true, hasOwnPoint: true, ...over });
const input = (projects: IntegrityProject[], villages: IntegrityVillage[] = [village()], inspectionMonths: string[] = []): IntegrityInput => ({ towns: [{ name: '龙坝镇' }], villages, projects, exitLinePct: 2, inspectionMonths });
const steady = (): IntegrityReport[] => [r('2016-01', 'building', 10, 5), r('2016-02', 'building', 20, 10), r('2016-03', 'building', 30, 15), r('2016-04', 'building', 40, 20)];
const frozen = [r('2016-02', 'building', 40, 20), r('2016-03', 'building', 40, 20), r('2016-04', 'building', 40, 20)];

/** One dataset per rule, each tripping that rule (among others perhaps): realistic findings with the figures integrityFindings records. */
const CASES: Record<Exclude<FindingRule, 'pastRevised' | (typeof PHOTO_RULES)[number]>, IntegrityInput> = {
  progressBackward: input([project([r('2016-04', 'building', 80, 30), r('2016-05', 'building', 60, 32)])]),
  progressJump: input([project([r('2016-04', 'building', 20, 10), r('2016-05', 'done', 100, 55)])]),
  overspent: input([project([r('2016-05', 'building', 50, 65.5)])]),
  doneUnspent: input([project([r('2016-04', 'building', 50, 0), r('2016-05', 'done', 100, null)])]),
  spentPlanned: input([project([r('2016-03', 'planned', 0, 5)])]),
  doneBeforeStart: input([project([r('2016-01', 'building', 50, 20), r('2016-02', 'done', 100, 40)], { start: '2016-06-01' })]),
  reportedAfterAccepted: input([project([r('2016-05', 'done', 100, 55), r('2016-06', 'accepted', 100, 55), r('2016-07', 'accepted', 100, 58)])]),
  exitedAboveLine: input([], [village({ exitYear: 2016 })]),
  exitedAboveRegistered: input([], [village({ exitedHouseholds: 85 })]),
  beneficiariesAboveHouseholds: input([project(steady(), { beneficiaryHouseholds: 450 })]),
  identicalReports: input(Array.from({ length: 5 }, () => project([r('2016-03', 'building', 50, 25)]))),
  frozenTown: input([project(frozen), project(frozen.map((x) => ({ ...x, progressPct: 60, spentWan: 30 })))]),
  preInspectionJump: input([project([...steady(), r('2016-05', 'building', 80, 40)]), project(steady())], [village()], ['2016-06']),
};

/** A revision of the past is found by comparing two releases (pipeline/release/), not by the rules over one dataset. */
const REVISED: Finding = { rule: 'pastRevised', month: '2016-03', town: 0, village: 0, projects: [0], amountWan: 60, figures: { fromPct: 40, toPct: 55, fromSpentWan: 10, toSpentWan: 12.5 } };

/** The photo rules read photos (src/domain/photo-rules.ts): one input trips each. */
const photo = (over: Partial<PhotoFacts>): PhotoFacts => ({ project: 0, stage: 'during', takenAt: '2016-05-10', distanceM: 120, isOutsideTown: null, sha256: 'a', dhash: null, ...over });
const PHOTO_INPUT: PhotoRulesInput = {
  projects: [project([r('2016-04', 'building', 50, 20), r('2016-05', 'done', 100, 40)]), project(steady())],
  photos: [photo({ distanceM: 5400 }), photo({ stage: 'before', takenAt: '2016-04-20' }), photo({ project: 1, sha256: 'b', dhash: '0f0f0f0f0f0f0f0f' }), photo({ project: 0, sha256: 'c', dhash: '0f0f0f0f0f0f0f0e' })],
  photoDistanceM: 2000,
  dataDate: '2016-12-31',
  lastMonth: '2016-12',
};

const findingOf = (rule: FindingRule): Finding => {
  if (rule === 'pastRevised') return REVISED;
  if ((PHOTO_RULES as readonly string[]).includes(rule)) {
    const f = photoFindings(PHOTO_INPUT).find((x) => x.rule === rule);
    if (!f) throw new Error(`the photo case found no ${rule}`);
    return f;
  }
  const f = integrityFindings(CASES[rule as keyof typeof CASES]).find((x) => x.rule === rule);
  if (!f) throw new Error(`the case for ${rule} found no ${rule}`);
  return f;
};

describe('finding texts', () => {
  it.each(FINDING_RULES)('%s has a label, advice, a group and a description in both languages', (rule) => {
    const f = findingOf(rule);
    for (const lang of ['zh', 'en'] as const) {
      expect(RULE_LABELS[rule][lang]).not.toBe('');
      expect(RULE_ADVICE[rule][lang]).not.toBe('');
      const { title, detail } = describeFinding(f, lang, names);
      expect(title).toBe(RULE_LABELS[rule][lang]);
      expect(detail.length).toBeGreaterThan(20);
      for (const text of [title, detail, RULE_ADVICE[rule][lang]]) expect(text).not.toMatch(/undefined|NaN|null|\{|\}|—/);
    }
    expect(FINDING_GROUPS).toContain(RULE_GROUP[rule]);
  });

  it('labels are distinct, and every group has both names', () => {
    for (const lang of ['zh', 'en'] as const) expect(new Set(FINDING_RULES.map((rule) => RULE_LABELS[rule][lang])).size).toBe(FINDING_RULES.length);
    for (const g of FINDING_GROUPS) for (const lang of ['zh', 'en'] as const) expect(GROUP_LABELS[g][lang].trim(), `${g} ${lang}`).not.toBe('');
  });

  it('a past report revised gives each figure old → new', () => {
    expect(describeFinding(REVISED, 'zh', names)).toEqual({ title: '往月月报被改写', detail: '「香菇基地1号」2016年3月已发布的月报在本次发布中被改写：进度 40% → 55%，已拨付 10 万元 → 12.5 万元。' });
    expect(describeFinding({ ...REVISED, figures: { fromStatus: 1, toStatus: 2 } }, 'en', names).detail).toBe('The published report of “香菇基地1号” for March 2016 was rewritten in this release: status building → done.');
  });

  it('progress going backward', () => {
    const f = findingOf('progressBackward');
    expect(describeFinding(f, 'zh', names)).toEqual({ title: '进度倒退', detail: '「香菇基地1号」2016年5月报进度 60%，低于上次所报的 80%。' });
    expect(describeFinding(f, 'en', names).detail).toBe('“香菇基地1号” reported 60% progress in May 2016, down from 80% in its previous report.');
  });

  it('money in 万元 (yuan in English), rounded', () => {
    const f = findingOf('overspent');
    expect(describeFinding(f, 'zh', names).detail).toBe('「香菇基地1号」截至2016年5月已拨付 65.5 万元，超过资金规模 60 万元。');
    expect(describeFinding(f, 'en', names).detail).toBe('By May 2016 “香菇基地1号” had been paid 655,000 yuan, more than its budget of 600,000 yuan.');
    expect(describeFinding({ ...f, figures: { spentWan: 1234.5678, budgetWan: 1200 } }, 'zh', names).detail).toContain('1,234.57 万元');
    expect(describeFinding({ ...f, figures: { spentWan: 1234.5678, budgetWan: 1200 } }, 'en', names).detail).toContain('12.35 million yuan');
  });

  it('a village exited above the line gives the incidence and the line', () => {
    const f = findingOf('exitedAboveLine');
    expect(describeFinding(f, 'zh', names)).toEqual({ title: '出列未达标', detail: '龙坝镇新街村2016年已出列，但贫困发生率仍为 10%，未降到 2% 的出列线以下。' });
    expect(describeFinding(f, 'en', names).detail).toBe('新街村 (龙坝镇) exited poverty in 2016, but its poverty incidence is still 10%, not below the exit line of 2%.');
  });

  it('identical reports name the count of projects and the figures', () => {
    const f = findingOf('identicalReports');
    expect(describeFinding(f, 'zh', names).detail).toBe('龙坝镇有 5 个项目2016年3月所报数字完全相同：进度都是 50%，已拨付都是 25 万元。');
    expect(describeFinding(f, 'en', names).detail).toBe('5 projects in 龙坝镇 reported exactly the same figures for March 2016: 50% progress and 250,000 yuan paid, each.');
  });

  it('a frozen town names its projects and the months', () => {
    expect(describeFinding(findingOf('frozenTown'), 'zh', names).detail).toBe('龙坝镇在建的 2 个项目连续 3 个月（截至2016年4月）所报进度和拨付一个数都没有变。');
  });

  it('a jump before an inspection gives the rise, the usual rise and says why the month matters', () => {
    const f = findingOf('preInspectionJump');
    expect(describeFinding(f, 'zh', names).detail).toBe('「香菇基地1号」2016年5月进度上升 40 个百分点，而该乡镇项目平时每月只上升 10 个百分点（本项目按计划每月约 8.3 个百分点）；这个月正是检查（拉练）前一个月。');
    expect(describeFinding(f, 'en', names).detail).toBe('“香菇基地1号” rose 40 points in May 2016, while projects in its town usually rise 10 points a month (its own plan asks for about 8.3 a month); it was the month before an inspection.');
    expect(describeFinding({ ...f, figures: { rise: 40, usual: 0 } }, 'zh', names).detail).not.toContain(' 0 个百分点');
  });

  it('months recorded as YYYYMM numbers read as months', () => {
    expect(describeFinding(findingOf('doneBeforeStart'), 'zh', names).detail).toBe('「香菇基地1号」2016年2月报已完工，早于台账上的开工时间2016年6月。');
    expect(describeFinding(findingOf('reportedAfterAccepted'), 'en', names).detail).toContain('accepted in June 2016, yet its report for July 2016');
  });

  it('a town-wide project compares its beneficiaries with the town', () => {
    const f = { ...findingOf('beneficiariesAboveHouseholds'), village: -1 };
    expect(describeFinding(f, 'zh', names).detail).toContain('所在乡镇的总户数 400 户');
    expect(describeFinding(f, 'en', names).detail).toContain('households of its town');
  });
});
