import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { canonicalArea, canonicalOutline, selfIntersections } from '../../../../src/pipeline/geo/geometry';

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

describe('selfIntersections', () => {
  it('finds where a ring crosses itself (a bow tie), and none in a square', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    expect(selfIntersections(bowtie)).toBeGreaterThan(0);
    expect(selfIntersections(square)).toBe(0);
  });
});
