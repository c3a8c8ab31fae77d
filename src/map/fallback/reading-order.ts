import type { AreaRef, PlacedArea } from '../map-engine';

export type { AreaRef, PlacedArea };

/**
 * Areas in the order a reader of the map meets them: rows from north to south, each row west
 * to east, as lines of text. A row is a band of latitude; there are about √n bands over the
 * areas' extent, so a dozen towns read as three or four rows of three or four, and an area
 * slightly north of its neighbour does not start a row of its own. Ties keep the given order.
 */
export function readingOrder<T extends PlacedArea>(areas: readonly T[]): T[] {
  if (areas.length <= 1) return [...areas];
  const lats = areas.map((a) => a.point[1]);
  const north = Math.max(...lats);
  const south = Math.min(...lats);
  const rows = Math.max(1, Math.round(Math.sqrt(areas.length)));
  const band = (north - south) / rows;
  const rowOf = (a: T): number => (band > 0 ? Math.min(rows - 1, Math.floor((north - a.point[1]) / band)) : 0);
  return areas
    .map((a, k) => ({ a, k, row: rowOf(a) }))
    .sort((x, y) => x.row - y.row || x.a.point[0] - y.a.point[0] || x.k - y.k)
    .map((x) => x.a);
}

/** The id an area's SVG element carries (unique in the page with the engine's prefix). */
export function areaElementId(prefix: string, area: AreaRef): string {
  return `${prefix}-${area.kind}-${area.id}`;
}
