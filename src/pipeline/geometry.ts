import { kinks, rewind } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Boundaries in one canonical form, whatever the surveying bureau's tool wrote: rings wound as
 * RFC 7946 says (outer counterclockwise, holes clockwise; older GeoJSON had no rule, so this is
 * not reported), no vertex repeated in a row, and a MultiPolygon of one part written as a Polygon.
 * The same area then builds to the same site data however it was saved.
 */
export function canonicalArea<G extends Polygon | MultiPolygon>(g: G): Polygon | MultiPolygon {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const cleaned = parts.map((rings) => rings.map(withoutRepeats));
  const shaped: Polygon | MultiPolygon = cleaned.length === 1 && g.type === 'MultiPolygon' ? { type: 'Polygon', coordinates: cleaned[0]! } : g.type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0]! } : { type: 'MultiPolygon', coordinates: cleaned };
  return rewind(shaped, { mutate: true }) as Polygon | MultiPolygon;
}

/** The county outline in the same form, kept a MultiPolygon. */
export function canonicalOutline(g: MultiPolygon): MultiPolygon {
  const area = canonicalArea(g);
  return area.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [area.coordinates] } : area;
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

/** Where an area's rings cross themselves or each other: a boundary to fix at its source. */
export function selfIntersections(g: Polygon | MultiPolygon): number {
  try {
    return kinks(g).features.length;
  } catch {
    return 0;
  }
}
