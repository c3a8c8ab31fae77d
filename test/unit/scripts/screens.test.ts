import { describe, expect, it } from 'vitest';
import { clearance, screenRow, type Box, type ScreenFigures } from '../../browser/screens';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
const MAP = box(0, 100, 1000, 700);

describe('clearance (npm run bench:screens)', () => {
  it.each([
    ['inside, under nothing', box(300, 150, 600, 600), [], [], true],
    ['touching an overlay by a pixel', box(300, 150, 600, 600), [{ name: 'legend', box: box(10, 600, 300, 690) }], [], true],
    ['under the time slider', box(300, 150, 600, 680), [{ name: 'time', box: box(350, 640, 650, 690) }], ['time'], false],
    ['under two controls, named once each', box(5, 105, 600, 690), [{ name: 'controls', box: box(10, 110, 200, 140) }, { name: 'controls', box: box(210, 110, 400, 140) }, { name: 'zoom', box: box(960, 110, 990, 170) }], ['controls'], false],
    ['running out of the map', box(300, 50, 600, 600), [], [], false],
  ] as const)('%s', (_, county, overlays, overlapping, isClear) => {
    expect(clearance(county, MAP, overlays)).toEqual({ overlapping, isAreaClear: isClear });
  });

  it('no county drawn is not clear', () => {
    expect(clearance(null, MAP, [])).toEqual({ overlapping: [], isAreaClear: false });
  });
});

describe('screenRow', () => {
  const figures = (county: Box, overlapping: string[], isAreaClear: boolean): ScreenFigures => ({
    mapShare: 0.594,
    mapBox: MAP,
    areaBox: county,
    mastheadHeightPx: 92.2,
    mastheadRows: 1,
    overlays: [],
    overlapping,
    isAreaClear,
    isFallback: false,
  });
  const laptop = { name: 'laptop 1366×768', width: 1366, height: 768, isPhone: false };

  it('prints share, size, masthead and clearance as a table row', () => {
    expect(screenRow(laptop, figures(box(470.7, 158.8, 738.3, 638), [], true))).toBe('| laptop 1366×768 | 59 % | 268×479 px | 92 px | 1 | yes |');
  });
  it('says what the county runs under or out of', () => {
    expect(screenRow(laptop, figures(box(300, 50, 600, 680), ['time'], false))).toBe('| laptop 1366×768 | 59 % | 300×630 px | 92 px | 1 | no (outside the map, time) |');
  });
});
