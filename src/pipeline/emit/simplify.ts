import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { MAX_ZOOM } from '../../contract/site';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/** The deepest zoom the atlas lets a person reach: the boundaries need no more detail than that. */
export const DRAWN_MAX_ZOOM = MAX_ZOOM;

/** Degrees of longitude one screen pixel spans at a zoom (512-pixel tiles, as MapLibre draws). */
export function degreesPerPixel(zoom: number): number {
  return 360 / (512 * 2 ** zoom);
}

export interface SimplifiedBoundaries {
  towns: (Polygon | MultiPolygon)[];
  outline: MultiPolygon;
  /** Vertices written as read (after canonicalisation), and as drawn. */
  vertices: { towns: { read: number; drawn: number }; county: { read: number; drawn: number } };
}

/**
 * Boundaries with only the vertices a screen can show at the deepest zoom: Visvalingam's
 * effective area, dropping a vertex whose triangle covers less than one pixel there. It runs on
 * the TopoJSON topology of every town and the county outline together, so an edge two towns
 * share is simplified once and stays shared: no slivers or gaps open between neighbours.
 * Arc ends (where three areas meet) are never moved. The analysis (areas, point-in-town
 * checks) keeps the full boundaries; only what is drawn is simplified.
 */
export function simplifyBoundaries(towns: readonly (Polygon | MultiPolygon)[], outline: MultiPolygon, zoom = DRAWN_MAX_ZOOM): SimplifiedBoundaries {
  const px = degreesPerPixel(zoom);
  const collection = (list: readonly (Polygon | MultiPolygon)[]): FeatureCollection<Polygon | MultiPolygon> => ({ type: 'FeatureCollection', features: list.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) });
  // The features carry no properties; the types' null-able properties are the only mismatch.
  const topo = topology({ towns: collection(towns), county: collection([outline]) }) as Topology<Objects<Record<string, never>>>;
  const simplified = simplify(keepRingsOpen(presimplify(topo)), px * px);
  const back = (name: 'towns' | 'county', fallback: readonly (Polygon | MultiPolygon)[]): (Polygon | MultiPolygon)[] => {
    const fc = feature(simplified, simplified.objects[name] as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon | null>;
    return fc.features.map((f, i) => (f.geometry && vertexCount(f.geometry) > 0 ? f.geometry : fallback[i]!));
  };
  const drawnTowns = back('towns', towns);
  const county = back('county', [outline])[0]!;
  const drawnOutline: MultiPolygon = county.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [county.coordinates] } : county;
  return {
    towns: drawnTowns,
    outline: drawnOutline,
    vertices: {
      towns: { read: sum(towns.map(vertexCount)), drawn: sum(drawnTowns.map(vertexCount)) },
      county: { read: vertexCount(outline), drawn: vertexCount(drawnOutline) },
    },
  };
}

/**
 * Every arc keeps its heaviest inner vertex (two for an arc that closes on itself), so no ring
 * can fall to fewer than four positions: a small island or a town with two neighbours stays an
 * area rather than a line.
 */
function keepRingsOpen<T extends { arcs: unknown }>(topo: T): T {
  for (const arc of topo.arcs as unknown as [number, number, number][][]) {
    const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    const keep = first[0] === last[0] && first[1] === last[1] ? 2 : 1;
    for (const p of inner.slice(0, keep)) p[2] = Infinity;
  }
  return topo;
}

/** Positions in an area's rings, the closing repeat of each ring included (as written in GeoJSON). */
export function vertexCount(g: Polygon | MultiPolygon): number {
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return sum(rings.map((r) => r.length));
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
