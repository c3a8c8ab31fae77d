/**
 * Export of the current map view as a PNG: a title band, the map as drawn with the legend (drawn
 * from the same ColorScale as the map), a scale bar and a north arrow, and a footer with the data
 * date and the source / 示例数据 note. The image is the map's CSS width × scale wide.
 *
 * This module is the plumbing: it has the map draw itself at the export's resolution, reads it,
 * lays the parts out on a canvas and encodes the PNG. The parts are drawn by export-bands.ts (title
 * and footer), export-map-marks.ts (north arrow, scale bar) and export-legend.ts, in the type and
 * colours of export-typography.ts.
 */
import type { MapImage } from '../domain/export-layout';
import type { MapEngine } from './map-engine';
import type { ColorScale } from '../domain/color-scale';
import { scaleBarFor } from '../domain/export-layout';
import type { Lang } from '../i18n';
import { EXPORT_TITLE_HEIGHT_PX, drawFooter, drawTitle, footerHeight, footerLines } from './export-bands';
import { drawLegend } from './export-legend';
import { drawNorthArrow, drawScaleBar } from './export-map-marks';
import { PAD } from './export-typography';

export { exportFileName } from '../domain/export-layout';
export { EXPORT_TITLE_HEIGHT_PX } from './export-bands';

export interface ExportContent {
  /** e.g. the atlas title, 十个到村到户工作图. */
  title: string;
  /** Area · indicator · month, e.g. 竹溪县 · 产业覆盖率 · 2016年5月. */
  subtitle: string;
  /** The scale the map is coloured with; the legend is drawn from it. */
  legend: ColorScale;
  /** What the colours are drawn on, e.g. 竹溪县各乡镇. */
  legendSubject: string;
  /** Extra legend lines under the classes, e.g. the lag flag's explanation. */
  legendNotes?: readonly string[];
  /** e.g. 2016-12 or 2016年12月. */
  dataDate: string;
  /** Sources and, for the sample, 示例数据 … 示意边界. */
  note: string;
  lang: Lang;
}

/** How long to wait for the map to settle after a pixel-ratio change before drawing anyway. */
const IDLE_TIMEOUT_MS = 15_000;

/**
 * Renders the current view to a PNG: the title band above the map, the map at its CSS size with the
 * legend, north arrow and scale bar over it where the screen has its own, and the footer below, all
 * × `scale`. For scale 2 the map is redrawn at twice the resolution (when the screen's is lower),
 * read, and put back as it was. The bands sit outside the map so they never hide what it frames.
 */
export async function exportMapPng(view: MapEngine, content: ExportContent, scale: 1 | 2): Promise<Blob> {
  await document.fonts.ready;
  const captured = await captureMap(view, scale);
  const width = captured.cssWidth;
  const height = captured.cssHeight;
  if (width === 0 || height === 0) throw new Error('the map has no size (is it hidden?)');
  const mapImage = await loadImage(captured.src);

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const footer = footerLines(ctx, width, content);
  const mapTop = EXPORT_TITLE_HEIGHT_PX;
  const mapBottom = mapTop + height;
  const total = mapBottom + footerHeight(footer);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(total * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, total);
  ctx.drawImage(mapImage, 0, mapTop, width, height);

  drawTitle(ctx, width, content);
  drawFooter(ctx, width, mapBottom, footer);
  drawNorthArrow(ctx, width - PAD - 14, mapTop + PAD);
  drawScaleBar(ctx, width, mapBottom, scaleBarFor(captured.zoom, captured.latitude, width));
  drawLegend(ctx, width, mapTop, mapBottom, content);
  return toPng(canvas);
}

/** The map as drawn at (at least) `scale` device pixels per CSS pixel, with the camera its scale bar needs. */
async function captureMap(view: MapEngine, scale: 1 | 2): Promise<MapImage> {
  if ((globalThis.devicePixelRatio || 1) >= scale) {
    await whenIdle(view);
    return view.image();
  }
  try {
    view.setPixelRatio(scale);
    await whenIdle(view);
    return view.image();
  } finally {
    view.setPixelRatio(null);
    await whenIdle(view);
  }
}

/** Resolves once the map has drawn what it was given, or after a timeout. */
function whenIdle(view: MapEngine): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, IDLE_TIMEOUT_MS);
    void view.whenIdle().then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A PNG data URL as an image to draw on the canvas. */
function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the map image could not be read'));
    img.src = src;
  });
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png');
  });
}
