import type { AtlasConfig } from '../../contract/config';
import { PROJECT_FIELDS, type ProjectFieldValues } from '../../contract/project-fields';
import type { IntegrityInput, IntegrityProject, IntegrityVillage } from '../../domain/integrity-model';
import type { Dataset } from '../model';
import { reportsOf } from '../progress-columns';

/** The disclosure fields (公告公示) of a project whose filling-in counts towards its completeness. */
const DISCLOSURE_FIELDS = PROJECT_FIELDS.filter((f) => f.isDisclosure).map((f) => f.key);

/** What integrityInput reads of the dataset. */
export type IntegritySource = Pick<Dataset, 'towns' | 'villages' | 'projects' | 'progress'> & { config: Pick<AtlasConfig, 'thresholds' | 'tour'> };

/**
 * The input of the 数据实 rules (domain/integrity.ts) from the joined dataset. Linear in the rows:
 * each project's reports are a view of its range of the dataset's progress columns (already
 * ascending by month), not copies.
 */
export function integrityInput(d: IntegritySource): IntegrityInput {
  const projects: IntegrityProject[] = d.projects.map((p) => ({
    name: p.record.projectName,
    town: p.town,
    village: p.village,
    budgetWan: p.record.budgetWan,
    start: p.record.start,
    due: p.record.due,
    beneficiaryHouseholds: p.record.beneficiaryHouseholds,
    reports: reportsOf(d.progress, p.index),
    disclosureFilled: disclosureFilled(p.record),
    isJoinedByCode: p.isJoinedByCode,
    hasOwnPoint: p.hasOwnPoint,
  }));
  const villages: IntegrityVillage[] = d.villages.map((v) => ({
    name: v.record.villageName,
    town: v.town,
    households: v.record.households,
    population: v.record.population,
    poorHouseholds: v.record.poorHouseholds,
    poorPopulation: v.record.poorPopulation,
    exitedHouseholds: v.record.exitedHouseholds,
    exitedPopulation: v.record.exitedPopulation,
    exitYear: v.record.exitYear,
    isJoinedByCode: v.isJoinedByCode,
  }));
  return {
    towns: d.towns.map((t) => ({ name: t.name })),
    villages,
    projects,
    exitLinePct: exitLinePct(d.config),
    inspectionMonths: inspectionMonths(d.config),
  };
}

/** Share of the disclosure fields filled in (a cell of spaces is blank), 0–1. */
export function disclosureFilled(r: ProjectFieldValues): number {
  let filled = 0;
  for (const field of DISCLOSURE_FIELDS) {
    const v = r[field];
    if (v !== null && (typeof v !== 'string' || v.trim() !== '')) filled++;
  }
  return filled / DISCLOSURE_FIELDS.length;
}

/** The config's exit line (thresholds.exitIncidence, a fraction) as a percentage, without float noise (0.07 × 100). */
export function exitLinePct(config: Pick<AtlasConfig, 'thresholds'>): number {
  return Math.round(config.thresholds.exitIncidence * 100 * 1e6) / 1e6;
}

/** The months of the tour's stops (the scheduled inspections), unique and ascending. */
export function inspectionMonths(config: Pick<AtlasConfig, 'tour'>): string[] {
  const months = new Set<string>();
  for (const stop of config.tour) if (stop.month !== null) months.add(stop.month);
  return [...months].sort();
}
