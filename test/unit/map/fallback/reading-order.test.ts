import { describe, expect, it } from 'vitest';
import { areaElementId, readingOrder, type PlacedArea } from '../../../../src/map/fallback/reading-order';

const area = (name: string, lon: number, lat: number, id = 0): PlacedArea => ({ kind: 'town', id, name, point: [lon, lat] });

describe('readingOrder', () => {
  it('reads a 3 × 3 grid as lines of text: north row first, each west to east', () => {
    const grid = ['nw', 'n', 'ne', 'w', 'c', 'e', 'sw', 's', 'se'].map((name, k) => area(name, 110 + (k % 3) * 0.1, 32.3 - Math.floor(k / 3) * 0.1, k));
    const shuffled = [grid[4]!, grid[8]!, grid[0]!, grid[6]!, grid[2]!, grid[1]!, grid[7]!, grid[3]!, grid[5]!];
    expect(readingOrder(shuffled).map((a) => a.name)).toEqual(['nw', 'n', 'ne', 'w', 'c', 'e', 'sw', 's', 'se']);
  });

  it('keeps an area a little north of its neighbours in their row', () => {
    const areas = [area('west', 110, 32.3), area('middle', 110.1, 32.32), area('east', 110.2, 32.3), area('south-west', 110, 32.0), area('south-east', 110.2, 32.01)];
    expect(readingOrder(areas).map((a) => a.name)).toEqual(['west', 'middle', 'east', 'south-west', 'south-east']);
  });

  it.each([
    ['no area', []],
    ['one area', [area('only', 110, 32)]],
  ])('returns %s as it is', (_, areas) => {
    expect(readingOrder(areas)).toEqual(areas);
  });

  it('keeps the given order between areas at the same point', () => {
    expect(readingOrder([area('b', 110, 32), area('a', 110, 32)]).map((a) => a.name)).toEqual(['b', 'a']);
  });
});

describe('areaElementId', () => {
  it('names an area element uniquely per engine', () => {
    expect(areaElementId('fallback-map-2', { kind: 'village', id: 17 })).toBe('fallback-map-2-village-17');
  });
});
