/**
 * 数据实: consistency checks over the ledgers and the monthly reports, and a data quality score
 * per area (issue 9). A finding is a fact about the data, not an error: the build keeps them in
 * the site data so leaders can see which colours to believe and which towns to visit. Pure: the
 * pipeline hands in plain rows (IntegrityInput), the page gets findings and scores.
 */

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

export const FINDING_RULES = [
  'progressBackward',
  'progressJump',
  'overspent',
  'doneUnspent',
  'spentPlanned',
  'doneBeforeStart',
  'reportedAfterAccepted',
  'exitedAboveLine',
  'exitedAboveRegistered',
  'beneficiariesAboveHouseholds',
  'identicalReports',
  'frozenTown',
  'preInspectionJump',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

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
  /** The month before an inspection: a rise above this many times the town's usual monthly rise… */
  inspectionPaceFactor: 3,
  /** …and above this many points. */
  inspectionMinRisePts: 20,
} as const;

const DONE = new Set<ReportStatus>(['done', 'accepted']);

/** Months between two YYYY-MM strings (b − a). */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

function previousMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

/** Every finding over the dataset, in rule order, then by project or village. */
export function findIssues(d: IntegrityInput): Finding[] {
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
  const townHouseholds = d.towns.map((_, t) => d.villages.filter((v) => v.town === t).reduce((n, v) => n + v.households, 0));
  d.projects.forEach((p, i) => {
    const households = p.village >= 0 ? d.villages[p.village]?.households : townHouseholds[p.town];
    if (p.beneficiaryHouseholds !== null && households !== undefined && p.beneficiaryHouseholds > households) {
      out.push({ rule: 'beneficiariesAboveHouseholds', month: null, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { beneficiaries: p.beneficiaryHouseholds, households } });
    }
  });
  out.push(...identicalReports(d), ...frozenTowns(d), ...preInspectionJumps(d));
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

/** Projects of one town whose reports of a month carry the very same figures, mid-way through. */
function identicalReports(d: IntegrityInput): Finding[] {
  const groups = new Map<string, number[]>();
  d.projects.forEach((p, i) => {
    for (const r of p.reports) {
      if (r.progressPct === null || r.spentWan === null || r.progressPct <= 0 || r.progressPct >= 100 || r.spentWan <= 0) continue;
      const key = `${p.town}|${r.month}|${r.progressPct}|${r.spentWan}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
  });
  const out: Finding[] = [];
  for (const [key, projects] of groups) {
    if (projects.length < RULES.identicalMinProjects) continue;
    const [town, month, progressPct, spentWan] = key.split('|');
    out.push({ rule: 'identicalReports', month: month!, town: Number(town), village: -1, projects, amountWan: sum(projects.map((i) => d.projects[i]!.budgetWan)), figures: { count: projects.length, progressPct: Number(progressPct), spentWan: Number(spentWan) } });
  }
  return out;
}

/** A town whose building projects all report the same figures for FROZEN_MONTHS months running. */
function frozenTowns(d: IntegrityInput): Finding[] {
  const out: Finding[] = [];
  d.towns.forEach((_, t) => {
    const projects = d.projects.map((p, i) => ({ p, i })).filter(({ p }) => p.town === t);
    const months = [...new Set(projects.flatMap(({ p }) => p.reports.map((r) => r.month)))].sort();
    let run = 1;
    let previous: string | null = null;
    for (const month of months) {
      const building = projects.filter(({ p }) => p.reports.some((r) => r.month === month && r.status === 'building'));
      const snapshot = building.length === 0 ? null : building.map(({ p, i }) => `${i}:${figuresAt(p, month)}`).join(';');
      run = snapshot !== null && snapshot === previous ? run + 1 : 1;
      previous = snapshot;
      if (run === RULES.frozenMonths) {
        const ids = building.map(({ i }) => i);
        out.push({ rule: 'frozenTown', month, town: t, village: -1, projects: ids, amountWan: sum(ids.map((i) => d.projects[i]!.budgetWan)), figures: { months: RULES.frozenMonths, projects: ids.length } });
      }
    }
  });
  return out;
}

function figuresAt(p: IntegrityProject, month: string): string {
  const r = p.reports.find((x) => x.month === month);
  return `${r?.progressPct ?? '-'}/${r?.spentWan ?? '-'}`;
}

/**
 * In the month before an inspection, a project whose reported progress rose far beyond its
 * town's usual monthly rise (the median rise of the town's other monthly reports).
 */
function preInspectionJumps(d: IntegrityInput): Finding[] {
  const before = new Set(d.inspectionMonths.map(previousMonth));
  const rises = d.projects.map((p) => {
    const out: { month: string; rise: number }[] = [];
    for (let k = 1; k < p.reports.length; k++) {
      const a = p.reports[k - 1]!;
      const b = p.reports[k]!;
      if (a.progressPct !== null && b.progressPct !== null && monthsBetween(a.month, b.month) === 1) out.push({ month: b.month, rise: b.progressPct - a.progressPct });
    }
    return out;
  });
  const usual = d.towns.map((_, t) => median(d.projects.flatMap((p, i) => (p.town === t ? rises[i]!.filter((r) => !before.has(r.month) && r.rise > 0).map((r) => r.rise) : []))));
  const out: Finding[] = [];
  d.projects.forEach((p, i) => {
    const pace = usual[p.town] ?? 0;
    for (const r of rises[i]!) {
      if (!before.has(r.month) || r.rise < RULES.inspectionMinRisePts || r.rise < RULES.inspectionPaceFactor * pace) continue;
      out.push({ rule: 'preInspectionJump', month: r.month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { rise: round(r.rise, 1), usual: round(pace, 1) } });
      break;
    }
  });
  return out;
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
