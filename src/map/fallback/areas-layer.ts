import type { GeoPath, GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import type { SiteData } from '../../contract/site';
import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../domain/palettes';
import type { AreaStyle } from '../map-engine';
import { LAG_FLAG_COLOUR, VILLAGES_EVERYWHERE_ZOOM, villagePoints } from '../style';
import { areaElementId, type AreaRef } from './reading-order';
import { h, num, type SvgNode } from './svg-node';
import { PAPER, type FallbackLook } from './theme';

/**
 * The towns and villages as the live map draws them (style.ts): the choropleth fill, no data
 * hatched, the towns around a drilled-into one dimmed, white town borders and the county's grey
 * outline, a dashed dark-red outline inside a lagging town, a dark outline round the selected
 * one, and the villages of the town opened as circles sized by their poor households.
 */

/** The boundaries as drawn: towns by id (their index in site.towns), wound for d3-geo. */
export interface Boundaries {
  towns: ReadonlyMap<number, Feature>;
  county: FeatureCollection;
}

/** Opacity of the towns around a drilled-into town (the live map's `dim`). */
const DIM_OPACITY = 0.35;
/** The live map's dash of the lag outline, in line widths. */
const LAG_DASH = [2, 1.5] as const;

/** The defs every area layer refers to: the no-data hatch, as the legend and the live map draw it. */
export function hatchPattern(id: string): SvgNode {
  const size = NO_DATA_HATCH.spacingPx;
  const stroke = { stroke: NO_DATA_HATCH.stroke, 'stroke-width': NO_DATA_HATCH.strokeWidthPx / Math.SQRT2, 'stroke-linecap': 'square' };
  // Lines where x + y is a multiple of the spacing, as hatch.ts rasterizes them: rising to the right.
  return h('pattern', { id, width: size, height: size, patternUnits: 'userSpaceOnUse' }, [
    h('rect', { width: size, height: size, fill: NO_DATA_HATCH.background }),
    h('path', { d: `M0,${size} L${size},0 M${-size / 2},${size / 2} L${size / 2},${-size / 2} M${size / 2},${size * 1.5} L${size * 1.5},${size / 2}`, ...stroke }),
  ]);
}

export interface AreasInput {
  site: SiteData;
  boundaries: Boundaries;
  path: GeoPath;
  projection: GeoProjection;
  zoom: number;
  style: AreaStyle | null;
  look: FallbackLook;
  idPrefix: string;
}

/** Whether a town's villages are drawn: those of the town opened, and every town's from close in. */
export function isVillageShown(townId: number, style: AreaStyle | null, zoom: number): boolean {
  return style?.selectedTown === townId || zoom >= VILLAGES_EVERYWHERE_ZOOM;
}

/** The county under the towns, the towns (one clickable, named element each) and their outlines. */
export function townLayers(input: AreasInput): SvgNode[] {
  const { site, boundaries, path, style, look, idPrefix } = input;
  const hatch = `url(#${idPrefix}-hatch)`;
  const fills: SvgNode[] = [];
  const lagging: SvgNode[] = [];
  let selected: SvgNode | null = null;
  for (const town of site.towns) {
    const feature = boundaries.towns.get(town.id);
    const d = feature ? path(feature) : null;
    if (!d) continue;
    const colour = style?.townColours[town.id] ?? null;
    const isDim = style?.selectedTown !== null && style?.selectedTown !== undefined && style.selectedTown !== town.id;
    const ref: AreaRef = { kind: 'town', id: town.id };
    fills.push(
      h('path', {
        id: areaElementId(idPrefix, ref),
        d,
        fill: colour ?? hatch,
        'fill-opacity': isDim ? DIM_OPACITY : 1,
        role: 'button',
        'aria-label': town.name,
        cursor: 'pointer',
        'data-kind': 'town',
        'data-id': town.id,
        'data-colour': colour ?? 'none',
      }),
    );
    if (style?.laggingTowns.has(town.id)) {
      // The live map offsets the dashed line into the town; here the town clips a line twice as wide.
      const clip = `${idPrefix}-lag-clip-${town.id}`;
      const width = look.laggingPx * 2;
      lagging.push(
        h('clipPath', { id: clip }, [h('path', { d })]),
        h('path', { d, fill: 'none', stroke: LAG_FLAG_COLOUR, 'stroke-width': width, 'stroke-dasharray': `${num(LAG_DASH[0] * width)} ${num(LAG_DASH[1] * width)}`, 'clip-path': `url(#${clip})`, 'data-lagging': town.id }),
      );
    }
    if (style?.selectedTown === town.id) selected = h('path', { d, fill: 'none', stroke: PAPER.selected, 'stroke-width': look.selectedPx, 'stroke-linejoin': 'round', 'data-selected': town.id });
  }
  const county = path(boundaries.county) ?? '';
  const allTowns = path({ type: 'FeatureCollection', features: [...boundaries.towns.values()] }) ?? '';
  return [
    h('path', { d: county, fill: PAPER.county, 'aria-hidden': 'true' }),
    h('g', { class: 'fallback-towns' }, fills),
    h('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, [
      h('path', { d: allTowns, fill: 'none', stroke: look.townLine.colour, 'stroke-width': look.townLine.widthPx, 'stroke-linejoin': 'round' }),
      h('path', { d: county, fill: 'none', stroke: look.countyLine.colour, 'stroke-width': look.countyLine.widthPx, 'stroke-linejoin': 'round' }),
      ...lagging,
      ...(selected ? [selected] : []),
    ]),
  ];
}

/** Where each shown village is drawn, and how large: the live map's radius at this zoom. */
export interface PlacedVillage {
  id: number;
  x: number;
  y: number;
  radius: number;
}

/** The villages drawn at this zoom and selection, with their circles' places and sizes. */
export function placedVillages(input: Pick<AreasInput, 'site' | 'projection' | 'zoom' | 'style'>): PlacedVillage[] {
  const { site, projection, zoom, style } = input;
  // The live map's radius: 4–14 px by √(poor households), × 0.6 at zoom 9 to × 1.3 at zoom 12.
  const scale = zoom <= 9 ? 0.6 : zoom >= 12 ? 1.3 : 0.6 + ((1.3 - 0.6) * (zoom - 9)) / 3;
  const out: PlacedVillage[] = [];
  for (const f of villagePoints(site).features) {
    const id = Number(f.id);
    const v = site.villages[id];
    if (!v?.point || !isVillageShown(v.townId, style, zoom)) continue;
    const at = projection(v.point);
    if (!at) continue;
    const size = Number((f.properties as { size?: number } | null)?.size ?? 0);
    out.push({ id, x: at[0], y: at[1], radius: scale * (4 + 10 * size) });
  }
  return out;
}

/** The villages as clickable, named circles in their colours (grey without data, as the live map). */
export function villageLayer(input: AreasInput, villages: readonly PlacedVillage[]): SvgNode {
  const { site, style, idPrefix } = input;
  return h(
    'g',
    { class: 'fallback-villages' },
    villages.map((p) => {
      const colour = style?.villageColours[p.id] ?? null;
      const isSelected = style?.selectedVillage === p.id;
      const isLagging = style?.laggingVillages.has(p.id) ?? false;
      return h('circle', {
        id: areaElementId(idPrefix, { kind: 'village', id: p.id }),
        cx: p.x,
        cy: p.y,
        r: p.radius,
        fill: colour ?? style?.noDataColour ?? NO_DATA_COLOR,
        stroke: isSelected ? PAPER.selected : isLagging ? LAG_FLAG_COLOUR : '#ffffff',
        'stroke-width': isSelected ? 3 : isLagging ? 2.5 : 1.2,
        role: 'button',
        'aria-label': site.villages[p.id]?.name ?? '',
        cursor: 'pointer',
        'data-kind': 'village',
        'data-id': p.id,
        'data-colour': colour ?? 'none',
      });
    }),
  );
}
