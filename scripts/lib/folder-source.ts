import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { concatBytes } from '../../src/pipeline/read/read-table';
import type { DatasetSource, SourceFile } from '../../src/pipeline/build';

/**
 * The largest file the build reads (1 GiB): a county's ledger is megabytes; a file beyond this is
 * a mistake (a video, a disk image, a database dump) and is refused before it is read.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** Bytes read from disk at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Opening never waits: the file was checked to be a regular file before it is opened, and should a
 * named pipe be swapped in between, O_NONBLOCK keeps `open` from blocking on it (POSIX only).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

const ONLY_FILES = 'the build reads only regular files';
const COPY_IT_IN = 'copy the file into the folder';

/**
 * A file of the dataset that cannot be read, said for the clerk; `file` is its path inside the
 * dataset. Thrown by `read`/`open` (the build reports it against the file) and by a stream that
 * fails part way (the CLI reports it against the file).
 */
export class SourceReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** A file checked to be readable: where it really is, which file it is (to notice a swap) and its size. */
interface CheckedFile {
  path: string;
  real: string;
  dev: number;
  ino: number;
  size: number;
}

/**
 * A dataset folder on disk as a DatasetSource; the tables stream from disk rather than being read
 * whole. Only regular files inside the folder are read: a folder, named pipe, socket or device
 * named like a dataset file, or a link leading outside the folder, is an error naming the file.
 * Nothing is opened before it is checked (opening a named pipe blocks), and no file is read past
 * `maxBytes`, whatever size it claims.
 */
export function folderSource(dir: string, maxBytes = MAX_FILE_BYTES): DatasetSource {
  let realRoot: Promise<string> | null = null;

  /** The checked file, null when it does not exist; throws a SourceReadError for one the build must not read. */
  const check = async (path: string): Promise<CheckedFile | null> => {
    const full = join(dir, path);
    let entry: Stats;
    try {
      entry = await lstat(full);
    } catch (e) {
      if (isCode(e, 'ENOENT', 'ENOTDIR')) return null;
      throw new SourceReadError(path, cannotRead(e));
    }
    let real: string;
    let target: Stats;
    try {
      real = await realpath(full);
      target = await stat(real);
    } catch (e) {
      if (isCode(e, 'ENOENT')) throw new SourceReadError(path, `${path} is a link to ${await linkText(full)}, which does not exist: ${COPY_IT_IN}`);
      if (isCode(e, 'ELOOP')) throw new SourceReadError(path, `${path} is a link that leads round in a loop: ${COPY_IT_IN}`);
      throw new SourceReadError(path, cannotRead(e));
    }
    const isLink = entry.isSymbolicLink();
    if (!target.isFile()) {
      throw new SourceReadError(path, isLink ? `${path} is a link to ${kindOf(target)} (${real}), not a file: ${ONLY_FILES}` : `${path} is ${kindOf(target)}, not a file: ${ONLY_FILES}`);
    }
    const inside = relative(await (realRoot ??= realpath(dir)), real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new SourceReadError(path, isLink ? `${path} is a link to a file outside the dataset folder (${real}): ${COPY_IT_IN}` : `${path} is in a linked folder outside the dataset folder (${real}): ${COPY_IT_IN}`);
    }
    // A site photo stays inside photos/: a link there to another file of the dataset is refused too.
    if (path.startsWith(`${PHOTOS_DIR}/`) && !isWithin(join(await realRoot!, PHOTOS_DIR), real)) {
      throw new SourceReadError(path, `${path} is a link to a file outside the photos/ folder (${real}): ${COPY_IT_IN}`);
    }
    if (target.size > maxBytes) throw new SourceReadError(path, `the file is ${formatBytes(target.size)}; the build reads files up to ${formatBytes(maxBytes)}: is it the right file? A ledger this large should be split, e.g. by year`);
    return { path, real, dev: target.dev, ino: target.ino, size: target.size };
  };

  return {
    async read(path) {
      const file = await check(path);
      if (!file) return null;
      const parts: Uint8Array[] = [];
      let length = 0;
      for await (const chunk of chunksOf(file, maxBytes)) {
        parts.push(chunk);
        length += chunk.length;
      }
      return concatBytes(parts, length);
    },
    async open(path) {
      const file = await check(path);
      return file && streamedFile(file, maxBytes);
    },
    filesUnder: (folder) => filesUnder(dir, folder),
    async list() {
      // Names only: reading one goes through check() like any other file.
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name).sort();
    },
  };
}

/** A checked file read in chunks; its SHA-256 is taken on the first complete reading (or read for it). */
function streamedFile(file: CheckedFile, maxBytes: number): SourceFile {
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const hash = digest === null ? createHash('sha256') : null;
    for await (const chunk of chunksOf(file, maxBytes)) {
      hash?.update(chunk);
      yield chunk;
    }
    // Reached only when every chunk was read.
    if (hash && digest === null) digest = hash.digest('hex');
  }
  return {
    size: file.size,
    chunks,
    async sha256() {
      if (digest === null) for await (const _ of chunks());
      return digest!;
    },
  };
}

/** The file's bytes from the start, opened without waiting and stopped at `maxBytes`; any failure is a SourceReadError. */
async function* chunksOf(file: CheckedFile, maxBytes: number): AsyncGenerator<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(file.real, OPEN_FLAGS);
  } catch (e) {
    throw new SourceReadError(file.path, cannotRead(e));
  }
  try {
    const opened = await handle.stat().catch((e: unknown) => {
      throw new SourceReadError(file.path, cannotRead(e));
    });
    if (!opened.isFile() || opened.dev !== file.dev || opened.ino !== file.ino) {
      throw new SourceReadError(file.path, `${file.path} was replaced while the build read it${opened.isFile() ? '' : ` by ${kindOf(opened)}`}: build again when nothing is changing the folder`);
    }
    let total = 0;
    /** The next chunk, or null at the end of the file. */
    const readOne = async (): Promise<Uint8Array | null> => {
      // Sized to what the file says is left, so a small file holds no megabyte buffer.
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(file.size - total + 1, 1 << 16)));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, null));
      } catch (e) {
        throw new SourceReadError(file.path, cannotRead(e));
      }
      if (bytesRead === 0) return null;
      total += bytesRead;
      if (total > maxBytes) throw new SourceReadError(file.path, `${file.path} grew past ${formatBytes(maxBytes)} while the build read it (it said ${formatBytes(file.size)}); the build reads files up to ${formatBytes(maxBytes)}: is something still writing it?`);
      return buffer.subarray(0, bytesRead);
    };
    // One chunk read ahead: the disk reads the next while the build parses this one. A file not in
    // the system's cache (a ledger just exported, a province on a slow disk) was read at the pace of
    // the parse: a province's build stood idle some 30 s of its read. Each chunk is a buffer of its own.
    let ahead: Promise<Uint8Array | null> | null = null;
    try {
      ahead = readOne();
      for (;;) {
        const chunk: Uint8Array | null = await ahead;
        ahead = null;
        if (chunk === null) return;
        ahead = readOne();
        // Awaited when the next chunk is asked for; a failure meanwhile is not an unhandled one.
        ahead.catch(() => undefined);
        yield chunk;
      }
    } finally {
      // A reader that stopped early: the read in flight ends before the file is closed.
      if (ahead) await ahead.catch(() => undefined);
    }
  } finally {
    await handle.close();
  }
}

/** The dataset's folder of site photos (src/contract/photos.ts PHOTO_DIR). */
const PHOTOS_DIR = 'photos';

/** Whether the resolved path `real` lies inside the folder `base`. */
function isWithin(base: string, real: string): boolean {
  const inside = relative(base, real);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Every file or link under `folder` of the dataset, by dataset path, sorted; a linked folder is not
 * walked into, and an absent folder lists nothing. Names only: each is read through `check`.
 */
async function filesUnder(dir: string, folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() || e.isSymbolicLink()) out.push(path);
    }
  };
  await walk(folder);
  return out.sort();
}

/** True when `dir` exists and is a folder. */
export async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** What a file system entry that is not a regular file is, in plain words. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'a special file';
}

async function linkText(path: string): Promise<string> {
  try {
    return await readlink(path);
  } catch {
    return 'a file';
  }
}

function isCode(e: unknown, ...codes: string[]): boolean {
  return codes.includes((e as NodeJS.ErrnoException | null)?.code ?? '');
}

function cannotRead(e: unknown): string {
  if (isCode(e, 'EACCES', 'EPERM')) return 'the file cannot be read: permission denied';
  return `the file cannot be read: ${e instanceof Error ? e.message : String(e)}`;
}

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${n} bytes`;
}
