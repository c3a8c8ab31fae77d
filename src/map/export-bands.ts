/**
 * The PNG export's bands outside the map (export-png.ts): the title band above it and the footer
 * below (the data date and the sources), so they never hide what the map frames.
 */
import { fillText, type Lang } from '../i18n';
import { INK, MUTED, PAD, PANEL, ellipsize, font, rule, wrap } from './export-typography';

/** Height of the title band above the map, in CSS pixels. */
export const EXPORT_TITLE_HEIGHT_PX = PAD + 24 + 4 + 18 + PAD - 4;
const FOOTER_FONT_PX = 11;
const FOOTER_LINE_PX = 15;

/** The title band across the top, EXPORT_TITLE_HEIGHT_PX high: the title over the subtitle, each cut to the width. */
export function drawTitle(ctx: CanvasRenderingContext2D, width: number, c: { title: string; subtitle: string }): void {
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
export function footerLines(ctx: CanvasRenderingContext2D, width: number, c: { dataDate: string; note: string; lang: Lang }): string[] {
  ctx.font = font(FOOTER_FONT_PX);
  const text = fillText(c.lang, 'dataDateOf', { date: c.dataDate });
  // The page's source line may already begin with the data date: say it once.
  const hasDate = c.dataDate.length > 0 && c.note.includes(c.dataDate);
  return [...(hasDate ? [] : [text]), ...wrap(ctx, c.note, width - PAD * 2)].filter((l) => l.length > 0);
}

/** The footer band's height for these lines, in CSS pixels. */
export function footerHeight(lines: readonly string[]): number {
  return lines.length * FOOTER_LINE_PX + 10;
}

/** The footer band from `top` down. */
export function drawFooter(ctx: CanvasRenderingContext2D, width: number, top: number, lines: readonly string[]): void {
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, top, width, footerHeight(lines));
  rule(ctx, 0, top, width);
  ctx.fillStyle = MUTED;
  ctx.font = font(FOOTER_FONT_PX);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  lines.forEach((line, i) => ctx.fillText(line, PAD, top + 5 + (i + 1) * FOOTER_LINE_PX - 4));
}
