import { geoArea } from 'd3-geo';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BBox } from '../../../../src/contract/site';
import { NO_PADDING, contains, projectionFor, rewindForD3, scaleForZoom, viewBounds, viewFor, zoomOf, type Padding, type Size } from '../../../../src/map/fallback/projection';

/** A square ring around (lon, lat), anticlockwise as RFC 7946 winds outer rings. */
function square(lon: number, lat: number, half: number): number[][] {
  return [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ];
}

function collection(...polygons: number[][][][]): FeatureCollection {
  return { type: 'FeatureCollection', features: polygons.map((coordinates, id) => ({ type: 'Feature', id, properties: {}, geometry: { type: 'Polygon', coordinates } })) };
}

const COUNTY: BBox = [109.491075, 31.521821, 110.124657, 32.48381];
const TOWN: BBox = [109.491075, 32.225018, 109.612906, 32.48381];

describe('rewindForD3', () => {
  it('turns GeoJSON-wound polygons (the rest of the globe to d3) into the small areas they are', () => {
    const fc = collection([square(110, 32, 0.1)]);
    expect(geoArea(fc.features[0]!)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(rewindForD3(fc).features[0]!)).toBeLessThan(1e-4);
  });

  it('keeps polygons already wound for d3, and turns holes with their outer ring', () => {
    const clockwise = [...square(110, 32, 0.1)].reverse();
    const fc = collection([clockwise], [square(110, 32, 0.2), [...square(110, 32, 0.05)].reverse()]);
    const out = rewindForD3(fc);
    expect((out.features[0]!.geometry as Polygon).coordinates).toEqual([clockwise]);
    const withHole = out.features[1]!;
    expect(geoArea(withHole)).toBeGreaterThan(0);
    expect(geoArea(withHole)).toBeLessThan(geoArea(rewindForD3(collection([square(110, 32, 0.2)])).features[0]!));
  });
});

describe('projectionFor', () => {
  const cases: { name: string; bbox: BBox; size: Size; padding: Padding }[] = [
    { name: 'the county on a wide screen beside the legend', bbox: COUNTY, size: { width: 1366, height: 768 }, padding: { top: 56, bottom: 20, left: 270, right: 40 } },
    { name: 'the county on a phone', bbox: COUNTY, size: { width: 360, height: 640 }, padding: { top: 20, bottom: 20, left: 20, right: 20 } },
    { name: 'a town on a wide screen', bbox: TOWN, size: { width: 1366, height: 768 }, padding: { top: 56, bottom: 20, left: 270, right: 40 } },
    { name: 'a town in a print box', bbox: TOWN, size: { width: 1000, height: 700 }, padding: NO_PADDING },
  ];
  it.each(cases)('fits $name inside the padding, touching it on one axis', ({ bbox, size, padding }) => {
    const p = projectionFor({ kind: 'area', bbox, padding, maxZoom: 14 }, size);
    const [x0, y0] = p([bbox[0], bbox[3]])!;
    const [x1, y1] = p([bbox[2], bbox[1]])!;
    const eps = 0.01;
    expect(x0).toBeGreaterThanOrEqual(padding.left - eps);
    expect(y0).toBeGreaterThanOrEqual(padding.top - eps);
    expect(x1).toBeLessThanOrEqual(size.width - padding.right + eps);
    expect(y1).toBeLessThanOrEqual(size.height - padding.bottom + eps);
    const fillsWidth = Math.abs(x1 - x0 - (size.width - padding.left - padding.right)) < 0.5;
    const fillsHeight = Math.abs(y1 - y0 - (size.height - padding.top - padding.bottom)) < 0.5;
    expect(fillsWidth || fillsHeight).toBe(true);
  });

  it('draws at the zooms of Web Mercator: the world is 512 × 2^zoom pixels wide', () => {
    for (const zoom of [0, 8.5, 12]) {
      const p = projectionFor({ kind: 'camera', center: [110, 32], zoom }, { width: 800, height: 600 });
      expect(zoomOf(p)).toBeCloseTo(zoom, 9);
      expect(p.scale()).toBeCloseTo(scaleForZoom(zoom), 6);
      const east = p.clipExtent(null)([179.999999, 0])![0];
      const west = p([-179.999999, 0])![0];
      expect(east - west).toBeCloseTo(512 * 2 ** zoom, 0);
    }
  });

  it('puts a camera centre in the middle of the map', () => {
    const [x, y] = projectionFor({ kind: 'camera', center: [109.8, 32.1], zoom: 11 }, { width: 800, height: 600 })([109.8, 32.1])!;
    expect(x).toBeCloseTo(400, 6);
    expect(y).toBeCloseTo(300, 6);
  });

  it('frames a small area (or a point) no closer than its maxZoom, centred', () => {
    const size = { width: 800, height: 600 };
    for (const bbox of [[109.8, 32.1, 109.801, 32.101], [109.8, 32.1, 109.8, 32.1]] as BBox[]) {
      const p = projectionFor({ kind: 'area', bbox, padding: NO_PADDING, maxZoom: 14 }, size);
      expect(zoomOf(p)).toBeCloseTo(14, 9);
      const [x, y] = p([(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2])!;
      expect(x).toBeCloseTo(400, 0);
      expect(y).toBeCloseTo(300, 0);
    }
  });

  it('uses the whole map when the padding leaves no room', () => {
    const p = projectionFor({ kind: 'area', bbox: COUNTY, padding: { top: 300, bottom: 300, left: 0, right: 0 }, maxZoom: 14 }, { width: 400, height: 500 });
    const [, y0] = p([COUNTY[0], COUNTY[3]])!;
    const [, y1] = p([COUNTY[2], COUNTY[1]])!;
    expect(y0).toBeGreaterThanOrEqual(-0.01);
    expect(y1).toBeLessThanOrEqual(500.01);
  });
});

describe('viewFor', () => {
  const padding = { top: 20, bottom: 20, left: 20, right: 20 };
  const stop = { kind: 'camera' as const, center: [109.55, 32.35] as [number, number], zoom: 11, area: TOWN };

  it('keeps a tour camera that shows its area', () => {
    expect(viewFor(stop, { width: 1920, height: 1080 }, padding).kind).toBe('camera');
  });

  it('frames the area instead where the camera, set for a bigger screen, would cut it', () => {
    expect(viewFor(stop, { width: 360, height: 400 }, padding)).toEqual({ kind: 'area', bbox: TOWN, padding, maxZoom: 11 });
  });

  it('keeps a camera without an area (a cluster zoomed into) as it is', () => {
    expect(viewFor({ ...stop, zoom: 16, area: null }, { width: 360, height: 400 }, padding)).toEqual({ kind: 'camera', center: stop.center, zoom: 16 });
  });
});

describe('viewBounds', () => {
  it('is the box the map shows, and contains the area framed in it', () => {
    const size = { width: 1000, height: 700 };
    const p = projectionFor({ kind: 'area', bbox: TOWN, padding: { top: 20, bottom: 20, left: 20, right: 20 }, maxZoom: 14 }, size);
    const bounds = viewBounds(p, size);
    expect(contains(bounds, TOWN)).toBe(true);
    expect(contains(TOWN, bounds)).toBe(false);
    expect(contains(bounds, COUNTY)).toBe(false);
  });
});
