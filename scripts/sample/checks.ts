/** Invariants of the generated sample; any failure throws, naming the record. */
import { STATUSES } from '../../src/contract/columns';
import type { Household, Project, ProgressRow, Village } from './types';

const FIRST_START = '2015-10-01';
const LAST_START = '2016-09-30';
const LAST_DUE = '2017-06-30';

/** Throws with the message unless the condition holds. */
function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(`sample check failed: ${message}`);
}

/** Every village's figures are non-negative integers and nest: exited ≤ poor ≤ total, employed ≤ laborers. */
export function checkVillages(villages: readonly Village[]): void {
  for (const v of villages) {
    const figures = [v.households, v.population, v.poorHouseholds, v.poorPopulation, v.exitedHouseholds, v.exitedPopulation, v.laborers, v.employed];
    assert(figures.every((n) => Number.isInteger(n) && n >= 0), `${v.code}: figures must be non-negative integers`);
    assert(v.poorHouseholds <= v.households && v.poorPopulation <= v.population, `${v.code}: poor exceed total`);
    assert(v.exitedHouseholds <= v.poorHouseholds && v.exitedPopulation <= v.poorPopulation, `${v.code}: exited exceed poor`);
    assert(v.employed <= v.laborers && v.laborers <= v.poorPopulation, `${v.code}: employed > laborers or laborers > poor population`);
    assert(!(v.isCommunity && v.isPoorVillage), `${v.code}: a community cannot be a poor village`);
    assert(v.exitYear === null || v.isPoorVillage, `${v.code}: only poor villages exit`);
  }
}

/** Every village has a project; dates and beneficiaries stay within bounds. */
export function checkProjects(projects: readonly Project[], villages: readonly Village[]): void {
  const byCode = new Map(villages.map((v) => [v.code, v]));
  for (const v of villages) assert(projects.some((p) => p.villageCode === v.code), `${v.code} has no project`);
  for (const p of projects) {
    assert(p.start >= FIRST_START && p.start <= LAST_START && p.due > p.start && p.due <= LAST_DUE, `${p.id}: dates ${p.start}–${p.due}`);
    assert(p.beneficiaryPoorHouseholds <= p.beneficiaryHouseholds && p.budgetCents > 0, `${p.id}: beneficiaries or budget`);
    assert(p.hotline === '12317', `${p.id}: hotline ${p.hotline}`);
    const v = p.villageCode === null ? null : byCode.get(p.villageCode);
    if (v) assert(p.beneficiaryHouseholds <= v.households && p.beneficiaryPoorHouseholds <= v.poorHouseholds, `${p.id}: reaches more than ${v.code} has`);
  }
}

/** Per project: months ascend, progress, money and status never go back, money stays within budget. */
export function checkProgress(rows: readonly ProgressRow[], projects: readonly Project[]): void {
  const budgets = new Map(projects.map((p) => [p.id, p.budgetCents]));
  const last = new Map<string, ProgressRow>();
  for (const r of rows) {
    const prev = last.get(r.projectId);
    const budget = budgets.get(r.projectId);
    assert(budget !== undefined, `progress of unknown project ${r.projectId}`);
    assert(r.pct >= 0 && r.pct <= 100 && r.spentCents <= (budget ?? 0), `${r.projectId} ${r.month}: progress or money out of range`);
    if (prev) {
      assert(r.month > prev.month && r.pct >= prev.pct && r.spentCents >= prev.spentCents, `${r.projectId} ${r.month}: goes back`);
      assert(STATUSES.indexOf(r.status) >= STATUSES.indexOf(prev.status), `${r.projectId} ${r.month}: status goes back`);
    }
    last.set(r.projectId, r);
  }
  for (const p of projects) assert(last.has(p.id), `${p.id} has no progress row`);
}

/** Households add up to each village's poor, exited, laborers and employed; listed projects are the village's. */
export function checkHouseholds(households: readonly Household[], villages: readonly Village[], projects: readonly Project[]): void {
  const projectVillage = new Map(projects.map((p) => [p.id, p.villageCode]));
  for (const v of villages) {
    const own = households.filter((h) => h.villageCode === v.code);
    const sum = (f: (h: Household) => number): number => own.reduce((s, h) => s + f(h), 0);
    assert(own.length === v.poorHouseholds, `${v.code}: ${own.length} households for ${v.poorHouseholds} poor`);
    assert(sum((h) => (h.isExited ? 1 : 0)) === v.exitedHouseholds, `${v.code}: exited households`);
    assert(sum((h) => h.laborers) === v.laborers && sum((h) => h.employed) === v.employed, `${v.code}: laborers or employed`);
    for (const h of own) {
      assert(h.employed <= h.laborers && h.projectIds.length <= 3, `${h.key}: employed or projects`);
      assert(h.projectIds.every((id) => projectVillage.get(id) === v.code), `${h.key}: lists a project of another village`);
    }
  }
  const listed = new Map<string, number>();
  for (const h of households) for (const id of h.projectIds) listed.set(id, (listed.get(id) ?? 0) + 1);
  for (const p of projects) assert((listed.get(p.id) ?? 0) <= p.beneficiaryPoorHouseholds, `${p.id}: listed by more households than it reaches`);
  assert(new Set(households.map((h) => h.key)).size === households.length, 'household keys are not unique');
}
