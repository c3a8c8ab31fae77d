/**
 * Which projects the fallback map draws one by one and which as a cluster with a count, in screen
 * space: a grid of cells a few markers wide, and a cell holding more than a few markers is one
 * cluster. Projects at the very same point (a village's seat) are first spread on a small ring,
 * so two or three of them can each be seen and clicked.
 */

/** A project's marker position in CSS pixels. */
export interface ScreenPoint {
  index: number;
  x: number;
  y: number;
}

/** Several projects drawn as one symbol at the mean of their positions. */
export interface ScreenCluster {
  x: number;
  y: number;
  /** Project indexes, in the order given. */
  members: number[];
}

export interface MarkerGroups {
  markers: ScreenPoint[];
  clusters: ScreenCluster[];
}

/** Side of a grid cell in CSS pixels: about two of the larger markers. */
export const CLUSTER_CELL_PX = 40;
/** A cell with more projects than this becomes a cluster: a village's projects spread round it read well up to about this many. */
export const MAX_MARKERS_PER_CELL = 10;
/** Spacing of spread markers along their ring, in CSS pixels. */
const SPREAD_SPACING_PX = 10;
/** The smallest ring: wide enough to show past a village's circle drawn over the markers. */
const SPREAD_MIN_RADIUS_PX = 10;

/**
 * Points that fall on the same pixel spread evenly on a ring around it (the first at the top,
 * clockwise), the ring large enough to keep them SPREAD_SPACING_PX apart. Others keep their place.
 */
export function spreadCoincident(points: readonly ScreenPoint[]): ScreenPoint[] {
  const groups = new Map<string, number[]>();
  points.forEach((p, k) => {
    const key = `${Math.round(p.x)},${Math.round(p.y)}`;
    const group = groups.get(key);
    if (group) group.push(k);
    else groups.set(key, [k]);
  });
  const out = [...points];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const n = group.length;
    const radius = Math.max(SPREAD_MIN_RADIUS_PX, (n * SPREAD_SPACING_PX) / (2 * Math.PI));
    group.forEach((k, j) => {
      const p = points[k]!;
      const angle = -Math.PI / 2 + (2 * Math.PI * j) / n;
      out[k] = { index: p.index, x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) };
    });
  }
  return out;
}

/**
 * Markers and clusters: every point is in exactly one of them. Markers keep the given order (the
 * last drawn on top); clusters come in the order of their first member.
 */
export function groupMarkers(points: readonly ScreenPoint[], cellPx = CLUSTER_CELL_PX, maxPerCell = MAX_MARKERS_PER_CELL): MarkerGroups {
  const cells = new Map<string, ScreenPoint[]>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellPx)},${Math.floor(p.y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  const clustered = new Set<number>();
  const clusters: ScreenCluster[] = [];
  for (const cell of cells.values()) {
    if (cell.length <= maxPerCell) continue;
    let x = 0;
    let y = 0;
    for (const p of cell) {
      x += p.x;
      y += p.y;
      clustered.add(p.index);
    }
    clusters.push({ x: x / cell.length, y: y / cell.length, members: cell.map((p) => p.index) });
  }
  return { markers: points.filter((p) => !clustered.has(p.index)), clusters };
}
