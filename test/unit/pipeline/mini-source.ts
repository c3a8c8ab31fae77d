import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Issue } from '../../../src/contract/issues';
import { formatIssue } from '../../../src/contract/issues';
import { buildSite, type BuildResult, type DatasetSource } from '../../../src/pipeline/build';
import { MINI } from '../../helpers/fixtures';

/** The mini fixture with some files replaced (text, bytes) or removed (null), read from memory. */
export function miniWith(files: Record<string, string | Uint8Array | null> = {}): DatasetSource {
  return {
    async read(path) {
      if (path in files) {
        const f = files[path];
        return f === null || f === undefined ? null : typeof f === 'string' ? new TextEncoder().encode(f) : f;
      }
      try {
        return new Uint8Array(await readFile(join(MINI, path)));
      } catch {
        return null;
      }
    },
  };
}

/** A file of the mini fixture as text. */
export async function miniText(path: string): Promise<string> {
  return readFile(join(MINI, path), 'utf8');
}

/** Builds the mini fixture with changes and returns the result and its issues as CLI lines. */
export async function buildMiniWith(files: Record<string, string | Uint8Array | null> = {}): Promise<{ result: BuildResult; lines: string[] }> {
  const result = await buildSite(miniWith(files));
  return { result, lines: result.issues.map((i: Issue) => formatIssue(i)) };
}

/** The mini config with top-level keys replaced. */
export async function miniConfigWith(patch: Record<string, unknown>): Promise<string> {
  return JSON.stringify({ ...(JSON.parse(await miniText('atlas.config.json')) as Record<string, unknown>), ...patch });
}
