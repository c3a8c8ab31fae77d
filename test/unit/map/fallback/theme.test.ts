import { describe, expect, it } from 'vitest';
import { fallbackLook, valueAtZoom } from '../../../../src/map/fallback/theme';
import { themeProperties } from '../../../../src/map/style';

describe('valueAtZoom', () => {
  const ramp = ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2.5];
  it.each([
    [3, 9, 3],
    ['#fff', 9, '#fff'],
    [ramp, 6, 1],
    [ramp, 8, 1],
    [ramp, 10, 1.75],
    [ramp, 12, 2.5],
    [ramp, 15, 2.5],
    [['case', ['boolean', ['feature-state', 'selected'], false], 5, 0], 9, 5],
  ])('reads %j at zoom %d as %j', (value, zoom, expected) => {
    expect(valueAtZoom(value, zoom)).toBe(expected);
  });

  it('throws on an expression it cannot read, so a new kind in the theme is noticed', () => {
    expect(() => valueAtZoom(['step', ['zoom'], 1, 10, 2], 9)).toThrow(/cannot read/);
  });

  it('reads every property of every theme', () => {
    for (const theme of ['default', 'large', 'projector'] as const) for (const p of themeProperties(theme)) expect(() => valueAtZoom(p.value, 10)).not.toThrow();
  });
});

describe('fallbackLook', () => {
  it('is the live map theme: at zoom 8 the everyday town border is 1 px white and the town label 13 px', () => {
    const look = fallbackLook('default', 8);
    expect(look.townLine).toEqual({ colour: '#ffffff', widthPx: 1 });
    expect(look.townLabel.sizePx).toBe(13);
    expect(look.selectedPx).toBe(3);
    expect(look.laggingPx).toBe(2.5);
  });

  it.each([8, 10, 12])('thickens every line and enlarges every label on a projector (zoom %d)', (zoom) => {
    const everyday = fallbackLook('default', zoom);
    const projector = fallbackLook('projector', zoom);
    expect(projector.townLine.widthPx).toBeGreaterThan(everyday.townLine.widthPx);
    expect(projector.countyLine.widthPx).toBeGreaterThan(everyday.countyLine.widthPx);
    expect(projector.selectedPx).toBeGreaterThan(everyday.selectedPx);
    expect(projector.laggingPx).toBeGreaterThan(everyday.laggingPx);
    expect(projector.townLabel.sizePx).toBeGreaterThan(everyday.townLabel.sizePx);
    expect(projector.villageLabel.sizePx).toBeGreaterThan(everyday.villageLabel.sizePx);
    expect(projector.townLabel.haloPx).toBeGreaterThan(everyday.townLabel.haloPx);
  });
});
