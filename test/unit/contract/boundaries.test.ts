import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCountyBoundary, parseTownBoundaries } from '../../../src/contract/boundaries';
import { offGlobe, parseSiteGeo } from '../../../src/contract/geo';
import { problemText } from '../../../src/i18n/problems';
import type { Issue } from '../../../src/contract/issues';
import { MINI } from '../../helpers/fixtures';

const FILE = 'boundaries/towns.geojson';
const square = (x: number, y: number): number[][][] => [[[x, y], [x + 0.25, y], [x + 0.25, y + 0.5], [x, y + 0.5], [x, y]]];
const town = (code: string, name: string, geometry: unknown): unknown => ({ type: 'Feature', properties: { code, name }, geometry });
const collection = (...features: unknown[]): unknown => ({ type: 'FeatureCollection', features });
const errors = (issues: Issue[]): string[] => issues.filter((i) => i.level === 'error').map((i) => `${i.column}: ${i.message}`);

/** The mini fixture's two towns, the second (中峰镇) with one vertex of its ring replaced. */
function withVertex(index: number, position: unknown): unknown {
  const ring: unknown[] = square(109.75, 32.0)[0]!;
  ring[index] = position;
  return collection(town('420324101', '蒋家堰镇', { type: 'Polygon', coordinates: square(109.5, 32.0) }), town('420324102', '中峰镇', { type: 'Polygon', coordinates: [ring] }));
}

describe('boundary positions on the globe', () => {
  it('reads the fixture, each town with its index among the features', () => {
    const r = parseTownBoundaries(JSON.parse(readFileSync(join(MINI, FILE), 'utf8')), FILE);
    expect(r.ok && r.value.map((t) => [t.code, t.feature])).toEqual([['420324101', 0], ['420324102', 1]]);
  });

  it.each([
    ['a longitude with a digit too many', [1098.8, 32.2], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 is at longitude 1098.8: outside −180…180'],
    ['the largest number JSON writes', [1e308, 1e308], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 is at longitude 1e+308: outside −180…180'],
    ['a latitude beyond the pole', [109.8, -132.2], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 is at latitude -132.2: outside −90…90'],
    ['longitude and latitude swapped', [32.2, 109.8], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 is at latitude 109.8: outside −90…90 (longitude and latitude swapped?)'],
    ['a figure too large to be a number (1e309 reads as Infinity)', [Infinity, 32.2], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 has longitude Infinity: not a finite number (a figure too large to be one, like 1e309?)'],
    ['a latitude that is no number', [109.8, -Infinity], 'features[1].geometry.coordinates[0][2]: vertex 2 of 中峰镇 has latitude -Infinity: not a finite number (a figure too large to be one, like 1e309?)'],
  ])('%s is an error naming the feature, the vertex and the figure', (_name, position, line) => {
    const r = parseTownBoundaries(withVertex(2, position), FILE);
    expect(r.ok).toBe(false);
    expect(errors(r.issues)).toEqual([line]);
  });

  it('names the first bad vertex of a feature once and counts the others', () => {
    const ring = square(109.75, 32.0)[0]!.map(([x, y], i) => (i === 1 || i === 3 ? [x! * 10, y!] : [x!, y!]));
    const r = parseTownBoundaries(collection(town('420324102', '中峰镇', { type: 'Polygon', coordinates: [ring] })), FILE);
    expect(errors(r.issues)).toEqual(['features[0].geometry.coordinates[0][1]: vertex 1 of 中峰镇 is at longitude 1100: outside −180…180; 1 more of its 5 vertices are off the globe too']);
  });

  it('says a file in projected metres is not in degrees', () => {
    const metres = [[[500000, 3560000], [520000, 3560000], [520000, 3580000], [500000, 3580000], [500000, 3560000]]];
    const r = parseTownBoundaries(collection(town('420324102', '中峰镇', { type: 'Polygon', coordinates: metres })), FILE);
    expect(errors(r.issues)).toEqual([
      'features[0].geometry.coordinates[0][0]: vertex 0 of 中峰镇 is at longitude 500000: outside −180…180; all 5 of its vertices are off the globe: is the file in projected metres (Gauss-Krüger, Web Mercator) rather than degrees? Export it as longitude/latitude (WGS-84 or CGCS2000)',
    ]);
  });

  it('locates a vertex in a part of a MultiPolygon, and names a feature without a name by its index', () => {
    const parts = [square(109.5, 32.0), [[[109.8, 32.0], [109.9, 32.0], [109.9, 32.1], [109.8, 320.1], [109.8, 32.0]]]];
    const r = parseTownBoundaries(collection({ type: 'Feature', properties: { code: '420324102' }, geometry: { type: 'MultiPolygon', coordinates: parts } }), FILE);
    expect(errors(r.issues)).toContain('features[0].geometry.coordinates[1][0][3]: vertex 3 of feature 0 is at latitude 320.1: outside −90…90');
  });

  it('checks the county outline the same way', () => {
    const outline = { type: 'Feature', properties: { name: '竹溪县' }, geometry: { type: 'Polygon', coordinates: [[[109.5, 32.0], [110.0, 32.0], [1100.0, 32.5], [109.5, 32.0]]] } };
    const r = parseCountyBoundary(collection(outline), 'boundaries/county.geojson');
    expect(r.ok).toBe(false);
    expect(errors(r.issues)).toEqual(['features[0].geometry.coordinates[0][2]: vertex 2 of 竹溪县 is at longitude 1100: outside −180…180']);
    const unnamed = parseCountyBoundary({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [[[109.5, 32.0], [110.0, 32.0], [110.0, 95], [109.5, 32.0]]] } }, 'boundaries/county.geojson');
    expect(errors(unnamed.issues)).toEqual(['features[0].geometry.coordinates[0][2]: vertex 2 of the county outline is at latitude 95: outside −90…90']);
  });

  it('keeps the error for a position that is not [lon, lat] as it was', () => {
    const r = parseTownBoundaries(withVertex(2, ['109.8', 32.2]), FILE);
    expect(errors(r.issues)).toEqual(['features[1].geometry.coordinates[0]: a ring has a position that is not [lon, lat]']);
  });
});

describe('areas that enclose nothing (each crashed the build at the label point)', () => {
  it.each([
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, 'features[1].geometry.coordinates: a polygon needs at least one ring'],
    ['a ring of four copies of one point', { type: 'Polygon', coordinates: [[[109.8, 32.2], [109.8, 32.2], [109.8, 32.2], [109.8, 32.2]]] }, 'features[1].geometry.coordinates[0]: a ring needs at least 4 positions, has 2'],
    ['a ring of two corners there and back', { type: 'Polygon', coordinates: [[[109.8, 32.2], [109.9, 32.2], [109.8, 32.2], [109.9, 32.2], [109.8, 32.2]]] }, 'features[1].geometry.coordinates[0]: a ring needs at least 4 positions, has 3'],
  ])('%s is an error, not a crash', (_name, geometry, line) => {
    const r = parseTownBoundaries(collection(town('420324101', '蒋家堰镇', { type: 'Polygon', coordinates: square(109.5, 32.0) }), town('420324102', '中峰镇', geometry)), FILE);
    expect(r.ok).toBe(false);
    expect(errors(r.issues)).toEqual([line]);
  });
});

describe('offGlobe', () => {
  it.each([
    [180, 90, null], [-180, -90, null], [109.6, 32.2, null], [0, 0, null],
    [180.000001, 0, 'is at longitude 180.000001: outside −180…180'], [100, 90.5, 'is at latitude 90.5: outside −90…90'], [0, 90.5, 'is at latitude 90.5: outside −90…90 (longitude and latitude swapped?)'],
    [Number.NaN, 0, 'has longitude NaN: not a finite number (a figure too large to be one, like 1e309?)'],
  ])('%d, %d → %j', (lon, lat, expected) => {
    const off = offGlobe(lon, lat);
    expect(off && problemText('en', off)).toBe(expected);
  });
});

describe('parseSiteGeo', () => {
  const site = (coordinates: unknown): unknown => ({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates } }] });

  it('reads site boundaries whose positions are on the globe', () => expect(parseSiteGeo(site(square(109.5, 32.0)), 'towns.geojson').ok).toBe(true));

  it.each([
    ['a vertex off the globe', [[[109.5, 32], [1098.8, 32], [109.6, 32.5], [109.5, 32]]], 'features[0].geometry.coordinates: a position is at longitude 1098.8: outside −180…180; rebuild the site data'],
    ['a vertex JSON wrote as null (it was Infinity)', [[[109.5, 32], [null, 32], [109.6, 32.5], [109.5, 32]]], 'features[0].geometry.coordinates: a position is not [lon, lat]; rebuild the site data'],
  ])('refuses %s', (_name, coordinates, line) => {
    const r = parseSiteGeo(site(coordinates), 'towns.geojson');
    expect(r.ok).toBe(false);
    expect(errors(r.issues)).toEqual([line]);
  });
});
