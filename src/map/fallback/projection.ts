import { geoArea, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BBox, LonLat } from '../../contract/site';

/**
 * The fallback map's camera: d3-geo's spherical Mercator fitted to what is shown, so it draws the
 * same shapes as the live map's Web Mercator. Rather than pan and zoom freely, each view re-fits
 * the projection to its area in the map's pixel size: the SVG's coordinates are CSS pixels, so
 * lines and labels keep their sizes at every scale.
 */

/** The world's width in pixels at zoom 0, as MapLibre draws it: zooms here mean what they mean there. */
export const WORLD_PX_Z0 = 512;
/** Framing an area never zooms closer than this (as the live map's fitBounds). */
export const MAX_FRAME_ZOOM = 14;
/** Geometry is clipped this far outside the view: off-screen vertices cost, and stroke ends stay out of sight. */
const CLIP_MARGIN_PX = 50;

export interface Size {
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const NO_PADDING: Padding = { top: 0, bottom: 0, left: 0, right: 0 };

/** What the map shows: an area fitted inside the padding, or a configured camera's centre and zoom. */
export type MapView = { kind: 'area'; bbox: BBox; padding: Padding; maxZoom: number } | { kind: 'camera'; center: LonLat; zoom: number };

/** d3's Mercator scale (pixels per radian) for a Web Mercator zoom. */
export function scaleForZoom(zoom: number): number {
  return (WORLD_PX_Z0 * 2 ** zoom) / (2 * Math.PI);
}

/** The Web Mercator zoom a projection draws at (for the scale bar and the zoom-dependent styles). */
export function zoomOf(projection: GeoProjection): number {
  return Math.log2((projection.scale() * 2 * Math.PI) / WORLD_PX_Z0);
}

/** A Mercator projection centred on a point at a zoom, the point in the middle of the box. */
function centred(center: LonLat, zoom: number, [[x0, y0], [x1, y1]]: [[number, number], [number, number]]): GeoProjection {
  return geoMercator()
    .scale(scaleForZoom(zoom))
    .center(center)
    .translate([(x0 + x1) / 2, (y0 + y1) / 2]);
}

/**
 * The projection that draws `view` in a box of `size` CSS pixels: an area as large as fits inside
 * the padding (all of the box when the padding leaves no room), but no closer than its maxZoom; a
 * camera as configured.
 */
export function projectionFor(view: MapView, size: Size): GeoProjection {
  const whole: [[number, number], [number, number]] = [
    [0, 0],
    [size.width, size.height],
  ];
  let projection: GeoProjection;
  if (view.kind === 'camera') projection = centred(view.center, view.zoom, whole);
  else {
    const { top, bottom, left, right } = view.padding;
    const padded: [[number, number], [number, number]] = [
      [left, top],
      [size.width - right, size.height - bottom],
    ];
    const hasRoom = padded[1][0] - padded[0][0] >= 1 && padded[1][1] - padded[0][1] >= 1;
    const extent = hasRoom ? padded : whole;
    const [w, s, e, n] = view.bbox;
    // Mercator keeps meridians and parallels straight, so the box's corners bound the whole box.
    projection = geoMercator().fitExtent(extent, { type: 'MultiPoint', coordinates: [[w, s], [e, n]] });
    const zoom = zoomOf(projection);
    if (!Number.isFinite(zoom) || zoom > view.maxZoom) {
      const middle = projection.invert?.([(extent[0][0] + extent[1][0]) / 2, (extent[0][1] + extent[1][1]) / 2]);
      const center: LonLat = middle && Number.isFinite(middle[0]) && Number.isFinite(middle[1]) ? [middle[0], middle[1]] : [(w + e) / 2, (s + n) / 2];
      projection = centred(center, view.maxZoom, extent);
    }
  }
  return projection.clipExtent([
    [-CLIP_MARGIN_PX, -CLIP_MARGIN_PX],
    [size.width + CLIP_MARGIN_PX, size.height + CLIP_MARGIN_PX],
  ]);
}

/** The lon/lat box a projection shows in a box of `size` (north up, so its corners bound it). */
export function viewBounds(projection: GeoProjection, size: Size): BBox {
  const nw = projection.invert?.([0, 0]) ?? [0, 0];
  const se = projection.invert?.([size.width, size.height]) ?? [0, 0];
  return [nw[0], se[1], se[0], nw[1]];
}

/** True when a lon/lat box lies wholly inside another. */
export function contains([w, s, e, n]: BBox, [w2, s2, e2, n2]: BBox): boolean {
  return w2 >= w && e2 <= e && s2 >= s && n2 <= n;
}

/**
 * The boundaries wound as d3-geo wants them. GeoJSON (RFC 7946) winds outer rings
 * anticlockwise; d3-geo works on the sphere and reads such a ring as the rest of the globe. A
 * polygon whose spherical area is more than a hemisphere is the wrong way round: all its rings are
 * reversed (holes with them). Already-clockwise polygons are kept as they are.
 */
export function rewindForD3(collection: FeatureCollection): FeatureCollection {
  return { ...collection, features: collection.features.map((f): Feature => ({ ...f, geometry: rewindGeometry(f.geometry) })) };
}

function rewindRings(rings: Position[][]): Position[][] {
  return geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

function rewindGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: rewindRings(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(rewindRings) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(rewindGeometry) };
  return g;
}

/** What the map was asked to show: an area, or a camera (a tour stop's, which must still show its `area`; null: as it is). */
export type ViewTarget = { kind: 'area'; bbox: BBox; maxZoom: number } | { kind: 'camera'; center: LonLat; zoom: number; area: BBox | null };

/**
 * The view for a target in a map of this size: an area framed inside the padding; a camera as
 * configured, unless it was set for a bigger screen and would cut its area, which is then framed
 * (as the live map's flyTo).
 */
export function viewFor(target: ViewTarget, size: Size, padding: Padding): MapView {
  if (target.kind === 'area') return { kind: 'area', bbox: target.bbox, padding, maxZoom: target.maxZoom };
  if (target.area === null) return { kind: 'camera', center: target.center, zoom: target.zoom };
  const fitted = zoomOf(projectionFor({ kind: 'area', bbox: target.area, padding, maxZoom: Infinity }, size));
  return fitted < target.zoom ? { kind: 'area', bbox: target.area, padding, maxZoom: target.zoom } : { kind: 'camera', center: target.center, zoom: target.zoom };
}
