import { describe, expect, it } from 'vitest';
import type { SiteProjects } from '../../../src/contract/projects';
import { laggingProjects } from '../../../src/domain/lag';
import { blankFieldColumns } from '../../helpers/project-row';

/** Three projects planned over 2016 (linear), reported in June. */
function projects(progressInJune: number[]): SiteProjects {
  const n = progressInJune.length;
  const col = <T>(v: T): T[] => Array.from({ length: n }, () => v);
  return {
    schemaVersion: 1,
    months: ['2016-06'],
    id: progressInJune.map((_, i) => `P${i}`),
    name: col('x'),
    category: col(0),
    town: col(0),
    village: col(-1),
    lon: col(null),
    lat: col(null),
    hasOwnPoint: col(false),
    toLon: col(null),
    toLat: col(null),
    ...blankFieldColumns(n),
    budgetWan: col(10),
    start: col('2016-01-01'),
    due: col('2016-12-31'),
    status: [col(1)],
    progressPct: [progressInJune],
    spentWan: [col(0)],
  };
}

describe('laggingProjects', () => {
  // Expected at the end of June: 181/365 of the year ≈ 49.6%.
  it('lists projects behind plan by more than the threshold, worst first', () => {
    const lagging = laggingProjects(projects([40, 20, 35, 60]), 0, 15);
    expect(lagging.map((l) => l.index)).toEqual([1]);
    expect(lagging[0]?.lagPoints).toBeCloseTo((181 / 365) * 100 - 20, 6);
    expect(laggingProjects(projects([40, 20, 30, 60]), 0, 15).map((l) => l.index)).toEqual([1, 2]);
  });

  it('looks only at the given projects', () => expect(laggingProjects(projects([10, 10]), 0, 15, [1]).map((l) => l.index)).toEqual([1]));
});
