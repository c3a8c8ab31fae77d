/** The chunks a built page loads before any dynamic import: its entry script and every chunk it imports statically, transitively. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Strings found only in each renderer's own code: MapLibre's class names, and luma.gl (deck.gl's WebGL layer). */
export const RENDERER_MARKS = { maplibre: ['maplibregl-popup', 'maplibregl-canvas'], deck: ['luma.gl'] } as const;

/**
 * Strings found only in the code of what the first view does not run (issue 23), each a chunk
 * loaded on use: the search's index and pinyin matcher, the share dialog, the PNG export, a
 * project's disclosure (the popup) and the presentation's overlay.
 */
export const ON_USE_MARKS = { search: ['lüe'], share: ['share-qr-caption'], exportPng: ['the map has no size'], disclosure: ['project-id'], presentation: ['presentation-progress'] } as const;

/** A static `import … from "./x.js"`, `import "./x.js"` or `export … from "./x.js"` between chunks (not `import("./x.js")`). */
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'`]\.\/([^"'`]+\.m?js)["'`]/g;

/** The file names (in `dist/assets`) of the chunks `html` (a file in `dist`) runs at start, entry first. */
export function startChunks(dist: string, html = 'index.html'): string[] {
  const page = readFileSync(join(dist, html), 'utf8');
  const entries = [...page.matchAll(/<script[^>]*type="module"[^>]*src="\.\/assets\/([^"]+)"/g)].map((m) => m[1] ?? '');
  if (entries.length === 0) throw new Error(`${html} has no module script`);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(m[1] ?? '');
  }
  return [...seen];
}
