/**
 * `npm run bench:time`: the time from a month step (the time slider) to its frame on screen.
 * With the province's 1,000,000 projects (bench/markers.ts: the atlas's project layer) at the
 * province view (clusters) and zoomed into one area (markers); and in the atlas itself on the
 * sample county, through the store as the slider does, until the map draws the new month.
 */
import { isEntryPoint } from '../lib/entry-point';
import { benchDirs, buildPages, figure, withBrowser } from './common';
import { PROJECTS, openMarkersPage } from './markers';
import { serve } from './serve';

const STEPS = 11;

export async function benchTime(): Promise<void> {
  await buildPages();
  const bench = await serve(benchDirs().pages);
  const atlas = await serve(benchDirs().site);
  try {
    await withBrowser(async (browser) => {
      const page = await openMarkersPage(browser, bench.url, PROJECTS);
      /** Per step: the whole step to its frame, the overlay's own work, and a frame with nothing changed. */
      const steps = (): Promise<{ step: number; work: number; frame: number }> =>
        page.evaluate(async (n) => {
          const b = (window as unknown as { bench: { setMonth(m: number): Promise<number>; updateMs(m: number): number; frameMs(): Promise<number> } }).bench;
          const step: number[] = [];
          const work: number[] = [];
          const frame: number[] = [];
          for (let m = 0; m < n; m++) {
            step.push(await b.setMonth(m % 12));
            work.push(b.updateMs((m + 6) % 12));
            await b.frameMs();
            frame.push(await b.frameMs());
          }
          // No named functions in here: the page gets this code as text, without tsx's helpers.
          for (const xs of [step, work, frame]) xs.sort((x, y) => x - y);
          const mid = Math.floor(n / 2);
          return { step: step[mid]!, work: work[mid]!, frame: frame[mid]! };
        }, STEPS);
      const province = await steps();
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const map = (window as unknown as { bench: { map: { once(e: string, f: () => void): void; jumpTo(o: object): void } } }).bench.map;
            map.once('idle', () => done());
            map.jumpTo({ zoom: 12, center: [112, 31] });
          }),
      );
      const zoomed = await steps();
      await page.close();

      const app = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await app.goto(`${atlas.url}/`);
      await app.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 180_000 });
      const county = await app.evaluate(async (n) => {
        const c = (window as unknown as { cunhu: { store: { set(p: object): void }; map: { once(e: string, f: () => void): void } } }).cunhu;
        const months = ((await (await fetch('data/site.json')).json()) as { months: string[] }).months;
        const step: number[] = [];
        const work: number[] = [];
        for (let k = 0; k < n; k++) {
          const t = performance.now();
          // Until the frame that shows the new month (idle would also wait out the labels' fade).
          const drawn = new Promise<void>((done) => c.map.once('render', () => done()));
          // The store calls every view synchronously: this is the app's own work for a step.
          c.store.set({ month: months[(months.length - 1 - k + months.length) % months.length] });
          work.push(performance.now() - t);
          await drawn;
          step.push(performance.now() - t);
        }
        step.sort((x, y) => x - y);
        work.sort((x, y) => x - y);
        return { step: step[Math.floor(n / 2)]!, work: work[Math.floor(n / 2)]! };
      }, STEPS);
      await app.close();
      figure('time_steps', STEPS, 0);
      figure('time_step_province_1m_clusters_ms', province.step, 1);
      figure('time_step_province_1m_clusters_work_ms', province.work, 1);
      figure('time_frame_province_clusters_unchanged_ms', province.frame, 1);
      figure('time_step_province_1m_zoomed_markers_ms', zoomed.step, 1);
      figure('time_step_province_1m_zoomed_markers_work_ms', zoomed.work, 1);
      figure('time_frame_province_zoomed_unchanged_ms', zoomed.frame, 1);
      figure('time_step_atlas_sample_county_ms', county.step, 1);
      figure('time_step_atlas_sample_county_work_ms', county.work, 1);
      // A step is the app's work plus one frame; the frame is the GPU's (here software GL's) floor.
      figure('time_step_worst_work_ms', Math.max(province.work, zoomed.work, county.work), 1);
      figure('time_step_worst_ms', Math.max(province.step, zoomed.step, county.step), 1);
      // Side by side: a month step against a frame with nothing changed (1.0: a step costs one frame).
      figure('time_step_vs_unchanged_frame', Math.max(province.step / province.frame, zoomed.step / zoomed.frame), 2);
    });
  } finally {
    await bench.close();
    await atlas.close();
  }
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  await benchTime();
}
