/**
 * The village notice's small map: the village's town from the site's boundaries, its villages'
 * seats as dots and the village itself marked and named. SVG drawn with d3-geo (Mercator fitted to
 * the town), black on white so it prints on any office printer; no map library.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { SiteData, SiteTown, SiteVillage } from '../contract/site';

/** The map's box in SVG units (its printed size is set by the sheet's CSS). */
const WIDTH = 300;
const HEIGHT = 240;
const PADDING = 14;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The town's outline with its villages' seats, the village marked and named; null when the boundaries have no feature for the town. */
export function noticeMap(site: SiteData, towns: FeatureCollection, town: SiteTown, village: SiteVillage, label: string): SVGSVGElement | null {
  const feature = towns.features.find((f) => String(f.properties?.code ?? '') === town.code || Number(f.id) === town.id);
  if (!feature) return null;
  const outline: Feature = { ...feature, geometry: rewound(feature.geometry) };
  const projection = geoMercator().fitExtent(
    [
      [PADDING, PADDING],
      [WIDTH - PADDING, HEIGHT - PADDING],
    ],
    outline,
  );
  const path = geoPath(projection).digits(1);
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'notice-map-svg', role: 'img', 'aria-label': label });
  svg.append(el('path', { d: path(outline) ?? '', fill: '#f2f2f2', stroke: '#000', 'stroke-width': '1.5', 'stroke-linejoin': 'round' }));
  for (const v of site.villages) {
    if (v.townId !== town.id || v.point === null || v.id === village.id) continue;
    const xy = projection(v.point);
    if (xy) svg.append(el('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: '2.2', fill: '#777' }));
  }
  const here = village.point ? projection(village.point) : null;
  if (here) {
    const [x, y] = here;
    svg.append(el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: '7', fill: 'none', stroke: '#000', 'stroke-width': '2' }), el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: '3', fill: '#000' }));
    const isRight = x < WIDTH * 0.6;
    const text = el('text', { x: (x + (isRight ? 10 : -10)).toFixed(1), y: (y + 4).toFixed(1), 'text-anchor': isRight ? 'start' : 'end', 'font-size': '15', 'font-weight': '700', fill: '#000', stroke: '#fff', 'stroke-width': '3', 'paint-order': 'stroke' });
    text.textContent = village.name;
    svg.append(text);
  }
  // North up: a small arrow in the corner.
  const north = el('g', { transform: `translate(${WIDTH - 16} 18)`, 'aria-hidden': 'true' });
  const n = el('text', { x: '0', y: '0', 'text-anchor': 'middle', 'font-size': '11', fill: '#000' });
  n.textContent = 'N';
  north.append(el('path', { d: 'M0 4 L5 16 L0 13 L-5 16 Z', fill: '#000' }), n);
  svg.append(north);
  return svg;
}

function el(name: string, attrs: Record<string, string>): SVGElement & SVGSVGElement {
  const node = document.createElementNS(SVG_NS, name) as SVGElement & SVGSVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/**
 * The boundary wound as d3-geo wants it: GeoJSON winds outer rings anticlockwise, which d3-geo on
 * the sphere reads as the rest of the globe, so a polygon larger than a hemisphere is reversed.
 */
function rewound(g: Geometry): Geometry {
  const rings = (r: Position[][]): Position[][] => (geoArea({ type: 'Polygon', coordinates: r }) > 2 * Math.PI ? r.map((ring) => [...ring].reverse()) : r);
  if (g.type === 'Polygon') return { ...g, coordinates: rings(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(rings) };
  return g;
}
