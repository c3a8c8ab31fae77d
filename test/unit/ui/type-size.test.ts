import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No text on screen smaller than 12 px at the browser's default size (0.75rem): the time bar's
 * month numbers, the phone's sources line and the panel's badges were 10.9–11.5 px. Printed
 * notices (notice.css, in points for paper) and `@media print` blocks are for paper, not screens.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const SMALLEST_REM = 0.75;

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? stylesheets(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []));
}

/** The stylesheet without its `@media print { … }` blocks (balanced braces). */
function withoutPrint(css: string): string {
  let out = '';
  let i = 0;
  for (const m of css.matchAll(/@media\s+print\s*\{/g)) {
    if (m.index < i) continue;
    out += css.slice(i, m.index);
    let depth = 0;
    let j = m.index + m[0].length - 1;
    for (; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out + css.slice(i);
}

/** Each `font-size` in px or rem below the smallest, as `file: value`. */
function tooSmall(file: string): string[] {
  const css = withoutPrint(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''));
  const out: string[] = [];
  for (const m of css.matchAll(/font-size:\s*([\d.]+)(rem|px)\b/g)) {
    const rem = m[2] === 'px' ? Number(m[1]) / 16 : Number(m[1]);
    if (rem < SMALLEST_REM) out.push(`${relative(ROOT, file)}: ${m[1]}${m[2]}`);
  }
  return out;
}

describe('type sizes on screen', () => {
  it('reads the print blocks out, and only them', () => {
    expect(withoutPrint('a { font-size: 1rem } @media print { b { font-size: 0.5rem } @page { x: 1 } } c { font-size: 0.6rem }')).toBe('a { font-size: 1rem }  c { font-size: 0.6rem }');
  });

  it('has no font size under 0.75rem (12 px) in the stylesheets for screens', () => {
    const files = stylesheets(join(ROOT, 'src')).filter((f) => !f.endsWith('notice.css'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(tooSmall)).toEqual([]);
  });
});
