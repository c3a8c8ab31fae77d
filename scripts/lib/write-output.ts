/**
 * Replacing an output folder (public/data, dist/) so that a reader never sees half of it and a
 * failed, killed or concurrent build leaves it whole.
 *
 * - One build at a time: `OUT.lock` holds the writer's PID, created with `wx`; a lock whose
 *   process is gone is taken over, a live one stops the second build with a clear message.
 * - The new files go into `OUT.tmp-PID`, then two renames swap it in: OUT → `OUT.old-PID`,
 *   staging → OUT; then the old folder is renamed `OUT.del-PID` and removed. A failed write, or
 *   SIGINT/SIGTERM before the swap, removes the staging folder; a failed second rename puts the
 *   old folder back; a signal during the swap waits for both renames.
 * - A build killed outright (SIGKILL, power cut) can leave `OUT.tmp-*`, `OUT.old-*`, `OUT.del-*`
 *   and, between the two renames, no OUT. The next build, holding the lock, puts a missing OUT
 *   back from its (whole) `OUT.old-*` and removes the rest; under the lock every one is a
 *   stopped build's, whatever its PID, as a container reuses PIDs.
 *
 * OUT stays a real folder, not a link to versioned folders (which would swap with one atomic
 * rename): vite copies public/ into dist/ and would copy the link, a web server or a USB stick may
 * not follow links, and Windows needs privileges to make them. The price is a moment between two
 * renames with no OUT, which only SIGKILL or a power cut can stretch, and the next build repairs.
 */
import { rmSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { forgetLock, isOurs, takeLock } from './output-lock';
import { errorCode, OutputError, writeFaultReason } from './write-fault';
import type { WriteNote } from './write-text';

export { describeWriteError, errorCode, isWriteFault, OutputError, writeFaultReason } from './write-fault';
export { sayWrite, type WriteNote, type WriteReason } from './write-text';

/** The file system calls the writer makes; a test swaps one for a fake that fails like a full disk. */
export interface OutputFs {
  /** Makes the folder and its parents. */
  mkdir(path: string): Promise<void>;
  /** Writes a file piece by piece. */
  writeFile(path: string, pieces: Iterable<string | Uint8Array> | Uint8Array | string): Promise<void>;
  /** Creates a file that must not exist yet (EEXIST when it does). */
  createExclusive(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or folder and everything in it; nothing when absent. */
  remove(path: string): Promise<void>;
}

/** The real file system; a file's pieces are written gathered in chunks of WRITE_CHUNK_BYTES (inChunks). */
export const nodeOutputFs: OutputFs = {
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
  writeFile: (path, pieces) => (typeof pieces === 'string' || pieces instanceof Uint8Array ? writeFile(path, pieces) : writeBehind(path, inChunks(pieces))),
  createExclusive: (path, text) => writeFile(path, text, { flag: 'wx' }),
  rename,
  remove: (path) => rm(path, { recursive: true, force: true }),
};

/**
 * Bytes gathered for one write. Node's writeFile makes one write call, and waits for it, per
 * piece of an iterable: a site file of a million projects comes in millions of small pieces, and a
 * 1,000,000-project build spent some 30 s encoding them one by one and waiting on the writes.
 */
export const WRITE_CHUNK_BYTES = 1 << 20;

/**
 * The pieces as the same bytes in chunks of up to `chunkBytes`: each string is encoded as UTF-8
 * on its own, as writeFile encodes a piece (a lone surrogate at a piece's end stays U+FFFD, never
 * joined with the next piece), into the chunk being filled; a piece larger than a chunk goes as
 * it is, after the chunk before it. Each chunk is a new buffer, so a writer may keep it.
 */
export function* inChunks(pieces: Iterable<string | Uint8Array>, chunkBytes = WRITE_CHUNK_BYTES): Generator<Uint8Array> {
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let at = 0;
  for (const piece of pieces) {
    // A UTF-16 unit is at most 3 bytes of UTF-8: a string that may not fit is not tried.
    const most = typeof piece === 'string' ? piece.length * 3 : piece.length;
    if (most > chunkBytes - at) {
      if (at > 0) {
        yield chunk.subarray(0, at);
        chunk = Buffer.allocUnsafe(chunkBytes);
        at = 0;
      }
      if (most > chunkBytes) {
        yield typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        continue;
      }
    }
    if (typeof piece === 'string') at += chunk.write(piece, at, 'utf8');
    else {
      chunk.set(piece, at);
      at += piece.length;
    }
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/**
 * Writes the chunks to a new file at `path`, making the next chunk while the last is being
 * written. Node's writeFile waits for each write before it asks for the next chunk, so the build
 * stood idle while the disk took each megabyte (a province's build: about 6 s of its write phase);
 * one write in flight overlaps the two and holds one chunk more. A chunk that fails to be made or
 * written leaves the file unfinished and the error thrown, as writeFile's would be.
 */
export async function writeBehind(path: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const handle = await open(path, 'w');
  let position = 0;
  let inFlight: Promise<void> | null = null;
  const writeAll = async (chunk: Uint8Array, at: number): Promise<void> => {
    for (let done = 0; done < chunk.length; ) done += (await handle.write(chunk, done, chunk.length - done, at + done)).bytesWritten;
  };
  try {
    for (const chunk of chunks) {
      if (inFlight) await inFlight;
      inFlight = writeAll(chunk, position);
      position += chunk.length;
    }
    if (inFlight) await inFlight;
    inFlight = null;
  } finally {
    // Made but not awaited (the next chunk threw): finished before the file is closed, its own error dropped for the one thrown.
    if (inFlight) await inFlight.catch(() => undefined);
    await handle.close();
  }
}

export interface OutputOptions {
  /** The name the clerk knows the folder by (e.g. `public/data`); default `out`. */
  label?: string;
  fs?: OutputFs;
  /** Told when leftovers of a stopped build are cleared or a missing OUT is put back; the caller says it in its language (sayWrite). */
  log?: (note: WriteNote) => void;
  /** Ends the process after SIGINT/SIGTERM (default `process.exit`); a test passes a fake. */
  exit?: (code: number) => void;
}

/** The right to write one output folder, held until `release`. */
export interface OutputLock {
  /**
   * Fills a fresh staging folder with `fill(staging)` and swaps it in for OUT. Throws an
   * OutputError (OUT as it was, the staging folder removed) when a write fails.
   */
  replace<T>(fill: (staging: string) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

type StopSignal = 'SIGINT' | 'SIGTERM';

/** A process stopped by a signal exits 128 + its number, as the shell reports it. */
const SIGNAL_EXIT_CODES: Readonly<Record<StopSignal, number>> = { SIGINT: 128 + osConstants.signals.SIGINT, SIGTERM: 128 + osConstants.signals.SIGTERM };

/** A locked output of this process, as the signal handler sees it. */
interface ActiveOutput {
  isSwapping(): boolean;
  /** Removes the staging folder and the lock, synchronously: the process ends right after. */
  abandon(): void;
  exit: (code: number) => void;
}

/**
 * The outputs this process holds (npm run build holds dist/ and public/data at once): one handler
 * for SIGINT/SIGTERM cleans them all up, after any swap under way has done both its renames.
 */
const activeOutputs = new Set<ActiveOutput>();
let pendingSignal: StopSignal | null = null;

function onStopSignal(signal: StopSignal): void {
  pendingSignal = signal;
  settlePendingSignal();
}
const onSigint = (): void => onStopSignal('SIGINT');
const onSigterm = (): void => onStopSignal('SIGTERM');

/** Ends the process for a signal that came, unless a swap is under way (it calls again when done). */
function settlePendingSignal(): void {
  const signal = pendingSignal;
  if (signal === null || [...activeOutputs].some((o) => o.isSwapping())) return;
  pendingSignal = null;
  const outputs = [...activeOutputs];
  for (const o of outputs) {
    forget(o);
    try {
      o.abandon();
    } catch {
      // Left for the next build to clear: the process must still stop.
    }
  }
  (outputs[0]?.exit ?? ((code: number) => process.exit(code)))(SIGNAL_EXIT_CODES[signal]);
}

function remember(o: ActiveOutput): void {
  if (activeOutputs.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  activeOutputs.add(o);
}

function forget(o: ActiveOutput): void {
  if (!activeOutputs.delete(o) || activeOutputs.size > 0) return;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
}

/**
 * Takes `out`'s lock, clears what stopped builds left and puts back an OUT lost between the two
 * renames. Throws an OutputError when another build holds the lock or the folder cannot be written.
 */
export async function lockOutput(path: string, options: OutputOptions = {}): Promise<OutputLock> {
  const label = options.label ?? path;
  const fs = options.fs ?? nodeOutputFs;
  const log = options.log ?? (() => {});
  let out = path;
  try {
    const blocker = await fileOnPath(path);
    if (blocker === path) throw new OutputError({ kind: 'outputIsFile', label });
    if (blocker) throw new OutputError({ kind: 'fileOnPath', label, blocker: isAbsolute(label) ? blocker : relative(process.cwd(), blocker) });
    out = await throughLink(path, label);
    await fs.mkdir(dirname(out));
    await takeLock(fs, `${out}.lock`, label);
  } catch (e) {
    throw asOutputError(e, label);
  }
  const lockFile = `${out}.lock`;

  const staging = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  let hasStaging = false;
  let isSwapping = false;
  let isReleased = false;
  const active: ActiveOutput = {
    isSwapping: () => isSwapping,
    abandon() {
      isReleased = true;
      forgetLock(lockFile);
      if (hasStaging) rmSync(staging, { recursive: true, force: true });
      if (isOurs(lockFile)) unlinkSync(lockFile);
    },
    exit: options.exit ?? ((code: number) => process.exit(code)),
  };
  remember(active);

  const release = async (): Promise<void> => {
    if (isReleased) return;
    isReleased = true;
    forget(active);
    try {
      if (hasStaging) await fs.remove(staging);
      if (isOurs(lockFile)) await fs.remove(lockFile);
    } finally {
      forgetLock(lockFile);
    }
  };
  const stopped = (): OutputError => new OutputError({ kind: 'stopped', label });

  try {
    await clearLeftovers(fs, out, log, label);
  } catch (e) {
    await release().catch(() => {});
    throw asOutputError(e, label);
  }

  return {
    release,
    async replace(fill) {
      if (isReleased) throw stopped();
      let made: Awaited<ReturnType<typeof fill>>;
      try {
        hasStaging = true;
        await fs.remove(staging);
        await fs.mkdir(staging);
        made = await fill(staging);
        if (isReleased) throw stopped();
        await swap(fs, out, staging, old, () => (isSwapping = true));
        hasStaging = false;
      } catch (e) {
        if (!isReleased) await fs.remove(staging).catch(() => {});
        hasStaging = false;
        throw asOutputError(e, label);
      } finally {
        isSwapping = false;
        settlePendingSignal();
      }
      // Renamed before it is removed: a removal cut short leaves a `del` folder, never an `old` one that could be put back half empty.
      const trash = `${out}.del-${process.pid}`;
      try {
        await fs.rename(old, trash);
        await fs.remove(trash);
      } catch {
        // No old folder (there was no OUT), or one left for the next build to clear.
      }
      return made;
    },
  };
}

function asOutputError(e: unknown, label: string): unknown {
  return e instanceof OutputError ? e : errorCode(e) === undefined ? e : new OutputError(writeFaultReason(e, label));
}

/**
 * OUT → OUT.old-PID, staging → OUT. A failure of the second rename puts the old folder back, so
 * OUT is never left missing by a failed write.
 */
async function swap(fs: OutputFs, out: string, staging: string, old: string, begin: () => void): Promise<void> {
  await fs.remove(old);
  const hadOld = await exists(out);
  begin();
  if (hadOld) await fs.rename(out, old);
  try {
    await fs.rename(staging, out);
  } catch (e) {
    if (hadOld) await fs.rename(old, out);
    throw e;
  }
}

/** The names a stopped build leaves beside OUT: `OUT.tmp-PID`, `OUT.old-PID`, `OUT.del-PID`, `OUT.lock.stale-PID`. */
export function leftoverKind(name: string, base: string): 'tmp' | 'old' | 'del' | 'stale-lock' | null {
  if (!name.startsWith(`${base}.`)) return null;
  const match = /^(tmp|old|del|lock\.stale)-\d+$/.exec(name.slice(base.length + 1));
  if (!match) return null;
  return match[1] === 'lock.stale' ? 'stale-lock' : (match[1] as 'tmp' | 'old' | 'del');
}

/**
 * Removes the staging and old folders of stopped builds. Holding the lock, every one is a stopped
 * build's, whatever its PID (a PID may since belong to another process). A missing OUT is first
 * put back from the newest old folder: a build was killed between its two renames. An old folder
 * is always whole: one is emptied only after its rename to `del`.
 */
async function clearLeftovers(fs: OutputFs, out: string, log: (note: WriteNote) => void, label: string): Promise<void> {
  const parent = dirname(out);
  const base = basename(out);
  const leftovers = (await readdir(parent)).filter((name) => leftoverKind(name, base) !== null);
  if (leftovers.length === 0) return;
  if (!(await exists(out))) {
    const olds = leftovers.filter((name) => leftoverKind(name, base) === 'old');
    const dated = await Promise.all(olds.map(async (name) => ({ name, changedMs: (await stat(join(parent, name))).ctimeMs })));
    const newest = dated.sort((a, b) => b.changedMs - a.changedMs)[0];
    if (newest) {
      await fs.rename(join(parent, newest.name), out);
      log({ kind: 'putBack', label, from: newest.name });
      leftovers.splice(leftovers.indexOf(newest.name), 1);
    }
  }
  for (const name of leftovers) await fs.remove(join(parent, name));
  if (leftovers.length > 0) log({ kind: 'leftoversRemoved', label, names: leftovers.sort() });
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Where a link named `path` leads (dist/ kept on another disk): the new folder is swapped in there,
 * and the link stays. `path` itself when it is not a link.
 */
async function throughLink(path: string, label: string): Promise<string> {
  if (!(await lstat(path).catch(() => null))?.isSymbolicLink()) return path;
  try {
    return await realpath(path);
  } catch {
    throw new OutputError({ kind: 'brokenLink', label, target: await readlink(path) });
  }
}

/** The first of `path` and the folders it is in that exists and is not a folder (nor a link to one); null when none is. */
async function fileOnPath(path: string): Promise<string | null> {
  for (let at = path; ; at = dirname(at)) {
    try {
      return (await stat(at)).isDirectory() ? null : at;
    } catch (e) {
      if (!isCodeOf(e, 'ENOENT', 'ENOTDIR') || dirname(at) === at) return null;
    }
  }
}

function isCodeOf(e: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(e) ?? '');
}

