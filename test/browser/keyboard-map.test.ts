import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { announcedOnArrows, mapIdle, openAtlas } from './page';
import { builtSite } from './site-fixture';

/** Issue 17, item 4: the live map (WebGL on SwiftShader) by keyboard, as the fallback's (no-webgl.test.ts). */
const { site } = builtSite();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the live map by keyboard', () => {
  it('moves between the towns with the arrows, announcing each, opens one with Enter and goes back with Escape', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(false);
    await page.uncheck('#show-projects');
    const zoom = await page.evaluate(() => window.cunhu!.map.getZoom());
    await page.focus('#map canvas');
    const heard = await announcedOnArrows(page, 3);
    expect(new Set(heard).size).toBe(3);
    for (const [i, text] of heard.entries()) expect(text).toMatch(new RegExp(`产业覆盖率.*（${i + 1}/${site.towns.length}）$`));
    // The arrows are the areas': the map did not pan or zoom.
    expect(await page.evaluate(() => window.cunhu!.map.getZoom())).toBe(zoom);
    // The focused town is outlined (its feature state) on the map.
    const focused = await page.evaluate(() => {
      const map = window.cunhu!.map;
      return map.querySourceFeatures('towns').find((f) => map.getFeatureState({ source: 'towns', id: f.id }).focused === true)?.id ?? null;
    });
    expect(focused).not.toBeNull();
    const town = site.towns[Number(focused)]!;
    expect(heard[2]).toContain(town.name);
    await page.keyboard.press('Enter');
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), town.code);
    await mapIdle(page);
    expect(await page.textContent('#breadcrumb')).toContain(town.name);
    await page.focus('#map canvas');
    await page.keyboard.press('ArrowRight');
    const village = (await page.textContent('#map-announce')) ?? '';
    expect(site.villages.some((v) => v.townId === town.id && village.startsWith(v.name))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('town='));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives the focus back when what held it closes: a popup, a row of the ranking, the presentation, the print button', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      return a === null || a === document.body ? 'body' : `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.classList.length > 0 ? `.${[...a.classList].join('.')}` : ''}`;
    });
    // A lagging project opened from the panel by keyboard: the focus is on the popup's ✕, inside the window.
    await page.focus('.panel-lag-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.project-popup .maplibregl-popup-close-button');
    await page.waitForFunction(() => document.activeElement?.matches('.maplibregl-popup-close-button') === true);
    expect(await page.getAttribute('.maplibregl-popup-close-button', 'aria-label')).toBe('关闭');
    // Where the camera stops after flying to the project's town, the popup lies inside the map.
    await mapIdle(page);
    await page.waitForTimeout(100);
    const [popupBox, mapBox] = await page.evaluate(() => [document.querySelector('.project-popup')!, document.querySelector('#map')!].map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(popupBox!.top).toBeGreaterThanOrEqual(mapBox!.top - 1);
    expect(popupBox!.bottom).toBeLessThanOrEqual(mapBox!.bottom + 1);
    const close = (await page.locator('.maplibregl-popup-close-button').boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(0);
    expect(close.y + close.height).toBeLessThanOrEqual(768);
    // Escape closes it; the focus goes back where it was as the popup opened: the panel, drawn again
    // for the project's town, kept it on its title.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('proj='));
    await page.waitForFunction(() => document.querySelector('.project-popup') === null);
    expect(await focused()).toBe('h2#area-panel-title.panel-title');
    // A town chosen in the ranking: its villages replace the towns, and the focus goes to the panel's title, and stays there as the town's projects load.
    // (The lagging project opened its town: back to the county's ranking of towns first.)
    await page.evaluate(() => (location.hash = ''));
    await page.waitForFunction(() => document.querySelector('#ranking-table')?.getAttribute('data-level') === 'town');
    await page.focus('#ranking-table tbody button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('town='));
    await page.waitForFunction(() => document.querySelector('#ranking-table')?.getAttribute('data-level') === 'village');
    await mapIdle(page);
    expect(await focused()).toBe('h2#area-panel-title.panel-title');
    // 演示 from the tools menu: the focus goes into the overlay, and back to the menu's button after
    // Escape, and the view it was started from comes back.
    const beforeTour = await page.evaluate(() => location.hash);
    await page.click('#tools-toggle');
    await page.focus('#present-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#presentation:not([hidden])');
    expect(await focused()).toBe('h2#presentation-title.presentation-title');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#presentation', { state: 'hidden' });
    expect(await focused()).toMatch(/^button#(present-toggle|tools-toggle)/);
    expect(await page.evaluate(() => location.hash)).toBe(beforeTour);
    // 打印: the button keeps the focus while the paper's map is drawn and after.
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.click('#tools-toggle');
    await page.focus('#print-view');
    await page.keyboard.press('Enter');
    await page.waitForSelector('html[data-printed]');
    expect(await focused()).toBe('button#print-view.lang-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });
});
