/**
 * The PNG export's typography (export-png.ts): the page's fonts, its ink and panel colours, the
 * padding, rules, and fitting text into a width (ellipsis, line breaking for Chinese and Latin).
 */

/** The page's CJK font stack (app.css), so the image reads like the page. */
const FONT_STACK = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const PANEL = 'rgba(255, 255, 255, 0.92)';
export const RULE = '#c8c8c8';
export const PAD = 12;

/** A canvas font of `px` pixels in the page's font stack. */
export function font(px: number, isBold = false): string {
  return `${isBold ? 'bold ' : ''}${px}px ${FONT_STACK}`;
}

/** A one-pixel rule across `width` at `y`. */
export function rule(ctx: CanvasRenderingContext2D, x: number, y: number, width: number): void {
  ctx.fillStyle = RULE;
  ctx.fillRect(x, y - 0.5, width, 1);
}

/** The text cut with … to fit `maxWidth` in the context's font. */
export function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
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
