import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
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

/** Builds the site (sample data) and the benchmark pages, unless asked not to. */
export function buildPages(): void {
  if (process.env.BENCH_NO_BUILD) return;
  execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}
