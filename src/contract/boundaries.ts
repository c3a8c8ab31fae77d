import type { MultiPolygon, Polygon, Position } from 'geojson';
import { phrase, type ProblemRef } from '../i18n/problems';
import { JsonChecker, join } from './check';
import { offGlobe } from './geo';
import type { Parsed } from './issues';

export const TOWNS_FILE = 'boundaries/towns.geojson';
export const COUNTY_FILE = 'boundaries/county.geojson';

export type AreaGeometry = Polygon | MultiPolygon;

/** A town's boundary as read from boundaries/towns.geojson. */
export interface TownBoundary {
  /** 9-digit township code. */
  code: string;
  name: string;
  geometry: AreaGeometry;
  /** Its index among the file's features, so later checks can name it as `features[3]`. */
  feature: number;
}

/** Property names accepted for a feature's code and name (surveying bureaus use their own). */
export const CODE_PROPERTIES = ['code', 'adcode', 'CODE', 'ADCODE', 'xzqdm', 'XZQDM', '乡镇代码', '区划代码', '代码'];
export const NAME_PROPERTIES = ['name', 'NAME', 'Name', 'xzqmc', 'XZQMC', '乡镇名称', '名称'];

/** Parses the features of a boundary FeatureCollection, reporting each bad feature by its index. */
export function parseTownBoundaries(input: unknown, file: string): Parsed<TownBoundary[]> {
  const c = new JsonChecker(file);
  const features = featuresOf(c, input);
  if (!features) return { ok: false, issues: c.issues };
  const towns: TownBoundary[] = [];
  features.forEach((f, i) => {
    const path = join('features', i);
    const o = c.object(f, path);
    if (!o) return;
    const props = c.object(o.properties ?? {}, join(path, 'properties')) ?? {};
    const codeRaw = pick(props, CODE_PROPERTIES);
    const code = codeRaw === undefined ? null : String(codeRaw).normalize('NFKC').trim();
    const nameRaw = pick(props, NAME_PROPERTIES);
    const name = typeof nameRaw === 'string' && nameRaw.trim() !== '' ? nameRaw.trim() : null;
    if (code === null || !/^\d{9}$/.test(code)) c.error(join(path, 'properties'), 'boundaryTownCode', { properties: CODE_PROPERTIES, got: String(JSON.stringify(codeRaw ?? null)) });
    if (name === null) c.error(join(path, 'properties'), 'boundaryTownName', { properties: NAME_PROPERTIES });
    const geometry = parseAreaGeometry(c, o.geometry, join(path, 'geometry'), name ?? `feature ${i}`);
    if (code && /^\d{9}$/.test(code) && name && geometry) {
      if (towns.some((t) => t.code === code)) c.error(join(path, 'properties'), 'boundaryTownTwice', { code });
      else towns.push({ code, name, geometry, feature: i });
    }
  });
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value: towns, issues: c.issues };
}

/** Parses a county outline: every polygon of the collection, merged into one MultiPolygon. */
export function parseCountyBoundary(input: unknown, file: string): Parsed<MultiPolygon> {
  const c = new JsonChecker(file);
  const features = featuresOf(c, input);
  if (!features) return { ok: false, issues: c.issues };
  const polygons: Position[][][] = [];
  features.forEach((f, i) => {
    const o = c.object(f, join('features', i));
    const nameRaw = o && isRecord(o.properties) ? pick(o.properties, NAME_PROPERTIES) : undefined;
    const label = typeof nameRaw === 'string' && nameRaw.trim() !== '' ? nameRaw.trim() : features.length === 1 ? phrase('countyOutline') : phrase('countyOutlineFeature', { index: i });
    const g = o ? parseAreaGeometry(c, o.geometry, join(join('features', i), 'geometry'), label) : null;
    if (g?.type === 'Polygon') polygons.push(g.coordinates);
    // A loop, not a spread: an outline of a hundred thousand islands must not overflow the stack.
    else if (g) for (const part of g.coordinates) polygons.push(part);
  });
  // Said only when no feature's own error explains it.
  if (polygons.length === 0 && !c.hasErrors) c.error('features', 'boundaryNoPolygon');
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value: { type: 'MultiPolygon', coordinates: polygons }, issues: c.issues };
}

function featuresOf(c: JsonChecker, input: unknown): unknown[] | null {
  const o = c.object(input, '');
  if (!o) return null;
  if (o.type === 'Feature') return [o];
  if (o.type !== 'FeatureCollection') return c.error('type', 'boundaryType', { got: String(JSON.stringify(o.type)) });
  return c.array(o.features, 'features');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick(props: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (props[n] !== undefined && props[n] !== null && props[n] !== '') return props[n];
  return undefined;
}

/**
 * The vertices of one feature that are not on the globe: the first (with its JSON path), and how
 * many of how many. One error per feature, however many: a file in projected metres has thousands.
 */
class OffGlobeTally {
  first: { path: string; vertex: number; problem: ProblemRef } | null = null;
  count = 0;
  total = 0;

  see(path: string, vertex: number, lon: number, lat: number): void {
    this.total++;
    const problem = offGlobe(lon, lat);
    if (problem === null) return;
    this.count++;
    this.first ??= { path, vertex, problem };
  }

  /** Reports the feature's vertices that are off the globe; true when there were any. */
  report(c: JsonChecker, label: string | ProblemRef): boolean {
    if (!this.first) return false;
    const { path, vertex, problem } = this.first;
    c.error(path, 'boundaryVertex', { label, vertex, problem, count: this.count, total: this.total });
    return true;
  }
}

function parseAreaGeometry(c: JsonChecker, v: unknown, path: string, label: string | ProblemRef): AreaGeometry | null {
  if (v === null || v === undefined) return c.error(path, 'boundaryNoGeometry');
  const o = c.object(v, path);
  if (!o) return null;
  const tally = new OffGlobeTally();
  let geometry: AreaGeometry | null;
  if (o.type === 'Polygon') {
    const rings = polygon(c, o.coordinates, join(path, 'coordinates'), tally);
    geometry = rings ? { type: 'Polygon', coordinates: rings } : null;
  } else if (o.type === 'MultiPolygon') {
    const parts = c.array(o.coordinates, join(path, 'coordinates'));
    if (!parts) return null;
    // An empty MultiPolygon has nothing to draw or label (it crashed the label point's centroid).
    if (parts.length === 0) return c.error(join(path, 'coordinates'), 'boundaryNoRing');
    const polys = parts.map((p, i) => polygon(c, p, join(join(path, 'coordinates'), i), tally));
    geometry = polys.every((p) => p !== null) ? { type: 'MultiPolygon', coordinates: polys as Position[][][] } : null;
  } else {
    return c.error(join(path, 'type'), 'boundaryGeometryType', { got: String(JSON.stringify(o.type)) });
  }
  return tally.report(c, label) ? null : geometry;
}

function polygon(c: JsonChecker, v: unknown, path: string, tally: OffGlobeTally): Position[][] | null {
  const rings = c.array(v, path);
  if (!rings || rings.length === 0) return rings ? c.error(path, 'boundaryNoRing') : null;
  const out: Position[][] = [];
  for (const [i, ring] of rings.entries()) {
    const ringPath = join(path, i);
    const pts = c.array(ring, ringPath);
    if (!pts) return null;
    const ringOut: Position[] = [];
    for (let j = 0; j < pts.length; j++) {
      const p = pts[j];
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return c.error(ringPath, 'boundaryBadPosition');
      tally.see(join(ringPath, j), j, p[0], p[1]);
      ringOut.push([p[0], p[1]]);
    }
    const first = ringOut[0];
    const last = ringOut[ringOut.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      ringOut.push([...first]);
      c.warn(ringPath, 'boundaryRingClosed');
    }
    if (ringOut.length < 4) return c.error(ringPath, 'boundaryRingShort', { count: ringOut.length });
    // A ring of fewer than three distinct corners encloses nothing (four copies of one point crashed the build).
    if (distinctCorners(ringOut) < 3) return c.error(ringPath, 'boundaryRingShort', { count: distinctCorners(ringOut) + 1 });
    out.push(ringOut);
  }
  return out;
}

/** How many different positions a closed ring has, its closing point not counted twice. */
function distinctCorners(ring: readonly Position[]): number {
  return new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size;
}
