/**
 * Two or more builds side by side: `npx tsx scripts/bench/page-ab.ts DIST… [--bare DIST-BENCH]`
 * serves each built site, navigates to each in turn (fresh browser contexts, one warm-up round,
 * then RUNS rounds, default 9) and prints each one's median time to `data-ready` and of its
 * `cunhu:` marks, then its ratio to the first. Builds compared this way share the machine's load,
 * which on a busy machine makes them comparable where two bench:page runs at different times are not.
 */
import { launchChromium } from '../../test/browser/chromium';
import { isEntryPoint } from '../lib/entry-point';
import { median } from './common';
import { serve } from './serve';

const RUNS = Number(process.env.RUNS ?? 9);
const VIEWPORT = { width: 1280, height: 800 };

export async function comparePages(sites: { label: string; dir: string; page: string }[]): Promise<void> {
  const servers = await Promise.all(sites.map((s) => serve(s.dir)));
  const browser = await launchChromium();
  const marks: Record<string, number[]>[] = sites.map(() => ({}));
  try {
    for (let round = -1; round < RUNS; round++) {
      for (const [i, site] of sites.entries()) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        await page.goto(`${servers[i]!.url}/${site.page}`);
        await page.waitForFunction(() => performance.getEntriesByName('cunhu:data-ready').length > 0, undefined, { timeout: 180_000 });
        const got = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cunhu:')).map((m) => [m.name, m.startTime] as const));
        await context.close();
        if (round < 0) continue;
        for (const [name, t] of got) (marks[i]![name.replace('cunhu:', '')] ??= []).push(t);
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  const ready = (i: number): number => median(marks[i]!['data-ready'] ?? [NaN]);
  for (const [i, site] of sites.entries()) {
    const phases = Object.entries(marks[i]!).map(([name, ts]) => `${name} ${median(ts).toFixed(0)}`).join(', ');
    console.log(`${site.label}: ${ready(i).toFixed(0)} ms to data-ready (${phases}); ${(ready(i) / ready(0)).toFixed(2)} of the first`);
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  const args = process.argv.slice(2);
  const bare = args.indexOf('--bare');
  const dirs = bare >= 0 ? [...args.slice(0, bare), ...args.slice(bare + 2)] : args;
  const sites = dirs.map((dir) => ({ label: dir, dir, page: '' }));
  if (bare >= 0 && args[bare + 1]) sites.push({ label: `${args[bare + 1]} (bare MapLibre)`, dir: args[bare + 1]!, page: 'bare.html' });
  if (sites.length < 2) {
    console.error('usage: page-ab.ts DIST DIST… [--bare DIST-BENCH]');
    process.exitCode = 2;
  } else {
    await comparePages(sites);
  }
}
