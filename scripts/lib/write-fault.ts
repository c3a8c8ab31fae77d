/** A failed write said in plain words: the error codes a clerk can act on, and what each means. */

/** The error codes of a write that failed for a reason outside the program: said in plain words, not as a crash. */
const WRITE_FAULTS: ReadonlySet<string> = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EIO', 'EBUSY']);

/** True for a file system error a clerk can act on (a full or read-only disk, no permission…). */
export function isWriteFault(e: unknown): boolean {
  return WRITE_FAULTS.has(errorCode(e) ?? '');
}

/** A write that failed, said in one line for the clerk; the output folder is as it was. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** The plain words for a file system error while writing `label`; `isUnchanged` when the write left it as it was. */
export function describeWriteError(e: unknown, label: string, isUnchanged = true): string {
  const code = errorCode(e);
  const unchanged = isUnchanged ? `nothing was changed in ${label}` : `${label} may hold a partly written file`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write to ${label}: permission denied (the folder, or the one it is in, is read-only for this user); ${unchanged}`;
    case 'EROFS':
      return `cannot write to ${label}: the disk is read-only; ${unchanged}`;
    case 'ENOSPC':
      return `the disk is full: ${label} could not be written; free some space and build again; ${unchanged}`;
    case 'EDQUOT':
      return `the disk quota is used up: ${label} could not be written; free some space and build again; ${unchanged}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `cannot write to ${label}: part of its path is a file, not a folder; ${unchanged}`;
    case 'ENAMETOOLONG':
      return `cannot write to ${label}: the path is too long for this disk; ${unchanged}`;
    case 'EMFILE':
    case 'ENFILE':
      return `cannot write to ${label}: too many files are open; close some programs and build again; ${unchanged}`;
    case 'EIO':
      return `cannot write to ${label}: the disk failed (input/output error); is it unplugged or damaged? ${unchanged}`;
    case 'EBUSY':
      return `cannot write to ${label}: it is in use by another program; close it and build again; ${unchanged}`;
    default:
      return `cannot write to ${label}: ${e instanceof Error ? e.message : String(e)}; ${unchanged}`;
  }
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
