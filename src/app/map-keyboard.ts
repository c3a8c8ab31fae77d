/**
 * The map by keyboard, on either engine: with the map focused (the live map's canvas, the
 * fallback's SVG), the arrow keys move between the areas in reading order (rows north to south,
 * each west to east: the towns, or the opened town's villages), the area is outlined on the map
 * and announced in a polite live region; Enter opens it; Escape goes up (the page's handler,
 * src/app/map-side.ts). The arrows are the areas', not the live map's panning: its + and − still zoom.
 */
import type { AreaRef, MapEngine, PlacedArea } from '../map/map-engine';

export interface MapKeyboardDeps {
  /** The map as it is now (the engine may change: a lost WebGL context brings the fallback). */
  engine(): MapEngine;
  /** What the live region says of an area: name, indicator, value and class, in the page's language. */
  describe(area: PlacedArea): string;
  /** Enter on an area: open it. */
  open(area: AreaRef): void;
  /** False while presenting: the arrows move the tour. */
  isOn(): boolean;
}

export interface MapKeyboard {
  /** The areas changed (a town opened or closed, the engine changed): the focus starts again. */
  reset(): void;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/** Listens on `container` (capturing, so the live map's own arrow handling never sees them) and announces in `liveRegion`. */
export function mountMapKeyboard(container: HTMLElement, liveRegion: HTMLElement, deps: MapKeyboardDeps): MapKeyboard {
  let index = -1;
  let areas: PlacedArea[] | null = null;
  const current = (): PlacedArea | null => (areas && index >= 0 ? (areas[index] ?? null) : null);
  const reset = (): void => {
    index = -1;
    areas = null;
    deps.engine().focusArea(null);
  };
  container.addEventListener(
    'keydown',
    (e) => {
      // Only the map's own surface: the legend's and the popup's buttons keep their keys.
      if (!(e.target instanceof Element) || !e.target.matches('canvas, svg')) return;
      if (!deps.isOn() || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const isNext = NEXT.has(e.key);
      if (isNext || PREVIOUS.has(e.key)) {
        e.preventDefault();
        e.stopPropagation();
        areas ??= deps.engine().areasInReadingOrder();
        if (areas.length === 0) return;
        index = index < 0 ? (isNext ? 0 : areas.length - 1) : (index + (isNext ? 1 : -1) + areas.length) % areas.length;
        const area = areas[index];
        if (!area) return;
        deps.engine().focusArea({ kind: area.kind, id: area.id });
        liveRegion.textContent = deps.describe(area);
      } else if (e.key === 'Enter') {
        const area = current();
        if (!area) return;
        e.preventDefault();
        e.stopPropagation();
        reset();
        deps.open({ kind: area.kind, id: area.id });
      }
    },
    { capture: true },
  );
  // Focus left the map: the outline goes with it.
  container.addEventListener('focusout', (e) => {
    if (!(e.relatedTarget instanceof Node && container.contains(e.relatedTarget))) reset();
  });
  return { reset };
}
