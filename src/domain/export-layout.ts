/** Pure parts of the PNG export and the printed map: the scale bar's length and the file name. */

/** Earth's equatorial circumference in metres (Web Mercator). */
const EARTH_CIRCUMFERENCE_M = 40075016.686;
/** MapLibre's tile size: zoom z spans 512 × 2^z CSS pixels around the equator. */
const TILE_SIZE_PX = 512;

/** Metres on the ground per CSS pixel at a zoom and latitude (Web Mercator). */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** The largest 1, 2 or 5 × 10^n not above `x` (x > 0). */
export function roundDown125(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  // Rounding noise of log10/pow (e.g. 4.999999 for 5) must not drop a step.
  const step = m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1;
  return step * p;
}

/** The round length after a 1/2/5 × 10^n one: 1 → 2 → 5 → 10. */
function nextRound125(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x) + 1e-9);
  const m = Math.round(x / p);
  return (m === 1 ? 2 : m === 2 ? 5 : 10) * p;
}

export interface ScaleBar {
  /** The bar's length on the ground, in kilometres: 1, 2 or 5 × 10^n. */
  km: number;
  /** The bar's length in CSS pixels. */
  px: number;
  /** e.g. "5 km", "0.5 km". */
  label: string;
}

/**
 * A scale bar of a round length (1/2/5 × 10^n km) about `fraction` of a map `widthPx` CSS pixels
 * wide: the round length nearest the target by ratio.
 */
export function scaleBarFor(zoom: number, latitude: number, widthPx: number, fraction = 0.2): ScaleBar {
  const mpp = metresPerPixel(zoom, latitude);
  const targetKm = (widthPx * fraction * mpp) / 1000;
  const below = roundDown125(targetKm);
  const above = nextRound125(below);
  // Of the round lengths either side of the target, the nearer by ratio.
  const km = below > 0 && targetKm / below <= above / targetKm ? below : above;
  const clean = Number(km.toPrecision(3));
  return { km: clean, px: (clean * 1000) / mpp, label: `${formatKm(clean)} km` };
}

/** A map image as drawn: its CSS size and the camera it was drawn with. */
export interface MapImageView {
  cssWidth: number;
  cssHeight: number;
  zoom: number;
  latitude: number;
}

/** A map image (PNG data URL) with the size and camera it was drawn with, for its scale bar. */
export interface MapImage extends MapImageView {
  src: string;
}

/**
 * The scale bar for a map image printed into a box of `box` millimetres with object-fit: contain
 * (scaled to fill the box's width or its height, whichever comes first): a round length and its
 * printed width in millimetres.
 */
export function printedScaleBar(image: MapImageView, box: { width: number; height: number }): { label: string; km: number; widthMm: number } {
  const mmPerCssPx = Math.min(box.width / image.cssWidth, box.height / image.cssHeight);
  const bar = scaleBarFor(image.zoom, image.latitude, image.cssWidth);
  return { label: bar.label, km: bar.km, widthMm: bar.px * mmPerCssPx };
}

function formatKm(km: number): string {
  return km >= 1 ? String(Math.round(km)) : String(Number(km.toPrecision(1)));
}

/** `竹溪县-industry-2016-05@2x.png`; scale 1 has no suffix. Characters file systems refuse become "-". */
export function exportFileName(regionName: string, indicatorId: string, month: string, scale: 1 | 2): string {
  const safe = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${safe(regionName)}-${safe(indicatorId)}-${safe(month)}${scale === 2 ? '@2x' : ''}.png`;
}
