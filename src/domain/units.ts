/**
 * The units an indicator's value is read in: how each is written, classed and coloured. An
 * indicator spec (indicators.ts) names its unit and every view asks the unit, so a new unit is one
 * entry here and no view changes.
 */
import { t, type Lang, type StringKey } from '../i18n';
import { formatPoints, formatScore, formatShare, formatSigned, pointsUnit, scoreUnit } from './format';
import type { DivergingSchemeId, SequentialSchemeId } from './palettes';

/** A share (0–1, shown as %), percentage points (signed), or a 0–100 score. */
export type UnitId = 'share' | 'points' | 'score';

/**
 * How a unit is coloured: a sequential scheme running light → dark with the value, whose hue says
 * whether more is good or bad; or a diverging scheme around 0.
 */
export type UnitPalette = { kind: 'sequential'; whenHigherBetter: SequentialSchemeId; whenLowerBetter: SequentialSchemeId } | { kind: 'diverging'; scheme: DivergingSchemeId };

/** Everything about a unit that a view, the legend or the colour scale needs. */
export interface UnitSpec {
  id: UnitId;
  /** A value with its unit: `37.5%`, `−5.0 个百分点`, `96.2 分`; `—` for no data. */
  format(value: number | null, lang: Lang): string;
  /** A value in a table column whose header names the unit: `37.5%` (a share keeps its sign), `−5.0`, `96.2`. */
  formatInColumn(value: number): string;
  /** The unit in a column header: `%`, `个百分点` / `pts`, `分` / `of 100`. */
  columnUnit(lang: Lang): string;
  /** The unit in a legend title: `%`, `百分点` / `percentage points`, `满分 100` / `0–100`. */
  legendUnit(lang: Lang): string;
  /** A legend class's label: one value, or a closed range with the unit once. */
  binLabel: { one(value: number, lang: Lang): string; range(lower: number, upper: number, lang: Lang): string };
  /** What the about page's indicator table says the unit is. */
  aboutKey: StringKey;
  /** The interior thresholds of the `fixed` classification. */
  fixedBreaks: readonly number[];
  /** The values the unit can take ([0, 1] for a share), or null when it is open: the fixed classes' domain and the scale of bars and sparklines. */
  range: readonly [number, number] | null;
  palette: UnitPalette;
  /** Percentage points in one of the unit: a change in a share is ×100 points, in points or a score ×1. */
  pointsPerUnit: number;
  /** Decimals a value keeps in the open data: a share 4 (0.01 of a percent), points and a score 2. */
  dataDecimals: number;
}

/**
 * Fixed classes of a 0–100 score: a finding on a tenth of an area's money costs 5 points, so the
 * classes part data that is clean (≥ 95), has a finding or two (90–95), several (80–90), and data
 * not to be believed without a visit (< 70).
 */
const SCORE_BREAKS = [70, 80, 90, 95] as const;

/** Blue-green when more is better (coverage, completion), orange-brown when more is worse (poverty incidence). */
const SEQUENTIAL: UnitPalette = { kind: 'sequential', whenHigherBetter: 'YlGnBu', whenLowerBetter: 'YlOrBr' };

/** The units, by id. */
export const UNITS: Readonly<Record<UnitId, UnitSpec>> = {
  share: {
    id: 'share',
    format: (v) => formatShare(v),
    formatInColumn: (v) => formatShare(v),
    columnUnit: () => '%',
    legendUnit: () => '%',
    binLabel: { one: (v) => formatShare(v), range: (lo, hi) => `${formatShare(lo)}–${formatShare(hi)}` },
    aboutKey: 'aboutUnitShare',
    fixedBreaks: [0.25, 0.5, 0.75, 0.9],
    range: [0, 1],
    palette: SEQUENTIAL,
    pointsPerUnit: 100,
    dataDecimals: 4,
  },
  points: {
    id: 'points',
    format: (v, lang) => formatPoints(v, lang),
    formatInColumn: (v) => formatSigned(v),
    columnUnit: (lang) => pointsUnit(lang),
    legendUnit: (lang) => t(lang, 'pointsUnitName'),
    // Spaced dash: the minus sign of a negative bound would otherwise run into it.
    binLabel: { one: (v, lang) => `${formatSigned(v)} ${pointsUnit(lang)}`, range: (lo, hi, lang) => `${formatSigned(lo)} – ${formatSigned(hi)} ${pointsUnit(lang)}` },
    aboutKey: 'aboutUnitPoints',
    fixedBreaks: [-10, 0, 10, 20],
    range: null,
    // Blue ahead of plan, red behind.
    palette: { kind: 'diverging', scheme: 'RdBu' },
    pointsPerUnit: 1,
    dataDecimals: 2,
  },
  score: {
    id: 'score',
    format: (v, lang) => formatScore(v, lang),
    formatInColumn: (v) => v.toFixed(1),
    columnUnit: (lang) => scoreUnit(lang),
    legendUnit: (lang) => t(lang, 'scoreScale'),
    binLabel: { one: (v) => v.toFixed(1), range: (lo, hi) => `${lo.toFixed(1)}–${hi.toFixed(1)}` },
    aboutKey: 'aboutUnitScore',
    fixedBreaks: SCORE_BREAKS,
    range: [0, 100],
    palette: SEQUENTIAL,
    pointsPerUnit: 1,
    dataDecimals: 2,
  },
};

/** Where a value sits in its unit's range, as a bar's width in percent (0–100, clamped); null for an open unit (points). */
export function percentOfRange(unit: UnitSpec, value: number): number | null {
  if (unit.range === null) return null;
  const [lo, hi] = unit.range;
  return Math.min(100, Math.max(0, (value - lo) * (100 / (hi - lo))));
}

/** A value rounded to the decimals its unit keeps in the open data: what the figures can bear. */
export function roundForData(unit: UnitSpec, value: number): number {
  const scale = 10 ** unit.dataDecimals;
  return Math.round(value * scale) / scale;
}
