import { mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSingleFile, type SingleFileResult } from '../../scripts/lib/single-file';
import { launchChromium } from './chromium';
import { gotoReady, mapIdle, recordPage, openTools } from './page';
import { download, pngSize } from './png';
import { builtSite } from './site-fixture';

/** Issue 10: the meeting package opened from disk, offline, with nothing requested but itself. */
const { site } = builtSite();
const TOUR = site.config.tour;
let browser: Browser;
let result: SingleFileResult;

beforeAll(async () => {
  const built = await buildSingleFile({ isPrivate: false, outDir: mkdtempSync(join(tmpdir(), 'cunhu-package-')), log: () => undefined });
  if (typeof built === 'number') throw new Error(`the data build failed (exit ${built})`);
  result = built;
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens the file offline, recording every request and every error (a CSP refusal is one). */
async function openPackage(viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport, offline: true, acceptDownloads: true });
  const page = await context.newPage();
  const { requests, errors } = recordPage(page);
  await gotoReady(page, pathToFileURL(result.file).href, errors, 90_000);
  return { page, requests, errors };
}

describe('the meeting package (one HTML file)', () => {
  it('is one file under 5 MB, named for the region and month, with the public data', () => {
    expect(result.file).toMatch(new RegExp(`cunhu-${site.config.region.code}-${site.months[site.months.length - 1]}\\.html$`));
    expect(statSync(result.file).size).toBe(result.bytes);
    expect(result.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(result.isPublic).toBe(true);
  });

  it('opens from disk offline, says it holds the public data, and presents the tour at 1024×768 with nothing requested but itself', async () => {
    const { page, requests, errors } = await openPackage({ width: 1024, height: 768 });
    expect(await page.textContent('#preview-banner')).toContain('只含公开数据');
    expect(await page.isVisible('#preview-banner')).toBe(true);
    // No data check in the package.
    expect(await page.$('.view-nav-link[data-view="check"]')).toBeNull();

    await openTools(page, '#present-toggle');
    await page.click('#present-toggle');
    for (let stop = 1; stop <= TOUR.length; stop++) {
      await page.waitForFunction((n) => new URLSearchParams(location.hash.slice(1)).get('tour') === String(n) && document.getElementById('presentation')?.dataset.stop === String(n), stop);
      await mapIdle(page);
      expect(await page.textContent('#presentation-title')).toBe(TOUR[stop - 1]!.title.zh);
      if (stop === 2) await page.screenshot({ path: 'test-results/package-tour-stop2-1024.png' });
      if (stop < TOUR.length) await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');

    // Drill-down (a town's projects come from the file) and the time slider.
    const town = site.towns.find((t) => t.code === '420324101')!;
    await page.evaluate((code) => window.cunhu?.store.set({ tour: null, town: code }), town.code);
    await page.waitForSelector('#area-panel .panel-status-list');
    await mapIdle(page);
    const shown = await page.$$eval('.panel-status-list .panel-count', (els) => els.reduce((n, el) => n + Number(el.textContent), 0));
    expect(shown).toBe(town.projectCount);
    // The last stop may have left a month in the view: one step back from wherever it is.
    const now = (await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('month'))) ?? site.months[site.months.length - 1]!;
    await page.click('.time-slider-previous');
    await page.waitForFunction((m) => location.hash.includes(`month=${m}`), site.months[site.months.indexOf(now) - 1]!);
    await mapIdle(page);

    // PNG export, downloaded from a blob: URL.
    const { png, name } = await download(page, '#export-png');
    expect(name).toMatch(/\.png$/);
    expect(pngSize(png).width).toBeGreaterThan(500);
    writeFileSync('test-results/package-export.png', png);

    // A project's photos (the sample's 新民村产业路硬化, ZX2016-0097, has four): thumbnails inside the
    // file, and the dialog says the package carries no display size.
    await page.evaluate(() => window.cunhu?.store.set({ town: '420324100', project: 'ZX2016-0097' }));
    await page.waitForSelector('.project-popup .site-photos img');
    const sources = await page.$$eval('.project-popup .site-photos img', (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(sources.length).toBe(4);
    expect(sources.every((src) => src.startsWith('data:image/jpeg;base64,'))).toBe(true);
    await page.click('.project-popup .site-photo:last-child button');
    await page.waitForFunction(() => { const img = document.querySelector<HTMLImageElement>('#photo-viewer img'); return img !== null && img.complete && img.naturalWidth > 0; });
    expect(await page.textContent('#photo-viewer')).toContain('会议版只带缩略图');
    expect(await page.$eval('#photo-viewer img', (img) => (img as HTMLImageElement).src)).toBe(sources[3]);
    await page.keyboard.press('Escape');

    const self = pathToFileURL(result.file).href;
    const elsewhere = requests.filter((u) => u.split('#')[0] !== self && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
