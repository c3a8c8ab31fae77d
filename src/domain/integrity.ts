/**
 * 数据实: consistency checks over the ledgers and the monthly reports, and a data quality score
 * per area (issue 9). A finding is a fact about the data, not an error: the build keeps them in
 * the site data so leaders can see which colours to believe and which towns to visit. Pure: the
 * pipeline hands in plain rows (IntegrityInput), the page gets findings and scores.
 */
import { FINDING_RULES, type FindingRule } from '../contract/integrity';

export type ReportStatus = 'planned' | 'building' | 'done' | 'accepted';

export interface IntegrityReport {
  /** YYYY-MM. */
  month: string;
  status: ReportStatus;
  /** As written; null when the cell was blank. */
  progressPct: number | null;
  spentWan: number | null;
}

export interface IntegrityProject {
  name: string;
  town: number;
  /** -1 for a town-wide project. */
  village: number;
  budgetWan: number;
  /** YYYY-MM-DD. */
  start: string;
  /** Planned completion, YYYY-MM-DD. */
  due: string;
  beneficiaryHouseholds: number | null;
  /** The project's monthly reports, ascending by month. */
  reports: readonly IntegrityReport[];
  /** Share of the disclosure fields (content, fund source, unit, hotline, target…) filled in, 0–1. */
  disclosureFilled: number;
  /** Joined to its village or town by code (true) or only by name (false). */
  isJoinedByCode: boolean;
  hasOwnPoint: boolean;
}

export interface IntegrityVillage {
  name: string;
  town: number;
  households: number;
  population: number;
  poorHouseholds: number;
  poorPopulation: number;
  exitedHouseholds: number | null;
  exitedPopulation: number | null;
  /** 出列 year, or null when the village has not exited. */
  exitYear: number | null;
  isJoinedByCode: boolean;
}

export interface IntegrityInput {
  towns: readonly { name: string }[];
  villages: readonly IntegrityVillage[];
  projects: readonly IntegrityProject[];
  /** Poverty incidence (% of the population still poor) a village must be under to exit. */
  exitLinePct: number;
  /** Months of scheduled inspections (the tour's months), YYYY-MM. */
  inspectionMonths: readonly string[];
}

// The rules' ids are the contract's (site.json lists findings by rule); exported here beside the rules.
export { FINDING_RULES, type FindingRule };

export interface Finding {
  rule: FindingRule;
  /** The month the finding is about (YYYY-MM), or null for a ledger fact. */
  month: string | null;
  town: number;
  /** -1 when the finding is about a town or a town-wide project. */
  village: number;
  /** The projects concerned (one for most rules; several for identical reports). */
  projects: number[];
  /** Money at stake, 万元: the budgets of the projects concerned, or of the village's projects. */
  amountWan: number;
  /** The figures behind the finding, for its message (e.g. { from: 20, to: 100 }). */
  figures: Record<string, number>;
}

/** Thresholds of the rules (DESIGN.md, 数据实). */
export const RULES = {
  /** A jump from under this to 100 % in one month. */
  jumpFromBelowPct: 30,
  /** This many projects of one town with the same figures in one month look copied. */
  identicalMinProjects: 5,
  /** Months a whole town's figures stay the same while building before it is flagged. */
  frozenMonths: 3,
  /**
   * The month before an inspection: a rise above this many times the town's usual monthly rise and
   * the project's own planned monthly pace…
   */
  inspectionPaceFactor: 3,
  /** …and above this many points. */
  inspectionMinRisePts: 20,
} as const;

const DONE = new Set<ReportStatus>(['done', 'accepted']);

/** Months between two YYYY-MM strings (b − a). */
export function monthsBetween(a: string, b: string): number {
  return monthNumber(b) - monthNumber(a);
}

/** A YYYY-MM string as a count of months (year × 12 + month); called for every report, so no split. */
function monthNumber(m: string): number {
  const dash = m.indexOf('-');
  return Number(m.slice(0, dash)) * 12 + Number(m.slice(dash + 1));
}

function previousMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

/** Every finding over the dataset, in rule order, then by project or village. */
export function integrityFindings(d: IntegrityInput): Finding[] {
  const out: Finding[] = [];
  d.projects.forEach((p, i) => out.push(...projectFindings(p, i)));
  const villageBudget = new Map<number, number>();
  for (const p of d.projects) if (p.village >= 0) villageBudget.set(p.village, (villageBudget.get(p.village) ?? 0) + p.budgetWan);
  d.villages.forEach((v, i) => {
    const at = (rule: FindingRule, figures: Record<string, number>): Finding => ({ rule, month: null, town: v.town, village: i, projects: [], amountWan: villageBudget.get(i) ?? 0, figures });
    if (v.exitYear !== null && v.population > 0) {
      const remaining = Math.max(0, v.poorPopulation - (v.exitedPopulation ?? 0));
      const incidence = (100 * remaining) / v.population;
      if (incidence >= d.exitLinePct) out.push(at('exitedAboveLine', { incidencePct: round(incidence, 2), linePct: d.exitLinePct, exitYear: v.exitYear }));
    }
    if (v.exitedHouseholds !== null && v.exitedHouseholds > v.poorHouseholds) out.push(at('exitedAboveRegistered', { exited: v.exitedHouseholds, registered: v.poorHouseholds }));
  });
  const townHouseholds = d.towns.map(() => 0);
  for (const v of d.villages) if (v.town >= 0 && v.town < townHouseholds.length) townHouseholds[v.town]! += v.households;
  d.projects.forEach((p, i) => {
    const households = p.village >= 0 ? d.villages[p.village]?.households : townHouseholds[p.town];
    if (p.beneficiaryHouseholds !== null && households !== undefined && p.beneficiaryHouseholds > households) {
      out.push({ rule: 'beneficiariesAboveHouseholds', month: null, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { beneficiaries: p.beneficiaryHouseholds, households } });
    }
  });
  // One by one: spreading a long list into push() overflows the stack.
  for (const f of identicalReports(d)) out.push(f);
  for (const f of frozenTowns(d)) out.push(f);
  for (const f of preInspectionJumps(d)) out.push(f);
  const order = new Map(FINDING_RULES.map((r, k) => [r, k]));
  return out.sort((a, b) => order.get(a.rule)! - order.get(b.rule)! || a.town - b.town || (a.projects[0] ?? -1) - (b.projects[0] ?? -1) || a.village - b.village || (a.month ?? '').localeCompare(b.month ?? ''));
}

/** The rules that read one project's own reports; each names the first month it happens. */
function projectFindings(p: IntegrityProject, i: number): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<FindingRule>();
  const flag = (rule: FindingRule, month: string, figures: Record<string, number>): void => {
    if (seen.has(rule)) return;
    seen.add(rule);
    out.push({ rule, month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures });
  };
  const startMonth = p.start.slice(0, 7);
  let progress: number | null = null;
  let progressMonth: string | null = null;
  let spent = 0;
  let accepted: IntegrityReport | null = null;
  for (const r of p.reports) {
    if (accepted && r.month > accepted.month) {
      const changed = r.status !== 'accepted' || (r.progressPct !== null && r.progressPct !== accepted.progressPct) || (r.spentWan !== null && r.spentWan !== accepted.spentWan);
      if (changed) flag('reportedAfterAccepted', r.month, { acceptedMonth: Number(accepted.month.replace('-', '')) });
    }
    if (r.progressPct !== null) {
      if (progress !== null && r.progressPct < progress) flag('progressBackward', r.month, { from: progress, to: r.progressPct });
      if (progress !== null && progressMonth !== null && progress < RULES.jumpFromBelowPct && r.progressPct >= 100 && monthsBetween(progressMonth, r.month) <= 1) flag('progressJump', r.month, { from: progress, to: r.progressPct });
      progress = r.progressPct;
      progressMonth = r.month;
    }
    if (r.spentWan !== null) spent = r.spentWan;
    if (spent > p.budgetWan + 1e-9) flag('overspent', r.month, { spentWan: spent, budgetWan: p.budgetWan });
    if (DONE.has(r.status) && spent <= 0) flag('doneUnspent', r.month, {});
    if (r.status === 'planned' && spent > 0) flag('spentPlanned', r.month, { spentWan: spent });
    if (DONE.has(r.status) && r.month < startMonth) flag('doneBeforeStart', r.month, { startMonth: Number(startMonth.replace('-', '')) });
    if (r.status === 'accepted' && !accepted) accepted = { ...r, progressPct: r.progressPct ?? progress, spentWan: r.spentWan ?? spent };
  }
  return out;
}

/** The mid-way reports of one town in one month: project, progress and spending of each, in project order. */
interface MonthReports {
  ids: number[];
  pct: number[];
  spent: number[];
}

/**
 * Projects of one town whose reports of a month carry the very same figures, mid-way through.
 * The reports are grouped by town and month, and each group sorted by its figures: a run of
 * equal figures is one finding.
 */
function identicalReports(d: IntegrityInput): Finding[] {
  const groups = new Map<number, Map<string, MonthReports>>();
  d.projects.forEach((p, i) => {
    for (const r of p.reports) {
      const pct = r.progressPct;
      const spent = r.spentWan;
      if (pct === null || spent === null || !(pct > 0 && pct < 100 && spent > 0)) continue;
      let town = groups.get(p.town);
      if (!town) groups.set(p.town, (town = new Map()));
      let g = town.get(r.month);
      if (!g) town.set(r.month, (g = { ids: [], pct: [], spent: [] }));
      g.ids.push(i);
      g.pct.push(pct);
      g.spent.push(spent);
    }
  });
  const out: Finding[] = [];
  for (const [town, months] of groups) {
    for (const [month, g] of months) {
      if (g.ids.length < RULES.identicalMinProjects) continue;
      // By figures, then in project order within equal figures.
      const order = g.ids.map((_, k) => k).sort((a, b) => g.pct[a]! - g.pct[b]! || g.spent[a]! - g.spent[b]! || a - b);
      for (let start = 0; start < order.length; ) {
        const first = order[start]!;
        let end = start + 1;
        while (end < order.length && g.pct[order[end]!] === g.pct[first] && g.spent[order[end]!] === g.spent[first]) end++;
        if (end - start >= RULES.identicalMinProjects) {
          const projects = order.slice(start, end).map((k) => g.ids[k]!);
          out.push({ rule: 'identicalReports', month, town, village: -1, projects, amountWan: sum(projects.map((i) => d.projects[i]!.budgetWan)), figures: { count: projects.length, progressPct: g.pct[first]!, spentWan: g.spent[first]! } });
        }
        start = end;
      }
    }
  }
  return out;
}

/** The building projects of one town in one month, in project order, with their figures. */
interface BuildingReports {
  ids: number[];
  pct: (number | null)[];
  spent: (number | null)[];
}

/**
 * A town whose building projects all report the same figures for FROZEN_MONTHS months running.
 * One pass over the reports: each town's months, and per month its building projects (in project
 * order) with their figures that month; then each month compared with the one before.
 */
function frozenTowns(d: IntegrityInput): Finding[] {
  const months = d.towns.map(() => new Set<string>());
  const building = d.towns.map(() => new Map<string, BuildingReports>());
  d.projects.forEach((p, i) => {
    const townMonths = months[p.town];
    const townBuilding = building[p.town];
    if (!townMonths || !townBuilding) return;
    // A project's figures in a month are those of its first report of the month (reports ascend by month).
    let first: IntegrityReport | null = null;
    for (const r of p.reports) {
      if (first === null || r.month !== first.month) first = r;
      townMonths.add(r.month);
      if (r.status !== 'building') continue;
      let m = townBuilding.get(r.month);
      if (!m) townBuilding.set(r.month, (m = { ids: [], pct: [], spent: [] }));
      if (m.ids.at(-1) === i) continue;
      m.ids.push(i);
      m.pct.push(first.progressPct);
      m.spent.push(first.spentWan);
    }
  });
  const out: Finding[] = [];
  d.towns.forEach((_, t) => {
    let run = 1;
    let previous: BuildingReports | undefined;
    for (const month of [...months[t]!].sort()) {
      const m = building[t]!.get(month);
      run = m && previous && sameReports(m, previous) ? run + 1 : 1;
      previous = m;
      if (run === RULES.frozenMonths && m) {
        out.push({ rule: 'frozenTown', month, town: t, village: -1, projects: m.ids, amountWan: sum(m.ids.map((i) => d.projects[i]!.budgetWan)), figures: { months: RULES.frozenMonths, projects: m.ids.length } });
      }
    }
  });
  return out;
}

/** The same projects with the same figures (a blank only equals a blank). */
function sameReports(a: BuildingReports, b: BuildingReports): boolean {
  if (a.ids.length !== b.ids.length) return false;
  for (let k = 0; k < a.ids.length; k++) {
    if (a.ids[k] !== b.ids[k] || !sameFigure(a.pct[k] ?? null, b.pct[k] ?? null) || !sameFigure(a.spent[k] ?? null, b.spent[k] ?? null)) return false;
  }
  return true;
}

function sameFigure(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * In the month before an inspection, a project whose reported progress rose far beyond its town's
 * usual monthly rise (the median rise of the town's other monthly reports) and far beyond the pace
 * its own plan asks for (100 % over the months from its start to its due date): a short project
 * rising 40 points a month is on plan, not dressing up for the inspection.
 */
function preInspectionJumps(d: IntegrityInput): Finding[] {
  const before = new Set(d.inspectionMonths.map(previousMonth));
  if (before.size === 0) return [];
  // Each town's rises outside the months before an inspection, in one pass; the reports are read
  // again below rather than kept as a list of rises per project.
  const townRises: number[][] = d.towns.map(() => []);
  d.projects.forEach((p) => {
    const list = townRises[p.town];
    if (!list) return;
    eachRise(p, (month, rise) => {
      if (!before.has(month) && rise > 0) list.push(rise);
    });
  });
  const usual = townRises.map(median);
  const out: Finding[] = [];
  d.projects.forEach((p, i) => {
    const pace = usual[p.town] ?? 0;
    const planned = 100 / Math.max(1, monthsBetween(p.start.slice(0, 7), p.due.slice(0, 7)) + 1);
    let isFound = false;
    eachRise(p, (month, rise) => {
      if (isFound || !before.has(month) || rise < RULES.inspectionMinRisePts || rise < RULES.inspectionPaceFactor * Math.max(pace, planned)) return;
      isFound = true;
      out.push({ rule: 'preInspectionJump', month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { rise: round(rise, 1), usual: round(pace, 1), planned: round(planned, 1) } });
    });
  });
  return out;
}

/** Calls `f` with each rise of a project's progress from one month to the next (consecutive months only). */
function eachRise(p: IntegrityProject, f: (month: string, rise: number) => void): void {
  for (let k = 1; k < p.reports.length; k++) {
    const a = p.reports[k - 1]!;
    const b = p.reports[k]!;
    if (a.progressPct !== null && b.progressPct !== null && monthsBetween(a.month, b.month) === 1) f(b.month, b.progressPct - a.progressPct);
  }
}

export interface QualityParts {
  /** 0–1 each. */
  completeness: number;
  byCode: number;
  ownPoint: number;
  /** Money at stake in findings over the area's budget, 0–1 (capped). */
  flagged: number;
}

/** Weights of the parts of the score; they add up to 100. */
export const QUALITY_WEIGHTS = { completeness: 25, byCode: 15, ownPoint: 10, findings: 50 } as const;
/** A finding with no money at stake (a village with no projects) still costs this share. */
const UNFUNDED_FINDING_SHARE = 0.05;

/** The 0–100 score of an area from its parts; never rises when `flagged` does. */
export function qualityScore(q: QualityParts): number {
  const w = QUALITY_WEIGHTS;
  return round(w.completeness * q.completeness + w.byCode * q.byCode + w.ownPoint * q.ownPoint + w.findings * (1 - Math.min(1, q.flagged)), 1);
}

/**
 * The quality parts of an area (its projects and villages) and its findings: completeness of the
 * disclosure fields, the share of rows joined by code, the share of projects with their own point,
 * and the money at stake in its findings over its budget (each finding counts; a finding with no
 * money at stake counts UNFUNDED_FINDING_SHARE).
 */
export function qualityParts(projects: readonly IntegrityProject[], villages: readonly IntegrityVillage[], findings: readonly Finding[]): QualityParts {
  const budget = sum(projects.map((p) => p.budgetWan));
  const rows = projects.length + villages.length;
  const flaggedMoney = sum(findings.map((f) => f.amountWan));
  const unfunded = findings.filter((f) => f.amountWan <= 0).length;
  return {
    completeness: projects.length ? sum(projects.map((p) => p.disclosureFilled)) / projects.length : 1,
    byCode: rows ? (projects.filter((p) => p.isJoinedByCode).length + villages.filter((v) => v.isJoinedByCode).length) / rows : 1,
    ownPoint: projects.length ? projects.filter((p) => p.hasOwnPoint).length / projects.length : 1,
    flagged: (budget > 0 ? flaggedMoney / budget : flaggedMoney > 0 ? 1 : 0) + unfunded * UNFUNDED_FINDING_SHARE,
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
