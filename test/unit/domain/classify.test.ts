import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, CLASS_METHOD_LABELS, classify, type ClassMethod } from '../../../src/domain/classify';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const clustered = [1, 2, 3, 10, 11, 12, 30, 31];
const opts = (classes: number, fixedBreaks: number[] = []) => ({ classes, fixedBreaks });

describe('classify: known breaks', () => {
  it.each<[string, ClassMethod, (number | null)[], number, number[], [number, number]]>([
    // Each k-quantile snaps up to the first value at or above it: [1..10] in fives is two values a class.
    ['quantile of 1..10 into 5', 'quantile', oneToTen, 5, [3, 5, 7, 9], [1, 10]],
    ['quantile of 1..10 into 2 (median 5.5)', 'quantile', oneToTen, 2, [6], [1, 10]],
    ['quantile of 8 clustered values into 4', 'quantile', clustered, 4, [3, 11, 30], [1, 31]],
    ['equal interval of 0..10 into 5', 'equal', [0, 10, 1, 3, 7, 9], 5, [2, 4, 6, 8], [0, 10]],
    ['equal interval of 1..10 into 3', 'equal', oneToTen, 3, [4, 7], [1, 10]],
    ['equal interval of shares into 4', 'equal', [0, 0.2, 0.6, 1], 4, [0.25, 0.5, 0.75], [0, 1]],
    ['equal interval with 4 distinct values asked for 5 → 4 classes', 'equal', [0, 10, 3, 7], 5, [2.5, 5, 7.5], [0, 10]],
    ['ckmeans of three clusters', 'ckmeans', clustered, 3, [10, 30], [1, 31]],
    ['ckmeans of two clusters', 'ckmeans', clustered, 2, [30], [1, 31]],
    ['ckmeans, simple-statistics example', 'ckmeans', [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3, [2, 4], [-1, 6]],
    ['fixed ignores the values', 'fixed', [0.1, 0.95], 5, [0.25, 0.5, 0.75, 0.9], [0.1, 0.95]],
  ])('%s', (_name, method, values, classes, breaks, domain) => {
    const c = classify(values, method, opts(classes, [0.25, 0.5, 0.75, 0.9]));
    expect(c.method).toBe(method);
    expect(c.breaks).toHaveLength(breaks.length);
    c.breaks.forEach((b, i) => expect(b).toBeCloseTo(breaks[i] as number, 12));
    expect(c.domain).toEqual(domain);
  });

  it('fixed sorts and deduplicates the thresholds it is given, and drops non-finite ones', () => {
    expect(classify([], 'fixed', opts(5, [0.9, 0.25, 0.5, NaN, 0.75, 0.5])).breaks).toEqual([0.25, 0.5, 0.75, 0.9]);
  });

  it('fixed reports the fixed domain when given one', () => {
    expect(classify([0.3, 1.4], 'fixed', { ...opts(5, [0.5]), fixedDomain: [0, 1] }).domain).toEqual([0, 1]);
  });

  it('fixed without a domain spans the breaks and the values', () => {
    expect(classify([-30, 5], 'fixed', opts(5, [-10, 0, 10, 20])).domain).toEqual([-30, 20]);
    expect(classify([], 'fixed', opts(5, [-10, 0, 10, 20])).domain).toEqual([-10, 20]);
  });

  it('ignores null, NaN and infinities', () => {
    expect(classify([null, 1, NaN, 2, Infinity, 3, null, -Infinity, 4], 'quantile', opts(2))).toEqual({ method: 'quantile', breaks: [3], domain: [1, 4] });
  });
});

describe('classify: degenerate inputs', () => {
  const dataDriven: ClassMethod[] = ['quantile', 'equal', 'ckmeans'];

  it.each(dataDriven)('%s: no values → no breaks, domain [0, 0]', (method) => {
    expect(classify([], method, opts(5))).toEqual({ method, breaks: [], domain: [0, 0] });
    expect(classify([null, null, NaN], method, opts(5))).toEqual({ method, breaks: [], domain: [0, 0] });
  });

  it('fixed with neither values nor breaks has domain [0, 0]', () => {
    expect(classify([null], 'fixed', opts(5))).toEqual({ method: 'fixed', breaks: [], domain: [0, 0] });
  });

  it.each(dataDriven)('%s: all values equal → a single class', (method) => {
    expect(classify([5, 5, null, 5], method, opts(5))).toEqual({ method, breaks: [], domain: [5, 5] });
  });

  it.each(dataDriven)('%s: one value → a single class', (method) => {
    expect(classify([0.4], method, opts(5))).toEqual({ method, breaks: [], domain: [0.4, 0.4] });
  });

  it.each<[ClassMethod, number[]]>([
    ['quantile', [2]],
    ['equal', [1.5]],
    ['ckmeans', [2]],
  ])('%s: two distinct values asked for 5 classes → 2 classes', (method, breaks) => {
    expect(classify([1, 1, 2, 2], method, opts(5)).breaks).toEqual(breaks);
  });

  it('quantile: many ties at the minimum do not swallow the other values', () => {
    expect(classify([0, 0, 0, 0, 0, 0, 0, 0, 1, 2], 'quantile', opts(5)).breaks).toEqual([1, 2]);
  });

  it.each(dataDriven)('%s: breaks stay strictly ascending, finite and inside (min, max]', (method) => {
    const samples: number[][] = [
      [0, 0, 0.1, 0.1, 0.1, 0.5, 0.5, 1],
      [0.33, 0.33, 0.33, 0.34],
      [-40, -3, 0, 0, 0, 2, 2, 17, 95],
      Array.from({ length: 40 }, (_, i) => ((i * 37) % 11) / 10),
    ];
    for (const values of samples) {
      for (let classes = 1; classes <= 9; classes++) {
        const { breaks, domain } = classify(values, method, opts(classes));
        expect(breaks.length).toBeLessThanOrEqual(classes - 1);
        breaks.forEach((b, i) => {
          expect(Number.isFinite(b)).toBe(true);
          expect(b).toBeGreaterThan(i === 0 ? domain[0] : (breaks[i - 1] as number));
          expect(b).toBeLessThanOrEqual(domain[1]);
        });
      }
    }
  });

  it.each([0, -1, 2.5, NaN])('rejects %s classes', (classes) => {
    expect(() => classify([1, 2, 3], 'quantile', opts(classes))).toThrow(RangeError);
  });

  it('rejects an unknown method', () => {
    expect(() => classify([1, 2, 3], 'jenks' as ClassMethod, opts(3))).toThrow(/unknown classification method jenks/);
  });
});

describe('method labels', () => {
  it.each<[ClassMethod, string, string]>([
    ['quantile', '分位数', 'Quantile'],
    ['equal', '等间距', 'Equal interval'],
    ['ckmeans', '自然断点', 'Natural breaks (ckmeans)'],
    ['fixed', '固定分级', 'Fixed thresholds'],
  ])('%s is %s / %s', (method, zh, en) => expect(CLASS_METHOD_LABELS[method]).toEqual({ zh, en }));

  it('lists every method once', () => expect([...CLASS_METHODS].sort()).toEqual(['ckmeans', 'equal', 'fixed', 'quantile']));
});
