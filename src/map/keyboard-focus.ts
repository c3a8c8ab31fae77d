/**
 * The live map's side of reading the map by keyboard (as the fallback's, fallback/reading-order.ts):
 * the areas in reading order, and the focus outline, two layers over the areas keyed on the
 * feature state `focused`.
 */
import type { FeatureIdentifier, Map as MapLibreMap } from 'maplibre-gl';
import type { SiteData } from '../contract/site';
import { BOUNDARY_TILE_LAYER, type BoundaryTiles } from './boundary-tiles';
import { readingOrder } from './fallback/reading-order';
import type { AreaRef, PlacedArea } from './map-engine';
import { LAYER, PART_PROPERTY, SOURCE } from './style';

/** The keyboard's focus colour, as the fallback's (src/map/fallback/scene.ts). */
const FOCUS_COLOUR = '#c05621';
const FOCUS_TOWN_LINE = 'focus-town-line';
const FOCUS_VILLAGE_RING = 'focus-village-ring';

/** The areas the keyboard moves between, from the site data's label points: the towns, or the opened town's villages. */
export function areasInReadingOrder(site: SiteData, selectedTown: number | null): PlacedArea[] {
  const areas: PlacedArea[] =
    selectedTown === null
      ? site.towns.map((t) => ({ kind: 'town' as const, id: t.id, name: t.name, point: t.labelPoint }))
      : site.villages.flatMap((v) => (v.townId === selectedTown && v.point ? [{ kind: 'village' as const, id: v.id, name: v.name, point: v.point }] : []));
  return readingOrder(areas);
}

/** Two layers over the areas that outline the one area whose feature state says `focused`: the keyboard's focus. */
export function addFocusLayers(map: MapLibreMap, tiles: BoundaryTiles | null): void {
  const isFocused = ['boolean', ['feature-state', 'focused'], false];
  const before = map.getLayer(LAYER.villageLabel) ? LAYER.villageLabel : undefined;
  map.addLayer(
    {
      id: FOCUS_TOWN_LINE,
      type: 'line',
      source: SOURCE.towns,
      // The GeoJSON source also holds the county and the label points: only the towns are outlined.
      ...(tiles ? { 'source-layer': BOUNDARY_TILE_LAYER.towns } : { filter: ['==', ['get', PART_PROPERTY], 'town'] }),
      // Shown while the keyboard has an area (FocusOutline): until then MapLibre draws nothing for it.
      layout: { visibility: 'none' },
      paint: { 'line-color': FOCUS_COLOUR, 'line-width': 3.5, 'line-opacity': ['case', isFocused, 1, 0] },
    } as unknown as Parameters<MapLibreMap['addLayer']>[0],
    before,
  );
  const radius = map.getPaintProperty(LAYER.villageCircle, 'circle-radius') ?? 8;
  map.addLayer(
    {
      id: FOCUS_VILLAGE_RING,
      type: 'circle',
      source: SOURCE.villages,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': radius, 'circle-opacity': 0, 'circle-stroke-color': FOCUS_COLOUR, 'circle-stroke-width': 3, 'circle-stroke-opacity': ['case', isFocused, 1, 0] },
    } as unknown as Parameters<MapLibreMap['addLayer']>[0],
    before,
  );
}

/** The keyboard's focus on the live map: which area the focus layers outline. */
export class FocusOutline {
  private focused: AreaRef | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly site: SiteData,
    private readonly tiles: BoundaryTiles | null,
  ) {}

  /** Outlines an area (null: none), and pans it into view if it is off screen. */
  focus(area: AreaRef | null): void {
    const ref = (a: AreaRef): FeatureIdentifier =>
      a.kind === 'village' ? { source: SOURCE.villages, id: a.id } : this.tiles ? { source: SOURCE.towns, sourceLayer: BOUNDARY_TILE_LAYER.towns, id: a.id } : { source: SOURCE.towns, id: a.id };
    if (this.focused) this.map.setFeatureState(ref(this.focused), { focused: false });
    this.focused = area;
    this.map.setLayoutProperty(FOCUS_TOWN_LINE, 'visibility', area?.kind === 'town' ? 'visible' : 'none');
    this.map.setLayoutProperty(FOCUS_VILLAGE_RING, 'visibility', area?.kind === 'village' ? 'visible' : 'none');
    if (!area) return;
    this.map.setFeatureState(ref(area), { focused: true });
    const point = area.kind === 'town' ? this.site.towns[area.id]?.labelPoint : this.site.villages[area.id]?.point;
    if (point && !this.map.getBounds().contains(point)) this.map.easeTo({ center: point, duration: 0 });
  }
}
