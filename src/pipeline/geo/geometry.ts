import { booleanPointInPolygon, kinks, rewind } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Boundaries in one canonical form, whatever the surveying bureau's tool wrote: rings wound as
 * RFC 7946 says (outer counterclockwise, holes clockwise; older GeoJSON had no rule, so this is
 * not reported), no vertex repeated in a row, and a MultiPolygon of one part written as a Polygon.
 * The same area then builds to the same site data however it was saved.
 */
export function canonicalArea<G extends Polygon | MultiPolygon>(g: G): Polygon | MultiPolygon {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const cleaned = parts.map((rings) => rings.map(withoutRepeats));
  const shaped: Polygon | MultiPolygon = cleaned.length === 1 && g.type === 'MultiPolygon' ? { type: 'Polygon', coordinates: cleaned[0]! } : g.type === 'Polygon' ? { type: 'Polygon', coordinates: cleaned[0]! } : { type: 'MultiPolygon', coordinates: cleaned };
  return rewind(shaped, { mutate: true }) as Polygon | MultiPolygon;
}

/** The county outline in the same form, kept a MultiPolygon. */
export function canonicalOutline(g: MultiPolygon): MultiPolygon {
  const area = canonicalArea(g);
  return area.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [area.coordinates] } : area;
}

function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

/** What the library said when it could not check a boundary (its first line, at most this long). */
const UNCHECKED_REASON_CHARS = 200;

/**
 * How many points an area's rings cross themselves or each other at (a boundary to fix at its
 * source); when the geometry library throws on it, why, and not 0: a boundary that could not be
 * checked must not pass as clean (the build says so).
 */
export function selfIntersections(g: Polygon | MultiPolygon): number | { uncheckedBecause: string } {
  try {
    return kinks(g).features.length;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, UNCHECKED_REASON_CHARS);
    return { uncheckedBecause: reason };
  }
}

/** Cells along each side of an AreaIndex's grid. */
const GRID_CELLS = 256;

/**
 * "Is this point inside (or on the boundary of) any of these areas?" asked a million times: the
 * same answer as turf's booleanPointInPolygon tried on each area, found in constant time for
 * most points. A grid over the areas' extent marks every cell that an edge could touch (with its
 * neighbours, so rounding at a cell's border cannot matter); in any other cell every point has the
 * answer of the cell's centre, found once. A point in a marked cell is tested as before, against
 * only the areas whose extent reaches the cell.
 */
export class AreaIndex {
  private readonly minX: number;
  private readonly minY: number;
  private readonly maxX: number;
  private readonly maxY: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly n: number;
  /** Per cell: the areas whose extent reaches it (dilated), or null when no edge comes near it. */
  private readonly near: (number[] | null)[];
  /** Per unmarked cell: 0 not yet known, 1 inside, 2 outside. */
  private readonly answer: Uint8Array;
  private readonly boxes: BBox4[];

  constructor(private readonly areas: readonly (Polygon | MultiPolygon)[]) {
    this.boxes = areas.map(extent);
    const all = this.boxes.filter((b) => b[0] <= b[2]);
    this.minX = Math.min(...all.map((b) => b[0]));
    this.minY = Math.min(...all.map((b) => b[1]));
    this.maxX = Math.max(...all.map((b) => b[2]));
    this.maxY = Math.max(...all.map((b) => b[3]));
    const isGrid = all.length > 0 && this.maxX > this.minX && this.maxY > this.minY;
    this.n = isGrid ? GRID_CELLS : 1;
    this.cellW = isGrid ? (this.maxX - this.minX) / this.n : 1;
    this.cellH = isGrid ? (this.maxY - this.minY) / this.n : 1;
    this.near = new Array<number[] | null>(this.n * this.n).fill(null);
    this.answer = new Uint8Array(this.n * this.n);
    const marked = new Uint8Array(this.n * this.n);
    if (!isGrid) {
      marked.fill(1);
    } else {
      for (const g of areas) {
        for (const ring of rings(g)) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const a = ring[i]!;
            const b = ring[i + 1]!;
            this.mark(marked, Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
          }
        }
      }
    }
    // Areas by the (dilated) cells of their extent, for the marked cells.
    this.boxes.forEach((b, k) => {
      if (b[0] > b[2]) return;
      const [c0, r0, c1, r1] = this.cellRange(b[0], b[1], b[2], b[3]);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const at = r * this.n + c;
          if (!marked[at]) continue;
          (this.near[at] ??= []).push(k);
        }
      }
    });
    for (let at = 0; at < marked.length; at++) if (marked[at] && !this.near[at]) this.near[at] = [];
  }

  /** Cells [col0, row0, col1, row1] a box reaches, widened by one cell on every side. */
  private cellRange(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
    const n = this.n;
    const clamp = (v: number): number => Math.max(0, Math.min(n - 1, v));
    return [clamp(Math.floor((x0 - this.minX) / this.cellW) - 1), clamp(Math.floor((y0 - this.minY) / this.cellH) - 1), clamp(Math.floor((x1 - this.minX) / this.cellW) + 1), clamp(Math.floor((y1 - this.minY) / this.cellH) + 1)];
  }

  private mark(marked: Uint8Array, x0: number, y0: number, x1: number, y1: number): void {
    const [c0, r0, c1, r1] = this.cellRange(x0, y0, x1, y1);
    for (let r = r0; r <= r1; r++) marked.fill(1, r * this.n + c0, r * this.n + c1 + 1);
  }

  /** True when `p` is inside or on the boundary of one of the areas. */
  contains(p: readonly number[]): boolean {
    const x = p[0]!;
    const y = p[1]!;
    if (!(x >= this.minX && x <= this.maxX && y >= this.minY && y <= this.maxY)) return false;
    const n = this.n;
    const c = Math.max(0, Math.min(n - 1, Math.floor((x - this.minX) / this.cellW)));
    const r = Math.max(0, Math.min(n - 1, Math.floor((y - this.minY) / this.cellH)));
    const at = r * n + c;
    const near = this.near[at];
    if (near) return near.some((k) => this.test(k, x, y));
    if (this.answer[at] === 0) {
      const cx = this.minX + (c + 0.5) * this.cellW;
      const cy = this.minY + (r + 0.5) * this.cellH;
      this.answer[at] = this.areas.some((_, k) => this.test(k, cx, cy)) ? 1 : 2;
    }
    return this.answer[at] === 1;
  }

  private test(k: number, x: number, y: number): boolean {
    const b = this.boxes[k]!;
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
    return booleanPointInPolygon([x, y], this.areas[k]!);
  }
}

type BBox4 = [number, number, number, number];

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** [minX, minY, maxX, maxY] of an area's positions ([Infinity, …] when it has none). */
function extent(g: Polygon | MultiPolygon): BBox4 {
  const b: BBox4 = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings(g)) {
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}
