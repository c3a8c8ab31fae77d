/**
 * Colour-blind-safe ColorBrewer schemes (Cynthia Brewer, colorbrewer2.org, Apache-2.0), as #rrggbb.
 * Sequential tables run light → dark; the diverging table runs blue → red.
 */

/** Sequential schemes: YlGnBu for shares where more is better, YlOrBr for shares where more is worse. */
export type SequentialSchemeId = 'YlGnBu' | 'YlOrBr';
/** Diverging scheme for signed values around 0 (lag: blue = ahead of plan, red = behind). */
export type DivergingSchemeId = 'RdBu';
export type SchemeId = SequentialSchemeId | DivergingSchemeId;

/** ColorBrewer's published class tables, keyed by class count (3–9). */
export const SEQUENTIAL_SCHEMES: Record<SequentialSchemeId, Readonly<Record<number, readonly string[]>>> = {
  YlGnBu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
    7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
    8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
    9: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
  },
  YlOrBr: {
    3: ['#fff7bc', '#fec44f', '#d95f0e'],
    4: ['#ffffd4', '#fed98e', '#fe9929', '#cc4c02'],
    5: ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'],
    6: ['#ffffd4', '#fee391', '#fec44f', '#fe9929', '#d95f0e', '#993404'],
    7: ['#ffffd4', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'],
    8: ['#ffffe5', '#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'],
    9: ['#ffffe5', '#fff7bc', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#993404', '#662506'],
  },
};

/** RdBu with 11 classes, ordered blue (most negative) → #f7f7f7 (0) → red (most positive). */
export const DIVERGING_RDBU: readonly string[] = ['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7', '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f'];

/** "No data": a mid grey that is in none of the schemes and darker than every scheme's lightest class. */
export const NO_DATA_COLOR = '#bdbdbd';

/** How the map draws no data: diagonal lines over the no-data grey, so it never reads as the lowest class. */
export const NO_DATA_HATCH = {
  background: NO_DATA_COLOR,
  stroke: '#737373',
  angleDeg: 45,
  spacingPx: 8,
  strokeWidthPx: 2,
} as const;

/** k light → dark colours of a sequential scheme: ColorBrewer's own table for 3–9, its ends for 1–2, interpolated beyond 9. */
export function sequentialColors(scheme: SequentialSchemeId, k: number): string[] {
  const tables = SEQUENTIAL_SCHEMES[scheme];
  const exact = tables[k];
  if (exact) return [...exact];
  const three = tables[3] ?? [];
  if (k <= 0) return [];
  if (k === 1) return [three[1] ?? '#000000'];
  if (k === 2) return [three[0] ?? '#000000', three[2] ?? '#000000'];
  const nine = tables[9] ?? [];
  return Array.from({ length: k }, (_, i) => sampleRamp(nine, i / (k - 1)));
}

/** The colour at `position` (0–1) along a ramp of stops, linearly interpolated in RGB. */
export function sampleRamp(stops: readonly string[], position: number): string {
  const last = stops.length - 1;
  if (last < 0) throw new RangeError('a ramp needs at least one colour');
  const x = Math.min(1, Math.max(0, Number.isFinite(position) ? position : 0)) * last;
  const i = Math.min(Math.floor(x), last - 1);
  const from = stops[Math.max(i, 0)] ?? '#000000';
  const to = stops[Math.max(i + 1, 0)] ?? from;
  return mixHex(from, to, last === 0 ? 0 : x - i);
}

/** A diverging colour for t in [−1, 1]: −1 deep blue, 0 the neutral #f7f7f7, 1 deep red. */
export function divergingColor(t: number): string {
  return sampleRamp(DIVERGING_RDBU, (t + 1) / 2);
}

function mixHex(a: string, b: string, f: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  const mixed = pa.map((c, i) => Math.round(c + ((pb[i] ?? c) - c) * f));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
