import { describe, expect, it } from 'vitest';
import type { AreaSeries, SeriesId, SiteVillage } from '../../../../src/contract/site';
import { SERIES_IDS } from '../../../../src/contract/site';
import { HOUSEHOLD_SERIES, villagesToWithhold, withholdSmallCounts } from '../../../../src/pipeline/privacy/small-counts';

const village = (id: number, townId: number, poorHouseholds: number | null, households = 300): SiteVillage => ({
  id,
  code: `42032410120${id}`,
  name: `村${id}`,
  townId,
  point: null,
  households,
  population: households * 3,
  isPoorVillage: false,
  poorHouseholds,
  poorPopulation: poorHouseholds === null ? null : poorHouseholds * 3,
  exitYear: null,
  projectCount: 0,
  budgetWan: 0,
});

function seriesFor(villages: number): Record<SeriesId, AreaSeries> {
  const s = {} as Record<SeriesId, AreaSeries>;
  for (const id of SERIES_IDS) s[id] = { county: [0.5, 0.6], towns: [[0.5], [0.6]], villages: [Array.from({ length: villages }, (_, i) => i / 10), Array.from({ length: villages }, (_, i) => i / 10 + 0.05)] };
  return s;
}

describe('villagesToWithhold', () => {
  it.each([
    ['nothing below the threshold', [village(0, 0, 10), village(1, 0, 3), village(2, 0, 0)], []],
    // 0 is not a small count: there is nobody to point at.
    ['zero poor households is kept', [village(0, 0, 0), village(1, 0, 0)], []],
    // One small village in a town: the town total minus the others would give it away, so the next smallest goes too.
    ['a lone small village takes a partner from its town', [village(0, 0, 2), village(1, 0, 40), village(2, 0, 9), village(3, 0, 0)], [0, 2]],
    ['two small villages in a town need no partner', [village(0, 0, 1), village(1, 0, 2), village(2, 0, 50)], [0, 1]],
    ['a partner only from the same town', [village(0, 0, 2), village(1, 1, 4), village(2, 0, 30)], [0, 2]],
    ['a village that small in households is withheld', [village(0, 0, 0, 2), village(1, 0, 12), village(2, 0, 20)], [0, 1]],
    ['no partner when the town has nobody else with poor households', [village(0, 0, 2), village(1, 0, 0)], [0]],
  ])('%s', (_name, villages, expected) => {
    expect(villagesToWithhold(villages, 3)).toEqual(expected);
  });

  it('follows the configured threshold', () => {
    const villages = [village(0, 0, 4), village(1, 0, 6), village(2, 0, 20)];
    expect(villagesToWithhold(villages, 3)).toEqual([]);
    expect(villagesToWithhold(villages, 5)).toEqual([0, 1]);
    expect(villagesToWithhold(villages, 0)).toEqual([]);
  });
});

describe('withholdSmallCounts', () => {
  const villages = [village(0, 0, 2), village(1, 0, 40), village(2, 0, 9)];
  const out = withholdSmallCounts(villages, seriesFor(3), 3);

  it("nulls the withheld villages' poor counts, keeps their size and everyone else's figures", () => {
    expect(out.withheld).toEqual([0, 2]);
    expect(out.villages.map((v) => [v.poorHouseholds, v.poorPopulation, v.households])).toEqual([
      [null, null, 300],
      [40, 120, 300],
      [null, null, 300],
    ]);
  });

  it('nulls the household-based indicators of the withheld villages in every month, and nothing else', () => {
    for (const id of SERIES_IDS) {
      const isHousehold = HOUSEHOLD_SERIES.includes(id);
      for (const row of out.series[id].villages) {
        expect(row[0] === null, `${id} village 0`).toBe(isHousehold);
        expect(row[1], `${id} village 1`).not.toBeNull();
        expect(row[2] === null, `${id} village 2`).toBe(isHousehold);
      }
      expect(out.series[id].towns).toEqual(seriesFor(3)[id].towns);
      expect(out.series[id].county).toEqual(seriesFor(3)[id].county);
    }
  });

  it('leaves its inputs as they were', () => {
    expect(villages[0]?.poorHouseholds).toBe(2);
  });
});
