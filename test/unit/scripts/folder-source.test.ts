import { execFileSync } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readdir, realpath, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/contract/issues';
import { buildSite, type DatasetSource } from '../../../src/pipeline/build';
import { runDataCli } from '../../../scripts/data';
import { folderSource, SourceReadError } from '../../../scripts/lib/folder-source';
import { datasetWith } from '../../helpers/fixtures';

describe('huge or broken files', () => {
  it('refuses a 2 GB file by its size, before reading it, with a clear error and nothing else about it', async () => {
    const dir = await datasetWith();
    // A sparse file: 2 GiB long, no disk used, and far too big to read.
    await truncate(join(dir, 'projects.csv'), 2 * 1024 ** 3);
    const started = Date.now();
    const result = await buildSite(folderSource(dir));
    expect(Date.now() - started).toBeLessThan(10_000);
    const lines = result.issues.map(formatIssue).filter((l) => l.startsWith('projects.csv'));
    expect(lines[0]).toBe('projects.csv:0:: error: the file is 2.0 GB; the build reads files up to 1.0 GB: is it the right file? A ledger this large should be split, e.g. by year');
    expect(lines.some((l) => l.includes('is missing'))).toBe(false);
    expect(result.outputs).toBeNull();
  });

  it('names a binary file renamed .csv for what it is', async () => {
    const dir = await datasetWith();
    const { writeFile } = await import('node:fs/promises');
    // A picture, and a damaged workbook.
    await writeFile(join(dir, 'villages.csv'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await writeFile(join(dir, 'projects.csv'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 8, 0, 0, 0]));
    const lines = (await buildSite(folderSource(dir))).issues.map(formatIssue);
    expect(lines).toContain('villages.csv:0:: error: this is a binary file (it holds NUL bytes), not CSV or JSON text');
    expect(lines).toContain('projects.csv:0:: error: the file starts like a zip or .xlsx workbook but cannot be unzipped: is it damaged?');
  });
});

describe('a GeoJSON nested a million deep', () => {
  it('ends with a located error, not a crash', async () => {
    const { buildMiniWith } = await import('../pipeline/mini-source');
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"420324101","name":"x"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}}]}`;
    const { result, lines } = await buildMiniWith({ 'boundaries/towns.geojson': deep });
    expect(result.fatal).toBeNull();
    // The strict JSON reader stops at its depth limit, with the line, column and path it reached.
    expect(lines.some((l) => /^boundaries\/towns\.geojson:1:features\[0\]\.geometry\.coordinates(\[0\])+…: error: not valid JSON: line 1, column \d+: nesting deeper than 512 levels$/.test(l)), lines.join('\n')).toBe(true);
  });
});

/** The build's errors about `file`. */
async function errorsAbout(dir: string, file: string): Promise<string[]> {
  return (await buildSite(folderSource(dir))).issues.map(formatIssue).filter((l) => l.startsWith(`${file}:`) && l.includes(': error: '));
}

/** The check's exit code and lines. */
async function check(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCli(['check', dir], (l) => lines.push(l));
  return { code, lines };
}

const ONLY_FILES = 'not a file: the build reads only regular files';

// Each crafted entry replaces a file of the mini dataset; the build names it and what it is, and never hangs on it.
describe('only regular files inside the dataset folder are read', () => {
  it.each([
    { file: 'progress.csv', what: 'a named pipe', make: (path: string) => execFileSync('mkfifo', [path]), line: `progress.csv:0:: error: progress.csv is a named pipe (FIFO), ${ONLY_FILES}` },
    { file: 'projects.csv', what: 'a folder', make: (path: string) => mkdir(path), line: `projects.csv:0:: error: projects.csv is a folder, ${ONLY_FILES}` },
    { file: 'villages.csv', what: 'a link to /dev/zero', make: (path: string) => symlink('/dev/zero', path), line: `villages.csv:0:: error: villages.csv is a link to a device (/dev/zero), ${ONLY_FILES}` },
    { file: 'households.csv', what: 'a link to a folder', make: (path: string) => symlink('boundaries', path), line: `households.csv:0:: error: households.csv is a link to a folder (<dir>/boundaries), ${ONLY_FILES}` },
    { file: 'boundaries/county.geojson', what: 'a socket', make: (path: string) => listenOn(path), line: `boundaries/county.geojson:0:: error: boundaries/county.geojson is a socket, ${ONLY_FILES}` },
  ])('$file as $what: a located error, exit 1, at once', { timeout: 10_000 }, async ({ file, make, line }) => {
    const dir = await realpath(await datasetWith());
    await rm(join(dir, file));
    const stop = await make(join(dir, file));
    try {
      expect(await errorsAbout(dir, file)).toEqual([line.replace('<dir>', dir)]);
      const { code, lines } = await check(dir);
      expect(code).toBe(1);
      expect(lines).toContain(line.replace('<dir>', dir));
    } finally {
      if (typeof stop === 'function') stop();
    }
  });

  it('the config as a named pipe or a link to /dev/zero: said, exit 2, at once', { timeout: 10_000 }, async () => {
    const fifo = await datasetWith();
    await rm(join(fifo, 'atlas.config.json'));
    execFileSync('mkfifo', [join(fifo, 'atlas.config.json')]);
    const zero = await datasetWith();
    await rm(join(zero, 'atlas.config.json'));
    await symlink('/dev/zero', join(zero, 'atlas.config.json'));
    for (const [dir, what] of [[fifo, 'is a named pipe (FIFO)'], [zero, 'is a link to a device (/dev/zero)']] as const) {
      const { code, lines } = await check(dir);
      expect(code).toBe(2);
      expect(lines[0]).toBe(`atlas.config.json:0:: error: atlas.config.json ${what}, ${ONLY_FILES}`);
    }
  });

  it('a link to a file outside the folder is refused; one inside the folder is followed', async () => {
    const dir = await datasetWith();
    const elsewhere = await mkdtemp(join(tmpdir(), 'cunhu-elsewhere-'));
    await rename(join(dir, 'villages.csv'), join(elsewhere, 'villages.csv'));
    await symlink(join(elsewhere, 'villages.csv'), join(dir, 'villages.csv'));
    const { code, lines } = await check(dir);
    expect(code).toBe(1);
    expect(lines).toContain(`villages.csv:0:: error: villages.csv is a link to a file outside the dataset folder (${await realpath(join(elsewhere, 'villages.csv'))}): copy the file into the folder`);

    await rm(join(dir, 'villages.csv'));
    await mkdir(join(dir, 'copies'));
    await rename(join(elsewhere, 'villages.csv'), join(dir, 'copies', 'villages.csv'));
    await symlink(join('copies', 'villages.csv'), join(dir, 'villages.csv'));
    expect((await check(dir)).code).toBe(0);
  });

  it('a linked folder leading outside, a dangling link and a loop are each said for the file', async () => {
    const dir = await datasetWith();
    const elsewhere = await mkdtemp(join(tmpdir(), 'cunhu-elsewhere-'));
    await rename(join(dir, 'boundaries'), join(elsewhere, 'boundaries'));
    await symlink(join(elsewhere, 'boundaries'), join(dir, 'boundaries'));
    await rm(join(dir, 'projects.csv'));
    await symlink('no-such-file.csv', join(dir, 'projects.csv'));
    await rm(join(dir, 'progress.csv'));
    await symlink('progress.csv', join(dir, 'progress.csv'));
    const { code, lines } = await check(dir);
    expect(code).toBe(1);
    expect(lines).toContain(`boundaries/towns.geojson:0:: error: boundaries/towns.geojson is in a linked folder outside the dataset folder (${await realpath(join(elsewhere, 'boundaries', 'towns.geojson'))}): copy the file into the folder`);
    expect(lines).toContain('projects.csv:0:: error: projects.csv is a link to no-such-file.csv, which does not exist: copy the file into the folder');
    expect(lines).toContain('progress.csv:0:: error: progress.csv is a link that leads round in a loop: copy the file into the folder');
  });
});

describe('the size limit holds while reading', () => {
  it.runIf(process.platform === 'linux')('stops a file that says it is empty at the limit (/proc/self/environ says 0 bytes)', async () => {
    const read = folderSource('/proc/self', 4).read('environ');
    await expect(read).rejects.toThrow('environ grew past 4 bytes while the build read it (it said 0 bytes); the build reads files up to 4 bytes: is something still writing it?');
  });

  it('stops a table that grows after it was opened, with an error naming it', async () => {
    const dir = await datasetWith();
    const limit = 64 * 1024;
    const file = await folderSource(dir, limit).open!('projects.csv');
    await appendFile(join(dir, 'projects.csv'), 'x'.repeat(limit));
    const reading = (async () => {
      for await (const _ of file!.chunks());
    })();
    await expect(reading).rejects.toThrow(SourceReadError);
    await expect(reading).rejects.toThrow(`projects.csv grew past ${limit} bytes while the build read it`);
  });

  it('reads a large table in order with a chunk read ahead, and a reader that stops early leaves no read behind', async () => {
    const dir = await datasetWith();
    // 3.5 MB whose every 4-byte word is its own offset: a chunk out of order or read twice shows.
    const words = new Uint32Array((3.5 * (1 << 20)) / 4).map((_, i) => i * 4);
    await writeFile(join(dir, 'projects.csv'), new Uint8Array(words.buffer));
    const file = await folderSource(dir).open!('projects.csv');
    const chunks: Uint8Array[] = [];
    for await (const chunk of file!.chunks()) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).equals(new Uint8Array(words.buffer))).toBe(true);
    expect(await file!.sha256()).toMatch(/^[0-9a-f]{64}$/);
    // Stopped after the first chunk, with the second in flight: nothing thrown, and the file read again whole.
    for await (const _ of file!.chunks()) break;
    let again = 0;
    for await (const chunk of file!.chunks()) again += chunk.length;
    expect(again).toBe(words.byteLength);
  });

  it('refuses a table replaced after it was opened', async () => {
    const dir = await datasetWith();
    const file = await folderSource(dir).open!('projects.csv');
    await copyFile(join(dir, 'projects.csv'), join(dir, 'new.csv'));
    await rename(join(dir, 'new.csv'), join(dir, 'projects.csv'));
    const reading = (async () => {
      for await (const _ of file!.chunks());
    })();
    await expect(reading).rejects.toThrow('projects.csv was replaced while the build read it: build again when nothing is changing the folder');
  });

  it('the CLI says a file that failed part way for the file, exits 1 and writes nothing', async () => {
    const dir = await datasetWith();
    const out = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'site');
    const limit = 64 * 1024;
    // The ledger grows between being opened and being read, as when Excel is still saving it.
    const growing = (d: string): DatasetSource => {
      const source = folderSource(d, limit);
      return {
        read: (path) => source.read(path),
        async open(path) {
          const file = await source.open!(path);
          if (path === 'projects.csv') await appendFile(join(d, path), 'x'.repeat(limit));
          return file;
        },
      };
    };
    const lines: string[] = [];
    const code = await runDataCli(['build', dir, '--out', out], (l) => lines.push(l), { source: growing });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^projects\.csv:0:: error: projects\.csv grew past 65536 bytes while the build read it/);
    expect(lines.at(-1)).toBe(`nothing written: ${out} is left as it was`);
    expect(await readdir(dirname(out))).toEqual([]);
  });
});

/** A Unix socket listening at `path`; returns the function that closes it. */
async function listenOn(path: string): Promise<() => void> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(path, done));
  return () => server.close();
}
