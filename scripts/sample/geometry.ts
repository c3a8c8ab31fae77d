/** Geometry of the sample: the outline in WGS-84, schematic town cells, and points placed inside them. */
import * as turf from '@turf/turf';
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import type { Rng } from './rng';
import type { Area, LonLat } from './types';

/** Decimals kept in boundary files (about 0.1 m). */
export const BOUNDARY_DECIMALS = 6;
/** Decimals kept for points in the CSVs (about 1 m). */
export const POINT_DECIMALS = 5;
/** How far the Voronoi frame reaches beyond the county's bounding box, in degrees. */
const VORONOI_MARGIN_DEG = 0.5;
/** Largest accepted difference between the towns' summed area and the county's, as a fraction. */
const MAX_AREA_MISMATCH = 0.001;
/** Largest accepted overlap between two towns, as a fraction of the smaller. */
const MAX_OVERLAP = 0.0001;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;
/** Attempts before point sampling gives up. */
const MAX_TRIES = 6000;
/** Attempts between two relaxations of the spacing rules. */
const RELAX_EVERY = 600;


/** Makes the outline valid: drops repeated vertices, resolves self-touching rings by a union, rounds. */
export function cleanOutline(g: MultiPolygon): MultiPolygon {
  const parts = g.coordinates.map((p) => turf.polygon(p.map(dedupeRing)));
  const merged = turf.union(turf.featureCollection(parts));
  if (!merged) throw new Error('county outline: union of its parts is empty');
  const rounded = roundArea(merged.geometry);
  return rounded.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [rounded.coordinates] } : rounded;
}

/** Rounds an area's coordinates to the boundary decimals, dropping vertices that become repeated. */
export function roundArea(g: Area): Area {
  const ring = (r: Position[]): Position[] => dedupeRing(r.map(([x, y]) => [round(x ?? 0, BOUNDARY_DECIMALS), round(y ?? 0, BOUNDARY_DECIMALS)]));
  const poly = (p: Position[][]): Position[][] => p.map(ring).filter((r) => r.length >= 4);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: poly(g.coordinates) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map(poly).filter((p) => p.length > 0) };
}

/** Removes consecutive repeated vertices of a closed ring, keeping it closed. */
function dedupeRing(r: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of r) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0] ?? 0, first[1] ?? 0]);
  return out;
}

/** Rounds to a number of decimals. */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Each seat's Voronoi cell clipped to the outline, rounded: a schematic township polygon. */
export function voronoiCells(outline: MultiPolygon, seats: readonly LonLat[]): Area[] {
  const [w, s, e, n] = turf.bbox(outline);
  const frame: BBox = [w - VORONOI_MARGIN_DEG, s - VORONOI_MARGIN_DEG, e + VORONOI_MARGIN_DEG, n + VORONOI_MARGIN_DEG];
  const cells = turf.voronoi(turf.featureCollection(seats.map((p) => turf.point(p))), { bbox: frame });
  return seats.map((seat, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`no Voronoi cell for seat ${seat.join(',')}`);
    const clipped = turf.intersect(turf.featureCollection<Area>([cell, turf.feature(outline)]));
    if (!clipped) throw new Error(`Voronoi cell of seat ${seat.join(',')} misses the outline`);
    return roundArea(clipped.geometry);
  });
}

/** Throws unless the cells tile the outline: areas add up and no two overlap. */
export function checkTiling(outline: MultiPolygon, cells: readonly { name: string; area: Area }[]): void {
  const county = turf.area(outline);
  const sum = cells.reduce((s, c) => s + turf.area(c.area), 0);
  if (Math.abs(sum - county) / county > MAX_AREA_MISMATCH) {
    throw new Error(`towns cover ${(sum / 1e6).toFixed(2)} km² but the county is ${(county / 1e6).toFixed(2)} km²`);
  }
  cells.forEach((a, i) => {
    cells.slice(i + 1).forEach((b) => {
      if (!bboxesMeet(turf.bbox(a.area), turf.bbox(b.area))) return;
      const overlap = turf.intersect(turf.featureCollection<Area>([turf.feature(a.area), turf.feature(b.area)]));
      const smaller = Math.min(turf.area(a.area), turf.area(b.area));
      if (overlap && turf.area(overlap) > MAX_OVERLAP * smaller) throw new Error(`towns ${a.name} and ${b.name} overlap`);
    });
  });
}

/** Whether two bounding boxes intersect. */
function bboxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Whether a point lies inside an area. */
export function isInside(p: LonLat, area: Area): boolean {
  return turf.booleanPointInPolygon(p, area);
}

/** Approximate ground distance between two points, in km (equirectangular; fine at county scale). */
export function distanceKm(a: LonLat, b: LonLat): number {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * KM_PER_DEG_LAT);
}

/** Distance from a point to the nearest edge of an area, in km. */
export function distanceToEdgeKm(p: LonLat, area: Area): number {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos(p[1] * (Math.PI / 180));
  const rings = area.type === 'Polygon' ? area.coordinates : area.coordinates.flat();
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      best = Math.min(best, segmentDistance(((a[0] ?? 0) - p[0]) * kx, ((a[1] ?? 0) - p[1]) * KM_PER_DEG_LAT, ((b[0] ?? 0) - p[0]) * kx, ((b[1] ?? 0) - p[1]) * KM_PER_DEG_LAT));
    }
  }
  return best;
}

/** Distance from the origin to the segment (ax,ay)–(bx,by), in the units of the inputs. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Rules a sampled point must follow. */
export interface PointRule {
  /** Stay within `withinKm` of this point. */
  near?: LonLat;
  withinKm?: number;
  /** Keep at least this far from the area's boundary (relaxed when impossible). */
  minEdgeKm?: number;
  /** Keep at least `minSpacingKm` from each of these (relaxed when impossible). */
  awayFrom?: readonly LonLat[];
  minSpacingKm?: number;
}

/** A point drawn uniformly inside an area under the rule, rounded to the CSV decimals; throws if none is found. */
export function samplePoint(rng: Rng, area: Area, rule: PointRule, label: string): LonLat {
  const box = samplingBox(area, rule);
  let minEdge = rule.minEdgeKm ?? 0;
  let minSpacing = rule.minSpacingKm ?? 0;
  for (let i = 1; i <= MAX_TRIES; i++) {
    const p: LonLat = [round(rng.float(box[0], box[2]), POINT_DECIMALS), round(rng.float(box[1], box[3]), POINT_DECIMALS)];
    if (fits(p, area, rule, minEdge, minSpacing)) return p;
    if (i % RELAX_EVERY === 0) {
      minEdge *= 0.7;
      minSpacing *= 0.8;
    }
  }
  throw new Error(`could not place a point for ${label}`);
}

/** The box points are drawn from: the area's, narrowed to the neighbourhood when there is one. */
function samplingBox(area: Area, rule: PointRule): BBox {
  const b = turf.bbox(area);
  if (!rule.near || rule.withinKm === undefined) return b;
  const dLat = rule.withinKm / KM_PER_DEG_LAT;
  const dLon = rule.withinKm / (KM_PER_DEG_LON_EQUATOR * Math.cos(rule.near[1] * (Math.PI / 180)));
  return [Math.max(b[0], rule.near[0] - dLon), Math.max(b[1], rule.near[1] - dLat), Math.min(b[2], rule.near[0] + dLon), Math.min(b[3], rule.near[1] + dLat)];
}

/** Whether a candidate point satisfies the rule with the current (possibly relaxed) distances. */
function fits(p: LonLat, area: Area, rule: PointRule, minEdgeKm: number, minSpacingKm: number): boolean {
  if (rule.near && rule.withinKm !== undefined && distanceKm(p, rule.near) > rule.withinKm) return false;
  if (minSpacingKm > 0 && (rule.awayFrom ?? []).some((q) => distanceKm(p, q) < minSpacingKm)) return false;
  if (!isInside(p, area)) return false;
  return minEdgeKm <= 0 || distanceToEdgeKm(p, area) >= minEdgeKm;
}

/** Area of a polygon or multipolygon, in km². */
export function areaKm2(area: Area): number {
  return turf.area(area) / 1e6;
}

/** Bounding box of an area's largest part (ignoring slivers), for framing a camera. */
export function mainPartBbox(area: Area): BBox {
  const parts: Polygon[] = area.type === 'Polygon' ? [area] : area.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  const largest = parts.reduce((a, b) => (turf.area(b) > turf.area(a) ? b : a));
  return turf.bbox(largest);
}
