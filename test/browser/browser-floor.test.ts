import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST } from './test-dirs';

// Issue 17: the built code parses and runs on Chromium 109 (the last for Windows 7, still the core
// of older office PCs' browsers). Chromium 109 has all of ES2022 and none of the later array and
// object additions (toSorted, Object.groupBy, …), so every emitted chunk, MapLibre's worker
// included, is checked for ES2022 syntax and features. The global setup has just built dist/.
const run = promisify(execFile);

describe('the browser floor', () => {
  it('every chunk of the build is ES2022, syntax and features (Chromium 109)', async () => {
    const chunks = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    expect(chunks.length).toBeGreaterThan(5);
    // ArrayPrototypeGroup: a logger's own .group() method in deck.gl, read as Array.prototype.group.
    const { stdout, stderr } = await run(join('node_modules', '.bin', 'es-check'), ['es2022', ...chunks.map((c) => join(DIST, 'assets', c)), '--module', '--checkFeatures', '--ignore', 'ArrayPrototypeGroup', '--noColor'], { maxBuffer: 1 << 24 }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${stdout}\n${stderr}`).toContain('ES-Check passed');
  });
});
