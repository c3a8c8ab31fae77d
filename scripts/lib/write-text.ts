/**
 * What the output writer says (scripts/lib/write-output.ts, output-lock.ts, write-fault.ts), in
 * either language: a failed write's reason and the lock's notes are data (a kind and its
 * parameters), and the CLI says them in its `--lang`. English is the default; `npm run build`
 * says them in English.
 */
import type { Lang } from '../../src/i18n';

/** A file system error while writing `label`; `isUnchanged` when the write left it as it was. */
interface Fault {
  label: string;
  isUnchanged: boolean;
}

/** One text per kind of message, in one language. */
export interface WriteText {
  permissionDenied(r: Fault): string;
  readOnlyDisk(r: Fault): string;
  diskFull(r: Fault): string;
  quotaUsedUp(r: Fault): string;
  /** Part of the path is a file, not a folder (ENOTDIR, EEXIST). */
  pathThroughFile(r: Fault): string;
  pathTooLong(r: Fault): string;
  tooManyOpenFiles(r: Fault): string;
  /** EIO: the disk failed. */
  diskFailed(r: Fault): string;
  /** EBUSY: another program holds the folder. */
  inUse(r: Fault): string;
  /** Any other error: `detail` is its own message, as the system gave it. */
  otherFault(r: Fault & { detail: string }): string;
  /** The output folder's own path is a file. */
  outputIsFile(r: { label: string }): string;
  /** A folder above the output (`blocker`, as the clerk can find it) is a file. */
  fileOnPath(r: { label: string; blocker: string }): string;
  /** The output folder is a link to `target`, which is not there. */
  brokenLink(r: { label: string; target: string }): string;
  /** SIGINT or SIGTERM came before the new folder was swapped in, or the lock was released. */
  stopped(r: { label: string }): string;
  /** Another build holds the lock (its PID when the lock names one). */
  busy(r: { label: string; pid: number | null }): string;
  /** A note: an output lost between a stopped build's two renames was put back from `from`. */
  putBack(r: { label: string; from: string }): string;
  /** A note: what stopped builds left beside the output was removed. */
  leftoversRemoved(r: { label: string; names: readonly string[] }): string;
}

type WriteKind = keyof WriteText;
/** A message of the writer: its kind and the parameters its texts take. */
export type WriteMessage = { [K in WriteKind]: { kind: K } & Parameters<WriteText[K]>[0] }[WriteKind];
/** The kinds of message that are notes, said as the lock works; every other kind is why a write failed. */
type NoteKind = 'putBack' | 'leftoversRemoved';
/** Why a write failed (an OutputError's reason). */
export type WriteReason = Exclude<WriteMessage, { kind: NoteKind }>;
/** What the lock did on its way: said, and the build goes on. */
export type WriteNote = Extract<WriteMessage, { kind: NoteKind }>;

/** The kinds a file system error code is said as; `otherFault` for any other. */
export type FaultKind = Exclude<{ [K in WriteKind]: Parameters<WriteText[K]>[0] extends Fault ? K : never }[WriteKind], 'otherFault'>;

const enUnchanged = ({ label, isUnchanged }: Fault): string => (isUnchanged ? `nothing was changed in ${label}` : `${label} may hold a partly written file`);

const EN: WriteText = {
  permissionDenied: (r) => `cannot write to ${r.label}: permission denied (the folder, or the one it is in, is read-only for this user); ${enUnchanged(r)}`,
  readOnlyDisk: (r) => `cannot write to ${r.label}: the disk is read-only; ${enUnchanged(r)}`,
  diskFull: (r) => `the disk is full: ${r.label} could not be written; free some space and build again; ${enUnchanged(r)}`,
  quotaUsedUp: (r) => `the disk quota is used up: ${r.label} could not be written; free some space and build again; ${enUnchanged(r)}`,
  pathThroughFile: (r) => `cannot write to ${r.label}: part of its path is a file, not a folder; ${enUnchanged(r)}`,
  pathTooLong: (r) => `cannot write to ${r.label}: the path is too long for this disk; ${enUnchanged(r)}`,
  tooManyOpenFiles: (r) => `cannot write to ${r.label}: too many files are open; close some programs and build again; ${enUnchanged(r)}`,
  diskFailed: (r) => `cannot write to ${r.label}: the disk failed (input/output error); is it unplugged or damaged? ${enUnchanged(r)}`,
  inUse: (r) => `cannot write to ${r.label}: it is in use by another program; close it and build again; ${enUnchanged(r)}`,
  otherFault: (r) => `cannot write to ${r.label}: ${r.detail}; ${enUnchanged(r)}`,
  outputIsFile: ({ label }) => `cannot write to ${label}: it is a file, not a folder; move it away and build again`,
  fileOnPath: ({ label, blocker }) => `cannot write to ${label}: ${blocker} is a file, not a folder; nothing was changed in ${label}`,
  brokenLink: ({ label, target }) => `cannot write to ${label}: it is a link to ${target}, which does not exist (a disk not plugged in?); nothing was changed`,
  stopped: ({ label }) => `${label} was not written: the build was stopped; nothing was changed in ${label}`,
  busy: ({ label, pid }) => `another build${pid === null ? '' : ` (process ${pid})`} is writing ${label} now: wait for it to finish and build again; if no build is running, delete ${label}.lock`,
  putBack: ({ label, from }) => `put back ${label} from ${from}: a build was stopped while swapping it in`,
  leftoversRemoved: ({ label, names }) => `removed what stopped builds left beside ${label}: ${names.join(', ')}`,
};

const zhUnchanged = ({ label, isUnchanged }: Fault): string => (isUnchanged ? `${label} 未作任何改动` : `${label} 中可能留有写了一半的文件`);

const ZH: WriteText = {
  permissionDenied: (r) => `无法写入 ${r.label}：没有权限（该文件夹或它所在的文件夹对当前用户是只读的）；${zhUnchanged(r)}`,
  readOnlyDisk: (r) => `无法写入 ${r.label}：磁盘是只读的；${zhUnchanged(r)}`,
  diskFull: (r) => `磁盘已满：${r.label} 未能写入；请腾出空间后重新生成；${zhUnchanged(r)}`,
  quotaUsedUp: (r) => `磁盘配额已用完：${r.label} 未能写入；请腾出空间后重新生成；${zhUnchanged(r)}`,
  pathThroughFile: (r) => `无法写入 ${r.label}：路径中有一级是文件，而不是文件夹；${zhUnchanged(r)}`,
  pathTooLong: (r) => `无法写入 ${r.label}：路径太长，超出了这个磁盘的限制；${zhUnchanged(r)}`,
  tooManyOpenFiles: (r) => `无法写入 ${r.label}：打开的文件太多；请关掉一些程序后重新生成；${zhUnchanged(r)}`,
  diskFailed: (r) => `无法写入 ${r.label}：磁盘读写出错；磁盘是否已拔出或损坏？${zhUnchanged(r)}`,
  inUse: (r) => `无法写入 ${r.label}：它正被另一个程序占用；请关掉那个程序后重新生成；${zhUnchanged(r)}`,
  otherFault: (r) => `无法写入 ${r.label}：${r.detail}；${zhUnchanged(r)}`,
  outputIsFile: ({ label }) => `无法写入 ${label}：它是一个文件，而不是文件夹；请把它移走后重新生成`,
  fileOnPath: ({ label, blocker }) => `无法写入 ${label}：${blocker} 是一个文件，而不是文件夹；${label} 未作任何改动`,
  brokenLink: ({ label, target }) => `无法写入 ${label}：它是指向 ${target} 的链接，而那个位置不存在（移动硬盘没有插上？）；未作任何改动`,
  stopped: ({ label }) => `${label} 未写入：生成被中止了；${label} 未作任何改动`,
  busy: ({ label, pid }) => `另一次生成${pid === null ? '' : `（进程 ${pid}）`}正在写入 ${label}：请等它完成后重新生成；如果并没有在生成，请删除 ${label}.lock`,
  putBack: ({ label, from }) => `已用 ${from} 恢复 ${label}：上次生成在替换它时被中止了`,
  leftoversRemoved: ({ label, names }) => `已删除被中止的生成在 ${label} 旁留下的文件夹和文件：${names.join('、')}`,
};

export const WRITE_TEXT: Readonly<Record<Lang, WriteText>> = { en: EN, zh: ZH };

/** A message of the writer in a language. */
export function sayWrite(lang: Lang, message: WriteMessage): string {
  // Each kind's text takes that kind's parameters; TypeScript cannot follow the pairing through the union.
  const text = WRITE_TEXT[lang][message.kind] as (m: WriteMessage) => string;
  return text(message);
}
