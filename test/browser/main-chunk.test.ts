import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_MARKS, startChunks } from './start-chunks';
import { DIST } from './test-dirs';

// Issue 17: a browser without WebGL never fetches the renderers, so the code the page runs at
// start (its entry chunk and what that imports statically) holds neither MapLibre nor deck.gl;
// they come with the live map's chunks, imported only where WebGL2 works. The global setup has
// just built the site.

const read = (file: string): string => readFileSync(join(DIST, 'assets', file), 'utf8');

describe('the page’s first chunk', () => {
  it('carries neither MapLibre nor deck.gl, which are in the build’s other chunks', () => {
    const start = startChunks(DIST);
    const later = readdirSync(join(DIST, 'assets')).filter((f) => /\.m?js$/.test(f) && !start.includes(f));
    for (const [renderer, marks] of Object.entries(RENDERER_MARKS)) {
      for (const mark of marks) {
        // The mark is the renderer's: some later chunk has it (else this test would pass on nothing).
        expect(later.some((f) => read(f).includes(mark)), `${renderer}: no chunk holds ${mark}`).toBe(true);
        expect(start.filter((f) => read(f).includes(mark)), `${renderer} (${mark}) in the start chunks`).toEqual([]);
      }
    }
  });
});
