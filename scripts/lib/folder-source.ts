import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetSource, SourceFile } from '../../src/pipeline/build';

/**
 * The largest file the build reads (1 GiB): a county's ledger is megabytes; a file beyond this is
 * a mistake (a video, a disk image, a database dump) and is refused before it is read.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** Bytes read from disk at a time when a table streams. */
const CHUNK_BYTES = 1 << 20;

/** A dataset folder on disk as a DatasetSource; the tables stream from disk rather than being read whole. */
export function folderSource(dir: string, maxBytes = MAX_FILE_BYTES): DatasetSource {
  /** The file's size, null when it does not exist; throws for a file too big to read. */
  const sizeOf = async (path: string): Promise<number | null> => {
    try {
      const size = (await stat(join(dir, path))).size;
      if (size > maxBytes) throw new Error(`the file is ${formatBytes(size)}; the build reads files up to ${formatBytes(maxBytes)}: is it the right file? A ledger this large should be split, e.g. by year`);
      return size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  return {
    async read(path) {
      try {
        if ((await sizeOf(path)) === null) return null;
        return new Uint8Array(await readFile(join(dir, path)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async open(path) {
      const size = await sizeOf(path);
      return size === null ? null : streamedFile(join(dir, path), size);
    },
  };
}

/** A file on disk read in chunks; its SHA-256 is taken on the first complete reading (or read for it). */
function streamedFile(path: string, size: number): SourceFile {
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const hash = digest === null ? createHash('sha256') : null;
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      yield chunk;
    }
    // Reached only when every chunk was read.
    if (hash && digest === null) digest = hash.digest('hex');
  }
  return {
    size,
    chunks,
    async sha256() {
      if (digest === null) for await (const _ of chunks());
      return digest!;
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
