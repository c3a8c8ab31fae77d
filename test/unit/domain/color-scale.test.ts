import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, type ClassMethod } from '../../../src/domain/classify';
import { DEFAULT_CLASSES, createColorScale, deltaSpec, deltaValues, fixedBreaksFor, schemeFor, type ColorScale } from '../../../src/domain/color-scale';
import { formatPoints, formatSigned } from '../../../src/domain/format';
import { INDICATORS, indicatorSpec } from '../../../src/domain/indicators';
import { DIVERGING_RDBU, NO_DATA_COLOR, SEQUENTIAL_SCHEMES, sequentialColors } from '../../../src/domain/palettes';

const industry = indicatorSpec('industry');
const incidence = indicatorSpec('incidence');
const lag = indicatorSpec('lag');

const shares = [0.1, 0.3, 0.25, 0.9, 1, null, 0.6, NaN, 0.5, 0.05];
const lags = [-25, -12, -3, 0, 4, 8, 15, 22, 40, null];

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const luminance = (hex: string): number => {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const isBluish = (hex: string): boolean => rgb(hex)[2] > rgb(hex)[0];
const isReddish = (hex: string): boolean => rgb(hex)[0] > rgb(hex)[2];

describe('fixedBreaksFor and schemeFor', () => {
  it('shares use 0/25/50/75/90/100%', () => expect(fixedBreaksFor(industry)).toEqual([0.25, 0.5, 0.75, 0.9]));
  it('lag uses −10/0/10/20 points', () => expect(fixedBreaksFor(lag)).toEqual([-10, 0, 10, 20]));
  it.each([
    ['industry', 'YlGnBu'],
    ['disbursement', 'YlGnBu'],
    ['incidence', 'YlOrBr'],
    ['lag', 'RdBu'],
  ] as const)('%s is coloured with %s', (id, scheme) => expect(schemeFor(indicatorSpec(id))).toBe(scheme));
});

describe('fixed thresholds for a share', () => {
  const scale = createColorScale(industry, shares, 'fixed');

  it('has open end classes and the thresholds between', () => {
    expect(scale.bins.map((b) => [b.lower, b.upper])).toEqual([
      [-Infinity, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 0.9],
      [0.9, Infinity],
    ]);
  });

  it('uses ColorBrewer YlGnBu light → dark', () => expect(scale.bins.map((b) => b.color)).toEqual(SEQUENTIAL_SCHEMES.YlGnBu[5]));

  it.each<[number | null, number]>([
    [0, 0],
    [0.2499, 0],
    [0.25, 1], // at a break: the upper class
    [0.5, 2],
    [0.75, 3],
    [0.9, 4],
    [1, 4],
    [-0.1, 0], // outside the fixed domain: the open end classes
    [1.3, 4],
    [null, -1],
    [NaN, -1],
  ])('binIndex(%s) = %s and colorFor agrees', (value, index) => {
    expect(scale.binIndex(value)).toBe(index);
    expect(scale.colorFor(value)).toBe(index < 0 ? NO_DATA_COLOR : scale.bins[index]?.color);
  });

  it('counts every value once, no data included', () => {
    expect(scale.bins.map((b) => b.count)).toEqual([2, 2, 2, 0, 2]);
    expect(scale.noData.count).toBe(2);
  });

  it('labels in Chinese', () => {
    expect(scale.title).toBe('产业覆盖率（%）');
    expect(scale.methodLabel).toBe('固定分级');
    expect(scale.bins.map((b) => b.label)).toEqual(['< 25.0%', '25.0%–50.0%', '50.0%–75.0%', '75.0%–90.0%', '≥ 90.0%']);
    expect(scale.noData.label).toBe('无数据');
  });

  it('labels in English', () => {
    const en = createColorScale(industry, shares, 'fixed', 'en');
    expect(en.title).toBe('Industry coverage (%)');
    expect(en.methodLabel).toBe('Fixed thresholds');
    expect(en.noData.label).toBe('No data');
    expect(en.bins.map((b) => b.label)[0]).toBe('< 25.0%');
  });

  it('reports the fixed domain of a share', () => expect(scale.classification.domain).toEqual([0, 1]));
});

describe('lower-is-better shares', () => {
  it('poverty incidence runs YlOrBr light → dark as incidence rises', () => {
    const scale = createColorScale(incidence, [0.01, 0.03, 0.05, 0.12, 0.2, 0.02], 'quantile');
    expect(scale.bins.map((b) => b.color)).toEqual(SEQUENTIAL_SCHEMES.YlOrBr[5]);
    expect(scale.colorFor(0.2)).toBe('#993404');
    expect(scale.title).toBe('贫困发生率（%）');
  });
});

describe('data-driven classes', () => {
  it('label the end classes with the values’ own min and max', () => {
    const scale = createColorScale(industry, [0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.96], 'quantile');
    expect(scale.bins.map((b) => b.label)).toEqual(['2.0%–20.0%', '20.0%–40.0%', '40.0%–60.0%', '60.0%–80.0%', '80.0%–96.0%']);
    expect(scale.bins[0]?.lower).toBe(-Infinity);
    expect(scale.bins[4]?.upper).toBe(Infinity);
  });

  it('label a class holding a single value with that value', () => {
    const scale = createColorScale(lag, [1, 2, 3, 10, 11, 12, 30, 30], 'ckmeans', 'zh', { classes: 3 });
    expect(scale.bins.map((b) => b.label)).toEqual(['1.0 – 10.0 个百分点', '10.0 – 30.0 个百分点', '30.0 个百分点']);
  });

  it('take the number of classes from the options', () => {
    const scale = createColorScale(industry, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 'equal', 'zh', { classes: 3 });
    expect(scale.bins.map((b) => b.color)).toEqual(SEQUENTIAL_SCHEMES.YlGnBu[3]);
  });

  it('default to five classes', () => {
    expect(DEFAULT_CLASSES).toBe(5);
    expect(createColorScale(industry, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], 'equal').bins).toHaveLength(5);
  });

  it('all values equal: one class holding them all', () => {
    const scale = createColorScale(industry, [0.5, 0.5, null], 'ckmeans');
    expect(scale.bins).toHaveLength(1);
    expect(scale.bins[0]).toMatchObject({ lower: -Infinity, upper: Infinity, label: '50.0%', count: 2 });
    expect(scale.noData.count).toBe(1);
  });

  it('no values at all: no classes, everything is no data', () => {
    const scale = createColorScale(industry, [null, null], 'quantile');
    expect(scale.bins).toEqual([]);
    expect(scale.colorFor(0.5)).toBe(NO_DATA_COLOR);
    expect(scale.binIndex(0.5)).toBe(-1);
    expect(scale.noData.count).toBe(2);
  });

  it('fixed thresholds keep their classes without values', () => {
    expect(createColorScale(industry, [], 'fixed').bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('every indicator, method and class count', () => {
  const cases: [string, ClassMethod, number][] = [];
  for (const spec of INDICATORS) for (const method of CLASS_METHODS) for (const classes of [1, 2, 3, 5, 7, 9]) cases.push([spec.id, method, classes]);
  const valuesFor = (unit: string): (number | null)[] =>
    unit === 'share' ? [0, 0, 0.05, 0.12, 0.3, 0.31, 0.5, 0.74, 0.9, 0.97, 1, null, NaN] : [-30, -8, -1, 0, 0, 3, 9, 14, 27, 60, null];

  it.each(cases)('%s by %s into %s', (id, method, classes) => {
    const spec = indicatorSpec(id as Parameters<typeof indicatorSpec>[0]);
    const values = valuesFor(spec.unit);
    const scale: ColorScale = createColorScale(spec, values, method, 'zh', { classes });
    const colors = scale.bins.map((b) => b.color);
    // No data is its own bin: never one of the class colours.
    expect(colors).not.toContain(scale.noData.color);
    expect(new Set(colors).size).toBe(colors.length);
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(scale.bins.reduce((n, b) => n + b.count, 0) + scale.noData.count).toBe(values.length);
    for (const v of values) expect(scale.colorFor(v)).toBe(scale.binIndex(v) < 0 ? NO_DATA_COLOR : scale.bins[scale.binIndex(v)]?.color);
    for (const b of scale.bins) expect(b.label).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('diverging lag', () => {
  const bins = (values: (number | null)[], method: ClassMethod, lang: 'zh' | 'en' = 'zh') => createColorScale(lag, values, method, lang).bins;

  it('fixed thresholds: blue at or below 0, red at or above, darker further out', () => {
    const [b0, b1, b2, b3, b4] = bins(lags, 'fixed').map((b) => b.color) as [string, string, string, string, string];
    expect([b0, b1].every(isBluish)).toBe(true);
    expect([b2, b3, b4].every(isReddish)).toBe(true);
    expect(luminance(b0)).toBeLessThan(luminance(b1));
    expect(luminance(b4)).toBeLessThan(luminance(b3));
    expect(luminance(b3)).toBeLessThan(luminance(b2));
  });

  it.each(['quantile', 'equal', 'ckmeans', 'fixed'] as const)('%s: bins wholly ≤ 0 are blue, wholly ≥ 0 red', (method) => {
    for (const bin of bins(lags, method)) {
      const lo = Math.max(bin.lower, -25);
      const hi = Math.min(bin.upper, 40);
      if (hi <= 0) expect(isBluish(bin.color), bin.label).toBe(true);
      if (lo >= 0) expect(isReddish(bin.color), bin.label).toBe(true);
    }
  });

  it('a class straddling 0 is near the neutral colour', () => {
    const scale = createColorScale(lag, [-12, -2, 3, 12], 'fixed', 'zh', { fixedBreaks: [-5, 5] });
    const middle = scale.bins[1];
    expect(middle?.lower).toBe(-5);
    const [r, g, b] = rgb(middle?.color ?? '#000000');
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(12);
    expect(middle?.label).toBe('−5.0 – 5.0 个百分点');
  });

  it('all behind plan: every class red, light to dark', () => {
    const colors = bins([2, 5, 9, 14, 30], 'quantile').map((b) => b.color);
    expect(colors.every(isReddish)).toBe(true);
    expect(colors.map(luminance)).toEqual([...colors.map(luminance)].sort((a, b) => b - a));
  });

  it('all ahead of plan: every class blue, darkest furthest ahead', () => {
    const colors = bins([-30, -20, -14, -9, -5], 'equal').map((b) => b.color);
    expect(colors.every(isBluish)).toBe(true);
    expect(colors.map(luminance)).toEqual([...colors.map(luminance)].sort((a, b) => a - b));
  });

  it('exactly on plan everywhere: the neutral colour', () => {
    expect(bins([0, 0, 0], 'quantile').map((b) => b.color)).toEqual([DIVERGING_RDBU[5]]);
  });

  it('labels with a minus sign and 个百分点 / pts', () => {
    expect(bins(lags, 'fixed').map((b) => b.label)).toEqual(['< −10.0 个百分点', '−10.0 – 0.0 个百分点', '0.0 – 10.0 个百分点', '10.0 – 20.0 个百分点', '≥ 20.0 个百分点']);
    expect(bins(lags, 'fixed', 'en').map((b) => b.label)).toEqual(['< −10.0 pts', '−10.0 – 0.0 pts', '0.0 – 10.0 pts', '10.0 – 20.0 pts', '≥ 20.0 pts']);
    expect(createColorScale(lag, lags, 'fixed').title).toBe('进度滞后（百分点）');
    expect(createColorScale(lag, lags, 'fixed', 'en').title).toBe('Lag (percentage points)');
  });
});

describe('palettes and point formatting', () => {
  it.each([1, 2, 3, 5, 7, 9, 12])('sequentialColors gives %s distinct light → dark colours', (k) => {
    const colors = sequentialColors('YlGnBu', k);
    expect(colors).toHaveLength(k);
    expect(new Set(colors).size).toBe(k);
    const lum = colors.map(luminance);
    expect(lum).toEqual([...lum].sort((a, b) => b - a));
  });

  it('no-data grey is in no scheme and darker than every lightest class', () => {
    const all = [...Object.values(SEQUENTIAL_SCHEMES).flatMap((t) => Object.values(t).flat()), ...DIVERGING_RDBU];
    expect(all).not.toContain(NO_DATA_COLOR);
    for (const table of Object.values(SEQUENTIAL_SCHEMES)) for (const colors of Object.values(table)) expect(luminance(NO_DATA_COLOR)).toBeLessThan(luminance(colors[0] as string));
  });

  it.each<[number, string]>([
    [-5, '−5.0'],
    [5, '5.0'],
    [-0.04, '0.0'],
    [0, '0.0'],
    [12.345, '12.3'],
  ])('formatSigned(%s) = %s', (v, text) => expect(formatSigned(v)).toBe(text));

  it('formatPoints', () => {
    expect(formatPoints(-5)).toBe('−5.0 个百分点');
    expect(formatPoints(7.25, 'en')).toBe('7.3 pts');
    expect(formatPoints(null)).toBe('—');
  });
});

describe('labels of classes that hold one value', () => {
  it('say that value, so a 0%/100% split does not read as 0–100%', () => {
    const scale = createColorScale(indicatorSpec('industry'), [0, 0, 1, 1, 1, null], 'quantile');
    expect(scale.bins.map((b) => [b.label, b.count])).toEqual([
      ['0.0%', 2],
      ['100.0%', 3],
    ]);
  });
});

describe('the delta (change since last month) scale', () => {
  it('is in points, diverging, with a rise in a good share drawn blue and a rise in lag drawn red', () => {
    const industry = indicatorSpec('industry');
    const changes = deltaValues(industry, [0.1, -0.05, 0, 0.02]);
    expect(changes).toEqual([10, -5, 0, 2]);
    const up = createColorScale(deltaSpec(industry), changes, 'fixed', 'zh', { fixedBreaks: [-5, 0, 5], isPositiveGood: true });
    const blue = (hex: string) => Number.parseInt(hex.slice(5, 7), 16) > Number.parseInt(hex.slice(1, 3), 16);
    expect(blue(up.colorFor(10))).toBe(true);
    expect(blue(up.colorFor(-8))).toBe(false);
    const lag = createColorScale(deltaSpec(indicatorSpec('lag')), [5, -5], 'fixed', 'zh', { fixedBreaks: [-5, 0, 5], isPositiveGood: false });
    expect(blue(lag.colorFor(8))).toBe(false);
    expect(blue(lag.colorFor(-8))).toBe(true);
    expect(up.title).toBe('产业覆盖率较上月变化（百分点）');
  });
});

describe('a 0–100 score (data quality)', () => {
  it('is classed by fixed thresholds on 0–100, labelled without a % sign, and titled with its scale', () => {
    const spec = indicatorSpec('quality');
    const scale = createColorScale(spec, [99, 96, 93, 85, 60], 'fixed', 'zh');
    expect(scale.bins.map((b) => b.label)).toEqual(['< 70.0', '70.0–80.0', '80.0–90.0', '90.0–95.0', '≥ 95.0']);
    expect(scale.title).toBe('数据质量分（满分 100）');
    expect(createColorScale(spec, [90], 'fixed', 'en').title).toBe('Data quality (0–100)');
  });
});
