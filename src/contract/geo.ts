import type { FeatureCollection } from 'geojson';
import { phrase, type ProblemRef } from '../i18n/problems';
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';

/** Longitudes run −180…180 and latitudes −90…90 degrees: anything else is not on the globe. */
export const LON_LIMIT_DEG = 180;
export const LAT_LIMIT_DEG = 90;

/**
 * Why a position is not a place on the globe, as the end of a sentence about it ("is at longitude
 * 1098.8: outside −180…180"), or null when it is one. A number too large for JSON (1e309) is read
 * as Infinity: said so, since a map cannot draw it and a sum of it is no number.
 */
export function offGlobe(lon: number, lat: number): ProblemRef | null {
  if (!Number.isFinite(lon)) return phrase('offGlobeLonNotFinite', { lon });
  if (!Number.isFinite(lat)) return phrase('offGlobeLatNotFinite', { lat });
  if (Math.abs(lon) > LON_LIMIT_DEG) return phrase('offGlobeLon', { lon, limit: LON_LIMIT_DEG });
  if (Math.abs(lat) > LAT_LIMIT_DEG) {
    // China's longitudes (73–135) do not fit a latitude: the pair was most likely written [lat, lon].
    const isSwapped = Math.abs(lon) <= LAT_LIMIT_DEG && Math.abs(lat) <= LON_LIMIT_DEG;
    return phrase('offGlobeLat', { lat, limit: LAT_LIMIT_DEG, isSwapped });
  }
  return null;
}

/** How deep a geometry's positions are nested in its coordinates, by geometry type. */
const POSITION_DEPTH: Readonly<Record<string, number>> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * Parses an emitted GeoJSON file: a FeatureCollection whose features have numeric ids and
 * geometries whose positions are on the globe (one bad vertex would draw a line across the map).
 */
export function parseSiteGeo(input: unknown, file: string): Parsed<FeatureCollection> {
  const c = new JsonChecker(file);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.type !== 'FeatureCollection') c.error('type', 'geoFeatureCollection');
  const features = c.array(o.features, 'features') ?? [];
  features.forEach((f, i) => {
    const fo = c.object(f, join('features', i));
    if (!fo) return;
    if (typeof fo.id !== 'number') c.error(join(join('features', i), 'id'), 'geoFeatureId');
    const g = c.object(fo.geometry, join(join('features', i), 'geometry'));
    const depth = g && typeof g.type === 'string' ? POSITION_DEPTH[g.type] : undefined;
    if (!g || depth === undefined) return;
    const bad = firstOffGlobe(g.coordinates, depth);
    if (bad !== null) c.error(join(join(join('features', i), 'geometry'), 'coordinates'), 'geoPosition', { problem: bad });
  });
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value: input as FeatureCollection, issues: c.issues };
}

/** What is wrong with the first position nested `depth` arrays deep that is not on the globe, or null. */
function firstOffGlobe(v: unknown, depth: number): ProblemRef | null {
  if (!Array.isArray(v)) return phrase('positionMissing');
  if (depth === 0) {
    if (typeof v[0] !== 'number' || typeof v[1] !== 'number') return phrase('positionNotPair');
    return offGlobe(v[0], v[1]);
  }
  for (const item of v) {
    const bad = firstOffGlobe(item, depth - 1);
    if (bad !== null) return bad;
  }
  return null;
}
