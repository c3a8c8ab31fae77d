import { area, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { degreesPerPixel, simplifyBoundaries, vertexCount } from '../../../../src/pipeline/emit/simplify';

/**
 * Two towns side by side sharing a wavy edge, as a surveying bureau would deliver them: every
 * segment cut into many collinear pieces, with sub-pixel jitter. The shared edge is written once
 * and used by both, reversed in one, so the two boundaries meet exactly.
 */
const STEPS = 400;
const jitter = (i: number): number => (Math.sin(i * 12.9898) * 43758.5453) % 1 * 1e-7;
const line = (from: Position, to: Position, wobble: number): Position[] =>
  Array.from({ length: STEPS }, (_, i) => {
    const t = i / STEPS;
    const x = from[0]! + (to[0]! - from[0]!) * t;
    const y = from[1]! + (to[1]! - from[1]!) * t + wobble * Math.sin(t * Math.PI * 3) + jitter(i);
    return [x, y];
  });
// West town: 110.0–110.1 E; east town 110.1–110.2 E; both 32.0–32.1 N; the shared edge at 110.1 E.
const shared = line([110.1, 32.0], [110.1, 32.1], 0).map(([x, y], i) => [x! + 0.01 * Math.sin((i / STEPS) * Math.PI * 2), y!]);
const west: Polygon = { type: 'Polygon', coordinates: [[...line([110.0, 32.0], [110.1, 32.0], 0.004), ...shared, ...line([110.1, 32.1], [110.0, 32.1], 0), ...line([110.0, 32.1], [110.0, 32.0], 0), [110.0, 32.0]]] };
const eastRing = [...line([110.1, 32.0], [110.2, 32.0], 0), ...line([110.2, 32.0], [110.2, 32.1], 0), ...line([110.2, 32.1], [110.1, 32.1], 0), ...[...shared, [110.1, 32.1]].reverse().slice(0, -1), [110.1, 32.0]];
// A one-hectare island off the east town: small, but a town's own land, and must stay an area.
const island: Position[] = [[110.25, 32.05], [110.251, 32.05], [110.251, 32.051], [110.25, 32.051], [110.25, 32.05]];
const east: MultiPolygon = { type: 'MultiPolygon', coordinates: [[eastRing], [island]] };
const outline: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[110.0, 32.0], [110.2, 32.0], [110.2, 32.1], [110.0, 32.1], [110.0, 32.0]]], [island]] };

const rings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const key = (p: Position): string => `${p[0]},${p[1]}`;

describe('boundary simplification for the screen', () => {
  const result = simplifyBoundaries([west, east], outline);
  const [w, e] = result.towns as [Polygon | MultiPolygon, Polygon | MultiPolygon];

  it('drops the vertices no pixel at the deepest zoom can show, and counts both', () => {
    expect(result.vertices.towns.read).toBe(vertexCount(west) + vertexCount(east));
    // The straight edges fall to their corners; the curves keep what a pixel at zoom 16 shows.
    expect(result.vertices.towns.drawn).toBeLessThan(result.vertices.towns.read / 2);
    expect(result.vertices.towns.drawn).toBe(vertexCount(w) + vertexCount(e));
    expect(result.vertices.county.read).toBe(vertexCount(outline));
  });

  it('keeps the areas to within a pixel-wide strip of their outline', () => {
    const px = degreesPerPixel(16) * 111_000; // metres, near enough at 32° N for a bound
    for (const [before, after] of [[west, w], [east, e]] as const) {
      const perimeter = rings(before).reduce((n, r) => n + r.slice(1).reduce((m, p, i) => m + Math.hypot((p[0]! - r[i]![0]!) * 94_000, (p[1]! - r[i]![1]!) * 111_000), 0), 0);
      expect(Math.abs(area(after) - area(before))).toBeLessThan(perimeter * px);
    }
  });

  it('simplifies an edge two towns share once, so they still meet with no gap or overlap', () => {
    const westVertices = new Set(rings(w).flat().map(key));
    const eastOnEdge = rings(e)[0]!.filter((p) => p[0]! > 110.05 && p[0]! < 110.15 && p[1]! > 32.001 && p[1]! < 32.099);
    expect(eastOnEdge.length).toBeGreaterThan(3);
    for (const p of eastOnEdge) expect(westVertices.has(key(p))).toBe(true);
  });

  it('leaves every ring a closed area of at least four positions, the small island included', () => {
    for (const g of [w, e, result.outline]) {
      for (const r of rings(g)) {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(key(r[0]!)).toBe(key(r[r.length - 1]!));
      }
    }
    expect(e.type).toBe('MultiPolygon');
    expect(booleanPointInPolygon([110.2505, 32.0505], e)).toBe(true);
  });

  it('keeps a boundary that has nothing to drop as it was', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[110, 32], [110.1, 32], [110.1, 32.1], [110, 32.1], [110, 32]]] };
    const out = simplifyBoundaries([square], { type: 'MultiPolygon', coordinates: [square.coordinates] });
    expect(out.towns[0]).toEqual(square);
    expect(out.vertices.towns).toEqual({ read: 5, drawn: 5 });
  });
});
