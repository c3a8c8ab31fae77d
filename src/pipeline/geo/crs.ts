import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { CrsId } from '../../contract/config';
import type { AreaGeometry } from '../../contract/boundaries';

/** Converts one input position to WGS-84 (CGCS2000 is taken as equal to WGS-84 at map scale). */
export function toWgs84(lon: number, lat: number, crs: CrsId): [number, number] {
  if (crs === 'WGS84' || crs === 'CGCS2000') return [lon, lat];
  const from = crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lon, lat], from, gcoord.WGS84);
  return [x, y];
}

/** Converts every position of an area geometry to WGS-84 (a new geometry of the same type). */
export function geometryToWgs84<G extends AreaGeometry>(g: G, crs: CrsId): G {
  if (crs === 'WGS84' || crs === 'CGCS2000') return g;
  const ring = (r: Position[]): Position[] => r.map(([x, y]) => toWgs84(x ?? 0, y ?? 0, crs));
  const out: AreaGeometry =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  return out as G;
}

/**
 * A WGS-84 position back in the input's system, to name a vertex as the file has it (the inverse of
 * toWgs84 to a few centimetres: GCJ-02 and BD-09 are only approximately invertible).
 */
export function fromWgs84(lon: number, lat: number, crs: CrsId): [number, number] {
  if (crs === 'WGS84' || crs === 'CGCS2000') return [lon, lat];
  const to = crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, to);
  return [x, y];
}
