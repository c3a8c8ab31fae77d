/**
 * `npm run build [-- [--public] [--tiles]]`: the site data from data/ (scripts/data.ts build),
 * then the page (vite build) into dist/. `--public` builds the public portal's copy: small
 * household counts withheld (DESIGN.md). `--tiles` also writes the boundaries as vector tiles,
 * dist/data/boundaries.pmtiles, for a province or national deployment (docs/deploy.md), and names
 * the archive in index.html so the map reads it instead of the boundary GeoJSON
 * (src/map/boundary-tiles.ts). `--single-file [--private]` writes the meeting package instead: the
 * whole atlas as one HTML file that opens from disk (scripts/lib/single-file.ts), with the public
 * data unless `--private`. The data build's errors stop the build with its exit code.
 * dist/ is replaced whole (scripts/lib/write-output.ts): the page is built into dist.tmp-PID and
 * swapped in, under dist.lock, so a failed or stopped build leaves the previous dist/ as it was. A
 * write that fails (no permission, a full or read-only disk, another build running) is said in one
 * line and exits 2, as data.ts does.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build as viteBuild, type Plugin } from 'vite';
import { BOUNDARY_TILES_META } from '../src/map/boundary-tiles';
import { runDataCli } from './data';
import { isEntryPoint } from './lib/entry-point';
import { buildSampleHistory } from './lib/sample-history';
import { buildSingleFile, describeSingleFile } from './lib/single-file';
import { buildBoundaryTiles, describeStats, type PmtilesStats } from './lib/tiles';
import { describeWriteError, isWriteFault, leftoverKind, lockOutput, OutputError, sayWrite, writeFaultReason } from './lib/write-output';

const USAGE = 'usage: build.ts [--public] [--tiles] [--previous PREV | --sample-history] | --single-file [--private]';
const SITE_DATA = 'public/data';
const OUT_DIR = 'dist';
/** The archive, in the built site's data/ folder; index.html names it relative to the page. */
const TILES_FILE = 'data/boundaries.pmtiles';

export interface BuildCliOptions {
  isPublic: boolean;
  /** The meeting package instead of the site: one HTML file, dist/cunhu-<region>-<month>.html (scripts/lib/single-file.ts). */
  isSingleFile: boolean;
  /** With isSingleFile: the county's own data rather than the public build's. */
  isPrivate: boolean;
  /** Also write dist/data/boundaries.pmtiles from the built towns and county GeoJSON. */
  isTiles: boolean;
  /** The last publication's site data (`--previous PREV`, e.g. public/data): the release lists what changed since it. */
  previous?: string;
  /** The sample's previous release built first and given as `--previous` (`npm start`: the sample shows a history). */
  hasSampleHistory?: boolean;
}

/** Parses the build's flags; unknown ones are an error. */
export function parseBuildArgs(argv: readonly string[]): BuildCliOptions | string {
  let isPublic = false;
  let isTiles = false;
  let isSingleFile = false;
  let isPrivate = false;
  let previous: string | undefined;
  let hasSampleHistory = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--previous' && argv[i + 1]) previous = argv[++i]!;
    else if (a === '--sample-history') hasSampleHistory = true;
    else if (a === '--public') isPublic = true;
    else if (a === '--tiles') isTiles = true;
    else if (a === '--single-file') isSingleFile = true;
    else if (a === '--private') isPrivate = true;
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  if (isPrivate && !isSingleFile) return `--private is for --single-file (the site is the county's own unless --public)\n${USAGE}`;
  if (isSingleFile && (isPublic || isTiles)) return `--single-file is public unless --private, and has no tiles\n${USAGE}`;
  if (previous !== undefined && hasSampleHistory) return `--previous and --sample-history both name the previous release: give one\n${USAGE}`;
  if ((previous !== undefined || hasSampleHistory) && isSingleFile) return `--single-file has no release history\n${USAGE}`;
  return { isPublic, isTiles, isSingleFile, isPrivate, ...(previous === undefined ? {} : { previous }), ...(hasSampleHistory ? { hasSampleHistory } : {}) };
}

/** The boundary GeoJSON preloads of index.html: a page that reads the archive never asks for those files. */
const GEOJSON_PRELOAD = /[ \t]*<link\b[^>]*\bhref="data\/(?:towns|county)\.geojson"[^>]*>\r?\n?/g;

/**
 * index.html for a build with a boundary archive: the archive named in a `<meta>` (the page knows
 * before its first request, so a county's page without one makes no request that can fail) and
 * no preload of the boundary GeoJSON it no longer draws.
 */
export function boundaryTilesHtml(archive: string): Plugin {
  return {
    name: 'cunhu-boundary-tiles',
    transformIndexHtml(html) {
      return { html: html.replace(GEOJSON_PRELOAD, ''), tags: [{ tag: 'meta', attrs: { name: BOUNDARY_TILES_META, content: archive }, injectTo: 'head' }] };
    },
  };
}

/**
 * The page (vite build) into `outDir`, with the site data built in public/data; with `isTiles`
 * also the boundary archive, named in index.html. The archive is cut before the page is built, so
 * a failure leaves no page that names a missing archive, and written after, as vite empties `outDir`.
 */
export async function buildPage(opts: { isTiles: boolean; outDir: string }): Promise<PmtilesStats | null> {
  const tiles = opts.isTiles ? await buildBoundaryTiles(SITE_DATA) : null;
  await viteBuild({ logLevel: 'warn', build: { outDir: opts.outDir, emptyOutDir: true }, plugins: tiles ? [boundaryTilesHtml(TILES_FILE)] : [] });
  if (!tiles) return null;
  await writeFile(join(opts.outDir, TILES_FILE), tiles.bytes);
  return tiles.stats;
}

/**
 * Removes from the built page what vite copied of public/ that is not the site: the lock and the
 * staging or old folders of a data build running beside this one.
 */
async function dropDataWriterFiles(outDir: string): Promise<void> {
  const data = basename(SITE_DATA);
  for (const name of await readdir(outDir)) {
    if (name === `${data}.lock` || leftoverKind(name, data) !== null) await rm(join(outDir, name), { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const opts = parseBuildArgs(argv);
  if (typeof opts === 'string') {
    console.error(opts);
    return 2;
  }
  if (opts.isSingleFile) {
    const result = await buildSingleFile({ isPrivate: opts.isPrivate }).catch((e: unknown) => {
      throw isWriteFault(e) ? new OutputError(writeFaultReason(e, OUT_DIR, false)) : e;
    });
    if (typeof result === 'number') return result;
    console.log(describeSingleFile(result));
    return 0;
  }
  // dist/ is locked first, so two builds do not both reach vite; the data build locks public/data itself.
  const lock = await lockOutput(resolve(OUT_DIR), { label: OUT_DIR, log: (note) => console.log(sayWrite('en', note)) });
  try {
    const previous = opts.hasSampleHistory ? await buildSampleHistory('data', { isPublic: opts.isPublic, log: (line) => console.log(line) }) : opts.previous;
    const code = await runDataCli(['build', 'data', ...(opts.isPublic ? ['--public'] : []), ...(previous === undefined ? [] : ['--previous', previous])]);
    if (code !== 0) return code;
    const stats = await lock.replace(async (staging) => {
      const tiles = await buildPage({ isTiles: opts.isTiles, outDir: staging });
      await dropDataWriterFiles(staging);
      return tiles;
    });
    if (stats) console.log(describeStats(join(OUT_DIR, TILES_FILE), stats));
    console.log(`built dist/${opts.isPublic ? ' (public)' : ''}`);
    return 0;
  } finally {
    await lock.release().catch(() => {});
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      // A write the disk or the folder refused is said in one line; anything else is a fault of the program, shown whole.
      if (e instanceof OutputError || isWriteFault(e)) {
        console.error(`error: ${e instanceof OutputError ? e.message : describeWriteError(e, OUT_DIR)}`);
        process.exit(2);
      }
      console.error(e);
      process.exit(1);
    },
  );
}
