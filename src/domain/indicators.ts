import type { GoalId } from '../contract/config';
import { INDICATOR_IDS, type IndicatorId } from '../contract/site';
import { fillText, pick, t, type Lang, type Localized } from '../i18n';
import { UNITS, type UnitId } from './units';

/** Where the area panel shows an indicator: with the four goals, among the other figures, or in the 数据核查 section. */
export type PanelPlace = 'goals' | 'figures' | 'findings';

/** An indicator: its name in each language (`spec[lang]`), unit, direction and definition. */
export interface IndicatorSpec extends Localized {
  id: IndicatorId;
  /** Its unit: how its value is written, classed and coloured (UNITS[unit], units.ts). */
  unit: UnitId;
  /** True when a higher value is better (drives palette direction and ranking). */
  isHigherBetter: boolean;
  goal: GoalId | null;
  /** How it is computed, for the legend and the about page. */
  definition: Localized;
  panel: PanelPlace;
}

/**
 * The indicators of DESIGN.md, one spec per id of the contract (src/contract/site.ts): a missing or
 * stray spec does not compile.
 */
const SPECS: Readonly<Record<IndicatorId, Omit<IndicatorSpec, 'id'>>> = {
  industry: { zh: '产业覆盖率', en: 'Industry coverage', unit: 'share', isHigherBetter: true, goal: 'industry', definition: { zh: '有在建或已完工产业类项目的村 ÷ 村数（产业类：atlas.config.json 中目标为“村村有产业”的类别）', en: 'villages with an industry project building or done ÷ villages (industry: the categories whose goal in atlas.config.json is "industry")' }, panel: 'goals' },
  household: { zh: '贫困户项目覆盖率', en: 'Household coverage', unit: 'share', isHigherBetter: true, goal: 'household', definition: { zh: '至少有一个已开工项目覆盖的贫困户 ÷ 贫困户', en: 'poor households covered by ≥1 started project ÷ poor households' }, panel: 'goals' },
  employment: { zh: '贫困劳动力就业率', en: 'Employment', unit: 'share', isHigherBetter: true, goal: 'employment', definition: { zh: '已就业劳动力 ÷ 劳动力（贫困户；只计两项都填写的村或户）', en: 'employed laborers ÷ laborers (poor households; only villages or households with both figures)' }, panel: 'goals' },
  beauty: { zh: '美丽乡村覆盖率', en: 'Liveable villages', unit: 'share', isHigherBetter: true, goal: 'beauty', definition: { zh: '有已完工人居环境类项目的村 ÷ 村数（人居环境类：atlas.config.json 中目标为“处处都美丽”的类别）', en: 'villages with an environment project done ÷ villages (environment: the categories whose goal in atlas.config.json is "beauty")' }, panel: 'goals' },
  completion: { zh: '项目完工率', en: 'Completion', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '已完工或已验收项目 ÷ 项目数', en: 'projects done or accepted ÷ projects' }, panel: 'figures' },
  progress: { zh: '平均形象进度', en: 'Mean progress', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '按资金规模加权的形象进度', en: 'budget-weighted mean physical progress' }, panel: 'figures' },
  disbursement: { zh: '资金拨付率', en: 'Disbursement', unit: 'share', isHigherBetter: true, goal: null, definition: { zh: '已拨付 ÷ 资金规模', en: 'spent ÷ budget' }, panel: 'figures' },
  lag: { zh: '进度滞后', en: 'Lag', unit: 'points', isHigherBetter: false, goal: null, definition: { zh: '计划进度 − 实际进度（百分点，按资金加权，仅计已到开工期的项目）', en: 'expected − actual progress (points, budget-weighted, projects past their start)' }, panel: 'figures' },
  incidence: { zh: '贫困发生率', en: 'Poverty incidence', unit: 'share', isHigherBetter: false, goal: null, definition: { zh: '（建档立卡人口 − 已脱贫人口）÷ 总人口', en: '(poor − exited population) ÷ population' }, panel: 'figures' },
  quality: { zh: '数据质量分', en: 'Data quality', unit: 'score', isHigherBetter: true, goal: null, definition: { zh: '0–100 分：公示字段完整 25 分、按代码匹配 15 分、有项目坐标 10 分、核查发现 50 分（按涉及资金占比扣减）；计入截至当月的核查发现', en: '0–100: disclosure fields filled 25, rows joined by code 15, projects with their own point 10, findings 50 (less the share of money they concern); counts the findings up to the month' }, panel: 'findings' },
};

/** The indicators in display order (the contract's INDICATOR_IDS): the four goals first. */
export const INDICATORS: readonly IndicatorSpec[] = INDICATOR_IDS.map((id) => ({ id, ...SPECS[id] }));

const BY_ID = new Map<string, IndicatorSpec>(INDICATORS.map((spec) => [spec.id, spec]));

/** The spec of one indicator. */
export function indicatorSpec(id: IndicatorId): IndicatorSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`unknown indicator ${id}`);
  return spec;
}

/** An indicator value in its unit: `37.5%`, `−5.0 个百分点` or `96.2 分`; `—` for no data. */
export function formatIndicator(spec: IndicatorSpec, value: number | null, lang: Lang): string {
  return UNITS[spec.unit].format(value, lang);
}

/** The indicator's name with its unit, as a table's column header says it: `产业覆盖率（%）`, `进度滞后（个百分点）`. */
export function indicatorColumnHeader(spec: IndicatorSpec, lang: Lang): string {
  return `${pick(spec, lang)}${fillText(lang, 'parenthetical', { text: UNITS[spec.unit].columnUnit(lang) })}`;
}

/** An indicator value under indicatorColumnHeader: `37.5%`, `−5.0`, `96.2`; 无数据 / No data when missing. */
export function formatIndicatorCell(spec: IndicatorSpec, value: number | null, lang: Lang): string {
  return value === null ? t(lang, 'noData') : UNITS[spec.unit].formatInColumn(value);
}
