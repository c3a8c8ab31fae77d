import type { AtlasConfig } from '../../contract/config';
import { PROJECT_FIELDS } from '../../contract/project-fields';
import type { IntegrityInput, IntegrityProject, IntegrityVillage, ListOf } from '../../domain/integrity-model';
import type { Dataset } from '../model';
import { reportsOf } from '../progress-columns';
import { fieldAt, type ProjectColumns } from '../project-columns';

/** The disclosure fields (公告公示) of a project whose filling-in counts towards its completeness. */
const DISCLOSURE_FIELDS = PROJECT_FIELDS.filter((f) => f.isDisclosure).map((f) => f.key);

/** What integrityInput reads of the dataset. */
export type IntegritySource = Pick<Dataset, 'towns' | 'villages' | 'projects' | 'progress'> & { config: Pick<AtlasConfig, 'thresholds' | 'tour'> };

/**
 * The input of the 数据实 rules (domain/integrity.ts) from the joined dataset. Linear in the rows:
 * each project is made from the columns when a rule asks for it and dropped after (a province's
 * million are never all held at once), and its reports are a view of its range of the dataset's
 * progress columns (already ascending by month), not copies.
 */
export function integrityInput(d: IntegritySource): IntegrityInput {
  const p = d.projects;
  // Read by every rule that makes a project, and by the score: worked out once.
  const filled = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) filled[i] = disclosureFilledAt(p, i);
  const projectAt = (i: number): IntegrityProject => ({
    name: p.name[i]!,
    town: p.town[i]!,
    village: p.village[i]!,
    budgetWan: p.fields.budgetWan[i]!,
    start: p.fields.start.get(i),
    due: p.fields.due.get(i),
    beneficiaryHouseholds: fieldAt(p, 'beneficiaryHouseholds', i),
    reports: reportsOf(d.progress, i),
    disclosureFilled: filled[i]!,
    isJoinedByCode: p.isJoinedByCode[i] === 1,
    hasOwnPoint: p.hasOwnPoint[i] === 1,
  });
  const projects: ListOf<IntegrityProject> = { length: p.length, at: (i) => (i >= 0 && i < p.length ? projectAt(i) : undefined) };
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

/** Share of project `i`'s disclosure fields filled in (a cell of spaces is blank), 0–1. */
function disclosureFilledAt(p: ProjectColumns, i: number): number {
  let filled = 0;
  for (const field of DISCLOSURE_FIELDS) {
    const v = fieldAt(p, field, i);
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
