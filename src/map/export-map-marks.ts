/**
 * What the PNG export draws over the map (export-png.ts), where the screen has its own: a north
 * arrow at the top right and a scale bar at the bottom right.
 */
import { INK, PAD, PANEL, font } from './export-typography';

/** A north arrow (the atlas never rotates the map, so north is up). */
export function drawNorthArrow(ctx: CanvasRenderingContext2D, cx: number, top: number): void {
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
export function drawScaleBar(ctx: CanvasRenderingContext2D, width: number, bottom: number, bar: { px: number; label: string }): void {
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
