import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetSource } from '../../src/pipeline/build';

/** A dataset folder on disk as a DatasetSource. */
export function folderSource(dir: string): DatasetSource {
  return {
    async read(path) {
      try {
        return new Uint8Array(await readFile(join(dir, path)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

/** True when `dir` exists and is a folder. */
export async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
