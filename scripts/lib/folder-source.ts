import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetSource } from '../../src/pipeline/build';

/**
 * The largest file the build reads (1 GiB): a county's ledger is megabytes; a file beyond this is
 * a mistake (a video, a disk image, a database dump) and is refused before it is read.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** A dataset folder on disk as a DatasetSource. */
export function folderSource(dir: string, maxBytes = MAX_FILE_BYTES): DatasetSource {
  return {
    async read(path) {
      try {
        const size = (await stat(join(dir, path))).size;
        if (size > maxBytes) throw new Error(`the file is ${formatBytes(size)}; the build reads files up to ${formatBytes(maxBytes)}: is it the right file? A ledger this large should be split, e.g. by year`);
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

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${n} bytes`;
}
