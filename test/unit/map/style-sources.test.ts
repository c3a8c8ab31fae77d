import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYER, PART_PROPERTY, SOURCE, atlasStyle, boundaryCollection, townLabelPoints } from '../../../src/map/style';
import { loadMiniSite } from '../../helpers/site';

const square = (x: number): Feature['geometry'] => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const towns: FeatureCollection = { type: 'FeatureCollection', features: [0, 1, 2].map((id) => ({ type: 'Feature', id, properties: { id, name: `T${id}` }, geometry: square(id) })) };
// The county's file numbers its one feature 0, as the build writes it: a town's id too.
const county: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 0, properties: { name: 'C' }, geometry: square(0) }] };

/** Which parts of the boundary collection a layer's filter lets through. */
function partsDrawnBy(filter: unknown, collection: FeatureCollection): string[] {
  const test = featureFilter(filter as FilterSpecification, 'layers[0].filter');
  return [
    ...new Set(
      collection.features
        .filter((f) => test.filter({ zoom: 10 }, { type: f.geometry.type === 'Point' ? 1 : 3, properties: f.properties ?? {}, id: f.id, geometry: [] } as never))
        .map((f) => String(f.properties?.[PART_PROPERTY])),
    ),
  ];
}

describe('the boundaries on the map (GeoJSON)', () => {
  it('are one source: towns with their own ids, then the county and the label points numbered after them', async () => {
    const { site } = await loadMiniSite();
    const labels = townLabelPoints(site);
    const all = boundaryCollection(towns, county, labels);
    expect(all.features.map((f) => f.properties?.[PART_PROPERTY])).toEqual([...towns.features.map(() => 'town'), 'county', ...labels.features.map(() => 'label')]);
    expect(all.features.slice(0, 3).map((f) => f.id)).toEqual([0, 1, 2]);
    const ids = all.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => typeof id === 'number' && id >= 0)).toBe(true);
    // The inputs are left as they were.
    expect(county.features[0]?.id).toBe(0);
    expect(towns.features[0]?.properties).toEqual({ id: 0, name: 'T0' });
  });

  it('each layer draws only its part: the town layers the towns, the county layers the county, the label layer the points', async () => {
    const { site } = await loadMiniSite();
    const style = atlasStyle(site, towns, county);
    expect(Object.keys(style.sources).sort()).toEqual([SOURCE.towns, SOURCE.villages].sort());
    const source = style.sources[SOURCE.towns] as { type: string; data: FeatureCollection };
    expect(source.type).toBe('geojson');
    const layer = (id: string): { source?: string; filter?: unknown } => style.layers.find((l) => l.id === id) as never;
    const expected: Record<string, string[]> = {
      [LAYER.countyFill]: ['county'],
      [LAYER.countyLine]: ['county'],
      [LAYER.townNoData]: ['town'],
      [LAYER.townFill]: ['town'],
      [LAYER.townLine]: ['town'],
      [LAYER.townLagging]: ['town'],
      [LAYER.townSelected]: ['town'],
      [LAYER.townLabel]: ['label'],
    };
    for (const [id, parts] of Object.entries(expected)) {
      expect(layer(id).source, id).toBe(SOURCE.towns);
      expect(partsDrawnBy(layer(id).filter, source.data), id).toEqual(parts);
    }
  });
});

describe('the boundaries on the map (a boundary archive)', () => {
  it('read towns and county from the archive and the label points from a GeoJSON source of their own, unfiltered', async () => {
    const { site } = await loadMiniSite();
    const style = atlasStyle(site, null, null, { url: 'http://example.org/data/boundaries.pmtiles' });
    expect(style.sources[SOURCE.towns]?.type).toBe('vector');
    expect(style.sources[SOURCE.townLabels]?.type).toBe('geojson');
    const label = style.layers.find((l) => l.id === LAYER.townLabel) as { source?: string; filter?: unknown };
    expect(label.source).toBe(SOURCE.townLabels);
    expect(label.filter).toBeUndefined();
    for (const id of [LAYER.townFill, LAYER.countyFill]) expect((style.layers.find((l) => l.id === id) as { filter?: unknown }).filter, id).toBeUndefined();
  });
});
