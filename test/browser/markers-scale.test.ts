import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/bench/serve';
import { launchChromium } from './chromium';

/**
 * The project layer at province scale (bench/markers.html: the atlas's ProjectsOverlay with
 * synthetic projects over a province): clusters when too many are in view, and their counts add
 * up; individual markers again when zoomed in; a click on a cluster zooms in on it; a pick stays
 * fast. 200,000 projects keep the test quick; `npm run bench:markers` runs the million.
 */
const N = 200_000;
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serve>>;

type Drawn = { kind: string; symbols: number; projects: number };
const drawn = (): Promise<Drawn> => page.evaluate(() => (window as unknown as { bench: { drawn(): Drawn } }).bench.drawn());
const jump = (zoom: number, center: [number, number]): Promise<Drawn> =>
  page.evaluate(
    ([z, c]) =>
      new Promise<Drawn>((done) => {
        const b = (window as unknown as { bench: { map: { once(e: string, f: () => void): void; jumpTo(o: object): void }; drawn(): Drawn } }).bench;
        b.map.once('idle', () => done(b.drawn()));
        b.map.jumpTo({ zoom: z, center: c });
      }),
    [zoom, center] as const,
  );

beforeAll(async () => {
  // public/data is built by the global setup; the bench pages use it as their public folder.
  await build({ configFile: resolve('bench/vite.config.ts'), logLevel: 'warn' });
  server = await serve(resolve('dist-bench'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(`${server.url}/markers.html?n=${N}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('project markers at province scale', () => {
  it('draws clusters at the province view, and their counts add up to every project', async () => {
    const d = await drawn();
    expect(d.kind).toBe('clusters');
    expect(d.projects).toBe(N);
    expect(d.symbols).toBeLessThan(1000);
  });

  it('draws individual markers once few enough are on screen, and clusters again on the way out', async () => {
    const close = await jump(14, [112, 31]);
    expect(close.kind).toBe('markers');
    expect(close.symbols).toBeGreaterThan(0);
    expect(close.symbols).toBeLessThanOrEqual(3000 * 4);
    const far = await jump(7, [112, 31]);
    expect(far.kind).toBe('clusters');
  });

  it('zooms in on a cluster that is clicked, and picks under the pointer in well under 100 ms', async () => {
    const at = await page.evaluate(() => {
      const b = (window as unknown as { bench: { hit(x: number, y: number): { cluster: number | null } } }).bench;
      for (let y = 100; y < 700; y += 20) for (let x = 100; x < 900; x += 20) if (b.hit(x, y).cluster !== null) return [x, y] as const;
      return null;
    });
    expect(at).not.toBeNull();
    const before = await page.evaluate(() => (window as unknown as { bench: { map: { getZoom(): number } } }).bench.map.getZoom());
    const moved = page.evaluate(() => new Promise<void>((done) => (window as unknown as { bench: { map: { once(e: string, f: () => void): void } } }).bench.map.once('moveend', () => done())));
    await page.mouse.click(at![0], at![1]);
    await moved;
    const after = await page.evaluate(() => (window as unknown as { bench: { map: { getZoom(): number } } }).bench.map.getZoom());
    expect(after).toBeCloseTo(Math.floor(before) + 2, 5);
    const picks = await page.evaluate(() => {
      const b = (window as unknown as { bench: { pick(x: number, y: number): number } }).bench;
      return Array.from({ length: 10 }, (_, k) => b.pick(100 + k * 80, 100 + k * 50));
    });
    expect(Math.max(...picks)).toBeLessThan(100);
  });
});
