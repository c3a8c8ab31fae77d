import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDataCli } from '../../../scripts/data';
import { describeWriteError, errorCode, inChunks, isWriteFault, lockOutput, nodeOutputFs, OutputError, sayWrite, writeBehind, writeFaultReason, type OutputFs, type WriteNote, type WriteReason } from '../../../scripts/lib/write-output';
import { datasetWith } from '../../helpers/fixtures';

/** A PID above any kernel's pid_max: no process has it. */
const DEAD_PID = 999_999_999;

/** A previous build's output in `<tmp>/site`: three files, one in a subfolder. */
async function previousOutput(): Promise<{ parent: string; out: string }> {
  const parent = await mkdtemp(join(tmpdir(), 'cunhu-out-'));
  const out = join(parent, 'site');
  await mkdir(join(out, 'projects'), { recursive: true });
  await writeFile(join(out, 'site.json'), 'previous site');
  await writeFile(join(out, 'manifest.json'), 'previous manifest');
  await writeFile(join(out, 'projects', '420324101.json'), 'previous projects');
  return { parent, out };
}

/** Every file under `dir` with its text, to compare a folder before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    if ((await stat(join(dir, name))).isFile()) files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

async function build(dir: string, out: string, fs?: OutputFs, lang?: 'zh' | 'en'): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCli(['build', dir, '--out', out, ...(lang ? ['--lang', lang] : [])], (l) => lines.push(l), fs ? { fs } : {});
  return { code, lines };
}

function failure(code: string, path = 'x'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${path}`), { code, path });
}

/** The real file system, except that the `at`-th call (from 0) of `call` fails with `code`. */
function failing(call: keyof OutputFs, code: string, at = 0): OutputFs {
  let calls = 0;
  const real = nodeOutputFs[call] as (...args: unknown[]) => Promise<void>;
  return {
    ...nodeOutputFs,
    [call]: (...args: unknown[]) => (calls++ === at ? Promise.reject(failure(code, String(args[0]))) : real(...args)),
  };
}

// A write the disk or the folder refuses: one clear line, exit 2, the previous output whole, no staging folder, no lock.
describe('a failed write leaves the output as it was', () => {
  it.each([
    { fault: 'a full disk (ENOSPC) on the third file', fs: failing('writeFile', 'ENOSPC', 2), says: (out: string) => `error: the disk is full: ${out} could not be written; free some space and build again; nothing was changed in ${out}` },
    { fault: 'a disk quota (EDQUOT)', fs: failing('writeFile', 'EDQUOT', 1), says: (out: string) => `error: the disk quota is used up: ${out} could not be written; free some space and build again; nothing was changed in ${out}` },
    { fault: 'a read-only disk (EROFS) when locking', fs: failing('createExclusive', 'EROFS'), says: (out: string) => `error: cannot write to ${out}: the disk is read-only; nothing was changed in ${out}` },
    { fault: 'no permission (EACCES) for the staging folder', fs: failing('mkdir', 'EACCES', 1), says: (out: string) => `error: cannot write to ${out}: permission denied (the folder, or the one it is in, is read-only for this user); nothing was changed in ${out}` },
    { fault: 'a disk that fails (EIO) swapping the folder in', fs: failing('rename', 'EIO', 1), says: (out: string) => `error: cannot write to ${out}: the disk failed (input/output error); is it unplugged or damaged? nothing was changed in ${out}` },
  ])('$fault', async ({ fs, says }) => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    const { code, lines } = await build(await datasetWith(), out, fs);
    expect(lines.at(-1)).toBe(says(out));
    expect(code).toBe(2);
    expect(lines.some((l) => /\n\s+at /.test(l))).toBe(false);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('two files written at once: one fails while the other is still being written; the folder is cleared after both', async () => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    const events: string[] = [];
    let started = 0;
    const fs: OutputFs = {
      ...nodeOutputFs,
      writeFile: async (path, pieces) => {
        const k = started++;
        if (k === 0) {
          // The first file is slow: the second is started, and fails, while it is written.
          await new Promise((done) => setTimeout(done, 100));
          await nodeOutputFs.writeFile(path, pieces);
          events.push('first written');
        } else if (k === 1) {
          events.push('second failed');
          throw failure('ENOSPC', path);
        } else events.push(`file ${k} started`);
      },
      remove: async (path) => {
        if (path.includes('.tmp-') && started > 0) events.push('staging removed');
        await nodeOutputFs.remove(path);
      },
    };
    const { code, lines } = await build(await datasetWith(), out, fs);
    expect(code).toBe(2);
    expect(lines.at(-1)).toBe(`error: the disk is full: ${out} could not be written; free some space and build again; nothing was changed in ${out}`);
    expect(events.slice(0, 3)).toEqual(['second failed', 'first written', 'staging removed']);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('a path through a file (ENOTDIR): said, exit 2', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cunhu-out-'));
    await writeFile(join(parent, 'notes.txt'), 'not a folder');
    const out = join(parent, 'notes.txt', 'site');
    const { code, lines } = await build(await datasetWith(), out);
    expect(code).toBe(2);
    expect(lines.at(-1)).toBe(`error: cannot write to ${out}: ${join(parent, 'notes.txt')} is a file, not a folder; nothing was changed in ${out}`);
    expect(await readdir(parent)).toEqual(['notes.txt']);
  });

  it('an output that is a file: said, exit 2, the file untouched', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cunhu-out-'));
    await writeFile(join(parent, 'site'), 'a file');
    const { code, lines } = await build(await datasetWith(), join(parent, 'site'));
    expect(code).toBe(2);
    expect(lines.at(-1)).toBe(`error: cannot write to ${join(parent, 'site')}: it is a file, not a folder; move it away and build again`);
    expect(await readFile(join(parent, 'site'), 'utf8')).toBe('a file');
  });

  // chmod does not stop root (as the tests run here): the fault is then simulated above (EACCES), and this runs only as another user.
  it.skipIf(process.getuid?.() === 0)('a read-only output folder (chmod 555): said, exit 2, unchanged', async () => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    await chmod(parent, 0o555);
    try {
      const { code, lines } = await build(await datasetWith(), out);
      expect(code).toBe(2);
      expect(lines.at(-1)).toMatch(/^error: cannot write to .*: permission denied/);
      expect(await snapshot(out)).toEqual(before);
    } finally {
      await chmod(parent, 0o755);
    }
  });

  it('a failed write says its errno in plain words for every code a clerk can meet', () => {
    expect(describeWriteError(failure('EPERM'), 'public/data')).toMatch(/^cannot write to public\/data: permission denied/);
    expect(describeWriteError(failure('ENOSPC'), 'public/data')).toBe('the disk is full: public/data could not be written; free some space and build again; nothing was changed in public/data');
    expect(describeWriteError(failure('EMFILE'), 'dist')).toMatch(/too many files are open/);
    expect(describeWriteError(failure('ENOTDIR'), 'dist')).toBe('cannot write to dist: part of its path is a file, not a folder; nothing was changed in dist');
    expect(describeWriteError(new Error('boom'), 'dist')).toBe('cannot write to dist: boom; nothing was changed in dist');
  });

  it('finds the errno code inside the errors vite throws (a plugin copying public/ into a full disk)', () => {
    const fromVite = Object.assign(new Error('Build failed with 1 error'), { errors: [Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'PLUGIN_ERROR', pluginCode: 'ENOSPC' })] });
    expect(errorCode(fromVite)).toBe('ENOSPC');
    expect(isWriteFault(fromVite)).toBe(true);
    expect(errorCode(new Error('wrapped', { cause: failure('EROFS') }))).toBe('EROFS');
    expect(isWriteFault(new Error('a syntax error in the page'))).toBe(false);
  });
});

// The English every caller and test reads, kept word for word: one line per code a clerk can meet.
const ENGLISH_FAULTS: [code: string, says: string][] = [
  ['EACCES', 'cannot write to dist: permission denied (the folder, or the one it is in, is read-only for this user); nothing was changed in dist'],
  ['EPERM', 'cannot write to dist: permission denied (the folder, or the one it is in, is read-only for this user); nothing was changed in dist'],
  ['EROFS', 'cannot write to dist: the disk is read-only; nothing was changed in dist'],
  ['ENOSPC', 'the disk is full: dist could not be written; free some space and build again; nothing was changed in dist'],
  ['EDQUOT', 'the disk quota is used up: dist could not be written; free some space and build again; nothing was changed in dist'],
  ['ENOTDIR', 'cannot write to dist: part of its path is a file, not a folder; nothing was changed in dist'],
  ['EEXIST', 'cannot write to dist: part of its path is a file, not a folder; nothing was changed in dist'],
  ['ENAMETOOLONG', 'cannot write to dist: the path is too long for this disk; nothing was changed in dist'],
  ['EMFILE', 'cannot write to dist: too many files are open; close some programs and build again; nothing was changed in dist'],
  ['ENFILE', 'cannot write to dist: too many files are open; close some programs and build again; nothing was changed in dist'],
  ['EIO', 'cannot write to dist: the disk failed (input/output error); is it unplugged or damaged? nothing was changed in dist'],
  ['EBUSY', 'cannot write to dist: it is in use by another program; close it and build again; nothing was changed in dist'],
];

/** Every message the writer can give, with the paths it names, in both languages. */
const MESSAGES: (WriteReason | WriteNote)[] = [
  ...(['permissionDenied', 'readOnlyDisk', 'diskFull', 'quotaUsedUp', 'pathThroughFile', 'pathTooLong', 'tooManyOpenFiles', 'diskFailed', 'inUse'] as const).flatMap((kind) => [true, false].map((isUnchanged) => ({ kind, label: 'public/data', isUnchanged }))),
  { kind: 'otherFault', label: 'public/data', isUnchanged: true, detail: '' },
  { kind: 'outputIsFile', label: 'public/data' },
  { kind: 'fileOnPath', label: 'public/data', blocker: '/media/u/data' },
  { kind: 'brokenLink', label: 'public/data', target: '/media/u/data' },
  { kind: 'stopped', label: 'public/data' },
  { kind: 'busy', label: 'public/data', pid: 4242 },
  { kind: 'busy', label: 'public/data', pid: null },
  { kind: 'putBack', label: 'public/data', from: 'data.old-4242' },
  { kind: 'leftoversRemoved', label: 'public/data', names: ['data.del-1', 'data.tmp-2'] },
];

describe('a failed write in Chinese with --lang zh, in English without', () => {
  it('says every error code in the same English as before, and in Chinese', () => {
    for (const [code, says] of ENGLISH_FAULTS) {
      expect(describeWriteError(failure(code), 'dist'), code).toBe(says);
      expect(new OutputError(writeFaultReason(failure(code), 'dist')).message, code).toBe(says);
      expect(describeWriteError(failure(code), 'dist', true, 'zh'), code).toMatch(/^(无法写入 dist：|磁盘已满：dist |磁盘配额已用完：dist ).+[；？]dist 未作任何改动$/);
    }
    expect(describeWriteError(failure('ENOSPC'), 'dist', false)).toBe('the disk is full: dist could not be written; free some space and build again; dist may hold a partly written file');
    expect(describeWriteError(failure('ENOSPC'), 'dist', false, 'zh')).toBe('磁盘已满：dist 未能写入；请腾出空间后重新生成；dist 中可能留有写了一半的文件');
    // A code the clerk cannot act on: the system's own words, inside the sentence of the language.
    expect(describeWriteError(new Error('boom'), 'dist', true, 'zh')).toBe('无法写入 dist：boom；dist 未作任何改动');
  });

  it('has Chinese for every message, with no English word but the paths it names', () => {
    for (const m of MESSAGES) {
      const zh = sayWrite('zh', m);
      expect(zh, m.kind).not.toBe(sayWrite('en', m));
      expect(zh.replace(/public\/data(\.lock)?|\/media\/u\/data|data\.\w+-\d+/g, ''), zh).not.toMatch(/[A-Za-z]{3,}/);
      // Full-width punctuation, as the rest of the Chinese lines.
      expect(zh, zh).not.toMatch(/[;(),]|: /);
    }
  });

  it('a full disk: the Chinese line with --lang zh, the English one without; the output as it was', async () => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    const zh = await build(await datasetWith(), out, failing('writeFile', 'ENOSPC', 2), 'zh');
    expect(zh.code).toBe(2);
    expect(zh.lines.at(-1)).toBe(`错误: 磁盘已满：${out} 未能写入；请腾出空间后重新生成；${out} 未作任何改动`);
    const en = await build(await datasetWith(), out, failing('writeFile', 'ENOSPC', 2));
    expect(en.code).toBe(2);
    expect(en.lines.at(-1)).toBe(`error: the disk is full: ${out} could not be written; free some space and build again; nothing was changed in ${out}`);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('no permission, a read-only disk: said in Chinese', async () => {
    const { out } = await previousOutput();
    expect((await build(await datasetWith(), out, failing('mkdir', 'EACCES', 1), 'zh')).lines.at(-1)).toBe(`错误: 无法写入 ${out}：没有权限（该文件夹或它所在的文件夹对当前用户是只读的）；${out} 未作任何改动`);
    expect((await build(await datasetWith(), out, failing('createExclusive', 'EROFS'), 'zh')).lines.at(-1)).toBe(`错误: 无法写入 ${out}：磁盘是只读的；${out} 未作任何改动`);
  });

  it('another build writing the folder: said in Chinese, the lock left to it', async () => {
    const { parent, out } = await previousOutput();
    await writeFile(join(parent, 'site.lock'), `${process.ppid}\n`);
    const { code, lines } = await build(await datasetWith(), out, undefined, 'zh');
    expect(code).toBe(2);
    expect(lines).toEqual([`错误: 另一次生成（进程 ${process.ppid}）正在写入 ${out}：请等它完成后重新生成；如果并没有在生成，请删除 ${out}.lock`]);
    expect(await readFile(join(parent, 'site.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('an output that is a file, a link to nothing: said in Chinese', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cunhu-out-'));
    await writeFile(join(parent, 'site'), 'a file');
    expect((await build(await datasetWith(), join(parent, 'site'), undefined, 'zh')).lines.at(-1)).toBe(`错误: 无法写入 ${join(parent, 'site')}：它是一个文件，而不是文件夹；请把它移走后重新生成`);
    const out = join(parent, 'link');
    await symlink('/no/such/disk/site', out);
    expect((await build(await datasetWith(), out, undefined, 'zh')).lines.at(-1)).toBe(`错误: 无法写入 ${out}：它是指向 /no/such/disk/site 的链接，而那个位置不存在（移动硬盘没有插上？）；未作任何改动`);
  });

  it('the lock’s notes: an output put back and leftovers removed, in Chinese', async () => {
    const { parent, out } = await previousOutput();
    const { rename } = await import('node:fs/promises');
    await rename(out, join(parent, `site.old-${DEAD_PID}`));
    await mkdir(join(parent, `site.tmp-${DEAD_PID}`));
    const { code, lines } = await build(await datasetWith(), out, undefined, 'zh');
    expect(code).toBe(0);
    expect(lines.slice(0, 2)).toEqual([`已用 site.old-${DEAD_PID} 恢复 ${out}：上次生成在替换它时被中止了`, `已删除被中止的生成在 ${out} 旁留下的文件夹和文件：site.tmp-${DEAD_PID}`]);
    expect(await readdir(parent)).toEqual(['site']);
  });
});

describe('an output folder that is a link', () => {
  it('is written where the link leads, and the link stays', async () => {
    const { parent, out: target } = await previousOutput();
    const linkParent = await mkdtemp(join(tmpdir(), 'cunhu-link-'));
    const out = join(linkParent, 'site');
    await symlink(target, out);
    expect((await build(await datasetWith(), out)).code).toBe(0);
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
    expect(await readlink(out)).toBe(target);
    expect(await readFile(join(target, 'site.json'), 'utf8')).toMatch(/^\{/);
    expect(await readdir(parent)).toEqual(['site']);
    expect(await readdir(linkParent)).toEqual(['site']);
  });

  it('a link to a folder that is not there (a disk not plugged in): said, exit 2', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cunhu-link-'));
    await symlink('/no/such/disk/site', join(parent, 'site'));
    const { code, lines } = await build(await datasetWith(), join(parent, 'site'));
    expect(code).toBe(2);
    expect(lines.at(-1)).toBe(`error: cannot write to ${join(parent, 'site')}: it is a link to /no/such/disk/site, which does not exist (a disk not plugged in?); nothing was changed`);
  });
});

describe('leftovers of stopped builds', () => {
  it('removes staging, old folders and moved-aside locks of dead builds at the start', async () => {
    const { parent, out } = await previousOutput();
    for (const name of [`site.tmp-${DEAD_PID}`, `site.old-${DEAD_PID}`, `site.del-${DEAD_PID}`, `site.tmp-${process.pid}`]) {
      await mkdir(join(parent, name, 'projects'), { recursive: true });
      await writeFile(join(parent, name, 'projects', 'big.json'), 'x'.repeat(10_000));
    }
    await writeFile(join(parent, `site.lock.stale-${DEAD_PID}`), `${DEAD_PID}\n`);
    // A folder a person made that only looks alike is not the build's to remove.
    await mkdir(join(parent, 'site.tmp-notes'));
    const { code, lines } = await build(await datasetWith(), out);
    expect(code).toBe(0);
    expect(lines).toContain(`removed what stopped builds left beside ${out}: ${[`site.lock.stale-${DEAD_PID}`, `site.old-${DEAD_PID}`, `site.del-${DEAD_PID}`, `site.tmp-${DEAD_PID}`, `site.tmp-${process.pid}`].sort().join(', ')}`);
    expect((await readdir(parent)).sort()).toEqual(['site', 'site.tmp-notes']);
    expect(await readFile(join(out, 'site.json'), 'utf8')).toMatch(/^\{/);
  });

  it('puts back an output lost between the two renames, even when this build writes nothing', async () => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    // Killed after OUT → OUT.old-PID and before staging → OUT.
    const { rename } = await import('node:fs/promises');
    await rename(out, join(parent, `site.old-${DEAD_PID}`));
    await mkdir(join(parent, `site.tmp-${DEAD_PID}`));
    const { code, lines } = await build(await datasetWith('duplicate-id'), out);
    expect(code).toBe(1);
    expect(lines[0]).toBe(`put back ${out} from site.old-${DEAD_PID}: a build was stopped while swapping it in`);
    expect(lines.at(-1)).toBe(`nothing written: ${out} is left as it was`);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['site']);
  });
});

describe('one build at a time', () => {
  it('a live lock stops the second build with a clear message; the first output stays', async () => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    // The test runner's parent process: alive for as long as this test.
    await writeFile(join(parent, 'site.lock'), `${process.ppid}\n`);
    const { code, lines } = await build(await datasetWith(), out);
    expect(code).toBe(2);
    expect(lines).toEqual([`error: another build (process ${process.ppid}) is writing ${out} now: wait for it to finish and build again; if no build is running, delete ${out}.lock`]);
    expect(await snapshot(out)).toEqual(before);
    expect(await readFile(join(parent, 'site.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('a lock whose build is gone is taken over, and released after', async () => {
    const { parent, out } = await previousOutput();
    await writeFile(join(parent, 'site.lock'), `${DEAD_PID}\n`);
    expect((await build(await datasetWith(), out)).code).toBe(0);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('a lock naming this process that it does not hold is a dead build’s whose PID came round again', async () => {
    const { parent, out } = await previousOutput();
    await writeFile(join(parent, 'site.lock'), `${process.pid}\n`);
    expect((await build(await datasetWith(), out)).code).toBe(0);
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('an empty lock is a build starting; an old empty one is a dead build’s', async () => {
    const { parent, out } = await previousOutput();
    await writeFile(join(parent, 'site.lock'), '');
    expect((await build(await datasetWith(), out)).lines.at(-1)).toMatch(/^error: another build is writing/);
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(parent, 'site.lock'), minuteAgo, minuteAgo);
    expect((await build(await datasetWith(), out)).code).toBe(0);
  });

  it('two builds at once into one folder: one writes, the other stops', async () => {
    const { parent, out } = await previousOutput();
    const dir = await datasetWith();
    const results = await Promise.all([build(dir, out), build(dir, out)]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(results.find((r) => r.code === 2)!.lines.at(-1)).toMatch(new RegExp(`^error: another build \\(process ${process.pid}\\) is writing`));
    expect(await readdir(parent)).toEqual(['site']);
  });

  it('a lock cannot be used after release, and a failed fill leaves no staging folder', async () => {
    const { parent, out } = await previousOutput();
    const lock = await lockOutput(out);
    await expect(lock.replace(() => Promise.reject(failure('ENOSPC')))).rejects.toThrow(OutputError);
    expect((await readdir(parent)).sort()).toEqual(['site', 'site.lock']);
    await lock.release();
    expect(await readdir(parent)).toEqual(['site']);
    await expect(lock.replace(async () => {})).rejects.toThrow(/was not written: the build was stopped/);
  });
});

describe('SIGINT and SIGTERM during a write', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: the staging folder and the lock are removed, the output stays whole', { timeout: 30_000 }, async (signal) => {
    const { parent, out } = await previousOutput();
    const before = await snapshot(out);
    const module = pathToFileURL(join(import.meta.dirname, '../../../scripts/lib/write-output.ts')).href;
    // A build that has written one file of its staging folder and is still writing.
    const script = `import { lockOutput } from ${JSON.stringify(module)};
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
const lock = await lockOutput(${JSON.stringify(out)});
await lock.replace(async (staging) => {
  await writeFile(join(staging, 'site.json'), 'half');
  console.log('writing');
  await new Promise(() => setInterval(() => {}, 1000));
});`;
    const file = join(parent, '..', `${parent.split('/').at(-1)}-child.mts`);
    await writeFile(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: join(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && ready());
      child.on('exit', () => fail(new Error(`the child ended early: ${stderr}`)));
    });
    expect((await readdir(parent)).sort()).toEqual(['site', 'site.lock', `site.tmp-${child.pid}`]);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(stderr).toBe('');
    expect(await readdir(parent)).toEqual(['site']);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe('a file written in chunks', () => {
  /** The bytes writeFile makes of the pieces one by one: each string encoded as UTF-8 on its own. */
  const oneByOne = (pieces: (string | Uint8Array)[]): Buffer => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  const pieces: (string | Uint8Array)[] = ['{"a":', '村道硬化', '\uD83D\uDE00', 'x'.repeat(40), new Uint8Array([0, 1, 255]), '', '\uD800', '\uDC00', 'y'.repeat(70), new Uint8Array(50).fill(7), '危'.repeat(30), 'z'];

  it('holds the same bytes as the pieces written one by one, a lone surrogate at a piece end as U+FFFD', () => {
    for (const size of [8, 16, 64, 100, 1 << 20]) {
      const chunks = [...inChunks(pieces, size)];
      expect(Buffer.concat(chunks).equals(oneByOne(pieces)), `chunks of ${size}`).toBe(true);
      // A chunk is never larger than the size, except a piece larger than a chunk, which goes whole.
      for (const c of chunks) expect(c.length <= size || pieces.some((p) => p === c || (typeof p === 'string' && p.length * 3 > size && Buffer.from(p).equals(c)))).toBe(true);
    }
    expect([...inChunks(pieces, 1 << 20)]).toHaveLength(1);
    expect([...inChunks([], 64)]).toEqual([]);
  });

  it('gives a new buffer for each chunk, so one kept is not overwritten', () => {
    const chunks = [...inChunks(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)], 32)];
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)]);
  });

  it('nodeOutputFs writes a file of many pieces, a string or bytes, with the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-chunks-'));
    const many = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `项目${i},` : i % 3 === 1 ? new Uint8Array([i & 255]) : `"${i}"`));
    await nodeOutputFs.writeFile(join(dir, 'many'), many);
    expect((await readFile(join(dir, 'many'))).equals(oneByOne(many))).toBe(true);
    await nodeOutputFs.writeFile(join(dir, 'text'), '村道');
    expect(await readFile(join(dir, 'text'), 'utf8')).toBe('村道');
    await nodeOutputFs.writeFile(join(dir, 'bytes'), new Uint8Array([1, 2]));
    expect([...(await readFile(join(dir, 'bytes')))]).toEqual([1, 2]);
    await nodeOutputFs.writeFile(join(dir, 'empty'), []);
    expect((await readFile(join(dir, 'empty'))).length).toBe(0);
  });

  it('fails as the pieces fail: an error part way through the file rejects the write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-chunks-'));
    function* failingPart(): Generator<string> {
      yield 'x'.repeat(3 << 20);
      yield 'y';
      throw failure('EIO');
    }
    await expect(nodeOutputFs.writeFile(join(dir, 'part'), failingPart())).rejects.toMatchObject({ code: 'EIO' });
  });

  it('writes each chunk while the next is made, in order, and fails with the disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-chunks-'));
    // Chunks of different sizes and bytes, so one written out of order or at the wrong place shows.
    const made: number[] = [];
    function* chunks(): Generator<Uint8Array> {
      for (let i = 0; i < 40; i++) {
        made.push(i);
        yield new Uint8Array(100_000 + i).fill(i);
      }
    }
    await writeBehind(join(dir, 'ordered'), chunks());
    const bytes = await readFile(join(dir, 'ordered'));
    expect(made).toHaveLength(40);
    expect(bytes.length).toBe(40 * 100_000 + (39 * 40) / 2);
    let at = 0;
    for (let i = 0; i < 40; i++) {
      expect(bytes[at], `chunk ${i}`).toBe(i);
      expect(bytes[at + 99_999 + i], `chunk ${i}`).toBe(i);
      at += 100_000 + i;
    }
    // A full disk (Linux's /dev/full): the write's own error, while the next chunk was being made.
    if (existsSync('/dev/full')) await expect(writeBehind('/dev/full', chunks())).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(writeBehind(join(dir, 'no-such-folder', 'x'), chunks())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
