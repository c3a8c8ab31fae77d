import type { AreaSeries, SeriesId, SiteVillage } from '../../contract/site';

/**
 * Small counts in a public build (公开): a village's household figures are withheld when it has
 * fewer than `min` households or poor households (but some), since a count of one or two points at
 * a family. Town and county totals stay, so a lone withheld village in a town could be worked out
 * as the town's total minus its other villages: a second village of that town (the one with the
 * fewest poor households) is withheld with it (complementary suppression). The indicators computed
 * from a withheld village's households are withheld with its counts.
 */

/** Series computed from a village's households: withheld with its counts. */
export const HOUSEHOLD_SERIES: readonly SeriesId[] = ['household', 'employment', 'incidence'];

export interface Withheld {
  villages: SiteVillage[];
  series: Record<SeriesId, AreaSeries>;
  /** Ids of the villages whose figures were withheld, ascending. */
  withheld: number[];
}

const isSmall = (n: number | null, min: number): boolean => n !== null && n > 0 && n < min;

/** The villages (primary and complementary) whose household figures a public build withholds. */
export function villagesToWithhold(villages: readonly SiteVillage[], min: number): number[] {
  const primary = new Set(villages.filter((v) => isSmall(v.poorHouseholds, min) || isSmall(v.households, min)).map((v) => v.id));
  const chosen = new Set(primary);
  // The villages of each town, in order (once, not once per town).
  const towns = new Map<number, SiteVillage[]>();
  for (const v of villages) {
    const list = towns.get(v.townId);
    if (list) list.push(v);
    else towns.set(v.townId, [v]);
  }
  for (const inTown of towns.values()) {
    if (inTown.filter((v) => chosen.has(v.id)).length !== 1) continue;
    const partner = inTown.filter((v) => !chosen.has(v.id) && (v.poorHouseholds ?? 0) > 0).sort((a, b) => (a.poorHouseholds ?? 0) - (b.poorHouseholds ?? 0) || a.id - b.id)[0];
    if (partner) chosen.add(partner.id);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The villages and series with the small counts (and what would reveal them) set to null. */
export function withholdSmallCounts(villages: readonly SiteVillage[], series: Record<SeriesId, AreaSeries>, min: number): Withheld {
  const withheld = villagesToWithhold(villages, min);
  const set = new Set(withheld);
  // The poor households' figures go; the village's own size only when it is itself that small.
  const out = villages.map((v) => {
    if (!set.has(v.id)) return v;
    const isTiny = isSmall(v.households, min);
    return { ...v, households: isTiny ? null : v.households, population: isTiny ? null : v.population, poorHouseholds: null, poorPopulation: null };
  });
  const seriesOut = { ...series };
  for (const id of HOUSEHOLD_SERIES) {
    const s = series[id];
    seriesOut[id] = { ...s, villages: s.villages.map((row) => row.map((value, i) => (set.has(i) ? null : value))) };
  }
  return { villages: out, series: seriesOut, withheld };
}
