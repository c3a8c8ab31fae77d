/**
 * `npm run build [-- [--public] [--tiles]]`: the site data from data/ (scripts/data.ts build),
 * then the page (vite build) into dist/. `--public` builds the public portal's copy: small
 * household counts withheld (DESIGN.md). `--tiles` also writes the boundaries as vector tiles,
 * dist/data/boundaries.pmtiles, for a province or national deployment (docs/deploy.md). The data
 * build's errors stop the build with its exit code.
 */
import { build as viteBuild } from 'vite';
import { runDataCli } from './data';
import { isEntryPoint } from './lib/entry-point';
import { describeStats, writeBoundaryTiles } from './lib/tiles';

const USAGE = 'usage: build.ts [--public] [--tiles]';
const SITE_DATA = 'public/data';
const TILES_OUT = 'dist/data/boundaries.pmtiles';

export interface BuildCliOptions {
  isPublic: boolean;
  /** Also write dist/data/boundaries.pmtiles from the built towns and county GeoJSON. */
  isTiles: boolean;
}

/** Parses the build's flags; unknown ones are an error. */
export function parseBuildArgs(argv: readonly string[]): BuildCliOptions | string {
  let isPublic = false;
  let isTiles = false;
  for (const a of argv) {
    if (a === '--public') isPublic = true;
    else if (a === '--tiles') isTiles = true;
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  return { isPublic, isTiles };
}

async function main(argv: string[]): Promise<number> {
  const opts = parseBuildArgs(argv);
  if (typeof opts === 'string') {
    console.error(opts);
    return 2;
  }
  const code = await runDataCli(['build', 'data', ...(opts.isPublic ? ['--public'] : [])]);
  if (code !== 0) return code;
  await viteBuild({ logLevel: 'warn' });
  // After vite, which empties dist/: the archive is cut from the site data just built.
  if (opts.isTiles) console.log(describeStats(TILES_OUT, await writeBoundaryTiles(SITE_DATA, TILES_OUT)));
  console.log(`built dist/${opts.isPublic ? ' (public)' : ''}`);
  return 0;
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
