import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { decode, download, pngSize } from './png';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const TOUR = site.config.tour;
const townName = (code: string | null): string => (code === null ? site.config.region.name : (site.towns.find((t) => t.code === code)?.name ?? '?'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const hashParams = (page: Page): Promise<Record<string, string>> => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
const fontPx = (page: Page, selector: string): Promise<number> => page.$eval(selector, (el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** Waits until the hash is at a stop and the overlay shows it, then until the map has settled. */
async function atStop(page: Page, stop: number): Promise<void> {
  await page.waitForFunction((n) => new URLSearchParams(location.hash.slice(1)).get('tour') === String(n) && document.getElementById('presentation')?.dataset.stop === String(n), stop);
  await mapIdle(page);
}

/** What a person at the back of the room reads for a stop. */
async function expectStop(page: Page, stop: number): Promise<void> {
  const s = TOUR[stop - 1]!;
  const hash = await hashParams(page);
  expect(hash.tour).toBe(String(stop));
  expect(hash.town).toBe(s.town ?? undefined);
  expect(await page.textContent('#presentation-title')).toBe(s.title.zh);
  expect(await page.textContent('#presentation-town')).toBe(townName(s.town));
  expect(await page.textContent('#presentation-count')).toBe(`${stop} / ${TOUR.length}`);
  expect(await page.getAttribute('#presentation [aria-current="step"]', 'aria-label')).toContain(s.title.zh);
  expect((await page.textContent('#presentation-value'))?.trim()).not.toBe('');
}

describe('presentation mode', () => {
  it('opens at #tour=1 in large type, steps by keys with the hash following, and Escape restores the atlas', async () => {
    expect(TOUR.length).toBe(7);
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#tour=1', { width: 1920, height: 1080 });
    await atStop(page, 1);
    expect(await page.isVisible('#presentation')).toBe(true);
    expect(await page.getAttribute('#presentation', 'aria-live')).toBe('polite');
    expect(await page.textContent('#presentation-town')).toBe('蒋家堰镇');
    await expectStop(page, 1);
    expect(await fontPx(page, '#presentation-town')).toBeGreaterThanOrEqual(40);
    expect(await fontPx(page, '#presentation-title')).toBeGreaterThanOrEqual(40);
    expect(await fontPx(page, '#presentation-value')).toBeGreaterThanOrEqual(48);
    // The projector theme: the panel and the masthead's controls give way to the map and the overlay.
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(true);
    expect(await page.isVisible('#panel')).toBe(false);
    expect(await page.isVisible('#search-slot')).toBe(false);
    expect(await page.isVisible('#sample-banner')).toBe(true);

    await page.keyboard.press('ArrowRight');
    await atStop(page, 2);
    expect((await hashParams(page)).town).toBe('420324102');
    await expectStop(page, 2);

    await page.keyboard.press('End');
    await atStop(page, 7);
    await expectStop(page, 7);
    expect((await hashParams(page)).town).toBeUndefined();
    // At the last stop, next stays.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await mapIdle(page);
    expect((await hashParams(page)).tour).toBe('7');

    await page.keyboard.press('ArrowLeft');
    await atStop(page, 6);
    await expectStop(page, 6);
    await page.keyboard.press('PageUp');
    await atStop(page, 5);

    await page.keyboard.press('3');
    await atStop(page, 3);
    await expectStop(page, 3);
    await page.keyboard.press('9');
    await page.keyboard.press('Home');
    await atStop(page, 1);
    await page.keyboard.press('Space');
    await atStop(page, 2);

    // The overlay's own buttons step too.
    await page.click('#presentation .presentation-next');
    await atStop(page, 3);
    await page.click('#presentation .presentation-previous');
    await atStop(page, 2);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('tour='));
    expect(await page.isVisible('#presentation')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(false);
    expect(await page.getAttribute('html', 'data-ready')).toBe('true');
    expect(await page.isVisible('#panel')).toBe(true);
    const canvas = await page.$eval('#map canvas.maplibregl-canvas', (c) => {
      const r = c.getBoundingClientRect();
      return { width: r.width, height: r.height, visibility: getComputedStyle(c).visibility };
    });
    expect(canvas.width).toBeGreaterThan(800);
    expect(canvas.height).toBeGreaterThan(400);
    expect(canvas.visibility).toBe('visible');
    // Keys are the atlas's again: → no longer changes the view.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => location.hash.includes('tour='))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the map in the projector theme, exports the stop as PNG from the overlay, and returns to the everyday look', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#tour=3', { width: 1024, height: 768 });
    await atStop(page, 3);
    const look = (): Promise<{ theme?: string; line: unknown; label: unknown }> =>
      page.evaluate(() => {
        const map = window.cunhu?.map;
        return { theme: map?.getContainer().dataset.theme, line: map?.getPaintProperty('town-line', 'line-color'), label: map?.getLayoutProperty('town-label', 'text-size') };
      });
    const presenting = await look();
    expect(presenting.theme).toBe('projector');
    expect(presenting.line).toBe('#3a3a3a');

    const css = await page.evaluate(() => {
      const el = window.cunhu?.map.getContainer();
      return { width: el?.clientWidth ?? 0, height: el?.clientHeight ?? 0 };
    });
    const shot = await download(page, '#presentation-export-png');
    expect(shot.name).toBe(`${site.config.region.name}-lag-2016-05.png`);
    expect(pngSize(shot.png).width).toBe(css.width);
    expect(pngSize(shot.png).height).toBeGreaterThan(css.height);
    expect((await decode(page, shot.png, [])).colours).toBeGreaterThan(20);
    writeFileSync('test-results/presentation-export-3-1024.png', shot.png);
    await expect.poll(() => page.$eval('#presentation-export-status', (el) => el.textContent ?? '')).toContain(shot.name);
    // Still presenting, at the same stop.
    expect((await hashParams(page)).tour).toBe('3');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('tour='));
    const everyday = await look();
    expect(everyday.theme).toBe('default');
    expect(everyday.line).not.toBe(presenting.line);
    expect(everyday.label).not.toEqual(presenting.label);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    it(`shows every stop legibly at ${viewport.width}×${viewport.height} (screenshots in test-results/)`, async () => {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#tour=1', viewport);
      for (let stop = 1; stop <= TOUR.length; stop++) {
        if (stop > 1) await page.keyboard.press('ArrowRight');
        await atStop(page, stop);
        await expectStop(page, stop);
        // The whole stop fits on the screen: nothing scrolls out of the overlay.
        const fits = await page.$eval('#presentation', (el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().bottom <= innerHeight + 1);
        expect(fits, `stop ${stop} overflows at ${viewport.width}×${viewport.height}`).toBe(true);
        expect(await fontPx(page, '#presentation-value')).toBeGreaterThanOrEqual(viewport.height >= 1080 ? 48 : 40);
        await page.screenshot({ path: `test-results/presentation-${stop}-${viewport.width}.png` });
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
