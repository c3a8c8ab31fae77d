import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { canonicalArea, canonicalOutline, selfIntersections, simplifiedArea, vertexCount } from '../../../src/pipeline/geometry';

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const clockwise: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] };

describe('canonicalArea', () => {
  it('winds the outer ring counterclockwise (RFC 7946), however it came', () => {
    expect(canonicalArea(clockwise)).toEqual(square);
    expect(canonicalArea(square)).toEqual(square);
  });

  it('writes a one-part MultiPolygon as a Polygon, and keeps a county outline a MultiPolygon', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [clockwise.coordinates] };
    expect(canonicalArea(multi)).toEqual(square);
    expect(canonicalOutline(multi)).toEqual({ type: 'MultiPolygon', coordinates: [square.coordinates] });
  });

  it('drops a vertex repeated in a row', () => {
    const repeated: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 1], [0, 0]]] };
    expect(canonicalArea(repeated)).toEqual(square);
  });
});

describe('simplifiedArea and vertexCount', () => {
  it('drops vertices that lie within a metre of their neighbours’ line, and counts them', () => {
    const noisy: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.5, 0.000001], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(vertexCount(noisy)).toBe(6);
    expect(vertexCount(simplifiedArea(noisy))).toBe(5);
    // A real corner stays.
    const corner: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.5, 0.2], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(vertexCount(simplifiedArea(corner))).toBe(6);
  });
});

describe('selfIntersections', () => {
  it('finds where a ring crosses itself (a bow tie), and none in a square', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    expect(selfIntersections(bowtie)).toBeGreaterThan(0);
    expect(selfIntersections(square)).toBe(0);
  });
});
