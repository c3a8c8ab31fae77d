import { describe, expect, it } from 'vitest';
import { groupMarkers, spreadCoincident, type ScreenPoint } from '../../../../src/map/fallback/marker-groups';

const at = (index: number, x: number, y: number): ScreenPoint => ({ index, x, y });

describe('spreadCoincident', () => {
  it('keeps points that are alone where they are', () => {
    const points = [at(0, 10, 10), at(1, 50, 10)];
    expect(spreadCoincident(points)).toEqual(points);
  });

  it.each([2, 3, 8, 20])('spreads %d projects at one village on a ring round it, evenly and apart', (n) => {
    const points = Array.from({ length: n }, (_, i) => at(i, 100, 100));
    const spread = spreadCoincident(points);
    const radii = spread.map((p) => Math.hypot(p.x - 100, p.y - 100));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 9);
    expect(radii[0]).toBeGreaterThanOrEqual(10);
    for (let k = 1; k < n; k++) expect(Math.hypot(spread[k]!.x - spread[k - 1]!.x, spread[k]!.y - spread[k - 1]!.y)).toBeGreaterThan(5);
    expect(spread[0]).toEqual({ index: 0, x: 100, y: 100 - radii[0]! });
    expect(spread.map((p) => p.index)).toEqual(points.map((p) => p.index));
  });
});

describe('groupMarkers', () => {
  it('draws few projects in a cell one by one, in the order given', () => {
    const points = [at(5, 1, 1), at(3, 2, 2), at(9, 100, 100)];
    expect(groupMarkers(points, 40, 3)).toEqual({ markers: points, clusters: [] });
  });

  it('makes a crowded cell one cluster at the mean of its projects, the rest stay markers', () => {
    const crowd = [at(0, 0, 0), at(1, 10, 0), at(2, 20, 30), at(3, 30, 10)];
    const loner = at(4, 200, 200);
    const groups = groupMarkers([crowd[0]!, loner, ...crowd.slice(1)], 40, 3);
    expect(groups.markers).toEqual([loner]);
    expect(groups.clusters).toEqual([{ x: 15, y: 10, members: [0, 1, 2, 3] }]);
  });

  it('puts every project in exactly one marker or cluster', () => {
    const points = Array.from({ length: 500 }, (_, i) => at(i, (i * 37) % 300, (i * 91) % 200));
    const { markers, clusters } = groupMarkers(points);
    const all = [...markers.map((m) => m.index), ...clusters.flatMap((c) => c.members)].sort((a, b) => a - b);
    expect(all).toEqual(points.map((p) => p.index));
    expect(clusters.length).toBeGreaterThan(0);
  });

  it('clusters nothing when told a cell holds any number (the closest view)', () => {
    const points = Array.from({ length: 50 }, (_, i) => at(i, 5, 5));
    expect(groupMarkers(points, 40, Infinity).clusters).toEqual([]);
  });
});
