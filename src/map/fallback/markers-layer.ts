import type { GeoProjection } from 'd3-geo';
import { HIT_SLOP_PX, MAX_RADIUS_PX, MIN_RADIUS_PX, clusterRadiusPx, markerRadiusMetres } from '../marker-sizes';
import type { MarkerEvents, MarkerProjects, MarkerState } from '../marker-state';
import { LAG_FLAG_COLOUR } from '../style';
import { LABEL_FONTS, textWidthEm } from './labels';
import { groupMarkers, spreadCoincident, type ScreenCluster, type ScreenPoint } from './marker-groups';
import { h, num, type SvgNode } from './svg-node';

/**
 * The projects at a town as SVG circles, as the live map's markers (marker-layers.ts, at the sizes
 * of marker-sizes.ts): area by budget, the category's colour, a hollow ring when planned, half-tone
 * while building, solid with a white rim when done; a dark-red rim when lagging, a thick dark one
 * when selected; relocation arcs; and clusters with a count where many projects share little room.
 */

const EARTH_RADIUS_M = 6_378_137;
const INK = '#1f2933';
const COUNT_FONT_PX = 12;
const COUNT_BADGE_HEIGHT_PX = 17;

/** What the markers layer draws, kept for hit-testing clicks (pickProject) and cluster zooms. */
export interface DrawnMarkers {
  markers: (ScreenPoint & { radius: number })[];
  clusters: (ScreenCluster & { radius: number })[];
}

export const NO_MARKERS: DrawnMarkers = { markers: [], clusters: [] };

export interface MarkersInput {
  projects: MarkerProjects;
  state: MarkerState;
  /** Colour of each category, as site.config.categories. */
  categoryColours: readonly string[];
  text: Pick<MarkerEvents, 'tooltip' | 'clusterTooltip' | 'clusterLabel'>;
}

/** Pixels per metre on the ground at a latitude, for a d3 Mercator of this scale. */
function pxPerMetre(projection: GeoProjection, latitude: number): number {
  return projection.scale() / (EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180));
}

/** The markers' screen places and sizes, spread and grouped (no clusters when `isClustering` is false: the closest view). */
export function drawnMarkers(input: MarkersInput, projection: GeoProjection, latitude: number, isClustering: boolean): DrawnMarkers {
  const { projects: p, state } = input;
  const perMetre = pxPerMetre(projection, latitude);
  const points: ScreenPoint[] = [];
  for (const i of state.visible) {
    const lon = p.lon[i];
    const lat = p.lat[i];
    if (lon === null || lon === undefined || lat === null || lat === undefined) continue;
    const at = projection([lon, lat]);
    if (at) points.push({ index: i, x: at[0], y: at[1] });
  }
  // The selected project (its popup open) is never hidden in a cluster: it is drawn last, on top.
  const spread = spreadCoincident(points);
  const selected = spread.filter((m) => m.index === state.selected);
  const groups = groupMarkers(
    spread.filter((m) => m.index !== state.selected),
    undefined,
    isClustering ? undefined : Infinity,
  );
  const radius = (i: number): number => Math.min(MAX_RADIUS_PX, Math.max(MIN_RADIUS_PX, markerRadiusMetres(p.budgetWan[i] ?? 0) * perMetre));
  return {
    markers: [...groups.markers, ...selected].map((m) => ({ ...m, radius: radius(m.index) })),
    clusters: groups.clusters.map((c) => ({ ...c, radius: clusterRadiusPx(c.members.length) })),
  };
}

/** A gentle arc from a relocation project to where its households moved (above the straight line). */
function arcPath(x0: number, y0: number, x1: number, y1: number): string {
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  const bend = 0.25;
  const cx = mx + bend * (y0 - y1) * Math.sign(x1 - x0 || 1);
  const cy = my - bend * Math.abs(x1 - x0) - bend * 0.5 * Math.abs(y1 - y0);
  return `M${num(x0)},${num(y0)} Q${num(cx)},${num(cy)} ${num(x1)},${num(y1)}`;
}

/**
 * The markers layers: arcs, project circles and cluster discs, drawn under the villages as on the
 * live map (the villages' colours are the town's choropleth), each marker and cluster named for
 * screen readers and tooltips; and the clusters' counts, drawn over the villages as a badge on
 * each disc's upper right edge, so a count can be read and its village's colour seen.
 */
export function markersLayers(input: MarkersInput, drawn: DrawnMarkers, projection: GeoProjection): { markers: SvgNode; counts: SvgNode } {
  const { projects: p, state, categoryColours, text } = input;
  const row = p.status[state.monthIndex] ?? [];
  const colourOf = (i: number): string => categoryColours[p.category[i] ?? -1] ?? INK;
  const arcs: SvgNode[] = [];
  for (const m of drawn.markers) {
    const toLon = p.toLon[m.index];
    const toLat = p.toLat[m.index];
    if (toLon === null || toLon === undefined || toLat === null || toLat === undefined) continue;
    const to = projection([toLon, toLat]);
    if (to) arcs.push(h('path', { d: arcPath(m.x, m.y, to[0], to[1]), fill: 'none', stroke: colourOf(m.index), 'stroke-opacity': 0.55, 'stroke-width': 1.5 }));
  }
  const markers = drawn.markers.map((m) => {
    const i = m.index;
    const s = row[i] ?? 0;
    const colour = colourOf(i);
    const isSelected = i === state.selected;
    const isLagging = state.lagging.has(i);
    const tooltip = text.tooltip(i);
    return h(
      'circle',
      {
        cx: m.x,
        cy: m.y,
        r: m.radius,
        fill: s === 0 ? '#ffffff' : colour,
        'fill-opacity': s === 0 ? 0.9 : s === 1 ? 0.47 : 1,
        stroke: isSelected ? INK : isLagging ? LAG_FLAG_COLOUR : s >= 2 ? '#ffffff' : colour,
        'stroke-width': isSelected ? 3 : isLagging ? (state.isOverview ? 1.25 : 2.5) : s >= 2 ? 0.75 : 1.5,
        role: 'button',
        'aria-label': tooltip.split('\n')[0] ?? '',
        cursor: 'pointer',
        'data-kind': 'project',
        'data-id': i,
        'data-status': s,
      },
      [h('title', {}, tooltip)],
    );
  });
  const clusters = drawn.clusters.map((c, k) => {
    const budget = c.members.reduce((sum, i) => sum + (p.budgetWan[i] ?? 0), 0);
    const label = text.clusterTooltip(c.members.length, budget);
    return h('circle', { cx: c.x, cy: c.y, r: c.radius, fill: INK, 'fill-opacity': 0.75, stroke: '#ffffff', 'stroke-width': 1.5, role: 'button', 'aria-label': label, cursor: 'pointer', 'data-kind': 'cluster', 'data-id': k }, [h('title', {}, label)]);
  });
  const counts = drawn.clusters.map((c) => {
    const count = text.clusterLabel(c.members.length);
    const width = Math.max(COUNT_BADGE_HEIGHT_PX, textWidthEm(count) * COUNT_FONT_PX + 8);
    const x = c.x + c.radius * Math.SQRT1_2;
    const y = c.y - c.radius * Math.SQRT1_2;
    return h('g', {}, [
      h('rect', { x: x - width / 2, y: y - COUNT_BADGE_HEIGHT_PX / 2, width, height: COUNT_BADGE_HEIGHT_PX, rx: COUNT_BADGE_HEIGHT_PX / 2, fill: INK, stroke: '#ffffff', 'stroke-width': 1 }),
      h('text', { x, y: y + COUNT_FONT_PX * 0.36, 'text-anchor': 'middle', 'font-family': LABEL_FONTS, 'font-size': COUNT_FONT_PX, 'font-weight': 600, fill: '#ffffff' }, count),
    ]);
  });
  return {
    markers: h('g', { class: 'fallback-projects' }, [h('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, arcs), ...markers, ...clusters]),
    counts: h('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, counts),
  };
}

/** The project drawn at a point (the last drawn wins, as on screen), or null. */
export function pickMarker(drawn: DrawnMarkers, x: number, y: number): number | null {
  for (let k = drawn.markers.length - 1; k >= 0; k--) {
    const m = drawn.markers[k]!;
    const r = m.radius + HIT_SLOP_PX;
    if ((m.x - x) ** 2 + (m.y - y) ** 2 <= r * r) return m.index;
  }
  return null;
}

/** The cluster drawn at a point, or null. */
export function pickCluster(drawn: DrawnMarkers, x: number, y: number): number | null {
  for (let k = drawn.clusters.length - 1; k >= 0; k--) {
    const c = drawn.clusters[k]!;
    const r = c.radius + HIT_SLOP_PX;
    if ((c.x - x) ** 2 + (c.y - y) ** 2 <= r * r) return k;
  }
  return null;
}
