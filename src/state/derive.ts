import { STATUSES } from '../contract/columns';
import type { SiteProjects } from '../contract/projects';
import type { IndicatorId, SiteData, SiteTown, SiteVillage, SummaryLagging } from '../contract/site';
import { rankChanges } from '../domain/change';
import { indicatorSpec } from '../domain/indicators';
import { rankAreas } from '../domain/ranking';
import { laggingProjects } from '../domain/lag';
import type { ViewState } from './view-state';

/** Pure selectors from the view state to what the page shows; shared by the map and the panel. */

export type Level = 'county' | 'town' | 'village';

export interface Selection {
  level: Level;
  town: SiteTown | null;
  village: SiteVillage | null;
}

/** Index of the state's month in the data (the latest when unset or unknown). */
export function monthIndexOf(site: SiteData, state: ViewState): number {
  const i = state.month === null ? -1 : site.months.indexOf(state.month);
  return i >= 0 ? i : site.months.length - 1;
}

/** The selected area and its level. */
export function selectionOf(site: SiteData, state: ViewState): Selection {
  const village = state.village === null ? null : (site.villages.find((v) => v.code === state.village) ?? null);
  const town = village ? (site.towns[village.townId] ?? null) : state.town === null ? null : (site.towns.find((t) => t.code === state.town) ?? null);
  return { level: village ? 'village' : town ? 'town' : 'county', town, village };
}

/** Values of an indicator in a month for every town and every village. */
export function valuesAt(site: SiteData, indicator: IndicatorId, monthIndex: number): { towns: (number | null)[]; villages: (number | null)[]; county: number | null } {
  const s = site.series[indicator];
  return { towns: s.towns[monthIndex] ?? [], villages: s.villages[monthIndex] ?? [], county: s.county[monthIndex] ?? null };
}

/** An indicator's values in a month: every town's and village's (by id) and the county's. */
export type AreaValues = ReturnType<typeof valuesAt>;

/** One area's place in the ranking (比学赶超). */
export interface RankedRow {
  /** The town's or village's id. */
  id: number;
  code: string;
  name: string;
  value: number | null;
  /** 1-based competition rank; null without data. */
  rank: number | null;
  /** Places climbed since the previous month (negative = fell); null in the first month or unranked in either. */
  change: number | null;
  /** Position in the best-first order: the tie-break of every other sort. */
  order: number;
}

/** The areas a level compares, best first: the county's towns, or a town's villages. */
export interface Ranking {
  level: 'town' | 'village';
  rows: RankedRow[];
  /** The value of the whole: the town's (for its villages) or the county's. */
  total: number | null;
}

/** The towns (or a town's villages) ranked by the indicator in month `m`, with their moves since the month before. */
export function rankingOf(site: SiteData, ind: IndicatorId, m: number, town: SiteTown | null): Ranking {
  const { isHigherBetter } = indicatorSpec(ind);
  const areas: readonly (SiteTown | SiteVillage)[] = town ? site.villages.filter((v) => v.townId === town.id) : site.towns;
  const pick = (v: AreaValues): (number | null)[] => areas.map((a) => (town ? v.villages : v.towns)[a.id] ?? null);
  const now = valuesAt(site, ind, m);
  const before = m > 0 ? pick(valuesAt(site, ind, m - 1)) : null;
  const current = pick(now);
  const changes = before ? rankChanges(current, before, isHigherBetter) : current.map(() => null);
  const rows = rankAreas(current, isHigherBetter).map((r, order): RankedRow => {
    const area = areas[r.index];
    return { id: area?.id ?? -1, code: area?.code ?? '', name: area?.name ?? '', value: r.value, rank: r.rank, change: changes[r.index] ?? null, order };
  });
  return { level: town ? 'village' : 'town', rows, total: town ? (now.towns[town.id] ?? null) : now.county };
}

/** Status filter group of a project's status index: accepted counts as done. */
function statusGroup(statusIndex: number): 'planned' | 'building' | 'done' {
  const s = STATUSES[statusIndex] ?? 'planned';
  return s === 'accepted' ? 'done' : s;
}

/** Projects shown on the map: in the selected area, of the chosen categories and statuses. */
export function visibleProjects(site: SiteData, p: SiteProjects, state: ViewState, monthIndex: number, selection: Selection): number[] {
  const categoryIds = site.config.categories.map((c) => c.id);
  const cats = state.cat.length > 0 ? new Set(state.cat.map((id) => categoryIds.indexOf(id))) : null;
  const sts = state.st.length > 0 ? new Set(state.st) : null;
  const statusRow = p.status[monthIndex] ?? [];
  const out: number[] = [];
  for (let i = 0; i < p.id.length; i++) {
    if (selection.village && p.village[i] !== selection.village.id) continue;
    if (!selection.village && selection.town && p.town[i] !== selection.town.id) continue;
    if (cats && !cats.has(p.category[i] ?? -1)) continue;
    if (sts && !sts.has(statusGroup(statusRow[i] ?? 0))) continue;
    out.push(i);
  }
  return out;
}

/** Whether any of `indexes` is a relocation drawn as an arc: a project with a resettlement point (安置点) as well as its own. */
export function hasRelocationArcs(p: Pick<SiteProjects, 'toLon' | 'toLat'>, indexes: readonly number[]): boolean {
  return indexes.some((i) => p.toLon[i] != null && p.toLat[i] != null);
}

/** Per category: projects and how many are done or accepted, for the projects of an area. */
export function categoryCompletion(site: SiteData, p: SiteProjects, monthIndex: number, selection: Selection): { total: number; done: number }[] {
  const out = site.config.categories.map(() => ({ total: 0, done: 0 }));
  const statusRow = p.status[monthIndex] ?? [];
  for (let i = 0; i < p.id.length; i++) {
    if (!inArea(p, i, selection)) continue;
    const c = out[p.category[i] ?? -1];
    if (!c) continue;
    c.total++;
    if (statusGroup(statusRow[i] ?? 0) === 'done') c.done++;
  }
  return out;
}

/** Counts by status group, budget and spent for the projects of an area in a month. */
export function projectTotals(p: SiteProjects, monthIndex: number, selection: Selection): { planned: number; building: number; done: number; budgetWan: number; spentWan: number } {
  const t = { planned: 0, building: 0, done: 0, budgetWan: 0, spentWan: 0 };
  const statusRow = p.status[monthIndex] ?? [];
  const spentRow = p.spentWan[monthIndex] ?? [];
  for (let i = 0; i < p.id.length; i++) {
    if (!inArea(p, i, selection)) continue;
    t[statusGroup(statusRow[i] ?? 0)]++;
    t.budgetWan += p.budgetWan[i] ?? 0;
    t.spentWan += spentRow[i] ?? 0;
  }
  return t;
}

function inArea(p: SiteProjects, i: number, selection: Selection): boolean {
  if (selection.village) return p.village[i] === selection.village.id;
  if (selection.town) return p.town[i] === selection.town.id;
  return true;
}

/** A lagging project as the panel lists it: as site.json's summary keeps the county's. */
export type LaggingRow = SummaryLagging;

/** What the panel shows of an area's projects in a month. */
export interface AreaProjects {
  totals: ReturnType<typeof projectTotals>;
  categories: { total: number; done: number }[];
  /** The worst lagging projects (at least the first `listMax`), and how many lag in all. */
  lagging: LaggingRow[];
  laggingCount: number;
}

/**
 * The projects of the selected area in month `m`: the county's from site.json's summary (no
 * project needs to load for the county view), a town's or village's from its loaded projects;
 * null while the town's projects are still loading.
 */
export function areaProjects(site: SiteData, p: SiteProjects, isTownLoaded: (townId: number) => boolean, m: number, selection: Selection, lagThreshold: number): AreaProjects | null {
  if (!selection.town) {
    const s = site.projectSummary;
    return {
      totals: { planned: s.planned[m] ?? 0, building: s.building[m] ?? 0, done: s.done[m] ?? 0, budgetWan: site.towns.reduce((n, t) => n + t.budgetWan, 0), spentWan: s.spentWan[m] ?? 0 },
      categories: s.categoryTotal.map((total, c) => ({ total, done: s.categoryDone[m]?.[c] ?? 0 })),
      lagging: s.lagging[m] ?? [],
      laggingCount: site.series.laggingProjects.county[m] ?? 0,
    };
  }
  if (!isTownLoaded(selection.town.id)) return null;
  const among: number[] = [];
  for (let i = 0; i < p.id.length; i++) if (inArea(p, i, selection)) among.push(i);
  const rows = laggingProjects(p, m, lagThreshold, among);
  return {
    totals: projectTotals(p, m, selection),
    categories: categoryCompletion(site, p, m, selection),
    lagging: rows.map((l) => ({ id: p.id[l.index] ?? '', name: p.name[l.index] ?? '', town: p.town[l.index] ?? -1, village: p.village[l.index] ?? -1, unit: p.unit[l.index] ?? null, expectedPct: l.expectedPct, actualPct: l.actualPct, lagPoints: l.lagPoints })),
    laggingCount: rows.length,
  };
}
