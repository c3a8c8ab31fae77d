import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUSTER_CELL_PX, gridClusters, mercatorX, mercatorY, projectPoints, projectsInBox } from '../../../src/domain/clusters';
import { formatCount } from '../../../src/domain/format';

const lonLat = fc.tuple(fc.double({ min: 108, max: 116, noNaN: true }), fc.double({ min: 29, max: 33, noNaN: true }));

describe('grid clusters of project markers', () => {
  it('puts every visible project with a point in exactly one cluster, so counts and budgets add up', () => {
    fc.assert(
      fc.property(fc.array(fc.option(lonLat, { nil: null }), { maxLength: 300 }), fc.integer({ min: 0, max: 16 }), (pts, zoom) => {
        const budgets = pts.map((_, i) => (i % 7) + 0.5);
        const points = projectPoints(pts.map((p) => p?.[0] ?? null), pts.map((p) => p?.[1] ?? null), budgets);
        const visible = pts.map((_, i) => i).filter((i) => i % 3 !== 1);
        const set = gridClusters(points, visible, zoom);
        const withPoint = visible.filter((i) => pts[i] !== null);
        expect([...set.members].sort((a, b) => a - b)).toEqual(withPoint);
        expect(set.count.reduce((a, b) => a + b, 0)).toBe(withPoint.length);
        expect(set.budgetWan.reduce((a, b) => a + b, 0)).toBeCloseTo(withPoint.reduce((n, i) => n + budgets[i]!, 0), 6);
        for (let k = 0; k < set.length; k++) {
          expect(set.start[k + 1]! - set.start[k]!).toBe(set.count[k]);
          // The symbol sits at its members' mean position, inside their cell.
          const members = [...set.members.slice(set.start[k], set.start[k + 1])];
          const meanLon = members.reduce((n, i) => n + pts[i]![0], 0) / members.length;
          expect(set.lon[k]).toBeCloseTo(meanLon, 9);
        }
      }),
    );
  });

  it('cuts cells of a fixed screen size: two projects a cell apart at one zoom share a cluster one zoom out only if they fall in one cell', () => {
    const cellDeg = (CLUSTER_CELL_PX / (512 * 2 ** 10)) * 360;
    // Two projects a quarter-cell apart in the middle of a cell: together at zoom 10, apart at zoom 14.
    const x0 = (Math.floor(((110 + 180) / 360) * ((512 * 2 ** 10) / CLUSTER_CELL_PX)) + 0.4) * cellDeg - 180;
    const points = projectPoints([x0, x0 + cellDeg / 4], [31, 31], [1, 1]);
    expect(gridClusters(points, [0, 1], 10).length).toBe(1);
    expect(gridClusters(points, [0, 1], 14).length).toBe(2);
    expect(gridClusters(points, [0, 1], 10.9).zoom).toBe(10);
  });

  it('projects to Web Mercator as MapLibre does', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 6);
  });

  it('finds the projects in a box, stopping past a limit', () => {
    const points = projectPoints([110, 111, 112, null], [31, 31, 31, 31], [1, 1, 1, 1]);
    expect(projectsInBox(points, [0, 1, 2, 3], [110.5, 30, 112.5, 32])).toEqual([1, 2]);
    expect(projectsInBox(points, [0, 1, 2, 3], [100, 0, 120, 40], 1)).toEqual([0, 1]);
  });

  it('clusters a million projects by typed arrays in well under a second', () => {
    const n = 1_000_000;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < n; i++) {
      lon[i] = 108 + 8 * rand();
      lat[i] = 29 + 4 * rand();
    }
    const visible = new Uint32Array(n).map((_, i) => i);
    const t0 = performance.now();
    const set = gridClusters({ lon, lat, budgetWan: new Float64Array(n) }, visible, 7);
    const ms = performance.now() - t0;
    expect(set.count.reduce((a, b) => a + b, 0)).toBe(n);
    expect(set.length).toBeLessThan(2000);
    expect(ms).toBeLessThan(3000);
  });
});

describe('cluster counts', () => {
  it('shortens large counts in each language', () => {
    expect(formatCount(9999, 'zh')).toBe('9999');
    expect(formatCount(12_345, 'zh')).toBe('1.2万');
    expect(formatCount(1_000_000, 'zh')).toBe('100万');
    expect(formatCount(12_345, 'en')).toBe('12k');
  });
});
