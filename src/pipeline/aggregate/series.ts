/** The indicator series of every area (village, town, county) in every month, summed from the projects' states and the villages' figures. */
import { SERIES_IDS, type AggregateSeriesId, type AreaSeries } from '../../contract/site';
import { dateMs, monthEnd } from '../../domain/months';
import { isLagging } from '../../domain/progress';
import type { Dataset } from '../model';
import { PLANNED, isDoneStatus, statusAt, type StateTable } from './project-states';

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
  // What the monthly sums need of each project: its columns, and its dates and goal read once rather than every month.
  const p = d.projects;
  const n = p.length;
  const { village, town } = p;
  const budget = p.fields.budgetWan;
  const poorBeneficiaries = p.fields.beneficiaryPoorHouseholds;
  const startMs = p.fields.start.numbers(dateMs);
  const dueMs = p.fields.due.numbers(dateMs);
  const goal = new Uint8Array(n);
  const INDUSTRY = 1;
  const BEAUTY = 2;
  const goalOf = config.categories.map((c) => (c.goal === 'industry' ? INDUSTRY : c.goal === 'beauty' ? BEAUTY : 0));
  for (let i = 0; i < n; i++) {
    goal[i] = goalOf[p.category[i]!] ?? 0;
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
    for (let i = 0; i < n; i++) {
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
      const isDone = isDoneStatus(status);
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
      if (isStarted) startedPoor[v]! += Number.isNaN(poorBeneficiaries[i]!) ? 0 : poorBeneficiaries[i]!;
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
  const firstStarted = Array.from({ length: d.projects.length }, (_, i) => {
    const m = states.at.findIndex((_, month) => statusAt(states, month, i) !== PLANNED);
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
