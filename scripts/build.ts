/**
 * `npm run build [-- --public]`: the site data from data/ (scripts/data.ts build), then the page
 * (vite build) into dist/. `--public` builds the public portal's copy: small household counts
 * withheld (DESIGN.md). The data build's errors stop the build with its exit code.
 */
import { build as viteBuild } from 'vite';
import { runDataCli } from './data';
import { isEntryPoint } from './lib/entry-point';

const USAGE = 'usage: build.ts [--public]';

export interface BuildCliOptions {
  isPublic: boolean;
}

/** Parses the build's flags; unknown ones are an error. */
export function parseBuildArgs(argv: readonly string[]): BuildCliOptions | string {
  let isPublic = false;
  for (const a of argv) {
    if (a === '--public') isPublic = true;
    else return `unknown argument "${a}"\n${USAGE}`;
  }
  return { isPublic };
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
