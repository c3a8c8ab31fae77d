/** A word-sized line chart of one value over the months (Tufte's sparkline), as inline SVG. */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Radius of the dot at the highlighted month, in px; the line is inset by it so the dot never clips. */
const DOT_RADIUS_PX = 2.5;

/** A point in the sparkline's box: x right, y down, in px. */
export type SparkPoint = [x: number, y: number];

export interface SparklineOptions {
  width: number;
  height: number;
  /** The month to mark with a dot (e.g. the one the map shows). */
  highlightIndex?: number;
  /** What the line shows, for the accessible name: e.g. "村村有产业 2016年1月–2016年12月". */
  label: string;
  /** The value at the bottom of the box; the smallest value when absent. */
  min?: number;
  /** The value at the top of the box; the largest value when absent. */
  max?: number;
  /** A value as read out in the accessible name; one decimal when absent. */
  format?: (value: number) => string;
}

/**
 * Where each value sits in a `w` × `h` box, `min` at the bottom and `max` at the top (values
 * beyond them are clamped to the edge; a flat range sits mid-height); null for a missing value.
 * Values are spread evenly from x = 0 to x = w; a single value sits in the middle.
 */
export function sparkPoints(values: readonly (number | null)[], w: number, h: number, min: number, max: number): (SparkPoint | null)[] {
  const n = values.length;
  const span = max - min;
  return values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return null;
    const x = n === 1 ? w / 2 : (i / (n - 1)) * w;
    const t = span > 0 ? Math.min(1, Math.max(0, (v - min) / span)) : 0.5;
    return [x, h - t * h];
  });
}

/** The unbroken runs of points between gaps: one polyline each (a run of one is drawn as a dot). */
export function sparkRuns(points: readonly (SparkPoint | null)[]): SparkPoint[][] {
  const runs: SparkPoint[][] = [];
  let run: SparkPoint[] = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** An SVG sparkline (`role="img"`, named by the label and the first and last values); gaps for null. */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions): SVGSVGElement {
  const { width, height, label } = options;
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = options.min ?? (finite.length > 0 ? Math.min(...finite) : 0);
  const max = options.max ?? (finite.length > 0 ? Math.max(...finite) : 1);
  const format = options.format ?? ((v: number) => v.toFixed(1));
  const inset = DOT_RADIUS_PX + 0.5;
  const points = sparkPoints(values, width - 2 * inset, height - 2 * inset, min, max);

  const svg = svgEl('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', focusable: 'false' });
  const first = finite[0];
  const last = finite[finite.length - 1];
  const name = first === undefined || last === undefined ? label : `${label} ${format(first)} → ${format(last)}`;
  svg.setAttribute('aria-label', name);
  const title = svgEl('title', {});
  title.textContent = name;
  svg.append(title);

  const plot = svgEl('g', { transform: `translate(${inset} ${inset})` });
  plot.append(svgEl('line', { class: 'sparkline-base', stroke: '#cbd2d9', 'stroke-width': 1, x1: 0, y1: height - 2 * inset, x2: width - 2 * inset, y2: height - 2 * inset }));
  for (const run of sparkRuns(points)) {
    const [only] = run;
    if (run.length === 1 && only) plot.append(svgEl('circle', { class: 'sparkline-lone', fill: 'currentColor', cx: round(only[0]), cy: round(only[1]), r: 1.25 }));
    else plot.append(svgEl('polyline', { class: 'sparkline-line', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', points: run.map(([x, y]) => `${round(x)},${round(y)}`).join(' ') }));
  }
  const mark = options.highlightIndex === undefined ? null : points[options.highlightIndex];
  if (mark) plot.append(svgEl('circle', { class: 'sparkline-dot', fill: 'currentColor', stroke: '#fff', 'stroke-width': 1, cx: round(mark[0]), cy: round(mark[1]), r: DOT_RADIUS_PX }));
  svg.append(plot);
  return svg;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

/** Two decimals: enough for a crisp line, short attribute text. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
