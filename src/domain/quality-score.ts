/** 数据质量分: an area's data quality score (0–100) from its disclosure, joins, points and the money at stake in its findings. */
import { round, sum, type Finding, type IntegrityProject, type IntegrityVillage } from './integrity-model';

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
/**
 * Rules whose findings count less than in full: a done project without a completion photo is a gap
 * in the evidence (warning level), not a contradiction of the report.
 */
const FINDING_WEIGHTS: Partial<Record<Finding['rule'], number>> = { photoMissingDone: 0.25 };
/** A finding with no money at stake (a village with no projects) still costs this share. */
const UNFUNDED_FINDING_SHARE = 0.05;

/** The 0–100 score of an area from its parts; never rises when `flagged` does. */
export function qualityScore(q: QualityParts): number {
  const w = QUALITY_WEIGHTS;
  return round(w.completeness * q.completeness + w.byCode * q.byCode + w.ownPoint * q.ownPoint + w.findings * (1 - Math.min(1, q.flagged)), 1);
}

/** What the score counts of an area's projects, added up project by project (in project order). */
export interface ProjectTally {
  count: number;
  budget: number;
  /** The disclosure shares filled, summed. */
  filled: number;
  byCode: number;
  ownPoint: number;
}

type TalliedProject = Pick<IntegrityProject, 'budgetWan' | 'disclosureFilled' | 'isJoinedByCode' | 'hasOwnPoint'>;

/** A tally of no projects. */
export function emptyTally(): ProjectTally {
  return { count: 0, budget: 0, filled: 0, byCode: 0, ownPoint: 0 };
}

/** Adds one project to the tally. */
export function tallyProject(t: ProjectTally, p: TalliedProject): void {
  t.count++;
  t.budget += p.budgetWan;
  t.filled += p.disclosureFilled;
  if (p.isJoinedByCode) t.byCode++;
  if (p.hasOwnPoint) t.ownPoint++;
}

/**
 * The quality parts of an area (its projects and villages) and its findings: completeness of the
 * disclosure fields, the share of rows joined by code, the share of projects with their own point,
 * and the money at stake in its findings over its budget (each finding counts; a finding with no
 * money at stake counts UNFUNDED_FINDING_SHARE).
 */
export function qualityParts(projects: readonly TalliedProject[], villages: readonly IntegrityVillage[], findings: readonly Finding[]): QualityParts {
  const t = emptyTally();
  for (const p of projects) tallyProject(t, p);
  return qualityPartsOf(t, villages, findings);
}

/**
 * qualityParts from the area's projects already added up: the pipeline tallies every area in one
 * pass over a province's million projects, then scores each month from the tallies and that month's findings.
 */
export function qualityPartsOf(t: ProjectTally, villages: readonly IntegrityVillage[], findings: readonly Finding[]): QualityParts {
  let byCode = t.byCode;
  for (const v of villages) if (v.isJoinedByCode) byCode++;
  const rows = t.count + villages.length;
  const flaggedMoney = sum(findings.map((f) => f.amountWan * (FINDING_WEIGHTS[f.rule] ?? 1)));
  const unfunded = findings.filter((f) => f.amountWan <= 0).length;
  return {
    completeness: t.count ? t.filled / t.count : 1,
    byCode: rows ? byCode / rows : 1,
    ownPoint: t.count ? t.ownPoint / t.count : 1,
    flagged: (t.budget > 0 ? flaggedMoney / t.budget : flaggedMoney > 0 ? 1 : 0) + unfunded * UNFUNDED_FINDING_SHARE,
  };
}
