/**
 * The output folder's lock, `OUT.lock`: one build writes a folder at a time. The file holds the
 * writer's PID, created with `wx`; a lock whose process is gone is taken over, a live one stops
 * the second build with a message saying what to do (its words: write-text.ts, `busy`).
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { errorCode, OutputError } from './write-fault';
import type { OutputFs } from './write-output';

/** Locks of this process, by lock file: a lock file naming this PID that is not here is a dead build's. */
const heldLocks = new Set<string>();

/** An empty lock file younger than this is a build that has just made it and not yet written its PID. */
const FRESH_LOCK_MS = 10_000;

/** Creates the lock file, taking over one whose build is gone; throws an OutputError when a live build holds it. */
export async function takeLock(fs: Pick<OutputFs, 'createExclusive' | 'rename' | 'remove'>, lockFile: string, label: string): Promise<void> {
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fs.createExclusive(lockFile, mine);
      heldLocks.add(lockFile);
      return;
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    const holder = await readHolder(lockFile);
    if (holder === null) continue; // released meanwhile: try again
    if (isLive(holder, lockFile)) throw new OutputError({ kind: 'busy', label, pid: holder.pid });
    // A dead build's lock: move it aside (of two builds doing this, one moves it), then check it was the one judged dead.
    const aside = `${lockFile}.stale-${process.pid}`;
    try {
      await fs.rename(lockFile, aside);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') continue;
      throw e;
    }
    const moved = await readHolder(aside);
    await fs.remove(aside);
    if (moved && moved.text !== holder.text) {
      // A build took the dead lock over meanwhile and this one moved its fresh lock: give it back.
      await fs.createExclusive(lockFile, moved.text).catch(() => {});
      throw new OutputError({ kind: 'busy', label, pid: moved.pid });
    }
  }
  throw new OutputError({ kind: 'busy', label, pid: null });
}

interface LockHolder {
  pid: number | null;
  text: string;
  ageMs: number;
}

async function readHolder(lockFile: string): Promise<LockHolder | null> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    const pid = /^\d+\n?$/.test(text) ? Number.parseInt(text, 10) : null;
    return { pid, text, ageMs: Date.now() - info.mtimeMs };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** True when the lock's build is running: its process is alive, or it has only just made the lock. */
function isLive(holder: LockHolder, lockFile: string): boolean {
  if (holder.pid === null) return holder.text === '' && holder.ageMs < FRESH_LOCK_MS;
  // This PID with no lock held here: a dead build's, its PID since reused (as in a container).
  if (holder.pid === process.pid) return heldLocks.has(lockFile);
  return isProcessAlive(holder.pid);
}

/** True when a process with this PID exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** True when the lock file still names this process. */
export function isOurs(lockFile: string): boolean {
  try {
    return readFileSync(lockFile, 'utf8') === `${process.pid}\n`;
  } catch {
    return false;
  }
}

/** Forgets a lock of this process (it was released, or the process is stopping). */
export function forgetLock(lockFile: string): void {
  heldLocks.delete(lockFile);
}
