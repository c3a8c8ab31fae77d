/** Villages of the sample: real names and codes, schematic points, synthetic figures. */
import { areaKm2, samplePoint } from './geometry';
import type { Rng } from './rng';
import { paceKind, townOf } from './towns';
import type { LonLat, SourceVillage, Town, Village } from './types';
import { compareText } from './order';

/** Codes whose last three digits are below this are communities (社区/居委会), the rest villages (村). */
const FIRST_VILLAGE_SUFFIX = 200;
/** Communities sit around the town seat, within this distance. */
const COMMUNITY_WITHIN_KM = 1.5;
const COMMUNITY_SPACING_KM = 0.4;
/** Village points keep this far from the town boundary. */
const VILLAGE_MIN_EDGE_KM = 0.3;
/** Village points keep this far from the town seat (the seat is the town's own). */
const VILLAGE_MIN_FROM_SEAT_KM = 1;
/** Share of the typical spacing (√(area ÷ villages)) kept between two village points. */
const VILLAGE_SPACING_SHARE = 0.5;
/** Share of 村 that are registered poor villages. */
const POOR_VILLAGE_SHARE = 0.3;
/** Laggard towns are this much likelier to hold poor villages. */
const LAGGARD_POOR_BIAS = 1.4;
const VILLAGE_HOUSEHOLDS: [number, number] = [150, 900];
const COMMUNITY_HOUSEHOLDS: [number, number] = [900, 2200];
const PEOPLE_PER_HOUSEHOLD: [number, number] = [2.6, 3.4];
const POOR_PEOPLE_PER_HOUSEHOLD: [number, number] = [2.4, 3.2];
const POOR_RATE = { community: [0.08, 0.12], village: [0.08, 0.18], poorVillage: [0.18, 0.3] } as const;
const EXITED_SHARE: [number, number] = [0.3, 0.7];
/** Share of poor villages that have exited (出列), and the years, weighted. */
const EXITED_VILLAGE_SHARE = 0.35;
const EXIT_YEARS: readonly (readonly [number, number])[] = [[2014, 1], [2015, 2], [2016, 3]];
/** Poverty incidence left in an exited village: below the 2% exit line. */
const EXITED_INCIDENCE: [number, number] = [0.006, 0.018];
const LABOR_SHARE: [number, number] = [0.55, 0.65];
const EMPLOYED_SHARE = { laggard: [0.5, 0.75], ahead: [0.7, 0.9], middle: [0.55, 0.88] } as const;

/** Whether a village code is a community's. */
export function isCommunityCode(code: string): boolean {
  return Number(code.slice(9)) < FIRST_VILLAGE_SUFFIX;
}

/** The name used in project names: 双竹村委会 → 双竹村, 西关社区居委会 → 西关社区. */
export function shortName(name: string): string {
  return name
    .replace(/(村民委员会|村委会)$/, '村')
    .replace(/社区(居民委员会|居委会)$/, '社区')
    .replace(/(居民委员会|居委会)$/, '社区');
}

/** Places every village's point inside its own town: communities near the seat, villages spread out. */
export function placeVillages(rng: Rng, towns: readonly Town[], villages: readonly SourceVillage[]): Map<string, LonLat> {
  const points = new Map<string, LonLat>();
  for (const town of towns) {
    const own = villages.filter((v) => v.townCode === town.code);
    const spacing = VILLAGE_SPACING_SHARE * Math.sqrt(areaKm2(town.area) / Math.max(1, own.length));
    const placed: LonLat[] = [];
    for (const v of own) {
      const rule = isCommunityCode(v.code)
        ? { near: town.seat, withinKm: COMMUNITY_WITHIN_KM, awayFrom: placed, minSpacingKm: COMMUNITY_SPACING_KM }
        : { minEdgeKm: VILLAGE_MIN_EDGE_KM, awayFrom: [town.seat, ...placed], minSpacingKm: Math.max(spacing, VILLAGE_MIN_FROM_SEAT_KM) };
      const p = samplePoint(rng, town.area, rule, `${v.name} ${v.code}`);
      placed.push(p);
      points.set(v.code, p);
    }
  }
  return points;
}

/** Chooses the registered poor villages among the 村 (never a community), a little likelier in laggard towns. */
export function choosePoorVillages(rng: Rng, towns: readonly Town[], villages: readonly SourceVillage[]): Set<string> {
  const candidates = villages
    .filter((v) => !isCommunityCode(v.code))
    .map((v) => ({ code: v.code, score: rng.next() * (townOf(towns, v.townCode).isLaggard ? LAGGARD_POOR_BIAS : 1) }))
    .sort((a, b) => b.score - a.score || compareText(a.code, b.code));
  return new Set(candidates.slice(0, Math.round(candidates.length * POOR_VILLAGE_SHARE)).map((c) => c.code));
}

/** Draws one village's figures, keeping every inequality of the contract. */
export function villageFigures(rng: Rng, town: Town, v: SourceVillage, point: LonLat, isPoorVillage: boolean): Village {
  const isCommunity = isCommunityCode(v.code);
  const households = isCommunity ? rng.int(...COMMUNITY_HOUSEHOLDS) : skewedInt(rng, VILLAGE_HOUSEHOLDS);
  const population = Math.round(households * rng.float(...PEOPLE_PER_HOUSEHOLD));
  const rate = isCommunity ? POOR_RATE.community : isPoorVillage ? POOR_RATE.poorVillage : POOR_RATE.village;
  const poorHouseholds = Math.max(3, Math.round(households * rng.float(rate[0], rate[1])));
  const poorPopulation = Math.min(population, Math.round(poorHouseholds * rng.float(...POOR_PEOPLE_PER_HOUSEHOLD)));
  const exitYear = isPoorVillage && rng.chance(EXITED_VILLAGE_SHARE) ? rng.weighted(EXIT_YEARS) : null;
  const exited = exitYear === null ? exitedShare(rng, poorHouseholds, poorPopulation) : exitedVillage(rng, poorHouseholds, poorPopulation, population);
  const laborers = Math.round(poorPopulation * rng.float(...LABOR_SHARE));
  const share = EMPLOYED_SHARE[paceKind(town)];
  const employed = Math.round(laborers * rng.float(share[0], share[1]));
  return {
    ...v,
    townName: town.name,
    shortName: shortName(v.name),
    isCommunity,
    point,
    households,
    population,
    isPoorVillage,
    poorHouseholds,
    poorPopulation,
    ...exited,
    exitYear,
    laborers,
    employed,
  };
}

/** An integer in the range, skewed toward the low end (most villages are small). */
function skewedInt(rng: Rng, [min, max]: [number, number]): number {
  return Math.round(min + (max - min) * rng.next() ** 1.3);
}

/** Exited households and people of a village that has not exited: 30–70% of the poor. */
function exitedShare(rng: Rng, poorHouseholds: number, poorPopulation: number): { exitedHouseholds: number; exitedPopulation: number } {
  const exitedHouseholds = Math.round(poorHouseholds * rng.float(...EXITED_SHARE));
  const perHousehold = poorPopulation / poorHouseholds;
  const exitedPopulation = Math.min(poorPopulation, Math.max(exitedHouseholds, Math.round(exitedHouseholds * perHousehold * rng.float(0.95, 1.05))));
  return { exitedHouseholds, exitedPopulation };
}

/** Exited households and people of an exited village: what is left is under the exit line. */
function exitedVillage(rng: Rng, poorHouseholds: number, poorPopulation: number, population: number): { exitedHouseholds: number; exitedPopulation: number } {
  const left = Math.floor(population * rng.float(...EXITED_INCIDENCE));
  const exitedPopulation = Math.max(0, poorPopulation - left);
  const someLeft = left > 0 ? 1 : 0;
  const exitedHouseholds = Math.min(poorHouseholds - someLeft, Math.max(0, Math.round((poorHouseholds * exitedPopulation) / poorPopulation)));
  return { exitedHouseholds, exitedPopulation: Math.max(exitedPopulation, exitedHouseholds) };
}
