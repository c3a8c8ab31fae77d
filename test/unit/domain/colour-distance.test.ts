import { describe, expect, it } from 'vitest';
import { ciede2000, contrastRatio, deltaE00Hex, hexToLab } from '../../../src/domain/colour-distance';

/** The 34 test pairs of Sharma, Wu & Dalal (2005), Table 1: L1 a1 b1, L2 a2 b2, ΔE00. */
const SHARMA_2005: readonly (readonly [number, number, number, number, number, number, number])[] = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

describe('ciede2000', () => {
  it.each(SHARMA_2005.map((row, i) => [i + 1, ...row] as const))('Sharma, Wu & Dalal pair %i', (_, L1, a1, b1, L2, a2, b2, expected) => {
    expect(ciede2000({ L: L1, a: a1, b: b1 }, { L: L2, a: a2, b: b2 }).toFixed(4)).toBe(expected.toFixed(4));
  });

  it('is symmetric and zero for a colour with itself', () => {
    for (const [L1, a1, b1, L2, a2, b2] of SHARMA_2005) {
      const p = { L: L1, a: a1, b: b1 };
      const q = { L: L2, a: a2, b: b2 };
      expect(ciede2000(p, q)).toBeCloseTo(ciede2000(q, p), 10);
      expect(ciede2000(p, p)).toBe(0);
    }
  });
});

describe('hexToLab', () => {
  it.each([
    ['#ffffff', 100, 0, 0],
    ['#000000', 0, 0, 0],
    ['#ff0000', 53.2408, 80.0925, 67.2032],
    ['#00ff00', 87.7347, -86.1827, 83.1793],
    ['#0000ff', 32.297, 79.1875, -107.8602],
    ['#808080', 53.585, 0, 0],
  ])('%s', (hex, L, a, b) => {
    const lab = hexToLab(hex);
    expect(lab.L).toBeCloseTo(L, 2);
    expect(lab.a).toBeCloseTo(a, 2);
    expect(lab.b).toBeCloseTo(b, 2);
  });

  it('accepts either case and refuses anything but #rrggbb', () => {
    expect(hexToLab('#E69F00')).toEqual(hexToLab('#e69f00'));
    for (const bad of ['#fff', 'e69f00', '#e69f0', 'red', '#gggggg']) expect(() => hexToLab(bad)).toThrow(RangeError);
  });
});

describe('deltaE00Hex', () => {
  it('finds the collision of issue 18: the old 健康医疗 navy against YlGnBu’s darkest classes', () => {
    expect(deltaE00Hex('#332288', '#253494')).toBeLessThan(10);
  });
  it('parts black and white by 100', () => {
    expect(deltaE00Hex('#000000', '#ffffff')).toBeCloseTo(100, 1);
  });
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#ffffff', '#0000ff', 8.59],
  ])('%s on %s', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });
});
