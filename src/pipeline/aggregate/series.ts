import { STATUSES, type ProjectStatus } from '../../contract/columns';
import { SERIES_IDS, type AggregateSeriesId, type AreaSeries } from '../../contract/site';
import { dateMs, monthEnd } from '../../domain/months';
import { isLagging } from '../../domain/progress';
import type { Dataset } from '../model';

/** A project's reported state as of one month: its latest report at or before it. */
export interface ProjectState {
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
}

/**
 * The state of every project in every month, as columns rather than a million objects: `at[m][i]`
 * is the report in force for project `i` in month `m` (its latest at or before the month), an index
 * into the per-report arrays, or -1 before the project's first report (planned, at 0).
 */
export interface StateTable {
  at: Int32Array[];
  /** Per report: its status (index into STATUSES), and progress and spending with blanks carried forward. */
  status: Uint8Array;
  progressPct: Float64Array;
  spentWan: Float64Array;
}

const PLANNED = STATUSES.indexOf('planned');
const DONE = STATUSES.indexOf('done');
const ACCEPTED = STATUSES.indexOf('accepted');

/** The status (index into STATUSES), progress and spending of project `i` in month `m`. */
export function statusAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? PLANNED : t.status[r]!;
}
export function progressAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? 0 : t.progressPct[r]!;
}
export function spentAt(t: StateTable, m: number, i: number): number {
  const r = t.at[m]![i]!;
  return r < 0 ? 0 : t.spentWan[r]!;
}

/**
 * State of every project in every month. Before its first report a project is planned at 0. A
 * blank progress or spending cell is not zero: it carries the project's last reported figure
 * forward (a done project with blank progress is at 100).
 */
export function stateTable(d: Pick<Dataset, 'projects' | 'progress' | 'months'>): StateTable {
  let reports = 0;
  for (const p of d.projects) reports += d.progress[p.index]?.length ?? 0;
  const status = new Uint8Array(reports);
  const progressPct = new Float64Array(reports);
  const spentWan = new Float64Array(reports);
  const at = d.months.map(() => new Int32Array(d.projects.length).fill(-1));
  let k = 0;
  for (const p of d.projects) {
    const rows = d.progress[p.index] ?? [];
    const first = k;
    // Each report's state, ascending by month, with blank figures filled from the reports before it.
    let pct = 0;
    let spent = 0;
    for (const r of rows) {
      const isDone = r.status === 'done' || r.status === 'accepted';
      pct = r.progressPct ?? (isDone ? 100 : pct);
      spent = r.spentWan ?? spent;
      status[k] = STATUSES.indexOf(r.status);
      progressPct[k] = pct;
      spentWan[k] = spent;
      k++;
    }
    // The report in force in each month: the latest at or before it.
    let cursor = -1;
    for (let m = 0; m < d.months.length; m++) {
      const month = d.months[m]!;
      while (cursor + 1 < rows.length && rows[cursor + 1]!.month <= month) cursor++;
      at[m]![p.index] = cursor < 0 ? -1 : first + cursor;
    }
  }
  return { at, status, progressPct, spentWan };
}

/** The same states as objects ([month][project]). */
export function projectStates(d: Pick<Dataset, 'projects' | 'progress' | 'months'>): ProjectState[][] {
  const t = stateTable(d);
  return d.months.map((_, m) => d.projects.map((p) => ({ status: STATUSES[statusAt(t, m, p.index)]!, progressPct: progressAt(t, m, p.index), spentWan: spentAt(t, m, p.index) })));
}

/** Sums of one area in one month, from which every indicator is a ratio. */
interface Sums {
  villages: number;
  industryVillages: number;
  beautyVillages: number;
  poorHouseholds: number;
  coveredHouseholds: number;
  laborers: number;
  employed: number;
  population: number;
  remainingPoor: number;
  projects: number;
  doneProjects: number;
  budget: number;
  budgetProgress: number;
  spent: number;
  lagBudget: number;
  lagWeighted: number;
  laggingProjects: number;
}

function emptySums(): Sums {
  return { villages: 0, industryVillages: 0, beautyVillages: 0, poorHouseholds: 0, coveredHouseholds: 0, laborers: 0, employed: 0, population: 0, remainingPoor: 0, projects: 0, doneProjects: 0, budget: 0, budgetProgress: 0, spent: 0, lagBudget: 0, lagWeighted: 0, laggingProjects: 0 };
}

function add(into: Sums, s: Sums): void {
  into.villages += s.villages;
  into.industryVillages += s.industryVillages;
  into.beautyVillages += s.beautyVillages;
  into.poorHouseholds += s.poorHouseholds;
  into.coveredHouseholds += s.coveredHouseholds;
  into.laborers += s.laborers;
  into.employed += s.employed;
  into.population += s.population;
  into.remainingPoor += s.remainingPoor;
  into.projects += s.projects;
  into.doneProjects += s.doneProjects;
  into.budget += s.budget;
  into.budgetProgress += s.budgetProgress;
  into.spent += s.spent;
  into.lagBudget += s.lagBudget;
  into.lagWeighted += s.lagWeighted;
  into.laggingProjects += s.laggingProjects;
}

const ratio = (a: number, b: number, digits = 4): number | null => (b > 0 ? round(a / b, digits) : null);

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const AGGREGATE_IDS = SERIES_IDS.filter((id): id is AggregateSeriesId => id !== 'quality');

/** One value per series, each key written out so the compiler checks that none is missing. */
function perSeries<T>(value: (id: AggregateSeriesId) => T): Record<AggregateSeriesId, T> {
  return {
    industry: value('industry'),
    household: value('household'),
    employment: value('employment'),
    beauty: value('beauty'),
    completion: value('completion'),
    progress: value('progress'),
    disbursement: value('disbursement'),
    lag: value('lag'),
    incidence: value('incidence'),
    laggingProjects: value('laggingProjects'),
  };
}

function indicatorsOf(s: Sums): Record<AggregateSeriesId, number | null> {
  return {
    industry: ratio(s.industryVillages, s.villages),
    household: ratio(s.coveredHouseholds, s.poorHouseholds),
    employment: ratio(s.employed, s.laborers),
    beauty: ratio(s.beautyVillages, s.villages),
    completion: ratio(s.doneProjects, s.projects),
    progress: ratio(s.budgetProgress / 100, s.budget),
    disbursement: ratio(s.spent, s.budget),
    lag: ratio(s.lagWeighted, s.lagBudget, 2),
    incidence: ratio(s.remainingPoor, s.population),
    laggingProjects: s.projects > 0 ? s.laggingProjects : null,
  };
}

/**
 * Every series of DESIGN.md's indicator table, per month, for the county, each town and each
 * village. Household coverage and employment count a village's rows of households.csv when it
 * has any; otherwise coverage is estimated from the projects' poor beneficiary counts (and
 * flagged) and employment comes from villages.csv.
 */
export function aggregate(d: Dataset, states: StateTable): { series: Record<AggregateSeriesId, AreaSeries>; isHouseholdEstimated: boolean } {
  let isEstimated = false;
  const { config } = d;
  const coverageMonth = householdCoverageMonths(d, states);
  const series = perSeries((): AreaSeries => ({ county: [], towns: [], villages: [] }));
  // What the monthly sums need of each project, read from its record once rather than every month.
  const n = d.projects.length;
  const village = new Int32Array(n);
  const town = new Int32Array(n);
  const budget = new Float64Array(n);
  const poorBeneficiaries = new Float64Array(n);
  const startMs = new Float64Array(n);
  const dueMs = new Float64Array(n);
  const goal = new Uint8Array(n);
  const INDUSTRY = 1;
  const BEAUTY = 2;
  // The projects' indexes in the order they are added up.
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = d.projects[k]!;
    const i = p.index;
    order[k] = i;
    village[i] = p.village;
    town[i] = p.town;
    budget[i] = p.record.budgetWan;
    poorBeneficiaries[i] = p.record.beneficiaryPoorHouseholds ?? 0;
    startMs[i] = dateMs(p.record.start);
    dueMs[i] = dateMs(p.record.due);
    const g = config.categories[p.category]?.goal ?? null;
    goal[i] = g === 'industry' ? INDUSTRY : g === 'beauty' ? BEAUTY : 0;
  }
  const lagPoints = config.thresholds.lagPoints;

  d.months.forEach((month, m) => {
    const monthMs = dateMs(monthEnd(month));
    const at = states.at[m]!;
    const villageSums = d.villages.map((v) => {
      const s = emptySums();
      const r = v.record;
      s.villages = 1;
      s.population = r.population;
      if (r.exitedPopulation !== null) s.remainingPoor = r.poorPopulation - r.exitedPopulation;
      else s.population = 0;
      return s;
    });
    const townOnly = d.towns.map(() => emptySums());
    const industry = new Set<number>();
    const beauty = new Set<number>();
    const startedPoor = d.villages.map(() => 0);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const r = at[i]!;
      const status = r < 0 ? PLANNED : states.status[r]!;
      const progressPct = r < 0 ? 0 : states.progressPct[r]!;
      const v = village[i]!;
      const s = v >= 0 ? villageSums[v]! : townOnly[town[i]!]!;
      const b = budget[i]!;
      // expectedProgressPct(start, due, month), with the dates read once.
      const t0 = startMs[i]!;
      const t1 = dueMs[i]!;
      const expected = monthMs < t0 ? 0 : monthMs >= t1 ? 100 : ((monthMs - t0) / (t1 - t0)) * 100;
      const isStarted = status !== PLANNED;
      const isDone = status === DONE || status === ACCEPTED;
      s.projects++;
      s.budget += b;
      s.budgetProgress += b * progressPct;
      s.spent += r < 0 ? 0 : states.spentWan[r]!;
      if (isDone) s.doneProjects++;
      if (expected > 0) {
        s.lagBudget += b;
        s.lagWeighted += b * (expected - progressPct);
        if (isLagging(expected, progressPct, lagPoints)) s.laggingProjects++;
      }
      if (v < 0) continue;
      if (goal[i] === INDUSTRY && isStarted) industry.add(v);
      if (goal[i] === BEAUTY && isDone) beauty.add(v);
      if (isStarted) startedPoor[v]! += poorBeneficiaries[i]!;
    }
    for (const v of d.villages) {
      const s = villageSums[v.index]!;
      if (industry.has(v.index)) s.industryVillages = 1;
      if (beauty.has(v.index)) s.beautyVillages = 1;
      const c = coverageMonth?.[v.index];
      if (c && c.length > 0) {
        s.poorHouseholds = c.length;
        s.coveredHouseholds = c.filter((first) => first <= m).length;
        s.laborers = c.laborers;
        s.employed = c.employed;
      } else {
        if (v.record.poorHouseholds > 0) isEstimated = true;
        s.poorHouseholds = v.record.poorHouseholds;
        s.coveredHouseholds = Math.min(v.record.poorHouseholds, startedPoor[v.index]!);
        // Blank is not zero: a village without both figures is left out of employment altogether.
        const { laborers, employed } = v.record;
        s.laborers = laborers !== null && employed !== null ? laborers : 0;
        s.employed = laborers !== null && employed !== null ? employed : 0;
      }
    }
    const townSums = townOnly.map((t) => ({ ...t }));
    for (const v of d.villages) add(townSums[v.town]!, villageSums[v.index]!);
    const county = emptySums();
    for (const t of townSums) add(county, t);
    const vi = villageSums.map(indicatorsOf);
    const ti = townSums.map(indicatorsOf);
    const ci = indicatorsOf(county);
    for (const id of AGGREGATE_IDS) {
      series[id].county.push(ci[id]);
      series[id].towns.push(ti.map((x) => x[id]));
      series[id].villages.push(vi.map((x) => x[id]));
    }
  });
  return { series, isHouseholdEstimated: isEstimated };
}

/** Per village: for each poor household, the first month index it is covered (Infinity if never). */
function householdCoverageMonths(d: Dataset, states: StateTable): (number[] & { laborers: number; employed: number })[] | null {
  if (!d.households) return null;
  const firstStarted = d.projects.map((p) => {
    const m = states.at.findIndex((_, month) => statusAt(states, month, p.index) !== PLANNED);
    return m < 0 ? Infinity : m;
  });
  const out = d.villages.map(() => Object.assign([] as number[], { laborers: 0, employed: 0 }));
  for (const h of d.households) {
    if (!h.record.isPoor) continue;
    const v = out[h.village]!;
    // A loop, not Math.min(...): a household may name any number of projects.
    let first = Infinity;
    for (const p of h.projects) if (firstStarted[p]! < first) first = firstStarted[p]!;
    v.push(first);
    const { laborers, employed } = h.record;
    if (laborers === null || employed === null) continue;
    v.laborers += laborers;
    v.employed += employed;
  }
  return out;
}

