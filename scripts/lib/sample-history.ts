/**
 * The sample's history (issue 20): its previous release's dataset (scripts/sample/previous-release.ts)
 * written beside the build and built, so the sample release can be built with `--previous` it.
 * `npm start` (build.ts --sample-history) and the browser tests do this; a county publishes with
 * `--previous` the folder of its own last publication instead.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runDataCli } from '../data';
import { previousRelease } from '../sample/previous-release';

/** Where the sample's previous release is built by default (under the ignored .cache/). */
export const SAMPLE_HISTORY_DIR = join('.cache', 'releases', '2016-11');

export interface SampleHistoryOptions {
  /** Where to write it (default SAMPLE_HISTORY_DIR, with `-public` for a public build). */
  workDir?: string;
  /** A public build's previous release is public too (releases of one kind are compared). */
  isPublic?: boolean;
  log?: (line: string) => void;
}

/**
 * Writes the previous release's dataset to WORK/dataset and builds it into WORK/data; returns that
 * folder, to give as `--previous`. Throws when DATA is not the sample or the build fails.
 */
export async function buildSampleHistory(dataDir: string, options: SampleHistoryOptions = {}): Promise<string> {
  const isPublic = options.isPublic ?? false;
  const workDir = options.workDir ?? `${SAMPLE_HISTORY_DIR}${isPublic ? '-public' : ''}`;
  const log = options.log ?? (() => {});
  const config = JSON.parse(await readFile(join(dataDir, 'atlas.config.json'), 'utf8')) as { sample?: boolean };
  if (config.sample !== true) throw new Error(`${dataDir} is not the sample (atlas.config.json has no "sample": true): give --previous the folder of your last publication instead`);
  const dataset = join(workDir, 'dataset');
  const out = join(workDir, 'data');
  await rm(dataset, { recursive: true, force: true });
  await cp(dataDir, dataset, { recursive: true, filter: (src) => !src.includes(`${join(dataDir, 'templates')}`) });
  const { files } = previousRelease((path) => readFileText(join(dataDir, path)));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dataset, path)), { recursive: true });
    await writeFile(join(dataset, path), text);
  }
  const lines: string[] = [];
  const code = await runDataCli(['build', dataset, '--out', out, ...(isPublic ? ['--public'] : [])], (l) => lines.push(l));
  if (code !== 0) throw new Error(`the sample's previous release did not build (exit ${code}):\n${lines.join('\n')}`);
  log(`built the sample's previous release (2016-11) into ${out}`);
  return out;
}

function readFileText(path: string): string {
  return readFileSync(path, 'utf8');
}
