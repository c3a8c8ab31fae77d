/** The monthly report (月度通报) as data: everything the report page shows for one month, pure and tested in Node. */
import type { GoalId } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
import { INDICATOR_IDS, type IndicatorId, type SiteData, type SiteFinding } from '../contract/site';
import { delta } from '../domain/change';
import { laggingProjects } from '../domain/lag';
import type { Localized } from '../i18n';
import { projectTotals, rankingOf, type RankedRow } from './derive';
import { reportPhotos, type ReportPhotos } from './report-photos';

export interface MonthlyReport {
  /** YYYY-MM of the report. */
  month: string;
  monthIndex: number;
  /** The month compared against, or null in the first month of the data. */
  previousMonth: string | null;
  /** The indicator the towns are ranked by. */
  indicator: IndicatorId;
  county: CountyTotals;
  /** Every town, best first by `indicator`; towns without data last. */
  towns: TownRow[];
  /** Towns in code order that have lagging projects, each with its projects worst first. */
  lagging: LaggingGroup[];
  /** The four goals in config order. */
  goals: GoalReach[];
  quality: ReportQuality;
  /** Projects finished in the month without a completion photo; null when the data has no photos. */
  photos: ReportPhotos | null;
}

/** A town's data quality (数据质量) in the month. */
export interface QualityRow {
  townId: number;
  code: string;
  name: string;
  /** 0–100; null without data. */
  score: number | null;
  /** Findings up to the month (or, when the build does not list them, the count it keeps). */
  findings: number;
}

export interface ReportQuality {
  /** Every town, lowest score first (the towns whose figures most need a visit), no score last, then by id. */
  towns: QualityRow[];
  /** The findings up to the month, when the build lists them; null when it only counts them. */
  findings: SiteFinding[] | null;
}

export interface CountyFigure {
  id: IndicatorId;
  value: number | null;
  /** Change since the previous month, in the indicator's own unit; null in the first month or without data. */
  change: number | null;
}

export interface CountyTotals {
  /** Every indicator, in INDICATOR_IDS order. */
  indicators: CountyFigure[];
  projects: { planned: number; building: number; /** done or accepted */ done: number; total: number };
  budgetWan: number;
  spentWan: number;
  laggingProjects: number;
  /** Change in the count of lagging projects since the previous month; null in the first month. */
  laggingChange: number | null;
}

export interface TownRow {
  townId: number;
  code: string;
  name: string;
  /** 1-based competition rank; null without data. */
  rank: number | null;
  /** Places climbed since the previous month (negative = fell); null when unranked in either month. */
  rankChange: number | null;
  value: number | null;
  /** Change in value since the previous month, in the indicator's unit. */
  change: number | null;
  completion: number | null;
  disbursement: number | null;
  laggingProjects: number | null;
}

export interface LaggingRow {
  /** Index into SiteProjects. */
  index: number;
  id: string;
  name: string;
  /** The village's name, or null for a town-wide project (全镇). */
  villageName: string | null;
  unit: string | null;
  expectedPct: number;
  actualPct: number;
  lagPoints: number;
}

export interface LaggingGroup {
  townId: number;
  code: string;
  name: string;
  projects: LaggingRow[];
}

export interface ReachedVillage {
  villageId: number;
  code: string;
  name: string;
  /** True when it had not reached the target in the previous month. */
  isNew: boolean;
}

export interface TownReach {
  townId: number;
  code: string;
  name: string;
  /** Villages in the town. */
  villageCount: number;
  /** Villages that reached the goal, in village order. */
  reached: ReachedVillage[];
  newCount: number;
}

/** A goal's reach in the month; the goal's slogan in each language (`reach[lang]`). */
export interface GoalReach extends Localized {
  goal: GoalId;
  /** The share (0–1) a village's value must reach. */
  target: number;
  villageCount: number;
  reachedCount: number;
  newCount: number;
  /** Every town in code order, also those with none reached. */
  towns: TownReach[];
}

/**
 * The report for month index `monthIndex`, its towns ranked by `indicator`: by the ranking given
 * (the view's derivation passes its own, so the report and the ranking table agree), else ranked here.
 */
export function buildReport(site: SiteData, projects: SiteProjects, monthIndex: number, indicator: IndicatorId, ranking: readonly RankedRow[] = rankingOf(site, indicator, monthIndex, null).rows): MonthlyReport {
  const month = site.months[monthIndex];
  if (month === undefined) throw new RangeError(`month index ${monthIndex} is outside the data's ${site.months.length} months`);
  const prev = monthIndex > 0 ? monthIndex - 1 : null;
  return {
    month,
    monthIndex,
    previousMonth: prev === null ? null : (site.months[prev] ?? null),
    indicator,
    county: countyTotals(site, projects, monthIndex, prev),
    towns: townRows(site, monthIndex, prev, indicator, ranking),
    lagging: laggingGroups(site, projects, monthIndex),
    goals: site.config.goals.map((g) => goalReach(site, g.id, g, g.target, monthIndex, prev)),
    quality: qualityOf(site, month, monthIndex),
    photos: reportPhotos(site, projects, monthIndex),
  };
}

/** The findings of the data up to a month (a ledger fact, with no month, always counts). */
export function findingsUpTo(site: SiteData, month: string): SiteFinding[] {
  return site.integrity.findings.filter((f) => f.month === null || f.month <= month);
}

function qualityOf(site: SiteData, month: string, m: number): ReportQuality {
  const listed = site.integrity.isListed ? findingsUpTo(site, month) : null;
  const perTown = listed ? site.towns.map((tw) => listed.filter((f) => f.town === tw.id).length) : site.integrity.townCounts;
  const scores = site.series.quality.towns[m] ?? [];
  const towns = site.towns.map((tw): QualityRow => ({ townId: tw.id, code: tw.code, name: tw.name, score: scores[tw.id] ?? null, findings: perTown[tw.id] ?? 0 }));
  towns.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.townId - b.townId);
  return { towns, findings: listed };
}

function countyTotals(site: SiteData, projects: SiteProjects, m: number, prev: number | null): CountyTotals {
  const at = (id: IndicatorId | 'laggingProjects', month: number | null): number | null => (month === null ? null : (site.series[id].county[month] ?? null));
  const totals = projectTotals(projects, m, { level: 'county', town: null, village: null });
  const lagging = laggingProjects(projects, m, site.config.thresholds.lagPoints).length;
  const laggingBefore = prev === null ? null : laggingProjects(projects, prev, site.config.thresholds.lagPoints).length;
  return {
    indicators: INDICATOR_IDS.map((id) => ({ id, value: at(id, m), change: delta(at(id, m), at(id, prev)) })),
    projects: { planned: totals.planned, building: totals.building, done: totals.done, total: totals.planned + totals.building + totals.done },
    budgetWan: totals.budgetWan,
    spentWan: totals.spentWan,
    laggingProjects: lagging,
    laggingChange: laggingBefore === null ? null : lagging - laggingBefore,
  };
}

function townRows(site: SiteData, m: number, prev: number | null, indicator: IndicatorId, ranking: readonly RankedRow[]): TownRow[] {
  const at = (id: IndicatorId | 'laggingProjects', month: number, townId: number): number | null => site.series[id].towns[month]?.[townId] ?? null;
  return ranking.map((r) => {
    const town = site.towns[r.id];
    if (!town) throw new Error(`town ${r.id} missing`);
    return {
      townId: town.id,
      code: town.code,
      name: town.name,
      rank: r.rank,
      rankChange: r.change,
      value: r.value,
      change: delta(r.value, prev === null ? null : at(indicator, prev, town.id)),
      completion: at('completion', m, town.id),
      disbursement: at('disbursement', m, town.id),
      laggingProjects: at('laggingProjects', m, town.id),
    };
  });
}

function laggingGroups(site: SiteData, projects: SiteProjects, m: number): LaggingGroup[] {
  const byTown = new Map<number, LaggingRow[]>();
  // laggingProjects sorts worst first, so each town's list keeps that order.
  for (const l of laggingProjects(projects, m, site.config.thresholds.lagPoints)) {
    const townId = projects.town[l.index] ?? -1;
    const village = site.villages[projects.village[l.index] ?? -1];
    const row: LaggingRow = {
      index: l.index,
      id: projects.id[l.index] ?? '',
      name: projects.name[l.index] ?? '',
      villageName: village?.name ?? null,
      unit: projects.unit[l.index] ?? null,
      expectedPct: l.expectedPct,
      actualPct: l.actualPct,
      lagPoints: l.lagPoints,
    };
    const rows = byTown.get(townId);
    if (rows) rows.push(row);
    else byTown.set(townId, [row]);
  }
  // site.towns is in code order.
  return site.towns.flatMap((t) => {
    const rows = byTown.get(t.id);
    return rows ? [{ townId: t.id, code: t.code, name: t.name, projects: rows }] : [];
  });
}

function goalReach(site: SiteData, goal: GoalId, slogan: Localized, target: number, m: number, prev: number | null): GoalReach {
  const now = site.series[goal].villages[m] ?? [];
  const before = prev === null ? null : (site.series[goal].villages[prev] ?? []);
  const hasReached = (v: number | null | undefined): boolean => v !== null && v !== undefined && v >= target;
  const towns = site.towns.map((t): TownReach => {
    const villages = site.villages.filter((v) => v.townId === t.id);
    const reached = villages
      .filter((v) => hasReached(now[v.id]))
      // In the first month there is nothing to compare with, so nothing is new.
      .map((v) => ({ villageId: v.id, code: v.code, name: v.name, isNew: before !== null && !hasReached(before[v.id]) }));
    return { townId: t.id, code: t.code, name: t.name, villageCount: villages.length, reached, newCount: reached.filter((v) => v.isNew).length };
  });
  return {
    goal,
    zh: slogan.zh,
    en: slogan.en,
    target,
    villageCount: site.villages.length,
    reachedCount: towns.reduce((n, t) => n + t.reached.length, 0),
    newCount: towns.reduce((n, t) => n + t.newCount, 0),
    towns,
  };
}
