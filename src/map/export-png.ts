/**
 * Export of the current map view as a PNG: a title band, the map as drawn with the legend (drawn
 * from the same ColorScale as the map), a scale bar and a north arrow, and a footer with the data
 * date and the source / 示例数据 note. The image is the map's CSS width × scale wide.
 */
import type { MapImage } from '../domain/export-layout';
import type { MapEngine } from './map-engine';
import type { ColorScale } from '../domain/color-scale';
import { scaleBarFor } from '../domain/export-layout';
import { NO_DATA_HATCH } from '../domain/palettes';
import { fillText, t, type Lang } from '../i18n';

export { exportFileName } from '../domain/export-layout';

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

/** The page's CJK font stack (app.css), so the image reads like the page. */
const FONT_STACK = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const INK = '#1a1a1a';
const MUTED = '#555555';
const PANEL = 'rgba(255, 255, 255, 0.92)';
const RULE = '#c8c8c8';
const PAD = 12;
/** How long to wait for the map to settle after a pixel-ratio change before drawing anyway. */
const IDLE_TIMEOUT_MS = 15_000;

/** Height of the title band above the map, in CSS pixels. */
export const EXPORT_TITLE_HEIGHT_PX = PAD + 24 + 4 + 18 + PAD - 4;
const FOOTER_FONT_PX = 11;
const FOOTER_LINE_PX = 15;

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
  const total = mapBottom + footer.length * FOOTER_LINE_PX + 10;
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

function font(px: number, isBold = false): string {
  return `${isBold ? 'bold ' : ''}${px}px ${FONT_STACK}`;
}

/** The title band across the top, EXPORT_TITLE_HEIGHT_PX high. */
function drawTitle(ctx: CanvasRenderingContext2D, width: number, c: ExportContent): void {
  const maxWidth = width - PAD * 2;
  ctx.font = font(20, true);
  const title = ellipsize(ctx, c.title, maxWidth);
  ctx.font = font(14);
  const subtitle = ellipsize(ctx, c.subtitle, maxWidth);
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, 0, width, EXPORT_TITLE_HEIGHT_PX);
  rule(ctx, 0, EXPORT_TITLE_HEIGHT_PX, width);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = INK;
  ctx.font = font(20, true);
  ctx.fillText(title, PAD, PAD + 20);
  ctx.fillStyle = MUTED;
  ctx.font = font(14);
  ctx.fillText(subtitle, PAD, PAD + 24 + 4 + 14);
}

/** The footer's lines: the data date (unless the note already says it), then the note, wrapped. */
function footerLines(ctx: CanvasRenderingContext2D, width: number, c: ExportContent): string[] {
  ctx.font = font(FOOTER_FONT_PX);
  const text = fillText(c.lang, 'dataDateOf', { date: c.dataDate });
  // The page's source line may already begin with the data date: say it once.
  const hasDate = c.dataDate.length > 0 && c.note.includes(c.dataDate);
  return [...(hasDate ? [] : [text]), ...wrap(ctx, c.note, width - PAD * 2)].filter((l) => l.length > 0);
}

/** The footer band from `top` down. */
function drawFooter(ctx: CanvasRenderingContext2D, width: number, top: number, lines: readonly string[]): void {
  const bandHeight = lines.length * FOOTER_LINE_PX + 10;
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, top, width, bandHeight);
  rule(ctx, 0, top, width);
  ctx.fillStyle = MUTED;
  ctx.font = font(FOOTER_FONT_PX);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  lines.forEach((line, i) => ctx.fillText(line, PAD, top + 5 + (i + 1) * FOOTER_LINE_PX - 4));
}

function rule(ctx: CanvasRenderingContext2D, x: number, y: number, width: number): void {
  ctx.fillStyle = RULE;
  ctx.fillRect(x, y - 0.5, width, 1);
}

/** A north arrow (the atlas never rotates the map, so north is up). */
function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, top: number): void {
  const h = 30;
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.beginPath();
  ctx.arc(cx, top + h / 2 + 4, 18, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.font = font(11, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText('N', cx, top + 1);
  const y0 = top + 13;
  ctx.beginPath();
  ctx.moveTo(cx, y0);
  ctx.lineTo(cx + 6, y0 + 18);
  ctx.lineTo(cx, y0 + 14);
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx, y0);
  ctx.lineTo(cx - 6, y0 + 18);
  ctx.lineTo(cx, y0 + 14);
  ctx.closePath();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.restore();
}

/** A two-segment bar at the bottom right, above the footer, labelled 0 and its length in km. */
function drawScaleBar(ctx: CanvasRenderingContext2D, width: number, bottom: number, bar: { px: number; label: string }): void {
  const barHeight = 6;
  ctx.font = font(12);
  const labelWidth = ctx.measureText(bar.label).width;
  const right = width - PAD - labelWidth / 2;
  const left = right - bar.px;
  const y = bottom - PAD - barHeight;
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.fillRect(left - 10, y - 22, bar.px + labelWidth / 2 + 20 + 6, barHeight + 22 + 8);
  const half = bar.px / 2;
  ctx.fillStyle = INK;
  ctx.fillRect(left, y, half, barHeight);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(left + half, y, half, barHeight);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.strokeRect(left, y, bar.px, barHeight);
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('0', left, y - 5);
  ctx.fillText(bar.label, right, y - 5);
  ctx.restore();
}

interface LegendRow {
  colour: string | null;
  label: string;
  count: string;
}

/** The legend box at the bottom left, above the footer: heading, method, classes high → low, no data. */
function drawLegend(ctx: CanvasRenderingContext2D, width: number, top: number, bottom: number, c: ExportContent): void {
  const { legend: scale, lang } = c;
  const colon = t(lang, 'colon');
  const maxWidth = Math.min(300, Math.max(160, width * 0.4));
  const inner = maxWidth - PAD * 2;
  const swatchW = 22;
  const swatchH = 14;
  const rowHeight = 20;
  const rows: LegendRow[] = [...scale.bins].reverse().map((b) => ({ colour: b.color, label: b.label, count: `(${b.count})` }));
  rows.push({ colour: null, label: scale.noData.label, count: `(${scale.noData.count})` });

  ctx.font = font(14, true);
  const heading = wrap(ctx, `${c.legendSubject}${colon}${scale.title}`, inner);
  ctx.font = font(12);
  const method = wrap(ctx, `${t(lang, 'classification')}${colon}${scale.methodLabel}`, inner);
  const notes = (c.legendNotes ?? []).flatMap((n) => wrap(ctx, n, inner));
  // Shrink the box to its content.
  let contentWidth = 0;
  ctx.font = font(14, true);
  for (const l of heading) contentWidth = Math.max(contentWidth, ctx.measureText(l).width);
  ctx.font = font(12);
  for (const l of [...method, ...notes]) contentWidth = Math.max(contentWidth, ctx.measureText(l).width);
  for (const r of rows) contentWidth = Math.max(contentWidth, swatchW + 8 + ctx.measureText(`${r.label}  ${r.count}`).width);
  const boxWidth = Math.min(maxWidth, contentWidth + PAD * 2);
  const boxHeight = PAD + heading.length * 19 + 2 + method.length * 16 + 6 + rows.length * rowHeight + notes.length * 16 + PAD - 4;
  const x = PAD;
  const y = Math.max(top + PAD, bottom - PAD - boxHeight);

  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.strokeStyle = RULE;
  ctx.lineWidth = 1;
  ctx.fillRect(x, y, boxWidth, boxHeight);
  ctx.strokeRect(x + 0.5, y + 0.5, boxWidth - 1, boxHeight - 1);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  let cy = y + PAD;
  ctx.fillStyle = INK;
  ctx.font = font(14, true);
  for (const l of heading) {
    cy += 19;
    ctx.fillText(l, x + PAD, cy - 4);
  }
  cy += 2;
  ctx.fillStyle = MUTED;
  ctx.font = font(12);
  for (const l of method) {
    cy += 16;
    ctx.fillText(l, x + PAD, cy - 3);
  }
  cy += 6;
  for (const r of rows) {
    const sy = cy + (rowHeight - swatchH) / 2;
    if (r.colour === null) hatch(ctx, x + PAD, sy, swatchW, swatchH);
    else {
      ctx.fillStyle = r.colour;
      ctx.fillRect(x + PAD, sy, swatchW, swatchH);
    }
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
    ctx.strokeRect(x + PAD + 0.5, sy + 0.5, swatchW - 1, swatchH - 1);
    ctx.font = font(12);
    ctx.fillStyle = INK;
    const lx = x + PAD + swatchW + 8;
    ctx.fillText(r.label, lx, cy + rowHeight - 6);
    ctx.fillStyle = MUTED;
    ctx.fillText(r.count, lx + ctx.measureText(`${r.label}  `).width, cy + rowHeight - 6);
    cy += rowHeight;
  }
  ctx.fillStyle = MUTED;
  for (const l of notes) {
    cy += 16;
    ctx.fillText(l, x + PAD, cy - 3);
  }
  ctx.restore();
}

/** The no-data swatch as the map draws it: diagonal lines over the no-data grey. */
function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = NO_DATA_HATCH.background;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = NO_DATA_HATCH.stroke;
  ctx.lineWidth = NO_DATA_HATCH.strokeWidthPx * 0.75;
  const step = NO_DATA_HATCH.spacingPx * 0.75;
  ctx.beginPath();
  for (let d = -h; d < w + h; d += step) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = text;
  while (s.length > 0 && ctx.measureText(`${s}…`).width > maxWidth) s = s.slice(0, -1);
  return `${s}…`;
}

/** Characters after which a line may break: spaces, CJK characters and CJK punctuation. */
const BREAK_AFTER = /[\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Punctuation that may not start a line: it overhangs the line before instead. */
const NO_LINE_START = /[，。；：、）”’！？,.;:)]/;

/**
 * Greedy line breaking for mixed Chinese and Latin text: a line may break after a space or any CJK
 * character or punctuation (as a last resort anywhere), closing punctuation never starts a line,
 * and no line starts or ends with a space.
 */
export function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  const lastBreakIn = (s: string): number => {
    const chars = [...s];
    for (let i = chars.length - 1; i > 0; i--) if (BREAK_AFTER.test(chars[i - 1] ?? '')) return chars.slice(0, i).join('').length;
    return -1;
  };
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      const next = line + ch;
      if (line.length === 0 || NO_LINE_START.test(ch) || ctx.measureText(next).width <= maxWidth) {
        line = next;
        continue;
      }
      const at = BREAK_AFTER.test(line.slice(-1)) ? line.length : lastBreakIn(line);
      if (at > 0) {
        lines.push(line.slice(0, at).trimEnd());
        line = (line.slice(at) + ch).trimStart();
      } else {
        lines.push(line.trimEnd());
        line = ch.trimStart();
      }
    }
    if (line.trim().length > 0) lines.push(line.trim());
  }
  return lines;
}
