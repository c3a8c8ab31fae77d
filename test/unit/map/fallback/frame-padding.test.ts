import { describe, expect, it } from 'vitest';
import { framePadding, paddingBeside, type FrameLayout } from '../../../../src/map/fallback/frame-padding';

describe('framePadding (the live map rules)', () => {
  it.each<[string, FrameLayout, ReturnType<typeof framePadding>]>([
    ['a wide map keeps the area beside the legend, below the controls', { width: 1366, height: 700, controlsHeight: 40, timeBarHeight: 50, legend: { width: 250, height: 300 } }, { top: 60, bottom: 70, left: 270, right: 40 }],
    ['a phone map uses all of itself', { width: 360, height: 400, controlsHeight: null, timeBarHeight: null, legend: { width: 200, height: 40 } }, { top: 20, bottom: 20, left: 20, right: 20 }],
    ['a narrow tall map keeps above the legend', { width: 500, height: 800, controlsHeight: 30, timeBarHeight: null, legend: { width: 250, height: 200 } }, { top: 56, bottom: 220, left: 20, right: 20 }],
    ['before the legend is drawn, room for one is kept', { width: 1366, height: 700, controlsHeight: null, timeBarHeight: null, legend: null }, { top: 20, bottom: 20, left: 270, right: 40 }],
  ])('%s', (_, layout, padding) => {
    expect(framePadding(layout)).toEqual(padding);
  });
});

describe('paddingBeside (print)', () => {
  it.each([
    ['no legend', 1000, 700, null, { top: 20, bottom: 20, left: 20, right: 20 }],
    ['a wide box: beside the legend', 1000, 700, { width: 200, height: 300 }, { top: 20, bottom: 20, left: 220, right: 20 }],
    ['a narrow box: above it', 500, 900, { width: 300, height: 200 }, { top: 20, bottom: 220, left: 20, right: 20 }],
  ])('%s', (_, width, height, legend, padding) => {
    expect(paddingBeside(width, height, legend)).toEqual(padding);
  });
});
