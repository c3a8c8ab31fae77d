/**
 * One derivation from (site data, loaded projects, view state) to what the views show: the
 * selection, the month, the indicator's values, the ranking with its rank changes, the panel's
 * figures, the tour stop's and the report. The panel, the ranking, the report and the tour read it
 * instead of computing their own. Memoised per (site, projects) and per the state's fields each
 * part depends on, so another view, language or sort order recomputes nothing.
 */
import type { GoalId } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
import { SERIES_IDS, type SeriesId, type SiteData, type SiteTown } from '../contract/site';
import { delta, deltas } from '../domain/change';
import type { ClassMethod } from '../domain/classify';
import { createColorScale, deltaSpec, deltaValues, type ColorScale } from '../domain/color-scale';
import { indicatorSpec, type IndicatorSpec } from '../domain/indicators';
import type { Lang } from '../i18n';
import { areaProjects, monthIndexOf, rankingOf, selectionOf, valuesAt, type AreaProjects, type AreaValues, type Ranking, type RankedRow, type Selection } from './derive';
import { buildReport, type MonthlyReport } from './report-model';
import type { ViewState } from './view-state';

export type { AreaValues, Ranking, RankedRow };

/** The projects loaded so far (ProjectSource in the app): a town's load when it is opened. */
export interface LoadedProjects {
  current: SiteProjects;
  /** Changes whenever `current` does. */
  version: number;
  isLoaded(townId: number): boolean;
}

/** The area's poverty figures (贫困人口): its own totals, those who exited and remain, and its villages. */
export interface PovertyFigures {
  /** Null when a public build withholds a village's small count. */
  poorHouseholds: number | null;
  poorPopulation: number | null;
  population: number | null;
  /** Incidence × population, rounded; null without either. */
  remaining: number | null;
  exited: number | null;
  /** True when a village's counts are withheld. */
  isWithheld: boolean;
  villageCount: number;
  poorVillages: number;
  /** Villages whose exit year is at or before the month's year. */
  exitedVillages: number;
}

/** What the area panel shows of the selected area in the month. */
export interface PanelFigures {
  /** The area's value of every series in the month. */
  values: Readonly<Record<SeriesId, number | null>>;
  /** The area's goals over every month (the sparklines). */
  goalSeries: Readonly<Record<GoalId, (number | null)[]>>;
  /** 进度不均: the spread of completion over the area's parts, in points; null at a village or with fewer than two parts. */
  unevennessPoints: number | null;
  /** The area's projects; null while its town's projects load. */
  projects: AreaProjects | null;
  /** Spent ÷ budget of the area's projects in the month; null while they load or without a budget. */
  disbursementRate: number | null;
  poverty: PovertyFigures;
}

/** A tour stop's figures: its area's value and, at the county, the towns at the top of the ranking. */
export interface StopNumbers {
  value: number | null;
  /** The county's first towns of the ranking; empty at a town. */
  top: RankedRow[];
}

/**
 * What the map colours and with which scale: the indicator (or, in delta mode, its change since
 * the previous month, in points) for the towns at county level, else for the selected town's villages.
 * The map draws the areas and the legend from the same scale.
 */
export interface Colouring {
  spec: IndicatorSpec;
  values: AreaValues;
  scale: ColorScale;
}

/** Everything the views show for a state, as numbers (the views format them in the state's language). */
export interface DerivedView {
  monthIndex: number;
  /** YYYY-MM; '' when the data has no months. */
  month: string;
  selection: Selection;
  spec: IndicatorSpec;
  /** The state's indicator in the month. */
  values: AreaValues;
  /** The county's towns ranked (the tour and the report rank these). */
  townRanking: Ranking;
  /** The ranking table's: the towns, or the selected town's villages (the same object as townRanking at the county). */
  ranking: Ranking;
  panel: PanelFigures;
  stop: StopNumbers;
  /** The monthly report of the month and indicator; built the first time it is asked for (it reads every project). */
  report(): MonthlyReport;
  /** The map's colours for the state's classification, delta mode and language (the scale's labels are in it). */
  colouring(state: Pick<ViewState, 'cls' | 'isDelta' | 'lang'>): Colouring;
}

/** Fixed classes of the change since last month, in percentage points, symmetric around zero. */
const DELTA_FIXED_BREAKS = [-10, -2, 2, 10];

/** How many towns a county tour stop lists from the top of the ranking. */
export const STOP_TOP_TOWNS = 3;

/** The view for a state; the same object for states that differ only in what it does not depend on. */
export function deriveView(site: SiteData, projects: LoadedProjects, state: ViewState): DerivedView {
  return derivationOf(site, projects).derive(state);
}

interface Derivation {
  derive(state: ViewState): DerivedView;
}

const derivations = new WeakMap<SiteData, WeakMap<LoadedProjects, Derivation>>();

function derivationOf(site: SiteData, projects: LoadedProjects): Derivation {
  let bySite = derivations.get(site);
  if (!bySite) derivations.set(site, (bySite = new WeakMap()));
  let d = bySite.get(projects);
  if (!d) bySite.set(projects, (d = createDerivation(site, projects)));
  return d;
}

/** A one-entry memo: the last value, recomputed when the key changes. */
function memo<A extends unknown[], R>(keyOf: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
  let last: { key: string; value: R } | null = null;
  return (...args) => {
    const key = keyOf(...args);
    if (last?.key !== key) last = { key, value: compute(...args) };
    return last.value;
  };
}

function createDerivation(site: SiteData, projects: LoadedProjects): Derivation {
  const lagPoints = site.config.thresholds.lagPoints;
  const selection = memo((s: ViewState) => `${s.town}|${s.village}`, (s: ViewState) => selectionOf(site, s));
  const townRanking = memo((ind: ViewState['ind'], m: number) => `${ind}|${m}`, (ind: ViewState['ind'], m: number) => rankingOf(site, ind, m, null));
  const villageRanking = memo((ind: ViewState['ind'], m: number, town: SiteTown) => `${ind}|${m}|${town.id}`, (ind: ViewState['ind'], m: number, town: SiteTown) => rankingOf(site, ind, m, town));
  const panel = memo(
    (sel: Selection, m: number) => `${sel.town?.id}|${sel.village?.id}|${m}|${projects.version}`,
    (sel: Selection, m: number): PanelFigures => panelFigures(site, sel, m, areaProjects(site, projects.current, (id) => projects.isLoaded(id), m, sel, lagPoints)),
  );
  const report = memo((ind: ViewState['ind'], m: number) => `${ind}|${m}|${projects.version}`, (ind: ViewState['ind'], m: number) => buildReport(site, projects.current, m, ind, townRanking(ind, m).rows));
  const colouring = memo(
    (ind: ViewState['ind'], m: number, sel: Selection, cls: ClassMethod, isDelta: boolean, lang: Lang) => `${ind}|${m}|${sel.town?.id}|${cls}|${isDelta}|${lang}`,
    (ind: ViewState['ind'], m: number, sel: Selection, cls: ClassMethod, isDelta: boolean, lang: Lang) => colouringOf(site, ind, m, sel, cls, isDelta, lang),
  );
  const whole = memo(
    (s: ViewState) => `${monthIndexOf(site, s)}|${s.ind}|${s.town}|${s.village}|${projects.version}`,
    (s: ViewState): DerivedView => {
      const m = monthIndexOf(site, s);
      const sel = selection(s);
      const towns = townRanking(s.ind, m);
      const values = valuesAt(site, s.ind, m);
      return {
        monthIndex: m,
        month: site.months[m] ?? '',
        selection: sel,
        spec: indicatorSpec(s.ind),
        values,
        townRanking: towns,
        ranking: sel.town ? villageRanking(s.ind, m, sel.town) : towns,
        panel: panel(sel, m),
        stop: { value: sel.town ? (values.towns[sel.town.id] ?? null) : values.county, top: sel.town ? [] : towns.rows.slice(0, STOP_TOP_TOWNS) },
        report: () => report(s.ind, m),
        colouring: ({ cls, isDelta, lang }) => colouring(s.ind, m, sel, cls, isDelta, lang),
      };
    },
  );
  return { derive: whole };
}

function colouringOf(site: SiteData, ind: ViewState['ind'], m: number, sel: Selection, cls: ClassMethod, isDelta: boolean, lang: Lang): Colouring {
  const base = indicatorSpec(ind);
  const now = valuesAt(site, ind, m);
  let spec = base;
  let values: AreaValues = now;
  if (isDelta) {
    const before = m > 0 ? valuesAt(site, ind, m - 1) : null;
    const change = (a: readonly (number | null)[], b: readonly (number | null)[] | undefined) => deltaValues(base, b ? deltas(a, b) : a.map(() => null));
    spec = deltaSpec(base);
    values = { towns: change(now.towns, before?.towns), villages: change(now.villages, before?.villages), county: deltaValues(base, [before ? delta(now.county, before.county) : null])[0] ?? null };
  }
  const town = sel.town;
  const classified = town ? site.villages.filter((v) => v.townId === town.id).map((v) => values.villages[v.id] ?? null) : values.towns;
  const options = isDelta ? { fixedBreaks: DELTA_FIXED_BREAKS, isPositiveGood: base.isHigherBetter } : {};
  return { spec, values, scale: createColorScale(spec, classified, cls, lang, options) };
}

/** The panel's figures for the selected area in month `m`. */
function panelFigures(site: SiteData, sel: Selection, m: number, ap: AreaProjects | null): PanelFigures {
  const of = (id: SeriesId, month: number): number | null => {
    const s = site.series[id];
    if (sel.village) return s.villages[month]?.[sel.village.id] ?? null;
    if (sel.town) return s.towns[month]?.[sel.town.id] ?? null;
    return s.county[month] ?? null;
  };
  const values = Object.fromEntries(SERIES_IDS.map((id) => [id, of(id, m)])) as Record<SeriesId, number | null>;
  const goalSeries = Object.fromEntries(site.config.goals.map((g) => [g.id, site.months.map((_, i) => of(g.id, i))])) as Record<GoalId, (number | null)[]>;
  const totals = ap?.totals;
  return {
    values,
    goalSeries,
    unevennessPoints: sel.village ? null : spreadPoints(completionOfParts(site, sel, m)),
    projects: ap,
    disbursementRate: totals && totals.budgetWan > 0 ? totals.spentWan / totals.budgetWan : null,
    poverty: povertyFigures(site, sel, m, values.incidence),
  };
}

/** Completion in the month of the area's parts: the villages of a town, or the towns of the county. */
function completionOfParts(site: SiteData, sel: Selection, m: number): (number | null)[] {
  const s = site.series.completion;
  const town = sel.town;
  if (town) {
    const row = s.villages[m] ?? [];
    return site.villages.filter((v) => v.townId === town.id).map((v) => row[v.id] ?? null);
  }
  const row = s.towns[m] ?? [];
  return site.towns.map((t) => row[t.id] ?? null);
}

/**
 * The spread of a set of completion shares (0–1), in percentage points: their standard deviation
 * (population, over the non-null values); null with fewer than two values.
 */
export function spreadPoints(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length < 2) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) * 100;
}

function povertyFigures(site: SiteData, sel: Selection, m: number, incidence: number | null): PovertyFigures {
  const sum = (f: (t: SiteTown) => number): number => site.towns.reduce((n, t) => n + f(t), 0);
  // The area's own totals: a village's (null when a public build withholds a small count), else the
  // town's or the county's true sums (which a public build keeps).
  const area = sel.village ?? sel.town ?? { poorHouseholds: sum((t) => t.poorHouseholds), poorPopulation: sum((t) => t.poorPopulation), population: sum((t) => t.population) };
  const { poorHouseholds, poorPopulation, population } = area;
  const remaining = incidence === null || population === null ? null : Math.round(incidence * population);
  const exited = remaining === null || poorPopulation === null ? null : Math.max(0, poorPopulation - remaining);
  const town = sel.town;
  const villages = sel.village ? [sel.village] : town ? site.villages.filter((v) => v.townId === town.id) : site.villages;
  const year = Number(site.months[m]?.slice(0, 4) ?? Infinity);
  return {
    poorHouseholds,
    poorPopulation,
    population,
    remaining,
    exited,
    isWithheld: sel.village !== null && poorHouseholds === null,
    villageCount: villages.length,
    poorVillages: villages.filter((v) => v.isPoorVillage === true).length,
    exitedVillages: villages.filter((v) => v.exitYear !== null && v.exitYear <= year).length,
  };
}
