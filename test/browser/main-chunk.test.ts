import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_USE_MARKS, RENDERER_MARKS, startChunks } from './start-chunks';
import { DIST } from './test-dirs';

// Issue 17: a browser without WebGL never fetches the renderers, so the code the page runs at
// start (its entry chunk and what that imports statically) holds neither MapLibre nor deck.gl;
// they come with the live map's chunks, imported only where WebGL2 works. The global setup has
// just built the site.

const read = (file: string): string => readFileSync(join(DIST, 'assets', file), 'utf8');

describe('the page’s first chunk', () => {
  it('carries neither MapLibre nor deck.gl, which are in the build’s other chunks', () => {
    expectOnlyLater(RENDERER_MARKS);
  });

  // Issue 23: the first view runs only what it draws; the rest comes in chunks loaded on use.
  it('carries neither the search index, the share dialog, the PNG export, the project popup nor the presentation', () => {
    expectOnlyLater(ON_USE_MARKS);
  });
});

/** Each mark is in some chunk the page loads later, and in none of those it runs at start. */
function expectOnlyLater(marksOf: Readonly<Record<string, readonly string[]>>): void {
  const start = startChunks(DIST);
  const later = readdirSync(join(DIST, 'assets')).filter((f) => /\.m?js$/.test(f) && !start.includes(f));
  for (const [part, marks] of Object.entries(marksOf)) {
    for (const mark of marks) {
      // The mark is the part's: some later chunk has it (else this test would pass on nothing).
      expect(later.some((f) => read(f).includes(mark)), `${part}: no chunk holds ${mark}`).toBe(true);
      expect(start.filter((f) => read(f).includes(mark)), `${part} (${mark}) in the start chunks`).toEqual([]);
    }
  }
}
