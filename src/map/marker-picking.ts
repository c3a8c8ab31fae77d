/**
 * Hit tests for the live map's markers and clusters. Interleaved deck.gl receives no pointer
 * events, so hover and click are tested here on the CPU, against the radii the layers draw
 * (marker-sizes.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ProjectPoints } from '../domain/clusters';
import type { Drawn } from './marker-choice';
import { HIT_SLOP_PX, MAX_RADIUS_PX, MIN_RADIUS_PX, clusterRadiusPx, markerRadiusMetres } from './marker-sizes';

/** Web Mercator metres per pixel at the equator at zoom 0 for 512-px tiles. */
const EQUATOR_METRES_PER_PX_Z0 = 40_075_016.686 / 512;

/** The project drawn at a point of the map container (CSS pixels), or null; the last drawn wins, as on screen. */
export function pickMarker(map: MapLibreMap, points: ProjectPoints, drawn: Drawn, x: number, y: number): number | null {
  if (drawn.kind !== 'markers') return null;
  const zoom = map.getZoom();
  const lat = map.getCenter().lat;
  const metresPerPx = (EQUATOR_METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  const indexes = drawn.indexes;
  for (let k = indexes.length - 1; k >= 0; k--) {
    const i = indexes[k]!;
    const at = map.project([points.lon[i]!, points.lat[i]!]);
    const radius = Math.min(MAX_RADIUS_PX, Math.max(MIN_RADIUS_PX, markerRadiusMetres(points.budgetWan[i]!) / metresPerPx)) + HIT_SLOP_PX;
    if ((at.x - x) ** 2 + (at.y - y) ** 2 <= radius * radius) return i;
  }
  return null;
}

/** The cluster drawn at a point of the map container, or null. */
export function pickCluster(map: MapLibreMap, drawn: Drawn, x: number, y: number): number | null {
  if (drawn.kind !== 'clusters') return null;
  const set = drawn.set;
  for (let k = set.length - 1; k >= 0; k--) {
    const at = map.project([set.lon[k]!, set.lat[k]!]);
    const radius = clusterRadiusPx(set.count[k]!) + HIT_SLOP_PX;
    if ((at.x - x) ** 2 + (at.y - y) ** 2 <= radius * radius) return k;
  }
  return null;
}
