/** Townships of the sample: real seats, schematic cells, and the pace each town's work goes at. */
import { samplePoint } from './geometry';
import type { Rng } from './rng';
import type { Area, SourceTown, Town } from './types';

/**
 * Pace of work by town: the laggards of the county's May 2016 report (龙坝镇, 鄂坪乡, 天宝乡)
 * are slow, the route's model towns (蒋家堰镇, 中峰镇) are ahead; the rest are drawn in between.
 */
const FIXED_PACE: Readonly<Record<string, number>> = {
  蒋家堰镇: 1.3,
  中峰镇: 1.25,
  龙坝镇: 0.68,
  鄂坪乡: 0.7,
  天宝乡: 0.72,
};
const MIDDLE_PACE: [number, number] = [0.9, 1.08];
/** A town whose pace is below this dips in April–May 2016 and catches up later. */
const LAGGARD_BELOW = 0.8;
/** A town whose pace is above this is ahead of plan. */
const AHEAD_ABOVE = 1.1;
/** How far from the town seat the resettlement site may be. */
const RESETTLEMENT_WITHIN_KM = 2;
const RESETTLEMENT_MIN_EDGE_KM = 0.3;
const RESETTLEMENT_MIN_FROM_SEAT_KM = 0.5;

/** Builds the towns from their source records and their cells (same order). */
export function buildTowns(rng: Rng, sources: readonly SourceTown[], cells: readonly Area[]): Town[] {
  return sources.map((s, i) => {
    const area = cells[i];
    if (!area) throw new Error(`no cell for ${s.name}`);
    const pace = FIXED_PACE[s.name] ?? round2(rng.float(MIDDLE_PACE[0], MIDDLE_PACE[1]));
    const resettlementSite = samplePoint(
      rng,
      area,
      { near: s.seat, withinKm: RESETTLEMENT_WITHIN_KM, minEdgeKm: RESETTLEMENT_MIN_EDGE_KM, awayFrom: [s.seat], minSpacingKm: RESETTLEMENT_MIN_FROM_SEAT_KM },
      `${s.name} resettlement site`,
    );
    return { ...s, area, pace, isLaggard: pace < LAGGARD_BELOW, resettlementSite };
  });
}

/** How a town's work goes: lagging, ahead, or in between. */
export type PaceKind = 'laggard' | 'ahead' | 'middle';

/** The pace kind of a town. */
export function paceKind(town: Town): PaceKind {
  return town.isLaggard ? 'laggard' : town.pace > AHEAD_ABOVE ? 'ahead' : 'middle';
}

/** Whether every name with a fixed pace is one of the towns (guards against renamed towns). */
export function checkFixedPaceNames(towns: readonly { name: string }[]): void {
  for (const name of Object.keys(FIXED_PACE)) {
    if (!towns.some((t) => t.name === name)) throw new Error(`town ${name} (fixed pace) is not in the source data`);
  }
}

/** The town of a code. */
export function townOf(towns: readonly Town[], code: string): Town {
  const t = towns.find((x) => x.code === code);
  if (!t) throw new Error(`unknown town ${code}`);
  return t;
}

/** Rounds to two decimals. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
