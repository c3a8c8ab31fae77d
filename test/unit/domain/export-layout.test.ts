import { describe, expect, it } from 'vitest';
import { exportFileName, metresPerPixel, printedScaleBar, roundDown125, scaleBarFor } from '../../../src/domain/export-layout';

describe('metresPerPixel', () => {
  it('is the circumference over 512 px at zoom 0 on the equator, halving per zoom', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(40075016.686 / 512, 6);
    expect(metresPerPixel(10, 0)).toBeCloseTo(40075016.686 / 512 / 1024, 6);
  });
  it('shrinks with the cosine of the latitude', () => {
    expect(metresPerPixel(8, 60)).toBeCloseTo(metresPerPixel(8, 0) / 2, 6);
  });
});

describe('roundDown125', () => {
  it('steps through 1, 2, 5 × 10^n', () => {
    expect(roundDown125(1)).toBe(1);
    expect(roundDown125(1.9)).toBe(1);
    expect(roundDown125(2)).toBe(2);
    expect(roundDown125(4.99)).toBe(2);
    expect(roundDown125(5)).toBe(5);
    expect(roundDown125(9.9)).toBe(5);
    expect(roundDown125(37)).toBe(20);
    expect(roundDown125(0.07)).toBeCloseTo(0.05, 12);
    expect(roundDown125(0)).toBe(0);
  });
});

describe('scaleBarFor', () => {
  it('is a round length in km near a fifth of the width, its pixels matching the map scale', () => {
    // Zhuxi county, about 32.2°N, at a county-wide zoom.
    for (const zoom of [7.3, 8, 9.1, 10, 11.6, 13, 15.5]) {
      for (const width of [400, 1024, 1366, 1920]) {
        const bar = scaleBarFor(zoom, 32.2, width);
        const mantissa = bar.km / 10 ** Math.floor(Math.log10(bar.km) + 1e-9);
        expect([1, 2, 5]).toContain(Math.round(mantissa * 1000) / 1000);
        expect(bar.px * metresPerPixel(zoom, 32.2)).toBeCloseTo(bar.km * 1000, 3);
        // Between half and twice the target fifth of the width.
        expect(bar.px).toBeGreaterThan(width * 0.2 * 0.5);
        expect(bar.px).toBeLessThan(width * 0.2 * 2);
      }
    }
  });
  it('labels in km, without float noise', () => {
    const mpp = metresPerPixel(9, 32.2);
    // A target of exactly 10 km.
    const bar = scaleBarFor(9, 32.2, 10_000 / mpp / 0.2);
    expect(bar).toMatchObject({ km: 10, label: '10 km' });
    const small = scaleBarFor(16, 32.2, 1000);
    expect(small.label).toMatch(/^0\.[125] km$|^0\.0[125] km$/);
  });
  it('picks the nearer round length by ratio', () => {
    const mpp = metresPerPixel(9, 0);
    // Targets of 3 km (nearer 2 than 5 by ratio: 1.5 < 1.67) and 4 km (nearer 5).
    expect(scaleBarFor(9, 0, 3000 / mpp / 0.2).km).toBe(2);
    expect(scaleBarFor(9, 0, 4000 / mpp / 0.2).km).toBe(5);
    expect(scaleBarFor(9, 0, 8000 / mpp / 0.2).km).toBe(10);
  });
});

describe('exportFileName', () => {
  it('names the region, indicator and month, with @2x for the print size', () => {
    expect(exportFileName('竹溪县', 'industry', '2016-05', 2)).toBe('竹溪县-industry-2016-05@2x.png');
    expect(exportFileName('竹溪县', 'industry', '2016-05', 1)).toBe('竹溪县-industry-2016-05.png');
  });
  it('replaces characters file systems refuse', () => {
    expect(exportFileName('Zhuxi County', 'a/b', '2016:05', 1)).toBe('Zhuxi-County-a-b-2016-05.png');
  });
});

describe('printedScaleBar', () => {
  const view = { cssWidth: 600, cssHeight: 600, zoom: 10, latitude: 32.3 };

  it('is the screen bar scaled by the millimetres each CSS pixel takes on paper', () => {
    const bar = printedScaleBar(view, { width: 150, height: 150 });
    const screen = scaleBarFor(10, 32.3, 600);
    expect(bar.label).toBe(screen.label);
    expect(bar.widthMm).toBeCloseTo(screen.px * 0.25, 6);
  });

  it('follows the side that limits the fit: a wide image fills the width, a tall one the height', () => {
    const wide = { ...view, cssWidth: 1200, cssHeight: 600 };
    const tall = { ...view, cssWidth: 600, cssHeight: 1200 };
    const box = { width: 150, height: 150 };
    expect(printedScaleBar(wide, box).widthMm).toBeCloseTo(scaleBarFor(10, 32.3, 1200).px * (150 / 1200), 6);
    expect(printedScaleBar(tall, box).widthMm).toBeCloseTo(scaleBarFor(10, 32.3, 600).px * (150 / 1200), 6);
  });

  it('gives the same ground distance per millimetre as the image: km / widthMm is the printed scale', () => {
    const bar = printedScaleBar(view, { width: 155, height: 158 });
    const groundMetresPerMm = (metresPerPixel(10, 32.3) * 600) / 155;
    expect((bar.km * 1000) / bar.widthMm).toBeCloseTo(groundMetresPerMm, 3);
  });
});
