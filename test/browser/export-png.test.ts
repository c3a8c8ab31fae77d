import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXPORT_TITLE_HEIGHT_PX } from '../../src/map/export-png';
import { BASE_COLOURS } from '../../src/map/style';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { decode, differingShare, download, hex, near, pngSize } from './png';
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
    // The map's width; its height plus the title band above and the footer below.
    const size = pngSize(one.png);
    expect(size.width).toBe(css.width);
    expect(size.height).toBeGreaterThan(css.height + EXPORT_TITLE_HEIGHT_PX);
    expect(size.height).toBeLessThan(css.height + EXPORT_TITLE_HEIGHT_PX + 80);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(OUT, one.png);
    const decoded = await decode(page, one.png, [{ x: inside.x, y: inside.y + EXPORT_TITLE_HEIGHT_PX }]);
    expect({ width: decoded.width, height: decoded.height }).toEqual(size);
    expect(decoded.colours).toBeGreaterThan(20);
    expect(near(decoded.at[0] ?? '', BASE_COLOURS.background, 3), `pixel ${decoded.at[0]} inside the county`).toBe(false);
    expect(near(decoded.at[0] ?? '', inside.hex), `exported ${decoded.at[0]} vs map ${inside.hex}`).toBe(true);
    await expect.poll(() => page.$eval('#export-png', (b) => (b as HTMLButtonElement).disabled)).toBe(false);

    const two = await download(page, '#export-png-2x');
    expect(two.name).toBe(`${site.config.region.name}-industry-2016-05@2x.png`);
    expect(pngSize(two.png)).toEqual({ width: size.width * 2, height: size.height * 2 });
    writeFileSync(OUT_2X, two.png);
    const decoded2 = await decode(page, two.png, [{ x: inside.x * 2, y: (inside.y + EXPORT_TITLE_HEIGHT_PX) * 2 }]);
    expect(decoded2.colours).toBeGreaterThan(20);
    expect(near(decoded2.at[0] ?? '', BASE_COLOURS.background, 3)).toBe(false);
    // Markers and arcs are redrawn at the finer resolution, so the same point may hit a different
    // part of them: the county is drawn there (not the background, not an empty white band).
    expect(near(decoded2.at[0] ?? '', '#ffffff', 3)).toBe(false);

    // The same drawing at a finer resolution: the markers where they are at 1×, not squeezed into a corner.
    const share = await differingShare(page, one.png, two.png);
    // Measured: about 0.006 when the markers follow the canvas, 0.05 when they are drawn into a corner.
    expect(share, `share of pixels differing between 1× and 2×: ${share}`).toBeLessThan(0.02);

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
