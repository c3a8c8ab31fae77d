import type { Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';

// When the geometry library throws on a boundary, the boundary was not checked: it must not pass as
// clean (issue 16: errors are said, not swallowed).
vi.mock('@turf/turf', async (original) => ({
  ...(await original<typeof import('@turf/turf')>()),
  kinks: () => {
    throw new Error('turf failed');
  },
}));

const { selfIntersections } = await import('../../../../src/pipeline/geo/geometry');
const { buildMiniWith } = await import('../mini-source');

describe('a boundary the library cannot check', () => {
  it('is no count of crossings but the reason, and the build warns that it was not checked, saying why', async () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(selfIntersections(square)).toEqual({ uncheckedBecause: 'turf failed' });
    const { lines } = await buildMiniWith();
    expect(lines).toContain('boundaries/towns.geojson:0:features[0]: warning: the boundary of 蒋家堰镇 (420324101) could not be checked for crossing itself (the geometry library failed on it: turf failed): check it in the GIS');
  });
});
