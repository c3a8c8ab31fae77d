import type { ProjectStatus } from '../contract/columns';
import type { ProgressRecord } from '../contract/records';
import { SERIES_IDS, type AreaSeries, type SeriesId } from '../contract/site';
import { expectedProgressPct, isLagging } from '../domain/progress';
import type { Dataset } from './model';

/** A project's reported state as of one month: its latest report at or before it. */
export interface ProjectState {
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
}

/**
 * State of every project in every month ([month][project]). Before its first report a project is
 * planned at 0. A blank progress or spending cell is not zero: it carries the project's last
 * reported figure forward (a done project with blank progress is at 100).
 */
export function projectStates(d: Pick<Dataset, 'projects' | 'progress' | 'months'>): ProjectState[][] {
  const reports = d.projects.map((p) => carriedForward(d.progress[p.index] ?? []));
  const cursor = d.projects.map(() => -1);
  return d.months.map((month) =>
    d.projects.map((p) => {
      const rows = reports[p.index]!;
      let k = cursor[p.index]!;
      while (k + 1 < rows.length && rows[k + 1]!.month <= month) k++;
      cursor[p.index] = k;
      return rows[k]?.state ?? { status: 'planned', progressPct: 0, spentWan: 0 };
    }),
  );
}

/** Each report's state, ascending by month, with blank figures filled from the reports before it. */
function carriedForward(rows: readonly ProgressRecord[]): { month: string; state: ProjectState }[] {
  let progressPct = 0;
  let spentWan = 0;
  return rows.map((r) => {
    const isDone = r.status === 'done' || r.status === 'accepted';
    progressPct = r.progressPct ?? (isDone ? 100 : progressPct);
    spentWan = r.spentWan ?? spentWan;
    return { month: r.month, state: { status: r.status, progressPct, spentWan } };
  });
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
  for (const k of Object.keys(s) as (keyof Sums)[]) into[k] += s[k];
}

const ratio = (a: number, b: number, digits = 4): number | null => (b > 0 ? round(a / b, digits) : null);

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** One value per series, each key written out so the compiler checks that none is missing. */
function perSeries<T>(value: (id: SeriesId) => T): Record<SeriesId, T> {
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

function indicatorsOf(s: Sums): Record<SeriesId, number | null> {
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
export function aggregate(d: Dataset, states: ProjectState[][]): { series: Record<SeriesId, AreaSeries>; isHouseholdEstimated: boolean } {
  let isEstimated = false;
  const { config } = d;
  const goalOf = (p: number): string | null => config.categories[d.projects[p]!.category]?.goal ?? null;
  const coverageMonth = householdCoverageMonths(d, states);
  const series = perSeries((): AreaSeries => ({ county: [], towns: [], villages: [] }));

  d.months.forEach((month, m) => {
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
    for (const p of d.projects) {
      const st = states[m]![p.index]!;
      const s = p.village >= 0 ? villageSums[p.village]! : townOnly[p.town]!;
      const budget = p.record.budgetWan;
      const expected = expectedProgressPct(p.record.start, p.record.due, month);
      const isStarted = st.status !== 'planned';
      const isDone = st.status === 'done' || st.status === 'accepted';
      s.projects++;
      s.budget += budget;
      s.budgetProgress += budget * st.progressPct;
      s.spent += st.spentWan;
      if (isDone) s.doneProjects++;
      if (expected > 0) {
        s.lagBudget += budget;
        s.lagWeighted += budget * (expected - st.progressPct);
        if (isLagging(expected, st.progressPct, config.thresholds.lagPoints)) s.laggingProjects++;
      }
      if (p.village < 0) continue;
      const goal = goalOf(p.index);
      if (goal === 'industry' && isStarted) industry.add(p.village);
      if (goal === 'beauty' && isDone) beauty.add(p.village);
      if (isStarted) startedPoor[p.village]! += p.record.beneficiaryPoorHouseholds ?? 0;
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
    for (const id of SERIES_IDS) {
      series[id].county.push(ci[id]);
      series[id].towns.push(ti.map((x) => x[id]));
      series[id].villages.push(vi.map((x) => x[id]));
    }
  });
  return { series, isHouseholdEstimated: isEstimated };
}

/** Per village: for each poor household, the first month index it is covered (Infinity if never). */
function householdCoverageMonths(d: Dataset, states: ProjectState[][]): (number[] & { laborers: number; employed: number })[] | null {
  if (!d.households) return null;
  const firstStarted = d.projects.map((p) => {
    const m = states.findIndex((row) => row[p.index]!.status !== 'planned');
    return m < 0 ? Infinity : m;
  });
  const out = d.villages.map(() => Object.assign([] as number[], { laborers: 0, employed: 0 }));
  for (const h of d.households) {
    if (!h.record.isPoor) continue;
    const v = out[h.village]!;
    v.push(Math.min(Infinity, ...h.projects.map((p) => firstStarted[p]!)));
    const { laborers, employed } = h.record;
    if (laborers === null || employed === null) continue;
    v.laborers += laborers;
    v.employed += employed;
  }
  return out;
}

