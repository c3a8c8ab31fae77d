/**
 * `npm run bench:page`: time from navigation to `data-ready` for the atlas (the sample county)
 * against a bare MapLibre page drawing the same built boundaries (bench/bare.ts, the floor),
 * median of RUNS each, run alternately in fresh browser contexts; and the bytes the atlas's
 * first view transfers (asked for before data-ready), gzipped as a CDN serves them, by kind; then one traced navigation, summed
 * up (scripts/bench/page-profile.ts): where the atlas's time goes. `--profile` traces only.
 */
import type { Browser } from 'playwright-core';
import { isEntryPoint } from '../lib/entry-point';
import { benchDirs, buildPages, figure, median, withBrowser } from './common';
import { profilePage } from './page-profile';
import { serve, type Kind, type Served } from './serve';

/**
 * Navigations of each page. Five were too few on a shared 2-core machine: two runs of the same
 * page gave 1.25× and 1.43× the bare page; eleven of each give a median that moves less.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const VIEWPORT = { width: 1280, height: 800 };

/** Milliseconds from navigation start to the page's data-ready, and what it fetched. */
async function timeToReady(browser: Browser, url: string, served: Served[]): Promise<{ ms: number; requests: Served[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  const before = served.length;
  await page.goto(url);
  // Both pages mark `cunhu:data-ready` when they set data-ready: its time is from navigation start.
  await page.waitForFunction(() => performance.getEntriesByName('cunhu:data-ready').length > 0, undefined, { timeout: 180_000 });
  // A request made after data-ready has its resource entry only once it is answered: wait until none
  // is in flight (for 200 ms running), or months.json, asked for at data-ready, would count in the
  // first view when its answer is slow. (Playwright's 'networkidle' fires once a navigation, often
  // before data-ready, so it cannot be waited for here.)
  for (let quiet = 0, waited = 0; quiet < 200 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    quiet = inFlight === 0 ? quiet + 50 : 0;
  }
  const { ms, late } = await page.evaluate(() => {
    const ready = performance.getEntriesByName('cunhu:data-ready')[0]!.startTime;
    // What the page asked for after data-ready (months.json, say) is not the first view's.
    return { ms: ready, late: performance.getEntriesByType('resource').filter((r) => r.startTime >= ready).map((r) => new URL(r.name).pathname) };
  });
  const requests = served.slice(before).filter((s) => !late.includes(s.path));
  await context.close();
  return { ms, requests };
}

export async function benchPage(options: { isProfileOnly: boolean } = { isProfileOnly: false }): Promise<void> {
  await buildPages();
  const atlas = await serve(benchDirs().site);
  const bare = await serve(benchDirs().pages);
  try {
    await withBrowser(async (browser) => {
      if (options.isProfileOnly) {
        await timeToReady(browser, `${atlas.url}/`, atlas.served);
        await timeToReady(browser, `${bare.url}/bare.html`, bare.served);
        await profilePage(browser, `${atlas.url}/`, VIEWPORT, 'profile');
        await profilePage(browser, `${bare.url}/bare.html`, VIEWPORT, 'profile_bare');
        return;
      }
      const a: number[] = [];
      const b: number[] = [];
      let firstView: Served[] = [];
      // One warm-up of each (shader compilation caches, disk), then alternate.
      await timeToReady(browser, `${atlas.url}/`, atlas.served);
      await timeToReady(browser, `${bare.url}/bare.html`, bare.served);
      for (let r = 0; r < RUNS; r++) {
        const run = await timeToReady(browser, `${atlas.url}/`, atlas.served);
        a.push(run.ms);
        firstView = run.requests;
        b.push((await timeToReady(browser, `${bare.url}/bare.html`, bare.served)).ms);
      }
      const kb = (kind: Kind | 'all'): number => firstView.filter((s) => kind === 'all' || s.kind === kind).reduce((n, s) => n + s.bytes, 0) / 1024;
      figure('page_runs', RUNS, 0);
      figure('page_atlas_ready_ms', median(a), 0);
      figure('page_bare_maplibre_ready_ms', median(b), 0);
      for (const kind of ['js', 'css', 'worker', 'data', 'html', 'other'] as const) figure(`first_view_${kind}_kb_gzip`, kb(kind));
      figure('first_view_total_kb_gzip', kb('all'));
      for (const s of [...firstView].sort((x, y) => y.bytes - x.bytes).slice(0, 6)) console.log(`  ${(s.bytes / 1024).toFixed(1).padStart(7)} KB  ${s.path}`);
      await profilePage(browser, `${atlas.url}/`, VIEWPORT, 'profile');
      await profilePage(browser, `${bare.url}/bare.html`, VIEWPORT, 'profile_bare');
      figure('page_vs_bare_maplibre', median(a) / median(b), 2);
    });
  } finally {
    await atlas.close();
    await bare.close();
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  await benchPage({ isProfileOnly: process.argv.includes('--profile') });
}
