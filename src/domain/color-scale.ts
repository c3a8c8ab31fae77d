import { CLASS_METHOD_LABELS, classify, type ClassMethod, type Classification } from './classify';
import { fillText, pick, t, type Lang } from '../i18n';
import type { IndicatorSpec } from './indicators';
import { NO_DATA_COLOR, divergingColor, sequentialColors, type SchemeId } from './palettes';
import { UNITS } from './units';

/** One class of a choropleth, as the map colours it and the legend lists it. */
export interface ColorBin {
  /** Inclusive lower bound (−Infinity for the first open class). */
  lower: number;
  /** Exclusive upper bound (+Infinity for the last). */
  upper: number;
  /** #rrggbb */
  color: string;
  /** e.g. "25.0%–50.0%", "< 25.0%", "≥ 90.0%", "−5.0 – 5.0 个百分点". */
  label: string;
  /** Values in this bin. */
  count: number;
}

/** The one scale both the map layer and the legend take (STYLE.md practice 5). */
export interface ColorScale {
  indicator: IndicatorSpec;
  method: ClassMethod;
  /** The method's name in the scale's language, for the legend. */
  methodLabel: string;
  classification: Classification;
  /** Ascending by value. */
  bins: ColorBin[];
  /** "No data" is a bin of its own: its own colour (hatched by the map), label and count. */
  noData: { color: string; label: string; count: number };
  /** Indicator name with unit, e.g. "产业覆盖率（%）" or "进度滞后（百分点）". */
  title: string;
  /** The bin colour of a value; the no-data colour for null, NaN or ±Infinity. */
  colorFor(value: number | null): string;
  /** The index into `bins` of a value; −1 for no data. */
  binIndex(value: number | null): number;
}

export interface ColorScaleOptions {
  /** Classes for the data-driven methods; DEFAULT_CLASSES if omitted. */
  classes?: number;
  /** Thresholds for `fixed`; fixedBreaksFor(indicator) if omitted. */
  fixedBreaks?: readonly number[];
  /** Diverging scales: true when a positive value is good news (drawn blue), e.g. a rise in coverage. */
  isPositiveGood?: boolean;
}

/** Classes of the data-driven methods unless asked otherwise. */
export const DEFAULT_CLASSES = 5;

/** How far from neutral (on −1…1) a bin wholly on one side of 0 is pushed, so it reads clearly blue or red. */
const DIVERGING_MIN_STRENGTH = 0.25;

/** Default thresholds of `fixed`, the indicator's unit's: 0/25/50/75/90/100% for shares, −10/0/10/20 points, 70/80/90/95 for a score. */
export function fixedBreaksFor(indicator: IndicatorSpec): number[] {
  return [...UNITS[indicator.unit].fixedBreaks];
}

/** The palette of an indicator, its unit's: diverging RdBu for points; YlGnBu for shares and scores where more is better, YlOrBr where more is worse. */
export function schemeFor(indicator: IndicatorSpec): SchemeId {
  const palette = UNITS[indicator.unit].palette;
  if (palette.kind === 'diverging') return palette.scheme;
  return indicator.isHigherBetter ? palette.whenHigherBetter : palette.whenLowerBetter;
}

/**
 * The indicator "change since the previous month": percentage points, diverging around zero, with
 * the same direction of good. Share indicators' changes are in points (×100), lag's stay points.
 */
export function deltaSpec(indicator: IndicatorSpec): IndicatorSpec {
  return {
    ...indicator,
    unit: 'points',
    zh: `${indicator.zh}较上月变化`,
    en: `Change in ${indicator.en.toLowerCase()} since last month`,
  };
}

/** Converts an indicator's month-over-month changes to the delta scale's unit (points). */
export function deltaValues(indicator: IndicatorSpec, changes: readonly (number | null)[]): (number | null)[] {
  // A share's change is in points (×100); lag's points and a score's points stay as they are. Rounded to 0.01 point.
  const hundredthsPerUnit = UNITS[indicator.unit].pointsPerUnit * 100;
  return changes.map((d) => (d === null ? null : Math.round(d * hundredthsPerUnit) / 100));
}

/** The legend title: the indicator's name with its unit. */
export function scaleTitle(indicator: IndicatorSpec, lang: Lang = 'zh'): string {
  return `${pick(indicator, lang)}${fillText(lang, 'parenthetical', { text: UNITS[indicator.unit].legendUnit(lang) })}`;
}

/** Classifies the values and colours the classes; the legend reads the bins, the map calls colorFor. */
export function createColorScale(indicator: IndicatorSpec, values: readonly (number | null)[], method: ClassMethod, lang: Lang = 'zh', options: ColorScaleOptions = {}): ColorScale {
  const { range } = UNITS[indicator.unit];
  const classification = classify(values, method, {
    classes: options.classes ?? DEFAULT_CLASSES,
    fixedBreaks: options.fixedBreaks ?? fixedBreaksFor(indicator),
    ...(range ? { fixedDomain: range } : {}),
  });
  const finite = values.filter(isValue);
  const breaks = classification.breaks;
  const hasBins = method === 'fixed' || finite.length > 0;
  const binCount = hasBins ? breaks.length + 1 : 0;
  const data = extentOf(finite);

  const binIndex = (value: number | null): number => {
    if (!isValue(value) || binCount === 0) return -1;
    let i = 0;
    while (i < breaks.length && value >= (breaks[i] as number)) i++;
    return i;
  };

  const scheme = schemeFor(indicator);
  const colors = scheme === 'RdBu' ? divergingColors(breaks, binCount, data, options.isPositiveGood ?? false) : sequentialColors(scheme, binCount);
  const counts = new Array<number>(binCount).fill(0);
  const memberMin = new Array<number>(binCount).fill(Infinity);
  const memberMax = new Array<number>(binCount).fill(-Infinity);
  let noDataCount = 0;
  for (const v of values) {
    const i = binIndex(v);
    if (i < 0 || v === null) {
      noDataCount++;
      continue;
    }
    counts[i] = (counts[i] ?? 0) + 1;
    memberMin[i] = Math.min(memberMin[i] ?? Infinity, v);
    memberMax[i] = Math.max(memberMax[i] ?? -Infinity, v);
  }
  const format = labelFormat(indicator, lang);
  const bins: ColorBin[] = Array.from({ length: binCount }, (_, i) => ({
    lower: i === 0 ? -Infinity : (breaks[i - 1] as number),
    upper: i === binCount - 1 ? Infinity : (breaks[i] as number),
    color: colors[i] ?? NO_DATA_COLOR,
    // A data-driven class whose members all share one value says that value (e.g. 0% and 100% villages).
    label: method !== 'fixed' && memberMin[i] === memberMax[i] ? format.one(memberMin[i] as number) : binLabel(i, breaks, method, classification.domain, data, format),
    count: counts[i] ?? 0,
  }));

  return {
    indicator,
    method,
    methodLabel: pick(CLASS_METHOD_LABELS[method], lang),
    classification,
    bins,
    noData: { color: NO_DATA_COLOR, label: t(lang, 'noData'), count: noDataCount },
    title: scaleTitle(indicator, lang),
    colorFor: (value) => {
      const i = binIndex(value);
      return i < 0 ? NO_DATA_COLOR : (bins[i]?.color ?? NO_DATA_COLOR);
    },
    binIndex,
  };
}

function extentOf(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

interface LabelFormat {
  /** One value with its unit. */
  one(v: number): string;
  /** A closed range with its unit once. */
  range(lo: number, hi: number): string;
}

function labelFormat(indicator: IndicatorSpec, lang: Lang): LabelFormat {
  const { one, range } = UNITS[indicator.unit].binLabel;
  return { one: (v) => one(v, lang), range: (lo, hi) => range(lo, hi, lang) };
}

/**
 * Fixed thresholds label the end classes as open ("< 25.0%", "≥ 90.0%"); data-driven classes show
 * the values' own min and max there, since the breaks were drawn from exactly those values.
 */
function binLabel(i: number, breaks: readonly number[], method: ClassMethod, domain: [number, number], data: { min: number; max: number } | null, f: LabelFormat): string {
  const lower = breaks[i - 1];
  const upper = breaks[i];
  const isFixed = method === 'fixed';
  const closed = (lo: number, hi: number): string => (f.one(lo) === f.one(hi) ? f.one(lo) : f.range(lo, hi));
  if (lower === undefined && upper === undefined) return closed(data?.min ?? domain[0], data?.max ?? domain[1]);
  if (lower === undefined) return isFixed || !data ? `< ${f.one(upper as number)}` : closed(data.min, upper as number);
  if (upper === undefined) return isFixed || !data ? `≥ ${f.one(lower)}` : closed(lower, data.max);
  return closed(lower, upper);
}

/**
 * Colours each bin by where its representative value sits on a symmetric scale around 0, whose extreme is
 * the largest |value| or |break|: 0 stays neutral, and bins wholly below 0 are blue, wholly above red.
 * Open end bins are represented by the data beyond their break, or by one neighbouring class width.
 */
function divergingColors(breaks: readonly number[], binCount: number, data: { min: number; max: number } | null, isPositiveGood: boolean): string[] {
  // RdBu runs blue (−) to red (+): red is bad news, so a scale where + is good reads it mirrored.
  const colour = (t: number): string => divergingColor(isPositiveGood ? -t : t);
  const extents: [number, number][] = [];
  for (let i = 0; i < binCount; i++) {
    const lower = breaks[i - 1];
    const upper = breaks[i];
    if (lower === undefined && upper === undefined) {
      extents.push([data?.min ?? 0, data?.max ?? 0]);
    } else if (lower === undefined) {
      const hi = upper as number;
      const width = (breaks[1] ?? hi + Math.max(Math.abs(hi), 1)) - hi;
      extents.push([data && data.min < hi ? data.min : hi - width, hi]);
    } else if (upper === undefined) {
      const width = lower - (breaks[breaks.length - 2] ?? lower - Math.max(Math.abs(lower), 1));
      extents.push([lower, data && data.max > lower ? data.max : lower + width]);
    } else {
      extents.push([lower, upper]);
    }
  }
  const extreme = Math.max(...extents.flat().map(Math.abs)) || 1;
  const s = DIVERGING_MIN_STRENGTH;
  return extents.map(([lo, hi]) => {
    const t = (lo + hi) / 2 / extreme;
    if (lo >= 0 && hi > 0) return colour(s + (1 - s) * t);
    if (hi <= 0 && lo < 0) return colour(-s + (1 - s) * t);
    return colour(t * s);
  });
}
