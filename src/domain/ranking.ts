/** One area's place in a ranking (比学赶超). */
export interface RankedArea {
  /** The area's index in the input. */
  index: number;
  value: number | null;
  /** 1-based competition rank (1, 2, 2, 4); null for no data. */
  rank: number | null;
}

/** Orders areas best first by the indicator's direction; ties share a rank; no data (null, NaN) last, in input order. */
export function rankAreas(values: readonly (number | null)[], isHigherBetter: boolean): RankedArea[] {
  const withData: { index: number; value: number }[] = [];
  const noData: RankedArea[] = [];
  values.forEach((value, index) => {
    if (value !== null && !Number.isNaN(value)) withData.push({ index, value });
    else noData.push({ index, value: null, rank: null });
  });
  // Array.prototype.sort is stable, so ties keep their input order.
  withData.sort((a, b) => (isHigherBetter ? b.value - a.value : a.value - b.value) || 0);
  const ranked: RankedArea[] = [];
  withData.forEach((area, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.value === area.value ? previous.rank : i + 1;
    ranked.push({ index: area.index, value: area.value, rank });
  });
  return [...ranked, ...noData];
}
