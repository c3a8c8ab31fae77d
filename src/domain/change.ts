import { rankAreas } from './ranking';

/** Month-over-month change of a value: null when either month has no data. */
export function delta(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** Per area, the change between two months' values. */
export function deltas(current: readonly (number | null)[], previous: readonly (number | null)[]): (number | null)[] {
  return current.map((v, i) => delta(v, previous[i] ?? null));
}

/**
 * Per area, how many places it climbed in the ranking since the previous month (positive = up,
 * negative = down, 0 = same); null when it has no rank in either month.
 */
export function rankChanges(current: readonly (number | null)[], previous: readonly (number | null)[], isHigherBetter: boolean): (number | null)[] {
  const rankOf = (values: readonly (number | null)[]): (number | null)[] => {
    const ranks: (number | null)[] = values.map(() => null);
    for (const r of rankAreas(values, isHigherBetter)) ranks[r.index] = r.rank;
    return ranks;
  };
  const now = rankOf(current);
  const before = rankOf(previous);
  return now.map((r, i) => {
    const b = before[i] ?? null;
    return r === null || b === null ? null : b - r;
  });
}
