/**
 * `npm run bench:screens`: the county view's first screen on the screens of issue 18 (phones,
 * the office laptop, the projector, a desktop): map share, the county's drawn size, the masthead's
 * height and rows, and whether the county lies inside the map clear of the overlays; then the same
 * for a town (the tour's first stop, 蒋家堰镇, as a meeting opens it). Builds the
 * sample site into a folder of its own (never dist/ or public/data), serves it, measures each
 * screen in a fresh context (test/browser/screens.ts) and prints a Markdown table.
 *
 * `--no-webgl` measures the fallback (SVG) map. CUNHU_SCREENS_DIR=folder builds there and keeps
 * it; with BENCH_NO_BUILD=1 too, the build already in that folder is measured again.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { runDataCli } from '../data';
import { isEntryPoint } from '../lib/entry-point';
import { launchChromium } from '../../test/browser/chromium';
import { SCREENS, measureScreenAt, screenRow, screenTableHeader } from '../../test/browser/screens';
import { machine } from './common';
import { serve } from './serve';

/** The town measured after the county: the first stop of the sample's tour (the May 2016 on-site meeting). */
const TOWN = { code: '420324101', name: '蒋家堰镇' };

/** Builds the sample data and the site into `dir` (dir/public, dir/dist), as the browser tests' setup does. */
async function buildSite(dir: string): Promise<string> {
  const publicDir = join(dir, 'public');
  const outDir = join(dir, 'dist');
  if (process.env.BENCH_NO_BUILD) return outDir;
  await rm(dir, { recursive: true, force: true });
  await cp('public', publicDir, { recursive: true, filter: (src) => !src.startsWith(join('public', 'data')) });
  const lines: string[] = [];
  const code = await runDataCli(['build', 'data', '--out', join(publicDir, 'data')], (l) => lines.push(l));
  if (code !== 0) throw new Error(`data:build failed (exit ${code}):\n${lines.join('\n')}`);
  await build({ logLevel: 'warn', publicDir, build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function benchScreens(options: { webgl: boolean }): Promise<void> {
  const kept = process.env.CUNHU_SCREENS_DIR;
  if (process.env.BENCH_NO_BUILD && !kept) throw new Error('BENCH_NO_BUILD measures the build in CUNHU_SCREENS_DIR: name that folder');
  const dir = kept ?? (await mkdtemp(join(tmpdir(), 'cunhu-screens-')));
  const server = await serve(await buildSite(dir));
  const browser = await launchChromium({ webgl: options.webgl });
  try {
    console.log(`${machine()}; ${options.webgl ? 'live map (WebGL on SwiftShader)' : 'fallback map (no WebGL)'}; county view, first screen after data-ready`);
    console.log(screenTableHeader('county').join('\n'));
    for (const screen of SCREENS) console.log(screenRow(screen, await measureScreenAt(browser, `${server.url}/`, screen)));
    console.log(`\nTown ${TOWN.name} (#town=${TOWN.code}):`);
    console.log(screenTableHeader('town').join('\n'));
    for (const screen of SCREENS) console.log(screenRow(screen, await measureScreenAt(browser, `${server.url}/`, screen, `#town=${TOWN.code}`, { town: TOWN.code })));
  } finally {
    await browser.close();
    await server.close();
    if (!kept) await rm(dir, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  await benchScreens({ webgl: !process.argv.includes('--no-webgl') });
}
