import type { Padding } from './projection';

/**
 * Where a framed area goes: clear of what floats over the map (the controls along the top, the
 * legend at the bottom left, the time bar). The same rules as the live map's (atlas-map.ts),
 * as pure functions of the sizes, with the DOM measured in one place.
 */

const FRAME_PADDING_PX = 40;
/** Room kept for the controls along the top when they float over the map. */
const CONTROLS_HEIGHT_PX = 56;
/** The legend's width before it has been drawn. */
const LEGEND_WIDTH_PX = 250;
/** A map less tall than this (a phone's) frames areas without keeping clear of the legend. */
const SMALL_MAP_PX = 420;

/** The sizes, in CSS pixels, that decide the padding. */
export interface FrameLayout {
  width: number;
  height: number;
  /** The controls' height when they float over the map; null when they sit outside it. */
  controlsHeight: number | null;
  /** The time bar's height when it floats over the map; null when it sits outside it (or has none). */
  timeBarHeight: number | null;
  /** The legend's size; null before there is one. */
  legend: { width: number; height: number } | null;
}

/** Padding that keeps a framed area clear of the controls, the time bar and the legend. */
export function framePadding(layout: FrameLayout): Padding {
  const margin = FRAME_PADDING_PX / 2;
  const { width, height } = layout;
  const top = layout.controlsHeight !== null ? Math.max(CONTROLS_HEIGHT_PX, layout.controlsHeight + margin) : margin;
  const legendWidth = layout.legend?.width ?? LEGEND_WIDTH_PX;
  const legendHeight = layout.legend?.height ?? 0;
  const timeHeight = layout.timeBarHeight ? layout.timeBarHeight + margin : margin;
  // A phone's small map: the area takes the whole map and the (folded) legend sits over its corner.
  if (height < SMALL_MAP_PX) return { top, bottom: timeHeight, left: margin, right: margin };
  if (width - legendWidth > width * 0.55) return { top, bottom: timeHeight, left: legendWidth + margin, right: margin * 2 };
  // Too narrow to sit beside the legend: keep clear of its height, if that leaves room to draw.
  const bottom = height - top - legendHeight > height * 0.35 ? Math.max(legendHeight + margin, timeHeight) : timeHeight;
  return { top, bottom, left: margin, right: margin };
}

/** Padding that keeps an area beside a legend of this size in the bottom-left corner of a box (or above it, in a narrow box): for print. */
export function paddingBeside(width: number, height: number, legend: { width: number; height: number } | null): Padding {
  const margin = FRAME_PADDING_PX / 2;
  if (!legend) return { top: margin, bottom: margin, left: margin, right: margin };
  if (width - legend.width > width * 0.55) return { top: margin, bottom: margin, left: legend.width + margin, right: margin };
  const bottom = height - legend.height > height * 0.5 ? legend.height + margin : margin;
  return { top: margin, bottom, left: margin, right: margin };
}

/** The sizes around a map container as the page lays them out now. */
export function measureFrameLayout(container: HTMLElement): FrameLayout {
  // The controls and the time bar count only where they float over the map (on a phone they sit above and below it).
  const over = (el: HTMLElement | null | undefined): HTMLElement | null => (el && getComputedStyle(el).position === 'absolute' ? el : null);
  const controls = over(container.parentElement?.querySelector<HTMLElement>('.controls-slot'));
  const timeBar = over(container.parentElement?.querySelector<HTMLElement>('.time-slot'));
  const legend = container.querySelector<HTMLElement>('.legend');
  return {
    width: container.clientWidth,
    height: container.clientHeight,
    controlsHeight: controls ? controls.offsetHeight : null,
    timeBarHeight: timeBar ? timeBar.offsetHeight : null,
    legend: legend ? { width: legend.offsetWidth, height: legend.offsetHeight } : null,
  };
}
