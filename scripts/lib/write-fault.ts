/** A failed write said in plain words: the error codes a clerk can act on, and what each means (the words: write-text.ts). */
import type { Lang } from '../../src/i18n';
import { sayWrite, type FaultKind, type WriteReason } from './write-text';

/** The error codes of a write that failed for a reason outside the program (said in plain words, not as a crash), and the kind each is said as. */
const FAULT_KINDS: Readonly<Record<string, FaultKind>> = {
  EACCES: 'permissionDenied',
  EPERM: 'permissionDenied',
  EROFS: 'readOnlyDisk',
  ENOSPC: 'diskFull',
  EDQUOT: 'quotaUsedUp',
  ENOTDIR: 'pathThroughFile',
  EEXIST: 'pathThroughFile',
  ENAMETOOLONG: 'pathTooLong',
  EMFILE: 'tooManyOpenFiles',
  ENFILE: 'tooManyOpenFiles',
  EIO: 'diskFailed',
  EBUSY: 'inUse',
};

/** True for a file system error a clerk can act on (a full or read-only disk, no permission…). */
export function isWriteFault(e: unknown): boolean {
  return Object.hasOwn(FAULT_KINDS, errorCode(e) ?? '');
}

/** A write that failed, said in one line for the clerk; the output folder is as it was. */
export class OutputError extends Error {
  /** Why, as data: said in the CLI's language by sayWrite; `message` is its English. */
  readonly reason: WriteReason;

  constructor(reason: WriteReason) {
    super(sayWrite('en', reason));
    this.name = 'OutputError';
    this.reason = reason;
  }
}

/** Why a write of `label` failed, for a file system error; `isUnchanged` when the write left it as it was. */
export function writeFaultReason(e: unknown, label: string, isUnchanged = true): WriteReason {
  const code = errorCode(e) ?? '';
  const kind = Object.hasOwn(FAULT_KINDS, code) ? FAULT_KINDS[code] : undefined;
  if (kind) return { kind, label, isUnchanged };
  return { kind: 'otherFault', label, isUnchanged, detail: e instanceof Error ? e.message : String(e) };
}

/** The plain words for a file system error while writing `label` (English unless `lang` says otherwise). */
export function describeWriteError(e: unknown, label: string, isUnchanged = true, lang: Lang = 'en'): string {
  return sayWrite(lang, writeFaultReason(e, label, isUnchanged));
}

/** The errno code of an error, or of the errors it wraps (its `cause`; rolldown's `errors` and `pluginCode`, as vite throws them). */
export function errorCode(e: unknown, depth = 0): string | undefined {
  if (e === null || typeof e !== 'object' || depth > 4) return undefined;
  const { code, pluginCode, cause, errors } = e as { code?: unknown; pluginCode?: unknown; cause?: unknown; errors?: unknown };
  // A plugin's error (vite copying public/) has code PLUGIN_ERROR and the errno code as pluginCode.
  for (const c of [code, pluginCode]) if (typeof c === 'string' && /^E[A-Z]+$/.test(c)) return c;
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = errorCode(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
