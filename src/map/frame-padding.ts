import type { BBox } from '../contract/site';

/**
 * Where a framed area goes: clear of everything that floats over the map (the controls along the
 * top, the time bar, the legend, the zoom buttons, the scale bar), on both map engines. The page
 * is measured in one place (measureFrame), the choice is a pure function of boxes (clearPadding).
 */

/** Padding in CSS pixels from each edge of the map. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A box in CSS pixels (a DOMRect's edges). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The map's box and the boxes of what floats over it, as the page lays them out now. */
export interface FrameLayout {
  map: Box;
  overlays: Box[];
}

/** Room kept between the area and the map's edge or an overlay. */
export const FRAME_MARGIN_PX = 20;
/** An overlay that the area may be drawn under costs this factor of its size (the legend on a phone, folded into a strip). */
const UNDER_OVERLAY_FACTOR = 0.55;
/** What drawing the area off the map's centre costs, per share of the map's size it is moved. */
const OFF_CENTRE_COST = 0.5;
/** More overlays than this are taken the largest first; the rest are kept clear of as one box each side. */
const MAX_OVERLAYS = 7;

type Side = keyof Padding;
const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/**
 * The padding that draws an area of this shape (`aspect`: its width over its height on the map)
 * largest while keeping it clear of every overlay: each overlay is kept clear of by one of the four
 * edges (the area below it, above it, right or left of it), or, where keeping clear would leave
 * the area much smaller, drawn over (a cost per overlay, so that is the last resort). All
 * combinations are tried (at most 5^7); the largest drawing wins, ties to fewer overlaps.
 */
export function clearPadding(layout: FrameLayout, aspect: number, margin = FRAME_MARGIN_PX): Padding {
  const { map } = layout;
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  if (!(width > 0 && height > 0)) return { top: margin, bottom: margin, left: margin, right: margin };
  const overlays = layout.overlays
    .map((o) => clip(o, map))
    .filter((o): o is Box => o !== null)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_OVERLAYS);
  // What keeping clear of each overlay by each edge costs that edge, from the map's own edge.
  const needs = overlays.map((o) => ({ top: o.bottom - map.top, bottom: map.bottom - o.top, left: o.right - map.left, right: map.right - o.left }));
  const shape = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  let best: { padding: Padding; score: number } | null = null;
  const choice = new Array<number>(needs.length).fill(0);
  for (;;) {
    const padding: Padding = { top: 0, bottom: 0, left: 0, right: 0 };
    let under = 0;
    needs.forEach((need, i) => {
      const c = choice[i] ?? 0;
      if (c === 4) under++;
      else {
        const side = SIDES[c] as Side;
        padding[side] = Math.max(padding[side], need[side]);
      }
    });
    // Off-centre costs too: an area squeezed into a far corner beside an overlay reads worse than a slightly smaller one in the middle.
    const dx = Math.abs(padding.left - padding.right) / 2 / width;
    const dy = Math.abs(padding.top - padding.bottom) / 2 / height;
    const score = drawnSize(width, height, padding, shape, margin) * UNDER_OVERLAY_FACTOR ** under * (1 - OFF_CENTRE_COST * (dx + dy));
    if (!best || score > best.score + 1e-9) best = { padding, score };
    // The next combination (a counter in base 5).
    let i = 0;
    while (i < choice.length && choice[i] === 4) choice[i++] = 0;
    if (i === choice.length) break;
    choice[i] = (choice[i] ?? 0) + 1;
  }
  const p = best?.padding ?? { top: 0, bottom: 0, left: 0, right: 0 };
  return { top: p.top + margin, bottom: p.bottom + margin, left: p.left + margin, right: p.right + margin };
}

/** The drawn height of an area of `aspect` fitted inside the map less this padding (0 when no room is left). */
function drawnSize(width: number, height: number, padding: Padding, aspect: number, margin: number): number {
  const w = width - padding.left - padding.right - 2 * margin;
  const h = height - padding.top - padding.bottom - 2 * margin;
  if (w <= 0 || h <= 0) return 0;
  return Math.min(h, w / aspect);
}

/** The part of `box` over the map, or null when it is not over it. */
function clip(box: Box, map: Box): Box | null {
  const c = { left: Math.max(box.left, map.left), top: Math.max(box.top, map.top), right: Math.min(box.right, map.right), bottom: Math.min(box.bottom, map.bottom) };
  return c.right - c.left > 0.5 && c.bottom - c.top > 0.5 ? c : null;
}

function area(b: Box): number {
  return (b.right - b.left) * (b.bottom - b.top);
}

/** A bounding box's width over its height as Web Mercator draws it (both engines draw in it). */
export function mercatorAspect(bbox: BBox): number {
  const [w, s, e, n] = bbox;
  const y = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
  const dy = ((y(n) - y(s)) * 180) / Math.PI;
  return dy > 0 ? (e - w) / dy : 1;
}

/** What floats over a map: its own widgets (legend, zoom, scale) and the page's (controls, time bar, the phone's sheet). */
const OVERLAY_SELECTOR = ['.legend', '.maplibregl-ctrl-group', '.maplibregl-ctrl-scale', '.maplibregl-ctrl-attrib'].join(', ');
const PAGE_OVERLAY_IDS = ['controls-slot', 'time-slot', 'panel'];

/** The map's box and every visible overlay's, as laid out now (those beside the map are cut away by clearPadding). */
export function measureFrame(container: HTMLElement): FrameLayout {
  const boxes: Box[] = [];
  const add = (el: Element | null): void => {
    if (!el || (el instanceof HTMLElement && (el.hidden || el.offsetParent === null && getComputedStyle(el).position !== 'fixed'))) return;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  };
  for (const el of container.querySelectorAll(OVERLAY_SELECTOR)) add(el);
  // The page's own: their children (the controls wrap; the slot itself may be wider than what it holds).
  for (const id of PAGE_OVERLAY_IDS) {
    const el = document.getElementById(id);
    if (!el) continue;
    if (id === 'panel') add(el);
    else for (const child of el.children) add(child);
  }
  const r = container.getBoundingClientRect();
  return { map: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, overlays: boxes };
}

/** Padding that keeps an area beside a legend of this size in the bottom-left corner of a box (or above it, in a narrow box): for print. */
export function paddingBeside(width: number, height: number, legend: { width: number; height: number } | null): Padding {
  const margin = FRAME_MARGIN_PX;
  if (!legend) return { top: margin, bottom: margin, left: margin, right: margin };
  if (width - legend.width > width * 0.55) return { top: margin, bottom: margin, left: legend.width + margin, right: margin };
  const bottom = height - legend.height > height * 0.5 ? legend.height + margin : margin;
  return { top: margin, bottom, left: margin, right: margin };
}
