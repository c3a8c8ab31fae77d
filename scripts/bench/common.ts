import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { cp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/browser/chromium';

/** Prints a figure as the benchmarks do: `name: value`. */
export function figure(name: string, value: number | string, digits = 1): void {
  console.log(`${name}: ${typeof value === 'number' ? value.toFixed(digits) : value}`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The machine, for BENCHMARKS.md. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/**
 * Where the benchmarks find the built site and the benchmark pages: dist/ and dist-bench/ (with
 * the site data of public/), or under BENCH_DIR (dist, dist-bench and public of its own), so a
 * run leaves the working tree's build alone (other builds and test runs may be using it).
 */
export function benchDirs(): { site: string; pages: string; publicDir: string } {
  const dir = process.env.BENCH_DIR;
  if (!dir) return { site: resolve('dist'), pages: resolve('dist-bench'), publicDir: resolve('public') };
  return { site: resolve(dir, 'dist'), pages: resolve(dir, 'dist-bench'), publicDir: resolve(dir, 'public') };
}

/** Builds the site (sample data) and the benchmark pages, unless asked not to (BENCH_NO_BUILD). */
export async function buildPages(): Promise<void> {
  if (process.env.BENCH_NO_BUILD) return;
  const dirs = benchDirs();
  if (process.env.BENCH_DIR) {
    // The site data into BENCH_DIR/public/data and the page from it into BENCH_DIR/dist, as `npm run build` does.
    await rm(dirs.publicDir, { recursive: true, force: true });
    await cp('public', dirs.publicDir, { recursive: true, filter: (src) => !src.startsWith(join('public', 'data')) });
    execFileSync('npx', ['tsx', 'scripts/data.ts', 'build', 'data', '--out', join(dirs.publicDir, 'data')], { stdio: ['ignore', 'ignore', 'inherit'] });
    await build({ logLevel: 'warn', publicDir: dirs.publicDir, build: { outDir: dirs.site, emptyOutDir: true } });
  } else {
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await build({ configFile: resolve('bench/vite.config.ts'), logLevel: 'warn', publicDir: dirs.publicDir, build: { outDir: dirs.pages } });
}

export async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}
