/** De-identified poor households of the sample: an opaque key, exit, projects, laborers. Nothing personal. */
import { compareText } from './order';
import type { Rng } from './rng';
import { paceKind, townOf } from './towns';
import type { CategoryId, Household, Project, Town, Village } from './types';

const KEY_HEX_DIGITS = 12;
/** At most this many laborers in one household. */
const MAX_LABORERS = 4;
/** Projects listed per covered household, weighted. */
const PROJECTS_PER_HOUSEHOLD: readonly (readonly [number, number])[] = [[1, 50], [2, 35], [3, 15]];
/** Share of a village's poor households covered by at least one project, by the town's pace. */
const COVERAGE = { laggard: [0.7, 0.88], ahead: [0.9, 0.99], middle: [0.82, 0.97] } as const;
/** How likely a household lists a project of each category (help to the household weighs more). */
const HOUSEHOLD_WEIGHT: Readonly<Record<CategoryId, number>> = {
  industry: 3,
  tourism: 1,
  employment: 2.5,
  infrastructure: 0.4,
  relocation: 3,
  education: 2,
  health: 2,
  finance: 3,
  environment: 0.4,
  party: 0.2,
};
/** Households with an employed laborer are this much likelier to have exited. */
const EMPLOYED_EXIT_BONUS = 0.5;

/** Every village's poor households, sorted by village code then key. */
export function makeHouseholds(rng: Rng, towns: readonly Town[], villages: readonly Village[], projects: readonly Project[]): Household[] {
  const keys = new Set<string>();
  const out: Household[] = [];
  for (const v of villages) {
    const own = projects.filter((p) => p.villageCode === v.code);
    out.push(...villageHouseholds(rng, townOf(towns, v.townCode), v, own, keys));
  }
  return out.sort((a, b) => compareText(a.villageCode, b.villageCode) || compareText(a.key, b.key));
}

/** One village's households, matching its counts of poor and exited households, laborers and employed. */
function villageHouseholds(rng: Rng, town: Town, v: Village, projects: readonly Project[], keys: Set<string>): Household[] {
  const laborers = spread(rng, v.laborers, Array<number>(v.poorHouseholds).fill(MAX_LABORERS), `${v.code} laborers`);
  const employed = spread(rng, v.employed, laborers, `${v.code} employed`);
  const exited = chooseExited(rng, employed, v.exitedHouseholds);
  const projectIds = assignProjects(rng, town, v.poorHouseholds, projects);
  return laborers.map((l, i) => ({
    key: uniqueKey(rng, keys),
    villageCode: v.code,
    isExited: exited.has(i),
    projectIds: projectIds[i] ?? [],
    laborers: l,
    employed: employed[i] ?? 0,
  }));
}

/** Spreads a total over slots one unit at a time, never above each slot's cap. */
function spread(rng: Rng, total: number, caps: readonly number[], label: string): number[] {
  const counts = caps.map(() => 0);
  const open = caps.map((_, i) => i).filter((i) => (caps[i] ?? 0) > 0);
  for (let n = 0; n < total; n++) {
    if (open.length === 0) throw new Error(`${label}: ${total} does not fit the caps`);
    const j = rng.int(0, open.length - 1);
    const i = open[j] as number;
    counts[i] = (counts[i] ?? 0) + 1;
    if (counts[i] === caps[i]) open.splice(j, 1);
  }
  return counts;
}

/** Picks exactly `count` exited households, favouring those with someone employed. */
function chooseExited(rng: Rng, employed: readonly number[], count: number): Set<number> {
  const scored = employed.map((e, i) => ({ i, score: rng.next() + (e > 0 ? EMPLOYED_EXIT_BONUS : 0) }));
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return new Set(scored.slice(0, count).map((s) => s.i));
}

/** Lists 0–3 of the village's projects per household, never more households per project than it reaches. */
function assignProjects(rng: Rng, town: Town, households: number, projects: readonly Project[]): string[][] {
  const room = new Map(projects.map((p) => [p.id, p.beneficiaryPoorHouseholds]));
  const range = COVERAGE[paceKind(town)];
  const coverage = rng.float(range[0], range[1]);
  const lists: string[][] = [];
  for (let h = 0; h < households; h++) {
    const ids: string[] = [];
    const want = rng.chance(coverage) ? rng.weighted(PROJECTS_PER_HOUSEHOLD) : 0;
    for (let k = 0; k < want; k++) {
      const open = projects.filter((p) => (room.get(p.id) ?? 0) > 0 && !ids.includes(p.id));
      if (open.length === 0) break;
      const p = rng.weighted(open.map((x) => [x, HOUSEHOLD_WEIGHT[x.category]] as const));
      room.set(p.id, (room.get(p.id) ?? 0) - 1);
      ids.push(p.id);
    }
    lists.push(ids.sort());
  }
  return lists;
}

/** A fresh random key of 12 hex digits (opaque: derived from nothing). */
function uniqueKey(rng: Rng, keys: Set<string>): string {
  let key = '';
  do key = rng.hex(KEY_HEX_DIGITS);
  while (keys.has(key));
  keys.add(key);
  return key;
}
