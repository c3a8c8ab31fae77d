/**
 * 数据实 in plain words: a title and a sentence for each finding of integrity.ts, Chinese first
 * (as a county official would write it) with a faithful English translation, plus the short
 * label and the on-site check (核查建议) of each rule. Pure; the caller supplies the names.
 */
import { formatNumberIn, monthLabel, pick, type Lang, type Localized } from '../i18n';
import { formatWan } from './format';
import type { Finding, FindingRule } from './integrity-model';

/** Names of the areas and projects a finding refers to by index. */
export interface FindingNames {
  project(i: number): string;
  village(i: number): string;
  town(i: number): string;
}

/** What a finding says to a reader. */
export interface FindingText {
  title: string;
  detail: string;
}

/** Short names of the rules, for filters, legends and titles. */
export const RULE_LABELS: Record<FindingRule, Localized> = {
  progressBackward: { zh: '进度倒退', en: 'Progress went backward' },
  progressJump: { zh: '进度突变', en: 'Sudden jump to 100%' },
  overspent: { zh: '超预算拨付', en: 'Paid over budget' },
  doneUnspent: { zh: '完工未拨付', en: 'Done but nothing paid' },
  spentPlanned: { zh: '未开工先拨付', en: 'Paid before starting' },
  doneBeforeStart: { zh: '完工早于开工', en: 'Done before its start date' },
  reportedAfterAccepted: { zh: '验收后仍有变动', en: 'Changed after acceptance' },
  exitedAboveLine: { zh: '出列未达标', en: 'Exited above the exit line' },
  exitedAboveRegistered: { zh: '脱贫户多于建档户', en: 'More exited than registered' },
  beneficiariesAboveHouseholds: { zh: '受益户多于总户数', en: 'More beneficiaries than households' },
  identicalReports: { zh: '月报数字雷同', en: 'Identical monthly reports' },
  frozenTown: { zh: '全镇月报停滞', en: 'Town reports frozen' },
  preInspectionJump: { zh: '检查前进度突增', en: 'Jump before an inspection' },
  pastRevised: { zh: '往月月报被改写', en: 'Past report revised' },
  photoFar: { zh: '照片拍摄地偏离项目', en: 'Photo taken far from the site' },
  photoWrongTime: { zh: '照片拍摄时间不符', en: 'Photo taken at an impossible time' },
  photoReused: { zh: '同一照片用于两个项目', en: 'One photo for two projects' },
  photoMissingDone: { zh: '完工缺竣工照片', en: 'Done without a completion photo' },
};

/** Families of rules, for counts and filters: what part of the reporting a finding is about. */
export type FindingGroup = 'progress' | 'reports' | 'money' | 'households' | 'photos';
export const FINDING_GROUPS: readonly FindingGroup[] = ['progress', 'reports', 'money', 'households', 'photos'];

export const RULE_GROUP: Record<FindingRule, FindingGroup> = {
  progressBackward: 'progress',
  progressJump: 'progress',
  preInspectionJump: 'progress',
  identicalReports: 'reports',
  frozenTown: 'reports',
  reportedAfterAccepted: 'reports',
  doneBeforeStart: 'reports',
  pastRevised: 'reports',
  overspent: 'money',
  doneUnspent: 'money',
  spentPlanned: 'money',
  exitedAboveLine: 'households',
  exitedAboveRegistered: 'households',
  beneficiariesAboveHouseholds: 'households',
  photoFar: 'photos',
  photoWrongTime: 'photos',
  photoReused: 'photos',
  photoMissingDone: 'photos',
};

export const GROUP_LABELS: Record<FindingGroup, Localized> = {
  progress: { zh: '进度', en: 'progress' },
  reports: { zh: '月报与台账', en: 'reports and ledger' },
  money: { zh: '资金', en: 'money' },
  households: { zh: '户数与脱贫', en: 'households and exits' },
  photos: { zh: '现场照片', en: 'site photos' },
};

/** What to check on site for each rule (核查建议), one sentence. */
export const RULE_ADVICE: Record<FindingRule, Localized> = {
  progressBackward: { zh: '对照前后两次月报和工地现场，查明是填报错误还是返工。', en: 'Compare the two monthly reports with the site to tell a reporting error from rework.' },
  progressJump: { zh: '到现场看工程是否确已完工，调阅完工资料和施工日志。', en: 'Visit the site to see whether the work is really finished, and read the completion papers and the site log.' },
  overspent: { zh: '核对拨付凭证，查明是追加了资金而台账未改，还是多拨了款。', en: 'Check the payment vouchers: was the budget raised without updating the ledger, or was too much paid?' },
  doneUnspent: { zh: '核对拨付凭证，查明是资金确未拨付还是月报漏填。', en: 'Check the payment vouchers: was nothing paid, or was the payment left out of the report?' },
  spentPlanned: { zh: '核对拨付凭证和开工记录，确认项目是否已经开工。', en: 'Check the payment vouchers and the start records to see whether the project has started.' },
  doneBeforeStart: { zh: '核对台账的开工时间和完工资料，改正填错的日期。', en: 'Check the ledger’s start date against the completion papers and correct the wrong date.' },
  reportedAfterAccepted: { zh: '调阅验收资料，查明验收后数字为何仍在变动。', en: 'Read the acceptance papers and find out why the figures still changed after acceptance.' },
  exitedAboveLine: { zh: '入户核实未脱贫人口和总人口，按出列标准重新核定。', en: 'Verify the remaining poor and the population door to door, and reassess the exit against the standard.' },
  exitedAboveRegistered: { zh: '核对建档立卡名册和脱贫名单，查清多出的户从何而来。', en: 'Compare the register of poor households with the list of exits and find where the extra households come from.' },
  beneficiariesAboveHouseholds: { zh: '核对受益户名单，查是否重复计算或计入了外村户。', en: 'Check the list of beneficiaries for households counted twice or from other villages.' },
  identicalReports: { zh: '抽查这些项目的现场，确认月报是据实填写而不是照抄。', en: 'Visit some of these sites to make sure the reports were filled in from the site, not copied.' },
  frozenTown: { zh: '到乡镇核实项目是确已停工，还是月报没有更新。', en: 'Ask the town whether the works have stopped or the reports were simply not updated.' },
  preInspectionJump: { zh: '对照上月现场照片和施工日志，核实进度是否真实。', en: 'Compare last month’s site photos and the site log to see whether the progress is real.' },
  pastRevised: { zh: '调阅当月原始月报和更正说明，查明为何事后改写、由谁批准。', en: 'Read the original report of that month and the note of correction: why was it rewritten afterwards, and who approved it?' },
  photoFar: { zh: '到项目现场核对照片，查明照片是否拍的是本项目，或台账坐标是否填错。', en: 'Compare the photo with the site: is it of this project, or is the ledger’s location wrong?' },
  photoWrongTime: { zh: '调阅原始照片和施工日志，核实拍摄日期与开工、完工时间。', en: 'Read the original photo and the site log, and check the date taken against the start and completion.' },
  photoReused: { zh: '到两个项目现场各拍一张照片，查明哪个项目的照片被借用。', en: 'Photograph both sites afresh and find out which project borrowed the other’s photo.' },
  photoMissingDone: { zh: '补拍竣工照片，或核实项目是否确已完工。', en: 'Take the completion photo, or check that the work is really finished.' },
};

/** The title and sentence of a finding, with the names of what it concerns. */
export function describeFinding(f: Finding, lang: Lang, names: FindingNames): FindingText {
  const fig = (key: string): number | undefined => f.figures[key];
  const project = f.projects[0] === undefined ? '' : names.project(f.projects[0]);
  const town = names.town(f.town);
  const village = f.village >= 0 ? names.village(f.village) : '';
  const other = f.projects[1] === undefined ? '' : names.project(f.projects[1]);
  return { title: pick(RULE_LABELS[f.rule], lang), detail: DETAILS[lang](f, fig, { project, other, town, village }) };
}

/** The sentence of a finding in each language, each quoting the project and placing the village its own way. */
const DETAILS: Readonly<Record<Lang, (f: Finding, fig: Figure, names: { project: string; other: string; town: string; village: string }) => string>> = {
  zh: (f, fig, n) => detailZh(f, fig, { project: `「${n.project}」`, other: `「${n.other}」`, town: n.town, place: `${n.town}${n.village}` }),
  en: (f, fig, n) => detailEn(f, fig, { project: `“${n.project}”`, other: `“${n.other}”`, town: n.town, place: n.village ? `${n.village} (${n.town})` : n.town }),
};

type Figure = (key: string) => number | undefined;
interface Subject {
  project: string;
  /** The second project, for a finding about two (photoReused). */
  other: string;
  town: string;
  /** The village with its town, for the village rules. */
  place: string;
}

function detailZh(f: Finding, fig: Figure, s: Subject): string {
  const month = monthZh(f.month);
  switch (f.rule) {
    case 'progressBackward':
      return `${s.project}${month}报进度 ${pct(fig('to'))}，低于上次所报的 ${pct(fig('from'))}。`;
    case 'progressJump':
      return `${s.project}${month}进度由上月的 ${pct(fig('from'))} 一下跳到 ${pct(fig('to'))}。`;
    case 'overspent':
      return `${s.project}截至${month}已拨付 ${wanZh(fig('spentWan'))}，超过资金规模 ${wanZh(fig('budgetWan'))}。`;
    case 'doneUnspent':
      return `${s.project}${month}已报完工（或验收），但已拨付资金仍为 0。`;
    case 'spentPlanned':
      return `${s.project}${month}仍报未开工，却已拨付 ${wanZh(fig('spentWan'))}。`;
    case 'doneBeforeStart':
      return `${s.project}${month}报已完工，早于台账上的开工时间${monthZh(yyyymm(fig('startMonth')))}。`;
    case 'reportedAfterAccepted':
      return `${s.project}${monthZh(yyyymm(fig('acceptedMonth')))}已验收，${month}的月报中状态、进度或拨付仍有变动。`;
    case 'exitedAboveLine':
      return `${s.place}${num(fig('exitYear'), 0, false)}年已出列，但贫困发生率仍为 ${pct(fig('incidencePct'), 2)}，未降到 ${pct(fig('linePct'), 2)} 的出列线以下。`;
    case 'exitedAboveRegistered':
      return `${s.place}已脱贫 ${num(fig('exited'))} 户，多于建档立卡的 ${num(fig('registered'))} 户。`;
    case 'beneficiariesAboveHouseholds':
      return `${s.project}填报受益 ${num(fig('beneficiaries'))} 户，超过所在${f.village >= 0 ? '村' : '乡镇'}的总户数 ${num(fig('households'))} 户。`;
    case 'identicalReports':
      return `${s.town}有 ${num(fig('count'))} 个项目${month}所报数字完全相同：进度都是 ${pct(fig('progressPct'))}，已拨付都是 ${wanZh(fig('spentWan'))}。`;
    case 'frozenTown':
      return `${s.town}在建的 ${num(fig('projects'))} 个项目连续 ${num(fig('months'))} 个月（截至${month}）所报进度和拨付一个数都没有变。`;
    case 'preInspectionJump':
      return `${s.project}${month}进度上升 ${num(fig('rise'), 1)} 个百分点，${usualZh(fig('usual'))}${plannedZh(fig('planned'))}；这个月正是检查（拉练）前一个月。`;
    case 'pastRevised':
      return `${s.project}${month}已发布的月报在本次发布中被改写：${revisedParts(fig, 'zh').join('，')}。`;
    case 'photoFar':
      return fig('outsideTown') ? `${s.project}有 ${num(fig('photos'))} 张照片拍摄于所在乡镇之外，最远距村委会驻地 ${km(fig('distanceM'), 'zh')}。` : `${s.project}有 ${num(fig('photos'))} 张照片拍摄地距项目点 ${km(fig('distanceM'), 'zh')}，超过 ${km(fig('limitM'), 'zh')}。`;
    case 'photoWrongTime':
      return wrongTimeZh(fig, s.project);
    case 'photoReused':
      return `${s.project}和${s.other}用了${fig('identical') ? '完全相同的' : '同一张（缩放或重新保存过的）'}照片。`;
    case 'photoMissingDone':
      return `${s.project}${monthZh(yyyymm(fig('doneMonth')))}已报完工，但没有竣工或验收照片。`;
  }
}

function detailEn(f: Finding, fig: Figure, s: Subject): string {
  const month = monthEn(f.month);
  switch (f.rule) {
    case 'progressBackward':
      return `${s.project} reported ${pct(fig('to'))} progress in ${month}, down from ${pct(fig('from'))} in its previous report.`;
    case 'progressJump':
      return `${s.project} jumped from ${pct(fig('from'))} the month before to ${pct(fig('to'))} in ${month}.`;
    case 'overspent':
      return `By ${month} ${s.project} had been paid ${wanEn(fig('spentWan'))}, more than its budget of ${wanEn(fig('budgetWan'))}.`;
    case 'doneUnspent':
      return `${s.project} was reported done (or accepted) in ${month}, yet nothing had been paid out.`;
    case 'spentPlanned':
      return `${s.project} was still reported as not started in ${month}, yet ${wanEn(fig('spentWan'))} had been paid.`;
    case 'doneBeforeStart':
      return `${s.project} was reported done in ${month}, before its start date in the ledger, ${monthEn(yyyymm(fig('startMonth')))}.`;
    case 'reportedAfterAccepted':
      return `${s.project} was accepted in ${monthEn(yyyymm(fig('acceptedMonth')))}, yet its report for ${month} still changed its status, progress or payments.`;
    case 'exitedAboveLine':
      return `${s.place} exited poverty in ${num(fig('exitYear'), 0, false)}, but its poverty incidence is still ${pct(fig('incidencePct'), 2)}, not below the exit line of ${pct(fig('linePct'), 2)}.`;
    case 'exitedAboveRegistered':
      return `${s.place} counts ${num(fig('exited'))} households out of poverty, more than the ${num(fig('registered'))} registered as poor.`;
    case 'beneficiariesAboveHouseholds':
      return `${s.project} lists ${num(fig('beneficiaries'))} beneficiary households, more than the ${num(fig('households'))} households of its ${f.village >= 0 ? 'village' : 'town'}.`;
    case 'identicalReports':
      return `${num(fig('count'))} projects in ${s.town} reported exactly the same figures for ${month}: ${pct(fig('progressPct'))} progress and ${wanEn(fig('spentWan'))} paid, each.`;
    case 'frozenTown':
      return `The ${num(fig('projects'))} projects under construction in ${s.town} reported the very same progress and payments for ${num(fig('months'))} months running (to ${month}).`;
    case 'preInspectionJump':
      return `${s.project} rose ${num(fig('rise'), 1)} points in ${month}, ${usualEn(fig('usual'))}${plannedEn(fig('planned'))}; it was the month before an inspection.`;
    case 'pastRevised':
      return `The published report of ${s.project} for ${month} was rewritten in this release: ${revisedParts(fig, 'en').join(', ')}.`;
    case 'photoFar':
      return fig('outsideTown') ? `${num(fig('photos'))} photo(s) of ${s.project} were taken outside its town, up to ${km(fig('distanceM'), 'en')} from its village seat.` : `${num(fig('photos'))} photo(s) of ${s.project} were taken ${km(fig('distanceM'), 'en')} from the project’s location, beyond ${km(fig('limitM'), 'en')}.`;
    case 'photoWrongTime':
      return wrongTimeEn(fig, s.project);
    case 'photoReused':
      return `${s.project} and ${s.other} use ${fig('identical') ? 'the very same' : 'the same (resized or re-saved)'} photo.`;
    case 'photoMissingDone':
      return `${s.project} was reported done in ${monthEn(yyyymm(fig('doneMonth')))}, but has no completion or acceptance photo.`;
  }
}

/** The three impossible times of photoWrongTime (kind 0, 1, 2: src/domain/photo-rules.ts WRONG_TIME). */
function wrongTimeZh(fig: Figure, project: string): string {
  const taken = dayZh(fig('taken'));
  if (fig('kind') === 0) return `${project}的施工前照片拍摄于${taken}，晚于开工日期${dayZh(fig('start'))}（已留 ${num(fig('marginDays'))} 天余地）。`;
  if (fig('kind') === 1) return fig('doneMonth') ? `${project}的竣工（验收）照片拍摄于${taken}，早于月报首次报进度 100% 的${monthZh(yyyymm(fig('doneMonth')))}。` : `${project}的竣工（验收）照片拍摄于${taken}，但月报从未报过进度 100%。`;
  return `${project}的照片拍摄于${taken}，晚于数据截至日期${dayZh(fig('dataDate'))}。`;
}

function wrongTimeEn(fig: Figure, project: string): string {
  const taken = dayEn(fig('taken'));
  if (fig('kind') === 0) return `The before-work photo of ${project} was taken on ${taken}, after its start date ${dayEn(fig('start'))} (${num(fig('marginDays'))} days allowed).`;
  if (fig('kind') === 1) return fig('doneMonth') ? `The completion (acceptance) photo of ${project} was taken on ${taken}, before ${monthEn(yyyymm(fig('doneMonth')))}, the first month its reports say 100%.` : `The completion (acceptance) photo of ${project} was taken on ${taken}, yet no report says it reached 100%.`;
  return `A photo of ${project} was taken on ${taken}, after the data date ${dayEn(fig('dataDate'))}.`;
}

/** 20160512 → 2016年5月12日. */
function dayZh(n: number | undefined): string {
  if (n === undefined || !Number.isInteger(n)) return '某日';
  return `${Math.floor(n / 10000)}年${Math.floor(n / 100) % 100}月${n % 100}日`;
}

/** 20160512 → 12 May 2016. */
function dayEn(n: number | undefined): string {
  if (n === undefined || !Number.isInteger(n)) return 'one day';
  return `${n % 100} ${MONTH_NAMES_EN[(Math.floor(n / 100) % 100) - 1] ?? ''} ${Math.floor(n / 10000)}`;
}

/** The units of a distance, per language. */
const DISTANCE_UNITS: Readonly<Record<Lang, { km: string; m: string }>> = { zh: { km: '公里', m: '米' }, en: { km: 'km', m: 'm' } };

/** Metres as km to one decimal from 1 km, else whole metres: `2.4 公里`, `850 m`. */
function km(m: number | undefined, lang: Lang): string {
  if (m === undefined || !Number.isFinite(m)) return '—';
  const unit = DISTANCE_UNITS[lang];
  return m >= 1000 ? `${num(m / 1000, 1)} ${unit.km}` : `${num(m)} ${unit.m}`;
}

/** Status names by their index in the site data (planned, building, done, accepted). */
const STATUS_NAMES: Readonly<Record<Lang, readonly string[]>> = { zh: ['未开工', '在建', '已完工', '已验收'], en: ['planned', 'building', 'done', 'accepted'] };

/** The words of a revision's figures, per language. */
const REVISED_WORDS: Readonly<Record<Lang, { status: string; progress: string; paid: string; wan: (x: number | undefined) => string }>> = {
  zh: { status: '状态', progress: '进度', paid: '已拨付', wan: (x) => wanZh(x) },
  en: { status: 'status', progress: 'progress', paid: 'paid', wan: (x) => wanEn(x) },
};

/** The figures a revision changed, each as old → new (pastRevised: fromStatus/toStatus, fromPct/toPct, fromSpentWan/toSpentWan). */
function revisedParts(fig: Figure, lang: Lang): string[] {
  const parts: string[] = [];
  const pair = (key: string): [number, number] | null => {
    const from = fig(`from${key}`);
    const to = fig(`to${key}`);
    return from === undefined || to === undefined ? null : [from, to];
  };
  const status = pair('Status');
  const progress = pair('Pct');
  const spent = pair('SpentWan');
  const names = STATUS_NAMES[lang];
  const words = REVISED_WORDS[lang];
  if (status) parts.push(`${words.status} ${names[status[0]] ?? '—'} → ${names[status[1]] ?? '—'}`);
  if (progress) parts.push(`${words.progress} ${pct(progress[0])} → ${pct(progress[1])}`);
  if (spent) parts.push(`${words.paid} ${words.wan(spent[0])} → ${words.wan(spent[1])}`);
  return parts;
}

function usualZh(usual: number | undefined): string {
  return usual ? `而该乡镇项目平时每月只上升 ${num(usual, 1)} 个百分点` : '而该乡镇项目平时几乎没有进度上升可比';
}

function usualEn(usual: number | undefined): string {
  return usual ? `while projects in its town usually rise ${num(usual, 1)} points a month` : 'while projects in its town show no usual monthly rise to compare with';
}

/** The project's own planned monthly pace, when the finding records it. */
function plannedZh(planned: number | undefined): string {
  return planned === undefined ? '' : `（本项目按计划每月约 ${num(planned, 1)} 个百分点）`;
}

function plannedEn(planned: number | undefined): string {
  return planned === undefined ? '' : ` (its own plan asks for about ${num(planned, 1)} a month)`;
}

const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2016-05` → `2016年5月`; a missing month reads as 某月. */
function monthZh(month: string | null): string {
  return month && /^\d{4}-\d{2}$/.test(month) ? monthLabel('zh', month) : '某月';
}

/** `2016-05` → `May 2016`; a missing month reads as "one month". */
function monthEn(month: string | null): string {
  const name = month && /^\d{4}-\d{2}$/.test(month) ? MONTH_NAMES_EN[Number(month.slice(5, 7)) - 1] : undefined;
  return name ? `${name} ${month!.slice(0, 4)}` : 'one month';
}

/** The YYYYMM numbers integrity.ts records (201605) as `2016-05`. */
function yyyymm(n: number | undefined): string | null {
  return n === undefined || !Number.isInteger(n) ? null : `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
}

/** A number with thousands separators and at most `digits` decimals; `—` when missing. */
function num(x: number | undefined, digits = 0, isGrouped = true): string {
  return x === undefined || !Number.isFinite(x) ? '—' : formatNumberIn('en-US', x, { maximumFractionDigits: digits, useGrouping: isGrouped });
}

/** Progress and incidence as written, to one decimal by default: `60%`, `2.35%`. */
function pct(x: number | undefined, digits = 1): string {
  return `${num(x, digits)}%`;
}

/** 万元 to two decimals at most (百元, the ledger's own precision): `12.5 万元`. */
function wanZh(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '— 万元' : `${formatWan(x)} 万元`;
}

/** The same amount in yuan for English readers, to the nearest 100 yuan; millions above a million. */
function wanEn(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '— yuan';
  const yuan = Math.round(x * 100) * 100;
  return Math.abs(yuan) >= 1_000_000 ? `${num(yuan / 1_000_000, 2)} million yuan` : `${num(yuan)} yuan`;
}
