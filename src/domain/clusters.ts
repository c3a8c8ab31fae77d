/**
 * Project markers at scale. A province holds a million projects; a screen shows a few thousand
 * readable symbols. So the map draws individual markers only when few enough are in view, and
 * otherwise grid clusters: the projects binned into cells of a fixed screen size at the map's
 * zoom, each cell one symbol at the mean position of its projects with their count. The cost of
 * drawing then follows what is on screen, not what is in the data.
 *
 * Positions live in typed arrays (one Float64Array per axis, NaN where a project has no point),
 * so a million projects are two arrays, not a million objects.
 */

/** Side of a cluster cell in CSS pixels: a cluster symbol (up to ~40 px) stays apart from the next. */
export const CLUSTER_CELL_PX = 56;
/** Up to this many projects in view are drawn one by one; more become clusters. */
export const INDIVIDUAL_LIMIT = 3000;
/** Tile size MapLibre draws with: world width in pixels at zoom 0. */
const WORLD_PX_Z0 = 512;

export interface ProjectPoints {
  /** Longitude and latitude by project index; NaN where a project has no point. */
  lon: Float64Array;
  lat: Float64Array;
  budgetWan: Float64Array;
}

export interface ClusterSet {
  /** Zoom the cells were cut for (an integer). */
  zoom: number;
  length: number;
  lon: Float64Array;
  lat: Float64Array;
  count: Uint32Array;
  budgetWan: Float64Array;
  /** The projects of cluster k are members[start[k] .. start[k + 1]). */
  start: Uint32Array;
  members: Uint32Array;
}

/** Columns of a SiteProjects-like object as typed arrays (null → NaN). */
export function projectPoints(lon: readonly (number | null)[], lat: readonly (number | null)[], budgetWan: readonly number[]): ProjectPoints {
  const n = lon.length;
  const out = { lon: new Float64Array(n), lat: new Float64Array(n), budgetWan: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const x = lon[i];
    const y = lat[i];
    out.lon[i] = x === null || x === undefined ? NaN : x;
    out.lat[i] = y === null || y === undefined ? NaN : y;
    out.budgetWan[i] = budgetWan[i] ?? 0;
  }
  return out;
}

/** Web Mercator x in [0, 1) of a longitude. */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** Web Mercator y in [0, 1) of a latitude (0 at the north edge). */
export function mercatorY(lat: number): number {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/**
 * The projects among `visible` that have a point, binned into CLUSTER_CELL_PX cells at an integer
 * zoom. Every such project is in exactly one cluster, so the counts and budgets add up to theirs.
 */
export function gridClusters(points: ProjectPoints, visible: ArrayLike<number>, zoom: number, cellPx = CLUSTER_CELL_PX): ClusterSet {
  const z = Math.max(0, Math.floor(zoom));
  const cellsPerWorld = (WORLD_PX_Z0 * 2 ** z) / cellPx;
  const cellOf = new Map<number, number>();
  const clusterOf = new Uint32Array(visible.length);
  const counts: number[] = [];
  let withPoint = 0;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k]!;
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      clusterOf[k] = 0xffffffff;
      continue;
    }
    const cx = Math.floor(mercatorX(lon) * cellsPerWorld);
    const cy = Math.floor(mercatorY(lat) * cellsPerWorld);
    const key = cx * cellsPerWorld + cy;
    let c = cellOf.get(key);
    if (c === undefined) {
      c = counts.length;
      cellOf.set(key, c);
      counts.push(0);
    }
    counts[c]!++;
    clusterOf[k] = c;
    withPoint++;
  }
  const length = counts.length;
  const start = new Uint32Array(length + 1);
  for (let c = 0; c < length; c++) start[c + 1] = start[c]! + counts[c]!;
  const fill = start.slice(0, length);
  const members = new Uint32Array(withPoint);
  const lon = new Float64Array(length);
  const lat = new Float64Array(length);
  const budgetWan = new Float64Array(length);
  for (let k = 0; k < visible.length; k++) {
    const c = clusterOf[k]!;
    if (c === 0xffffffff) continue;
    const i = visible[k]!;
    members[fill[c]!++] = i;
    lon[c]! += points.lon[i]!;
    lat[c]! += points.lat[i]!;
    budgetWan[c]! += points.budgetWan[i]!;
  }
  const count = new Uint32Array(length);
  for (let c = 0; c < length; c++) {
    count[c] = counts[c]!;
    lon[c]! /= counts[c]!;
    lat[c]! /= counts[c]!;
  }
  return { zoom: z, length, lon, lat, count, budgetWan, start, members };
}

/** The projects among `visible` whose point lies inside a lon/lat box (west, south, east, north). */
export function projectsInBox(points: ProjectPoints, visible: ArrayLike<number>, [w, s, e, n]: readonly [number, number, number, number], limit = Infinity): number[] {
  const out: number[] = [];
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k]!;
    const lon = points.lon[i]!;
    const lat = points.lat[i]!;
    if (lon >= w && lon <= e && lat >= s && lat <= n) {
      out.push(i);
      if (out.length > limit) break;
    }
  }
  return out;
}
