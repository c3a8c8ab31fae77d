/**
 * `npm run bench:markers`: the atlas's project layer (ProjectsOverlay) on a province-sized map
 * (bench/markers.ts) with no projects and with 1,000,000: frames per second while a mouse drags
 * the map, the time of a hover pick, and whether what is drawn adds up to what is loaded.
 * `bench:time` (time.ts) uses the same page for month steps.
 */
import type { Browser, Page } from 'playwright-core';
import { isEntryPoint } from '../lib/entry-point';
import { benchDirs, buildPages, figure, median, withBrowser } from './common';
import { serve } from './serve';

export const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 1_000_000);
const VIEWPORT = { width: 1280, height: 800 };
const DRAG_MS = 4000;

interface BenchWindow {
  bench: {
    n: number;
    generatedMs: number;
    firstUpdateMs: number;
    drawn(): { kind: string; symbols: number; projects: number };
    pick(x: number, y: number): number;
    setMonth(m: number): Promise<number>;
    map: { getZoom(): number; jumpTo(o: { zoom: number; center?: [number, number] }): void; once(e: string, f: () => void): void };
  };
}

export async function openMarkersPage(browser: Browser, base: string, n: number): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${base}/markers.html?n=${n}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 300_000 });
  return page;
}

/** Frames drawn per second while the mouse drags the map back and forth. */
async function dragFps(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames: number; bench: { map: { on(e: string, f: () => void): void } } };
    w.frames = 0;
    w.bench.map.on('render', () => w.frames++);
  });
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = await page.evaluate(() => [performance.now(), (window as unknown as { frames: number }).frames] as const);
  let t = 0;
  let step = 0;
  const began = Date.now();
  while ((t = Date.now() - began) < DRAG_MS) {
    const dx = 200 * Math.sin((step++ / 30) * Math.PI);
    await page.mouse.move(cx + dx, cy + dx / 3);
    await page.waitForTimeout(8);
  }
  const end = await page.evaluate(() => [performance.now(), (window as unknown as { frames: number }).frames] as const);
  await page.mouse.up();
  void t;
  return ((end[1] - start[1]) * 1000) / (end[0] - start[0]);
}

export async function benchMarkers(): Promise<void> {
  await buildPages();
  const site = await serve(benchDirs().pages);
  try {
    await withBrowser(async (browser) => {
      const empty = await openMarkersPage(browser, site.url, 0);
      const fps0 = median([await dragFps(empty), await dragFps(empty)]);
      await empty.close();
      const page = await openMarkersPage(browser, site.url, PROJECTS);
      const info = await page.evaluate(() => {
        const b = (window as unknown as BenchWindow).bench;
        return { generatedMs: b.generatedMs, firstUpdateMs: b.firstUpdateMs, drawn: b.drawn() };
      });
      const fps1 = median([await dragFps(page), await dragFps(page)]);
      const picks = await page.evaluate(() => {
        const b = (window as unknown as BenchWindow).bench;
        const out: number[] = [];
        for (let k = 0; k < 21; k++) out.push(b.pick(200 + k * 40, 150 + k * 20));
        return out;
      });
      // Zoomed in on one place: individual markers again once few enough are in view.
      const close = await page.evaluate(
        () =>
          new Promise<{ kind: string; symbols: number; projects: number }>((resolve) => {
            const b = (window as unknown as BenchWindow).bench;
            b.map.once('idle', () => resolve(b.drawn()));
            b.map.jumpTo({ zoom: 13, center: [112, 31] });
          }),
      );
      figure('markers_loaded', PROJECTS, 0);
      figure('markers_generate_ms', info.generatedMs, 0);
      figure('markers_first_update_ms', info.firstUpdateMs, 0);
      figure('markers_province_view', `${info.drawn.symbols} ${info.drawn.kind} holding ${info.drawn.projects} projects`);
      figure('markers_counts_add_up', String(info.drawn.projects === PROJECTS));
      figure('markers_zoom13_view', `${close.symbols} ${close.kind}`);
      figure('markers_pan_fps_empty', fps0);
      figure('markers_pan_fps_1m', fps1);
      figure('markers_pick_ms_median', median(picks), 2);
      figure('markers_pick_ms_max', Math.max(...picks), 2);
      figure('markers_1m_fps_ratio', fps1 / fps0, 2);
      await page.close();
    });
  } finally {
    await site.close();
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  await benchMarkers();
}
