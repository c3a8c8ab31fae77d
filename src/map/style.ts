import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { SiteData } from '../contract/site';
import { NO_DATA_COLOR } from '../domain/palettes';
import { basemapStyle } from './basemap';
import { BOUNDARY_TILE_LAYER, TOWN_ID_PROPERTY, boundaryTilesSourceUrl, type BoundaryTiles } from './boundary-tiles';

/**
 * Stable ids of the sources and layers the atlas draws, so updates never rebuild the style. From
 * GeoJSON, `towns` holds the county and the towns' label points too (boundaryCollection); from a
 * boundary archive it is the archive, and the label points are `town-labels`.
 */
export const SOURCE = { towns: 'towns', townLabels: 'town-labels', villages: 'villages' } as const;
export const LAYER = {
  background: 'background',
  countyFill: 'county-fill',
  townNoData: 'town-nodata',
  townFill: 'town-fill',
  townLine: 'town-line',
  townSelected: 'town-selected',
  townLagging: 'town-lagging',
  countyLine: 'county-line',
  villageCircle: 'village-circle',
  villageLabel: 'village-label',
  townLabel: 'town-label',
} as const;

export const HATCH_IMAGE = 'nodata-hatch';
/** Every town's villages (points and names) show from this zoom on, drilled into or not. */
export const VILLAGES_EVERYWHERE_ZOOM = 11.5;
/** Village names show for the drilled-into town from this zoom on. */
export const VILLAGE_LABEL_MIN_ZOOM = 9;

/** Where a town's name may go, tried in order: on its label point, then beside it (the fallback map's labels.ts places them alike). */
export const TOWN_LABEL_ANCHORS = ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
/** How far a town's name placed beside its point stands off it, in ems. */
export const TOWN_LABEL_RADIAL_OFFSET_EM = 0.6;

/** The flag for areas and projects behind plan beyond the threshold: a dashed dark-red outline. */
export const LAG_FLAG_COLOUR = '#99000d';

/** Colours of the plain, offline basemap (no tiles): paper outside, white county, grey lines. */
export const BASE_COLOURS = { background: '#eceae4', county: '#ffffff', townLine: '#ffffff', countyLine: '#4a4a4a', selected: '#1a1a1a', label: '#1f2933', halo: '#ffffff' };

/** Points for the town labels, from the build's label points (inside each town). */
export function townLabelPoints(site: SiteData): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: site.towns.map((t) => ({ type: 'Feature', id: t.id, properties: { name: t.name }, geometry: { type: 'Point', coordinates: t.labelPoint } })),
  };
}

/** The villages with a point, as GeoJSON whose feature ids are village ids (for feature state). */
export function villagePoints(site: SiteData): FeatureCollection {
  // A village whose count a public build withholds gets the smallest circle, not one that gives its size away.
  const maxPoor = Math.max(1, ...site.villages.map((v) => v.poorHouseholds ?? 0));
  return {
    type: 'FeatureCollection',
    features: site.villages.flatMap((v) =>
      v.point
        ? [{ type: 'Feature' as const, id: v.id, properties: { name: v.name, townId: v.townId, size: Math.sqrt((v.poorHouseholds ?? 0) / maxPoor) }, geometry: { type: 'Point' as const, coordinates: v.point } }]
        : [],
    ),
  };
}

/** Where a boundary layer reads its features: a GeoJSON source (with a filter), or a layer of the vector source. */
interface BoundaryLayerSource {
  source: string;
  'source-layer'?: string;
  filter?: ExpressionSpecification;
}

/** The property that tells apart the parts of the one GeoJSON boundary source: see boundarySources. */
export const PART_PROPERTY = 'part';
const partIs = (part: 'town' | 'county' | 'label'): ExpressionSpecification => ['==', ['get', PART_PROPERTY], part];

/**
 * The towns, the county and the towns' label points as one GeoJSON collection, each feature's part
 * in PART_PROPERTY. The towns keep their ids (feature state addresses them by id); the county and
 * the label points are numbered after the last town, so no id is shared and every feature has one.
 */
export function boundaryCollection(towns: FeatureCollection, county: FeatureCollection, labels: FeatureCollection): FeatureCollection {
  let next = Math.max(towns.features.length, ...towns.features.map((f) => (typeof f.id === 'number' ? f.id + 1 : 0)));
  const withPart = (part: 'town' | 'county' | 'label') => (f: Feature): Feature => ({ ...f, id: part === 'town' ? f.id : next++, properties: { ...f.properties, [PART_PROPERTY]: part } });
  return { type: 'FeatureCollection', features: [...towns.features.map(withPart('town')), ...county.features.map(withPart('county')), ...labels.features.map(withPart('label'))] };
}

/**
 * The boundary sources, and where the town and county layers read from. A county draws its
 * GeoJSON; a deployment with a boundary archive reads both from one vector source (one archive,
 * one reader), under the towns' source id so feature state addresses the towns the same way.
 */
function boundarySources(
  site: SiteData,
  towns: FeatureCollection | null,
  county: FeatureCollection | null,
  tiles: BoundaryTiles | null,
): { sources: StyleSpecification['sources']; town: BoundaryLayerSource; county: BoundaryLayerSource; label: BoundaryLayerSource } {
  if (tiles) {
    return {
      // promoteId: the town's index comes from its `id` property, whatever the tiler did with feature ids.
      sources: {
        [SOURCE.towns]: { type: 'vector', url: boundaryTilesSourceUrl(tiles), promoteId: { [BOUNDARY_TILE_LAYER.towns]: TOWN_ID_PROPERTY } },
        [SOURCE.townLabels]: { type: 'geojson', data: townLabelPoints(site) },
      },
      town: { source: SOURCE.towns, 'source-layer': BOUNDARY_TILE_LAYER.towns },
      county: { source: SOURCE.towns, 'source-layer': BOUNDARY_TILE_LAYER.county },
      label: { source: SOURCE.townLabels },
    };
  }
  if (!towns || !county) throw new Error('the map needs the boundaries: towns.geojson and county.geojson, or a boundary archive');
  // One source, not three: MapLibre's worker indexes it once and cuts one set of tiles, which
  // arrive together, so the first view is drawn in fewer frames (each a full redraw, slow on a
  // software GPU) and asks for the labels' glyphs once a tile, not for a source of their own.
  return {
    sources: { [SOURCE.towns]: { type: 'geojson', data: boundaryCollection(towns, county, townLabelPoints(site)) } },
    town: { source: SOURCE.towns, filter: partIs('town') },
    county: { source: SOURCE.towns, filter: partIs('county') },
    label: { source: SOURCE.towns, filter: partIs('label') },
  };
}

/**
 * Whether a feature the map returns for a point is drawn there: a village's circle is in the
 * style everywhere, but shown only in the opened town (feature state `visible`) or from
 * VILLAGES_EVERYWHERE_ZOOM on; the other layers' features are drawn as returned.
 */
export function isDrawnAt(f: { layer: { id: string }; state: { [key: string]: unknown } }, zoom: number): boolean {
  return f.layer.id !== LAYER.villageCircle || f.state.visible === true || zoom >= VILLAGES_EVERYWHERE_ZOOM;
}

/**
 * The whole style: every source and layer the atlas needs, with data-driven colours read from
 * feature state so that changing indicator, month or selection never re-uploads geometry.
 * No `glyphs` and no basemap tiles: Chinese labels come from the local font
 * (localIdeographFontFamily). The boundaries are the GeoJSON given, or with `boundaryTiles` the
 * deployment's archive (then `towns` and `county` may be null).
 */
export function atlasStyle(site: SiteData, towns: FeatureCollection | null, county: FeatureCollection | null, boundaryTiles: BoundaryTiles | null = null): StyleSpecification {
  const basemap = basemapStyle(site.config.basemap);
  const boundaries = boundarySources(site, towns, county, boundaryTiles);
  // Over a basemap the county is a light veil and the choropleth translucent, so the map shows through.
  const hasBasemap = basemap.layers.length > 0;
  const hasData: ExpressionSpecification = ['boolean', ['feature-state', 'hasData'], false];
  // Area-true: radius grows with √(poor households) (the `size` property), 4–14 px at zoom 12.
  const isVillageShown: ExpressionSpecification = ['boolean', ['feature-state', 'visible'], false];
  const villageRadius: ExpressionSpecification = ['+', 4, ['*', 10, ['get', 'size']]];
  const style: StyleSpecification = {
    version: 8,
    sources: {
      ...basemap.sources,
      ...boundaries.sources,
      [SOURCE.villages]: { type: 'geojson', data: villagePoints(site) },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': BASE_COLOURS.background } },
      ...basemap.layers,
      // The fills draw without their antialiased outline: the town and county lines above (1 px and
      // more in every theme) cover every edge, and each outline is a shader program of its own for
      // MapLibre to compile and a draw call a tile (two programs fewer before the first frame).
      { id: LAYER.countyFill, type: 'fill', ...boundaries.county, paint: { 'fill-color': BASE_COLOURS.county, 'fill-opacity': hasBasemap ? 0.35 : 1, 'fill-antialias': false } },
      { id: LAYER.townNoData, type: 'fill', ...boundaries.town, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', hasData, 0, ['boolean', ['feature-state', 'dim'], false], 0.35, 1], 'fill-antialias': false } },
      {
        id: LAYER.townFill,
        type: 'fill',
        ...boundaries.town,
        paint: {
          'fill-color': ['coalesce', ['feature-state', 'color'], '#ffffff'],
          'fill-opacity': ['case', ['!', hasData], 0, ['boolean', ['feature-state', 'dim'], false], 0.35, hasBasemap ? 0.75 : 1],
          'fill-antialias': false,
        },
      },
      { id: LAYER.townLine, type: 'line', ...boundaries.town, paint: {} },
      { id: LAYER.countyLine, type: 'line', ...boundaries.county, paint: {} },
      {
        id: LAYER.townLagging,
        type: 'line',
        ...boundaries.town,
        paint: { 'line-color': LAG_FLAG_COLOUR, 'line-dasharray': [2, 1.5], 'line-offset': 1.5 },
      },
      {
        id: LAYER.townSelected,
        type: 'line',
        ...boundaries.town,
        paint: { 'line-color': BASE_COLOURS.selected },
      },
      {
        id: LAYER.villageCircle,
        type: 'circle',
        source: SOURCE.villages,
        paint: {
          // Until the first colours arrive, a village is drawn as the colour scales draw no data.
          'circle-color': ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, ['*', 0.6, villageRadius], 12, ['*', 1.3, villageRadius]],
          'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], BASE_COLOURS.selected, ['boolean', ['feature-state', 'lagging'], false], LAG_FLAG_COLOUR, '#ffffff'],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, ['boolean', ['feature-state', 'lagging'], false], 2.5, 1.2],
          'circle-opacity': ['step', ['zoom'], ['case', isVillageShown, 1, 0], VILLAGES_EVERYWHERE_ZOOM, 1],
          'circle-stroke-opacity': ['step', ['zoom'], ['case', isVillageShown, 1, 0], VILLAGES_EVERYWHERE_ZOOM, 1],
        },
      },
      {
        id: LAYER.villageLabel,
        type: 'symbol',
        source: SOURCE.villages,
        minzoom: VILLAGE_LABEL_MIN_ZOOM,
        layout: { 'text-field': ['get', 'name'], 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
        paint: { 'text-halo-color': BASE_COLOURS.halo },
      },
      {
        id: LAYER.townLabel,
        type: 'symbol',
        ...boundaries.label,
        // A name that collides at its town's label point tries beside it before it is left out: in
        // the county's crowded middle two towns (four on a phone) had no name at the point alone.
        layout: { 'text-field': ['get', 'name'], 'text-allow-overlap': false, 'text-padding': 2, 'text-variable-anchor': [...TOWN_LABEL_ANCHORS], 'text-radial-offset': TOWN_LABEL_RADIAL_OFFSET_EM },
        paint: { 'text-halo-color': BASE_COLOURS.halo },
      },
    ],
  };
  // Line widths, label sizes and their colours come from the theme, so switching themes and the
  // first draw can never disagree.
  for (const p of themeProperties('default')) {
    const layer = style.layers.find((l) => l.id === p.layer) as unknown as Record<'paint' | 'layout', Record<string, unknown> | undefined> | undefined;
    if (!layer) continue;
    layer[p.kind] = { ...layer[p.kind], [p.name]: p.value };
  }
  return style;
}

/** The map's look: the everyday atlas, the same with large labels (大字), or the projector theme of presentation mode. */
export type MapTheme = 'default' | 'large' | 'projector';

/** How much larger the labels of the large-type theme are than the everyday ones: the interface text's own factor. */
export const LARGE_TYPE_SCALE = 1.5;

/** The theme for the page's state: presenting wins (its labels are already larger), then large type. */
export function mapThemeFor(isPresenting: boolean, isLargeType: boolean): MapTheme {
  return isPresenting ? 'projector' : isLargeType ? 'large' : 'default';
}

/** One paint or layout property a theme sets on one layer. */
export interface ThemeProperty {
  layer: (typeof LAYER)[keyof typeof LAYER];
  kind: 'paint' | 'layout';
  name: string;
  value: unknown;
}

/**
 * What the projector theme changes, and the everyday values it returns to. A projector washes out
 * pale colours and thin lines and is read from across a room: town borders become dark and
 * thicker, the county outline and the selection heavier, labels larger with a wider halo.
 * The large-type theme is the everyday one with labels LARGE_TYPE_SCALE times larger and a wider
 * halo. atlasStyle() starts with the everyday values.
 */
export function themeProperties(theme: MapTheme): ThemeProperty[] {
  const isProjector = theme === 'projector';
  const k = theme === 'large' ? LARGE_TYPE_SCALE : 1;
  const zoomed = (low: number, high: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, low, 12, high];
  return [
    { layer: LAYER.townLine, kind: 'paint', name: 'line-color', value: isProjector ? '#3a3a3a' : BASE_COLOURS.townLine },
    { layer: LAYER.townLine, kind: 'paint', name: 'line-width', value: isProjector ? zoomed(1.6, 3.5) : zoomed(1, 2.5) },
    { layer: LAYER.countyLine, kind: 'paint', name: 'line-width', value: isProjector ? 3.2 : 1.6 },
    { layer: LAYER.countyLine, kind: 'paint', name: 'line-color', value: isProjector ? '#000000' : BASE_COLOURS.countyLine },
    { layer: LAYER.townSelected, kind: 'paint', name: 'line-width', value: ['case', ['boolean', ['feature-state', 'selected'], false], isProjector ? 5 : 3, 0] },
    { layer: LAYER.townLagging, kind: 'paint', name: 'line-width', value: ['case', ['boolean', ['feature-state', 'lagging'], false], isProjector ? 3.5 : 2.5, 0] },
    { layer: LAYER.townLabel, kind: 'layout', name: 'text-size', value: isProjector ? zoomed(18, 26) : zoomed(13 * k, 18 * k) },
    { layer: LAYER.townLabel, kind: 'paint', name: 'text-halo-width', value: isProjector ? 3 : 2 * k },
    { layer: LAYER.townLabel, kind: 'paint', name: 'text-color', value: isProjector ? '#000000' : BASE_COLOURS.label },
    { layer: LAYER.villageLabel, kind: 'layout', name: 'text-size', value: isProjector ? 16 : 12 * k },
    { layer: LAYER.villageLabel, kind: 'paint', name: 'text-halo-width', value: isProjector ? 2.5 : 1.5 * k },
    { layer: LAYER.villageLabel, kind: 'paint', name: 'text-color', value: isProjector ? '#000000' : BASE_COLOURS.label },
  ];
}
