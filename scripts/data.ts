/**
 * The data CLI: `data.ts check [DIR]` validates a dataset folder; `data.ts build [DIR] [--out DIR]`
 * validates it and writes the site data. Prints every issue as FILE:ROW:COLUMN: level: message, then
 * what it read and wrote, or why it could not write (in English, or Chinese with `--lang zh`:
 * scripts/lib/cli-text.ts, write-text.ts; `--annotate` writes its workbook in Chinese unless `--lang en`).
 * Only regular files inside DIR are read (scripts/lib/folder-source.ts). `build --previous PREV`
 * also compares the new release with the one published in PREV (src/pipeline/release/). `build` holds OUT.lock
 * while it runs and swaps the new files in whole (scripts/lib/write-output.ts): a failed write
 * says why in one line and leaves OUT as it was.
 * Exit 0 with no errors; 1 with errors in the dataset's files (including a file that cannot be
 * read); 2 when the command cannot run: bad arguments, no dataset folder or config, or the output
 * cannot be written (no permission, a full or read-only disk, another build writing it).
 */
import { dirname, join, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { formatIssueIn } from '../src/contract/issues';
import { LANGS, type Lang } from '../src/i18n';
import { levelText, problem, problemText } from '../src/i18n/problems';
import { PROBLEMS_SHEET, annotateWorkbook } from '../src/pipeline/annotate/annotate-workbook';
import { buildSite, type BuildResult, type DatasetSource } from '../src/pipeline/build';
import type { OutputFile } from '../src/pipeline/emit/emit-site';
import { DRAWN_MAX_ZOOM } from '../src/pipeline/emit/simplify';
import { useXlsIsolate } from '../src/pipeline/read/xls';
import { CLI_TEXT, type CliText } from './lib/cli-text';
import { isEntryPoint } from './lib/entry-point';
import { folderSource, isFolder, SourceReadError } from './lib/folder-source';
import { sharpImaging } from './lib/photo-imaging';
import { nodeXlsIsolate } from './lib/xls-isolate';
import { lockOutput, nodeOutputFs, OutputError, sayWrite, type OutputFs, type OutputLock } from './lib/write-output';

const USAGE = 'usage: data.ts check [DIR] [--public] [--annotate OUT.xlsx] [--lang zh|en] | data.ts build [DIR] [--out DIR] [--public] [--previous PREV] [--lang zh|en]';

export interface CliOptions {
  command: 'check' | 'build';
  dir: string;
  out: string;
  /** The public portal's data: small household counts withheld. */
  isPublic: boolean;
  /** The last published build's output folder (`--previous PREV`): the new release lists what changed since it; null for none. */
  previous: string | null;
  /** `check --annotate OUT.xlsx`: a copy of the clerk's workbook (or the tables as one) with every problem on its cell; null for none. */
  annotate?: string | null;
  /** `--lang zh|en`: the language of the problems printed (English when not given) and of the annotated workbook (Chinese when not given). */
  lang?: Lang;
}

/** Parses the CLI arguments; unknown flags are an error, not ignored. */
export function parseArgs(argv: string[]): CliOptions | string {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'build') return USAGE;
  let dir = 'data';
  let out = 'public/data';
  let sawDir = false;
  let isPublic = false;
  let previous: string | null = null;
  let annotate: string | null = null;
  let lang: Lang | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out' && command === 'build' && rest[i + 1]) out = rest[++i]!;
    else if (a === '--previous' && command === 'build' && rest[i + 1]) previous = rest[++i]!;
    else if (a === '--annotate' && command === 'check' && rest[i + 1]) annotate = rest[++i]!;
    else if (a === '--lang' && (LANGS as readonly string[]).includes(rest[i + 1] ?? '')) lang = rest[++i] as Lang;
    else if (a === '--public') isPublic = true;
    else if (!a.startsWith('-') && !sawDir) [dir, sawDir] = [a, true];
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  return { command, dir, out, isPublic, previous, ...(annotate === null ? {} : { annotate }), ...(lang === null ? {} : { lang }) };
}

/** What the CLI reads and writes with; a test passes fakes (a disk that fills up, a file that fails part way). */
export interface CliDeps {
  fs?: OutputFs;
  source?: (dir: string) => DatasetSource;
}

/** Runs the command and returns the exit code; `log` receives every output line. */
export async function runDataCli(argv: string[], log: (line: string) => void = console.log, deps: CliDeps = {}): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    log(opts);
    return 2;
  }
  // An .xls or .et is parsed in a worker thread with a deadline (a damaged one can keep the parser busy).
  useXlsIsolate(nodeXlsIsolate);
  // The problems and the CLI's own lines in one language: English unless --lang says otherwise.
  const printed = opts.lang ?? 'en';
  const say = CLI_TEXT[printed];
  if (!(await isFolder(opts.dir))) {
    log(say.folderMissing(opts.dir));
    return 2;
  }
  if (opts.previous !== null && !(await isFolder(opts.previous))) {
    log(say.previousMissing(opts.previous));
    return 2;
  }
  const fs = deps.fs ?? nodeOutputFs;
  let lock: OutputLock | null = null;
  try {
    // Taken before the build: a second build stops at once, and an OUT lost by a killed build is put back even when this one writes nothing.
    if (opts.command === 'build') lock = await lockOutput(resolve(opts.out), { label: opts.out, fs, log: (note) => log(sayWrite(printed, note)) });
    // PREV may be OUT itself (public/data as last published): it is read whole before OUT is replaced.
    const previous = opts.previous === null ? undefined : { label: opts.previous, read: folderSource(opts.previous).read };
    const result = await buildSite((deps.source ?? folderSource)(opts.dir), { isPublic: opts.isPublic, previous, imaging: sharpImaging });
    for (const issue of result.issues) log(formatIssueIn(printed, issue));
    if (result.fatal) {
      log(`${opts.dir}: ${levelText(printed, 'error')}: ${problemText(printed, result.fatal)}`);
      return 2;
    }
    summarise(result, log, say);
    if (opts.annotate) await writeAnnotated(opts.annotate, result.issues, (deps.source ?? folderSource)(opts.dir), log, opts.lang ?? 'zh', say);
    if (result.errorCount > 0 || !result.files) {
      if (lock) log(say.nothingWritten(opts.out));
      return 1;
    }
    if (lock) {
      const files = result.files;
      const images = result.images ?? new Map<string, Uint8Array>();
      await lock.replace(async (staging) => {
        await writeSiteFiles(fs, staging, files);
        await writeImages(fs, staging, images);
      });
      log(describeWritten([...files.keys(), ...(images.size > 0 ? [say.photoFiles(images.size)] : [])], opts, say));
    }
    return 0;
  } catch (e) {
    if (e instanceof OutputError) {
      log(`${levelText(printed, 'error')}: ${sayWrite(printed, e.reason)}`);
      return 2;
    }
    if (e instanceof SourceReadError) {
      // A file that failed part way through (it grew, or the disk failed): the build stopped there.
      log(formatIssueIn(printed, { file: e.file, row: 0, column: '', level: 'error', ...problem('readFailed', { detail: e.message }) }));
      if (lock) log(say.nothingWritten(opts.out));
      return 1;
    }
    throw e;
  } finally {
    await lock?.release().catch(() => {});
  }
}

/** `--annotate OUT.xlsx`: the clerk's workbook with every problem on its cell (src/pipeline/annotate/). */
async function writeAnnotated(out: string, issues: BuildResult['issues'], source: DatasetSource, log: (line: string) => void, lang: Lang, say: CliText): Promise<void> {
  const { bytes, placed } = await annotateWorkbook(issues, (path) => source.read(path).catch(() => null), (await source.list?.()) ?? [], lang);
  await writeFile(out, bytes);
  const onCells = placed.filter((p) => p.cell).length;
  log(say.annotated(out, placed.length, onCells, PROBLEMS_SHEET));
}

/** The site photos (photos/<hash>.jpg and .t.jpg), each written as the build made it. */
async function writeImages(fs: OutputFs, staging: string, images: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const [name, bytes] of images) {
    await fs.mkdir(dirname(join(staging, name)));
    await fs.writeFile(join(staging, name), bytes);
  }
}

/**
 * Files written at once: while one file's last chunk is on its way to the disk (and the file is
 * closed and the next opened), the other's next chunk is made. A province writes a thousand
 * projects files of 300 KB, where each file's own wait was most of the build's idle time.
 */
const FILES_AT_ONCE = 2;

/**
 * Every output file into the staging folder, each written as it is made, never held whole: its
 * pieces gathered into chunks of about a megabyte per write (nodeOutputFs, inChunks), up to
 * FILES_AT_ONCE files at a time. After a failed file no other is started; the first error is
 * thrown once every file being written has finished, so the staging folder is removed after them.
 */
async function writeSiteFiles(fs: OutputFs, staging: string, files: Map<string, OutputFile>): Promise<void> {
  const writing = new Set<Promise<void>>();
  let failed: { error: unknown } | null = null;
  for (const [name, file] of files) {
    if (failed) break;
    const one: Promise<void> = (async () => {
      await fs.mkdir(dirname(join(staging, name)));
      await fs.writeFile(join(staging, name), file());
    })()
      .catch((error: unknown) => void (failed ??= { error }))
      .finally(() => writing.delete(one));
    writing.add(one);
    if (writing.size >= FILES_AT_ONCE) await Promise.race(writing);
  }
  await Promise.all(writing);
  if (failed) throw (failed as { error: unknown }).error;
}

function describeWritten(names: string[], opts: CliOptions, say: CliText): string {
  const chunks = names.filter((n) => n.startsWith('projects/')).length;
  const others = names.filter((n) => !n.startsWith('projects/'));
  // A province writes a thousand towns' project files: named once, counted.
  const listed = [...others.slice(0, 1), ...(chunks > 0 ? [say.projectFiles(chunks)] : []), ...others.slice(1)];
  return say.wrote(listed, opts.out, opts.isPublic);
}

function summarise(result: BuildResult, log: (line: string) => void, say: CliText): void {
  for (const [file, s] of Object.entries(result.inputs)) {
    const rows = s.rows ? say.rows(s.rows) : say.bytes(s.bytes);
    const vertices = s.vertices ? say.vertices(s.vertices.read, s.vertices.drawn, DRAWN_MAX_ZOOM) : '';
    log(`  ${file}: ${rows}${vertices}${s.encoding ? say.encoding(s.encoding) : ''}`);
  }
  if (result.photos) log(`  ${say.photos(result.photos)}`);
  log(say.totals(result.errorCount, result.warningCount));
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  process.exitCode = await runDataCli(process.argv.slice(2));
}
