import { geoPath, type GeoProjection } from 'd3-geo';
import type { SiteData } from '../../contract/site';
import type { AreaStyle } from '../map-engine';
import { VILLAGES_EVERYWHERE_ZOOM, VILLAGE_LABEL_MIN_ZOOM, type MapTheme } from '../style';
import { hatchPattern, placedVillages, townLayers, villageLayer, type Boundaries, type PlacedVillage } from './areas-layer';
import { LABEL_FONTS, labelNode, placeLabels, type LabelRequest } from './labels';
import { NO_MARKERS, drawnMarkers, markersLayers, type DrawnMarkers, type MarkersInput } from './markers-layer';
import { MAX_FRAME_ZOOM, projectionFor, zoomOf, type MapView, type Size } from './projection';
import { areaElementId, readingOrder, type AreaRef, type PlacedArea } from './reading-order';
import { h, type SvgNode } from './svg-node';
import { PAPER, fallbackLook } from './theme';

/**
 * The whole fallback map as one pure function: site data, boundaries, style and view in, an SVG
 * tree out (with what it drew, for clicks and the keyboard). The engine mounts the tree in the
 * page; serialized, the same tree is the PNG of exports and print.
 */

/** The focus outline: the page's focus colour (app.css --focus) over a white halo. */
const FOCUS_COLOUR = '#c05621';
const FOCUS_PX = 3;

export interface SceneInput {
  site: SiteData;
  boundaries: Boundaries;
  size: Size;
  view: MapView;
  areas: AreaStyle | null;
  markers: MarkersInput | null;
  theme: MapTheme;
  /** The area the keyboard is on, outlined; null for none (and always for exports). */
  focus: AreaRef | null;
  /** The map's accessible name, its <title>. */
  title: string;
  /** Makes the element ids (areas, pattern, clips) unique in the page. */
  idPrefix: string;
}

export interface Scene {
  svg: SvgNode;
  projection: GeoProjection;
  zoom: number;
  /** The latitude at the middle of the map (for the scale bar). */
  latitude: number;
  drawn: DrawnMarkers;
  /** The areas of the level shown, in reading order: the towns, or the opened town's villages. */
  areas: PlacedArea[];
}

/** The areas a keyboard moves between: the towns, or at a town its villages with a point. */
export function levelAreas(site: SiteData, style: AreaStyle | null): PlacedArea[] {
  const town = style?.selectedTown ?? null;
  const areas: PlacedArea[] =
    town === null
      ? site.towns.map((t) => ({ kind: 'town' as const, id: t.id, name: t.name, point: t.labelPoint }))
      : site.villages.flatMap((v) => (v.townId === town && v.point ? [{ kind: 'village' as const, id: v.id, name: v.name, point: v.point }] : []));
  return readingOrder(areas);
}

function focusOutline(input: SceneInput, path: ReturnType<typeof geoPath>, villages: readonly PlacedVillage[]): SvgNode[] {
  const { focus, boundaries } = input;
  if (!focus) return [];
  const ring = { fill: 'none', 'stroke-linejoin': 'round' } as const;
  if (focus.kind === 'town') {
    const feature = boundaries.towns.get(focus.id);
    const d = feature ? path(feature) : null;
    if (!d) return [];
    return [h('path', { d, ...ring, stroke: '#ffffff', 'stroke-width': FOCUS_PX * 2 + 2 }), h('path', { d, ...ring, stroke: FOCUS_COLOUR, 'stroke-width': FOCUS_PX, 'data-focus': `town-${focus.id}` })];
  }
  const v = villages.find((p) => p.id === focus.id);
  if (!v) return [];
  const r = v.radius + FOCUS_PX + 1;
  return [
    h('circle', { cx: v.x, cy: v.y, r, ...ring, stroke: '#ffffff', 'stroke-width': FOCUS_PX * 2 + 2 }),
    h('circle', { cx: v.x, cy: v.y, r, ...ring, stroke: FOCUS_COLOUR, 'stroke-width': FOCUS_PX, 'data-focus': `village-${focus.id}` }),
  ];
}

/** Labels: town names first (they win a clash), then the names of the villages drawn, where the live map shows them. */
function labelLayer(input: SceneInput, projection: GeoProjection, zoom: number, villages: readonly PlacedVillage[], look: ReturnType<typeof fallbackLook>): SvgNode {
  const { site, areas } = input;
  const requests: LabelRequest[] = [];
  for (const t of site.towns) {
    const at = projection(t.labelPoint);
    if (at) requests.push({ text: t.name, x: at[0], y: at[1], anchor: 'center', look: look.townLabel });
  }
  for (const p of villages) {
    const v = site.villages[p.id];
    const isNamed = v && ((areas?.selectedTown === v.townId && zoom >= VILLAGE_LABEL_MIN_ZOOM) || zoom >= VILLAGES_EVERYWHERE_ZOOM);
    if (v && isNamed) requests.push({ text: v.name, x: p.x, y: p.y + p.radius * 0.2, anchor: 'below', look: look.villageLabel });
  }
  const placed = placeLabels(requests, input.size.width, input.size.height);
  // Town names are the centred ones (a village's hangs below its point).
  const isTown = (l: LabelRequest): boolean => l.anchor === 'center';
  // Drawn as the live map layers them: village names under town names.
  const ordered = [...placed.filter((l) => !isTown(l)), ...placed.filter(isTown)];
  return h('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, ordered.map((l) => labelNode(l, PAPER.halo)));
}

/** The fallback map for `input`, as an SVG tree sized in CSS pixels. */
export function buildScene(input: SceneInput): Scene {
  const { site, size, idPrefix } = input;
  const projection = projectionFor(input.view, size);
  const zoom = zoomOf(projection);
  const look = fallbackLook(input.theme, zoom);
  const path = geoPath(projection).digits(1);
  const middle = projection.invert?.([size.width / 2, size.height / 2]);
  const latitude = middle?.[1] ?? (site.bbox[1] + site.bbox[3]) / 2;
  const areasInput = { site, boundaries: input.boundaries, path, projection, zoom, style: input.areas, look, idPrefix };
  const villages = placedVillages(areasInput);
  const drawn = input.markers && input.markers.state.visible.length > 0 ? drawnMarkers(input.markers, projection, latitude, zoom < MAX_FRAME_ZOOM - 0.01) : NO_MARKERS;
  const projects = input.markers && drawn !== NO_MARKERS ? markersLayers(input.markers, drawn, projection) : null;
  const titleId = `${idPrefix}-title`;
  const svg = h(
    'svg',
    {
      width: size.width,
      height: size.height,
      viewBox: `0 0 ${size.width} ${size.height}`,
      role: 'group',
      'aria-labelledby': titleId,
      // The map takes the keyboard's focus; the area it is on is announced as the active descendant.
      tabindex: 0,
      'aria-activedescendant': input.focus ? areaElementId(idPrefix, input.focus) : null,
      'font-family': LABEL_FONTS,
      'data-zoom': zoom.toFixed(2),
      style: 'display:block',
    },
    [
      h('title', { id: titleId }, input.title),
      h('defs', {}, [hatchPattern(`${idPrefix}-hatch`)]),
      h('rect', { width: size.width, height: size.height, fill: PAPER.background, 'data-kind': 'background' }),
      ...townLayers(areasInput),
      ...(projects ? [projects.markers] : []),
      villageLayer(areasInput, villages),
      ...(projects ? [projects.counts] : []),
      h('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, focusOutline(input, path, villages)),
      labelLayer(input, projection, zoom, villages, look),
    ],
  );
  return { svg, projection, zoom, latitude, drawn, areas: levelAreas(site, input.areas) };
}
