import { ckmeans, quantileSorted } from 'simple-statistics';

import { CLASS_METHODS, type ClassMethod } from '../contract/config';
import type { Localized } from '../i18n';

/** How values are cut into classes for a choropleth (named by the config contract: tour stops use them). */
export { CLASS_METHODS, type ClassMethod };

/** Names of the methods for the legend and the method picker. */
export const CLASS_METHOD_LABELS: Record<ClassMethod, Localized> = {
  quantile: { zh: '分位数', en: 'Quantile' },
  equal: { zh: '等间距', en: 'Equal interval' },
  ckmeans: { zh: '自然断点', en: 'Natural breaks (ckmeans)' },
  fixed: { zh: '固定分级', en: 'Fixed thresholds' },
};

/** Where the class boundaries fall. */
export interface Classification {
  method: ClassMethod;
  /** Interior thresholds, ascending, length = classes − 1; class i is [breaks[i-1], breaks[i]). */
  breaks: number[];
  /** [min, max] of the classified non-null values, or the fixed domain. */
  domain: [number, number];
}

export interface ClassifyOptions {
  /** Wanted number of classes for the data-driven methods (an integer ≥ 1); fewer when the data has fewer distinct values. */
  classes: number;
  /** Interior thresholds for `fixed`. */
  fixedBreaks: readonly number[];
  /** The domain reported for `fixed` (e.g. [0, 1] for shares); else the span of the breaks and the values. */
  fixedDomain?: readonly [number, number];
}

/** Classifies non-null finite values; nulls are ignored (no data is its own bin elsewhere). */
export function classify(values: readonly (number | null)[], method: ClassMethod, options: ClassifyOptions): Classification {
  if (!CLASS_METHODS.includes(method)) throw new RangeError(`unknown classification method ${String(method)}`);
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (method === 'fixed') return classifyFixed(sorted, options);
  if (!Number.isInteger(options.classes) || options.classes < 1) throw new RangeError(`classes must be an integer ≥ 1, got ${options.classes}`);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return { method, breaks: [], domain: [0, 0] };
  const classes = Math.min(options.classes, countDistinct(sorted));
  const raw = rawBreaks(sorted, method, classes, min, max);
  // A break at the minimum would leave the first class empty; values at a break belong to the upper class.
  const breaks = ascendingUnique(raw).filter((b) => b > min && b <= max);
  return { method, breaks, domain: [min, max] };
}

function rawBreaks(sorted: number[], method: Exclude<ClassMethod, 'fixed'>, classes: number, min: number, max: number): number[] {
  const interior = Array.from({ length: classes - 1 }, (_, i) => i + 1);
  switch (method) {
    case 'quantile':
      return quantileBreaks(sorted, interior.map((i) => quantileSorted(sorted, i / classes)));
    case 'equal':
      return interior.map((i) => min + ((max - min) * i) / classes);
    case 'ckmeans':
      // Each cluster after the first starts at its lowest value, which then opens the upper class.
      return ckmeans(sorted, classes)
        .slice(1)
        .map((cluster) => cluster[0])
        .filter((b): b is number => b !== undefined);
  }
}

/**
 * Snaps each k-quantile up to the first value at or above it, which puts exactly the same values in each
 * class but names a real value; a break the ties have pushed onto the minimum or the previous break moves
 * to the next distinct value, so many equal values (say, towns at 0% early in the year) don't swallow the rest.
 */
function quantileBreaks(sorted: readonly number[], quantiles: readonly number[]): number[] {
  const breaks: number[] = [];
  let floor = sorted[0] ?? 0;
  for (const q of quantiles) {
    const next = sorted.find((v) => v >= q && v > floor);
    if (next === undefined) break;
    breaks.push(next);
    floor = next;
  }
  return breaks;
}

function classifyFixed(sorted: number[], options: ClassifyOptions): Classification {
  const breaks = ascendingUnique(options.fixedBreaks.filter((b) => Number.isFinite(b)));
  if (options.fixedDomain) return { method: 'fixed', breaks, domain: [options.fixedDomain[0], options.fixedDomain[1]] };
  const lows = [breaks[0], sorted[0]].filter((v): v is number => v !== undefined);
  const highs = [breaks[breaks.length - 1], sorted[sorted.length - 1]].filter((v): v is number => v !== undefined);
  if (lows.length === 0) return { method: 'fixed', breaks, domain: [0, 0] };
  return { method: 'fixed', breaks, domain: [Math.min(...lows), Math.max(...highs)] };
}

/** Strictly ascending, without repeats. */
function ascendingUnique(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

function countDistinct(sorted: readonly number[]): number {
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]).length;
}
