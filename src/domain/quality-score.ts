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

/**
 * The quality parts of an area (its projects and villages) and its findings: completeness of the
 * disclosure fields, the share of rows joined by code, the share of projects with their own point,
 * and the money at stake in its findings over its budget (each finding counts; a finding with no
 * money at stake counts UNFUNDED_FINDING_SHARE).
 */
export function qualityParts(projects: readonly IntegrityProject[], villages: readonly IntegrityVillage[], findings: readonly Finding[]): QualityParts {
  // Loops rather than map and filter: a province's county passes a million projects, and each
  // list of a million made here would be a large object that only a full collection frees.
  let budget = 0;
  let filled = 0;
  let byCode = 0;
  let ownPoint = 0;
  for (const p of projects) {
    budget += p.budgetWan;
    filled += p.disclosureFilled;
    if (p.isJoinedByCode) byCode++;
    if (p.hasOwnPoint) ownPoint++;
  }
  for (const v of villages) if (v.isJoinedByCode) byCode++;
  const rows = projects.length + villages.length;
  const flaggedMoney = sum(findings.map((f) => f.amountWan * (FINDING_WEIGHTS[f.rule] ?? 1)));
  const unfunded = findings.filter((f) => f.amountWan <= 0).length;
  return {
    completeness: projects.length ? filled / projects.length : 1,
    byCode: rows ? byCode / rows : 1,
    ownPoint: projects.length ? ownPoint / projects.length : 1,
    flagged: (budget > 0 ? flaggedMoney / budget : flaggedMoney > 0 ? 1 : 0) + unfunded * UNFUNDED_FINDING_SHARE,
  };
}

