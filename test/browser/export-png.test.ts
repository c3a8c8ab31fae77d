import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BASE_COLOURS } from '../../src/map/style';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { builtSite, interiorPoint } from './site-fixture';

const { site, towns } = builtSite();
const LABELS = site.towns.map((t) => t.labelPoint);
const OUT = 'test-results/export-1366.png';
const OUT_2X = 'test-results/export-1366@2x.png';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Clicks an export button and returns the downloaded file and its suggested name. */
async function download(page: Page, selector: string): Promise<{ png: Buffer; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  const path = await d.path();
  return { png: readFileSync(path), name: d.suggestedFilename() };
}

const hex = (rgb: readonly number[]): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
function near(a: string, b: string, tolerance = 8): boolean {
  const ch = (h: string, i: number) => Number.parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return [0, 1, 2].every((i) => Math.abs(ch(a, i) - ch(b, i)) <= tolerance);
}

/** Decodes the PNG in the page: how many distinct colours (sampled), and the colours at some pixels. */
function decode(page: Page, png: Buffer, points: { x: number; y: number }[]): Promise<{ width: number; height: number; colours: number; at: string[] }> {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add(((d[i] ?? 0) << 16) | ((d[i + 1] ?? 0) << 8) | (d[i + 2] ?? 0));
      const at = points.map(({ x, y }) => {
        const i = (Math.round(y) * c.width + Math.round(x)) * 4;
        return `#${[d[i], d[i + 1], d[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      });
      return { width: c.width, height: c.height, colours: seen.size, at };
    },
    { base64: png.toString('base64'), points },
  );
}

/**
 * A point inside a town, well clear of the title band, the legend (bottom left), the scale bar
 * (bottom right) and the footer, in CSS pixels, with the live map's colour there.
 */
async function townPoint(page: Page): Promise<{ x: number; y: number; hex: string }> {
  const candidates = towns.features.map((f) => interiorPoint(f, LABELS));
  const found = await page.evaluate((lonLats) => {
    const map = window.cunhu?.map;
    if (!map) throw new Error('window.cunhu.map is missing');
    const src = map.getCanvas();
    const ratio = src.width / src.clientWidth;
    const w = src.clientWidth;
    const h = src.clientHeight;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(src, 0, 0);
    for (const ll of lonLats) {
      const p = map.project(ll);
      if (p.x < 340 || p.x > w - 200 || p.y < 110 || p.y > h - 130) continue;
      const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
      return { x: p.x, y: p.y, rgb: [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] };
    }
    return null;
  }, candidates);
  if (!found) throw new Error('no town interior in the clear part of the map');
  return { x: found.x, y: found.y, hex: hex(found.rgb) };
}

describe('export the current view as PNG', () => {
  it('downloads the view at the map’s CSS size and at twice it, not blank, the county drawn', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#month=2016-05', { width: 1366, height: 768 });
    await mapIdle(page);
    const css = await page.evaluate(() => {
      const el = window.cunhu?.map.getContainer();
      return { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
    });
    expect(css.width).toBeGreaterThan(0);
    const inside = await townPoint(page);
    // A town's fill is not the background the county sits on.
    expect(near(inside.hex, BASE_COLOURS.background, 3)).toBe(false);

    const one = await download(page, '#export-png');
    expect(one.name).toBe(`${site.config.region.name}-industry-2016-05.png`);
    expect(pngSize(one.png)).toEqual(css);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(OUT, one.png);
    const decoded = await decode(page, one.png, [inside]);
    expect({ width: decoded.width, height: decoded.height }).toEqual(css);
    expect(decoded.colours).toBeGreaterThan(20);
    expect(near(decoded.at[0] ?? '', BASE_COLOURS.background, 3), `pixel ${decoded.at[0]} inside the county`).toBe(false);
    expect(near(decoded.at[0] ?? '', inside.hex), `exported ${decoded.at[0]} vs map ${inside.hex}`).toBe(true);
    await expect.poll(() => page.$eval('#export-png', (b) => (b as HTMLButtonElement).disabled)).toBe(false);

    const two = await download(page, '#export-png-2x');
    expect(two.name).toBe(`${site.config.region.name}-industry-2016-05@2x.png`);
    expect(pngSize(two.png)).toEqual({ width: css.width * 2, height: css.height * 2 });
    writeFileSync(OUT_2X, two.png);
    const decoded2 = await decode(page, two.png, [{ x: inside.x * 2, y: inside.y * 2 }]);
    expect(decoded2.colours).toBeGreaterThan(20);
    expect(near(decoded2.at[0] ?? '', BASE_COLOURS.background, 3)).toBe(false);
    // Markers and arcs are redrawn at the finer resolution, so the same point may hit a different
    // part of them: the county is drawn there (not the background, not an empty white band).
    expect(near(decoded2.at[0] ?? '', '#ffffff', 3)).toBe(false);

    // The map is put back at the screen's resolution, and the buttons are ready again without an error.
    const after = await page.evaluate(() => {
      const map = window.cunhu?.map;
      return { ratio: map?.getPixelRatio(), canvas: map?.getCanvas().width, dpr: devicePixelRatio };
    });
    expect(after.ratio).toBe(after.dpr);
    expect(after.canvas).toBe(Math.round(css.width * after.dpr));
    await expect.poll(() => page.$eval('#export-png-2x', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(await page.$eval('#export-status', (s) => s.classList.contains('is-error'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
