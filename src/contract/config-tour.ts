/** atlas.config.json `tour`: the stops of the presentation (演示), their camera and classification, and their parser. */
import { JsonChecker, join } from './check';
import { parseText, type Text } from './config-text';
import type { Box } from './region-box';

export interface Camera {
  /** [lon, lat], WGS-84. */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** How values are cut into classes for a choropleth. */
export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'fixed';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'fixed'];

export interface TourStop {
  /** 9-digit town code, or null for the whole county. */
  town: string | null;
  camera: Camera | null;
  indicator: string | null;
  /** YYYY-MM, or null for the latest month. */
  month: string | null;
  /** How the stop's map is classed; null for the atlas default (fixed thresholds). A ranking stop wants quantiles. */
  classification: ClassMethod | null;
  title: Text;
  text: { zh: string[]; en: string[] };
}

/** MapLibre's zoom levels; the atlas map itself stops at MAX_ZOOM (site.ts) and shows a deeper camera at that. */
const MAX_CAMERA_ZOOM = 24;
/** The steepest tilt accepted (MapLibre 6 takes up to 180°, but beyond 85° the map shows mostly sky). */
const MAX_CAMERA_PITCH = 85;

function parseCamera(c: JsonChecker, v: unknown, path: string, box: Box | null): Camera | null {
  const o = c.object(v, path);
  if (!o) return null;
  c.onlyKeys(o, path, ['center', 'zoom', 'bearing', 'pitch']);
  const center = parseCenter(c, o.center, join(path, 'center'), box);
  const zoom = c.number(o.zoom, join(path, 'zoom'), 0, MAX_CAMERA_ZOOM);
  const bearing = o.bearing === undefined ? 0 : c.number(o.bearing, join(path, 'bearing'), -360, 360);
  const pitch = o.pitch === undefined ? 0 : c.number(o.pitch, join(path, 'pitch'), 0, MAX_CAMERA_PITCH);
  return center && zoom !== null && bearing !== null && pitch !== null ? { center, zoom, bearing, pitch } : null;
}

/**
 * `[longitude, latitude]` within ±180, ±90 (MapLibre throws on a latitude beyond ±90, which would
 * fail the whole page when the tour opens). A center outside the region's plausible box is a
 * warning; either says when the two look swapped.
 */
function parseCenter(c: JsonChecker, v: unknown, path: string, box: Box | null): [number, number] | null {
  const pair = c.pair(v, path);
  if (!pair) return null;
  const [lon, lat] = pair;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return c.error(path, 'tourCenterFinite');
  const isOnEarth = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;
  const isInBox = (x: number, y: number): boolean => box !== null && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
  if (!isOnEarth(lon, lat)) {
    const looksSwapped = isOnEarth(lat, lon) && (box === null || isInBox(lat, lon));
    return c.error(path, 'tourCenterNotPlace', { lon, lat, isSwapped: looksSwapped });
  }
  if (box !== null && !isInBox(lon, lat)) {
    c.warn(path, 'tourCenterFar', { lon, lat, west: box[0], south: box[1], east: box[2], north: box[3], isSwapped: isInBox(lat, lon) });
  }
  return [lon, lat];
}

/** The tour's stops in order; a camera outside the region's plausible box is a warning. */
export function parseTour(c: JsonChecker, v: unknown, box: Box | null): TourStop[] | null {
  const a = c.array(v, 'tour');
  if (!a) return null;
  const stops: TourStop[] = [];
  a.forEach((x, i) => {
    const path = join('tour', i);
    const o = c.object(x, path);
    if (!o) return;
    c.onlyKeys(o, path, ['town', 'camera', 'indicator', 'month', 'classification', 'title', 'text']);
    const town = o.town === undefined || o.town === null ? null : c.string(o.town, join(path, 'town'));
    const camera = o.camera === undefined ? null : parseCamera(c, o.camera, join(path, 'camera'), box);
    const indicator = o.indicator === undefined ? null : c.string(o.indicator, join(path, 'indicator'));
    const month = o.month === undefined ? null : c.string(o.month, join(path, 'month'));
    if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) c.error(join(path, 'month'), 'tourMonth', { got: month });
    const classification = o.classification === undefined ? null : c.oneOf(o.classification, join(path, 'classification'), CLASS_METHODS);
    const title = parseText(c, o.title, join(path, 'title'));
    const t = c.object(o.text ?? { zh: [], en: [] }, join(path, 'text'));
    const lines = (k: 'zh' | 'en'): string[] => (c.array(t?.[k] ?? [], join(join(path, 'text'), k)) ?? []).map((s, j) => c.string(s, join(join(join(path, 'text'), k), j)) ?? '');
    if (title) stops.push({ town, camera, indicator, month, classification, title, text: { zh: lines('zh'), en: lines('en') } });
  });
  return stops;
}
