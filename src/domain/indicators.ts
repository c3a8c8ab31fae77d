import type { GoalId } from '../contract/config';
import type { IndicatorId } from '../contract/site';
import type { Lang, Localized } from '../i18n';
import { formatPoints, formatScore, formatShare } from './format';

/** How an indicator's value is read: a share (0–1, shown as %), percentage points, or a 0–100 score. */
export type IndicatorUnit = 'share' | 'points' | 'score';

/** An indicator: its name in each language (`spec[lang]`), unit, direction and definition. */
export interface IndicatorSpec extends Localized {
  id: IndicatorId;
  unit: IndicatorUnit;
  /** True when a higher value is better (drives palette direction and ranking). */
  isHigherBetter: boolean;
  goal: GoalId | null;
  /** How it is computed, for the legend and the about page. */
  definition: Localized;
}

/** The indicators of DESIGN.md, in display order: the four goals first. */
export const INDICATORS: readonly IndicatorSpec[] = [
  { id: 'industry', zh: '产业覆盖率', en: 'Industry coverage', unit: 'share', isHigherBetter: true, goal: 'industry', definition: { zh: '有在建或已完工产业类项目的村 ÷ 村数（产业类：atlas.config.json 中目标为“村村有产业”的类别）', en: 'villages with an industry project building or done ÷ villages (industry: the categories whose goal in atlas.config.json is "industry")' } },
  { id: 'household', zh: '贫困户项目覆盖率', en: 'Household coverage', unit: 'share', isHigherBetter: true, goal: 'household', definition: { zh: '至少有一个已开工项目覆盖的贫困户 ÷ 贫困户', en: 'poor households covered by ≥1 started project ÷ poor households' } },
  { id: 'employment', zh: '贫困劳动力就业率', en: 'Employment', unit: 'share', isHigherBetter: true, goal: 'employment', definition: { zh: '已就业劳动力 ÷ 劳动力（贫困户；只计两项都填写的村或户）', en: 'employed laborers ÷ laborers (poor households; only villages or households with both figures)' } },
  { id: 'beauty', zh: '美丽乡村覆盖率', en: 'Liveable villages', unit: 'share', isHigherBetter: true, goal: 'beauty', definition: { zh: '有已完工人居环境类项目的村 ÷ 村数（人居环境类：atlas.config.json 中目标为“处处都美丽”的类别）', en: 'villages with an environment project done ÷ villages (environment: the categories whose goal in atlas.config.json is "beauty")' } },
  { id: 'completion', zh: '项目完工率', en: 'Completion', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '已完工或已验收项目 ÷ 项目数', en: 'projects done or accepted ÷ projects' } },
  { id: 'progress', zh: '平均形象进度', en: 'Mean progress', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '按资金规模加权的形象进度', en: 'budget-weighted mean physical progress' } },
  { id: 'disbursement', zh: '资金拨付率', en: 'Disbursement', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '已拨付 ÷ 资金规模', en: 'spent ÷ budget' } },
  { id: 'lag', zh: '进度滞后', en: 'Lag', unit: 'points', isHigherBetter: false, goal: null, definition: { zh: '计划进度 − 实际进度（百分点，按资金加权，仅计已到开工期的项目）', en: 'expected − actual progress (points, budget-weighted, projects past their start)' } },
  { id: 'incidence', zh: '贫困发生率', en: 'Poverty incidence', unit: 'share', isHigherBetter: false, goal: null, definition: { zh: '（建档立卡人口 − 已脱贫人口）÷ 总人口', en: '(poor − exited population) ÷ population' } },
  { id: 'quality', zh: '数据质量分', en: 'Data quality', unit: 'score', isHigherBetter: true, goal: null, definition: { zh: '0–100 分：公示字段完整 25 分、按代码匹配 15 分、有项目坐标 10 分、核查发现 50 分（按涉及资金占比扣减）；计入截至当月的核查发现', en: '0–100: disclosure fields filled 25, rows joined by code 15, projects with their own point 10, findings 50 (less the share of money they concern); counts the findings up to the month' } },
];

/** The spec of one indicator. */
export function indicatorSpec(id: IndicatorId): IndicatorSpec {
  const spec = INDICATORS.find((i) => i.id === id);
  if (!spec) throw new Error(`unknown indicator ${id}`);
  return spec;
}

/** An indicator value in its unit: `37.5%`, `−5.0 个百分点` or `96.2 分`; `—` for no data. */
export function formatIndicator(spec: IndicatorSpec, value: number | null, lang: Lang): string {
  return spec.unit === 'points' ? formatPoints(value, lang) : spec.unit === 'score' ? formatScore(value, lang) : formatShare(value);
}
