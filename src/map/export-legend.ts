/**
 * The PNG export's legend (export-png.ts): a box at the bottom left of the map drawn from the same
 * ColorScale as the map, with its heading, method, classes high → low, no data (hatched as the map
 * hatches it) and notes.
 */
import type { ColorScale } from '../domain/color-scale';
import { NO_DATA_HATCH } from '../domain/palettes';
import { t, type Lang } from '../i18n';
import { INK, MUTED, PAD, PANEL, RULE, font, wrap } from './export-typography';

/** What the legend shows: the scale, what it colours, notes under the classes, in which language. */
export interface ExportLegend {
  legend: ColorScale;
  legendSubject: string;
  legendNotes?: readonly string[];
  lang: Lang;
}

interface LegendRow {
  colour: string | null;
  label: string;
  count: string;
}

/** The legend box at the bottom left, above the footer: heading, method, classes high → low, no data. */
export function drawLegend(ctx: CanvasRenderingContext2D, width: number, top: number, bottom: number, c: ExportLegend): void {
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
