/**
 * The data CLI: `data.ts check [DIR]` validates a dataset folder; `data.ts build [DIR] [--out DIR]`
 * validates it and writes the site data. Prints every issue as FILE:ROW:COLUMN: level: message.
 * Exit 0 with no errors, 1 with errors, 2 when the dataset cannot be read at all.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatIssue } from '../src/contract/issues';
import { buildSite, type BuildResult } from '../src/pipeline/build';
import type { OutputFile } from '../src/pipeline/emit';
import { DRAWN_MAX_ZOOM } from '../src/pipeline/simplify';
import { isEntryPoint } from './lib/entry-point';
import { folderSource, isFolder } from './lib/folder-source';

const USAGE = 'usage: data.ts check [DIR] [--public] | data.ts build [DIR] [--out DIR] [--public]';

export interface CliOptions {
  command: 'check' | 'build';
  dir: string;
  out: string;
  /** The public portal's data: small household counts withheld. */
  isPublic: boolean;
}

/** Parses the CLI arguments; unknown flags are an error, not ignored. */
export function parseArgs(argv: string[]): CliOptions | string {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'build') return USAGE;
  let dir = 'data';
  let out = 'public/data';
  let sawDir = false;
  let isPublic = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out' && command === 'build' && rest[i + 1]) out = rest[++i]!;
    else if (a === '--public') isPublic = true;
    else if (!a.startsWith('-') && !sawDir) [dir, sawDir] = [a, true];
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  return { command, dir, out, isPublic };
}

/** Runs the command and returns the exit code; `log` receives every output line. */
export async function runDataCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    log(opts);
    return 2;
  }
  if (!(await isFolder(opts.dir))) {
    log(`${opts.dir}: error: the dataset folder does not exist`);
    return 2;
  }
  const result = await buildSite(folderSource(opts.dir), { isPublic: opts.isPublic });
  for (const issue of result.issues) log(formatIssue(issue));
  if (result.fatal) {
    log(`${opts.dir}: error: ${result.fatal}`);
    return 2;
  }
  summarise(result, log);
  if (result.errorCount > 0 || !result.files) {
    if (opts.command === 'build') log(`nothing written: ${opts.out} is left as it was`);
    return 1;
  }
  if (opts.command === 'build') {
    await writeAtomically(resolve(opts.out), result.files);
    const names = [...result.files.keys()];
    const chunks = names.filter((n) => n.startsWith('projects/')).length;
    // A province writes a thousand towns' project files: named once, counted.
    const listed = [...names.filter((n) => !n.startsWith('projects/')).slice(0, 1), ...(chunks > 0 ? [`projects/<town code>.json (${chunks} towns)`] : []), ...names.filter((n) => !n.startsWith('projects/')).slice(1)];
    log(`wrote ${listed.join(', ')} to ${opts.out}${opts.isPublic ? ' (public build: small household counts withheld)' : ''}`);
  }
  return 0;
}

function summarise(result: BuildResult, log: (line: string) => void): void {
  for (const [file, s] of Object.entries(result.inputs)) {
    const rows = s.rows ? `${s.rows.read} rows read, ${s.rows.used} used, ${s.rows.rejected} rejected, ${s.rows.skipped} skipped` : `${s.bytes} bytes`;
    const vertices = s.vertices ? `, ${s.vertices.read} vertices, ${s.vertices.drawn} drawn (simplified to a pixel at zoom ${DRAWN_MAX_ZOOM})` : '';
    log(`  ${file}: ${rows}${vertices}${s.encoding ? ` (${s.encoding})` : ''}`);
  }
  log(`${result.errorCount} error(s), ${result.warningCount} warning(s)`);
}

/**
 * Writes every file into a sibling folder, then swaps it in, so a failed write never leaves half a
 * site. Each file is written piece by piece as it is made, never held whole.
 */
async function writeAtomically(out: string, files: Map<string, OutputFile>): Promise<void> {
  const staging = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const [name, file] of files) {
    await mkdir(dirname(join(staging, name)), { recursive: true });
    await writeFile(join(staging, name), file());
  }
  await mkdir(dirname(out), { recursive: true });
  const hadOld = await isFolder(out);
  if (hadOld) await rename(out, old);
  await rename(staging, out);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  process.exitCode = await runDataCli(process.argv.slice(2));
}
