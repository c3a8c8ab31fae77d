/**
 * A phone (360×640, touch): the map fills the screen under a one-row masthead; the panel is a
 * bottom sheet with a peek; a town is tapped on the map, its figures read in the sheet, a project
 * opened as a full-screen card; nothing scrolls sideways (issue 18). The projects page on a phone
 * is in projects-page.test.ts, the map's share of the screen in screens.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { gotoReady, mapIdle, pagePoint, recordPage } from './page';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const LONGBA = site.towns.find((t) => t.name === '龙坝镇')!;

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  // Less motion: the sheet takes each height at once (it eases otherwise).
  context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
});
afterAll(async () => {
  await browser?.close();
});

const rect = (page: Page, selector: string) => page.$eval(selector, (el) => el.getBoundingClientRect().toJSON() as DOMRect);
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a phone, 360×640', () => {
  it('taps a town on the map, reads its figures in the sheet at peek, half and full height, and opens a project as a card over the screen', async () => {
    const page = await context.newPage();
    const { errors } = recordPage(page);
    await gotoReady(page, inject('baseUrl'), errors);
    await mapIdle(page);
    // One row of masthead, at most 56 px; the map fills the rest but for the notices and the peek.
    expect((await rect(page, '.masthead-row')).height).toBeLessThanOrEqual(56);
    expect(await page.isVisible('#view-nav')).toBe(false);
    expect(await page.isVisible('#search')).toBe(false);
    const peek = await rect(page, '#panel');
    expect(peek.bottom).toBe(640);
    expect(peek.height).toBeLessThanOrEqual(64);
    expect(await page.textContent('.sheet-peek-area')).toBe('竹溪县');

    // A tap on the town: the map opens it and the peek names it with its figure.
    const at = await pagePoint(page, LONGBA.labelPoint);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), LONGBA.code);
    await expect.poll(() => page.textContent('.sheet-peek-area')).toBe(LONGBA.name);
    expect(await page.textContent('.sheet-peek-figure')).toMatch(/^产业覆盖率 \d+(\.\d)?%$/);

    // A tap steps the sheet to half the screen, then the full screen under the masthead, then back.
    await page.tap('#sheet-toggle');
    await expect.poll(async () => Math.round((await rect(page, '#panel')).height)).toBe(320);
    expect(await page.getAttribute('#sheet-toggle', 'aria-expanded')).toBe('true');
    expect(await page.textContent('#area-panel-title')).toBe(LONGBA.name);
    await page.tap('#sheet-toggle');
    const masthead = await rect(page, '.masthead');
    await expect.poll(async () => Math.round((await rect(page, '#panel')).top)).toBe(Math.round(masthead.bottom));
    await page.tap('#sheet-toggle');
    await expect.poll(async () => (await rect(page, '#panel')).height).toBeLessThanOrEqual(64);

    // A drag of the handle up half the screen settles the sheet at half height.
    const handle = await rect(page, '#sheet-toggle');
    await page.dispatchEvent('#sheet-toggle', 'pointerdown', { pointerId: 1, clientX: 180, clientY: handle.top + 20, isPrimary: true });
    await page.dispatchEvent('#sheet-toggle', 'pointermove', { pointerId: 1, clientX: 180, clientY: handle.top - 140, isPrimary: true });
    await page.dispatchEvent('#sheet-toggle', 'pointermove', { pointerId: 1, clientX: 180, clientY: handle.top - 260, isPrimary: true });
    await page.dispatchEvent('#sheet-toggle', 'pointerup', { pointerId: 1, clientX: 180, clientY: handle.top - 260, isPrimary: true });
    await expect.poll(async () => Math.round((await rect(page, '#panel')).height)).toBe(320);
    await page.tap('#sheet-toggle');

    // A lagging project of the town, from the sheet: it opens as a card over the whole screen below the masthead.
    await page.waitForSelector('.panel-lag-link', { state: 'attached' });
    await page.$eval('.panel-lag-link', (b) => (b as HTMLButtonElement).click());
    await page.waitForSelector('.project-disclosure', { state: 'visible' });
    const card = await rect(page, '.project-popup');
    expect(card.left).toBe(0);
    expect(card.width).toBe(360);
    expect(card.bottom).toBeGreaterThanOrEqual(639);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // The menu opened over the card draws above it (it opened under the card, its buttons hidden).
    await page.tap('#menu-toggle');
    const onTop = await page.$eval('#large-type-toggle', (b) => {
      const r = b.getBoundingClientRect();
      return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(onTop).toBe(true);
    await page.tap('#menu-toggle');
    // Its ✕ closes it.
    await page.tap('.project-popup .maplibregl-popup-close-button');
    await page.waitForFunction(() => !location.hash.includes('proj='));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the views, search, tools and language behind one menu, and the sample notice to one line that opens on a tap', async () => {
    const page = await context.newPage();
    const { errors } = recordPage(page);
    await gotoReady(page, inject('baseUrl'), errors);
    const line = await rect(page, '#sample-banner');
    expect(line.height).toBeLessThan(30);
    // Folded, it still says both that the figures are made up and that the boundaries are schematic, whole.
    const folded = () => page.$eval('#sample-banner', (el) => ({ text: (el as HTMLElement).innerText, isCut: el.scrollWidth > el.clientWidth }));
    expect(await folded()).toEqual({ text: '示例数据 · 示意边界 ▾', isCut: false });
    await page.tap('#sample-banner');
    expect((await rect(page, '#sample-banner')).height).toBeGreaterThan(line.height * 1.5);
    expect((await folded()).text).toContain('乡镇边界为示意边界，不是勘界成果');
    await page.tap('#menu-toggle');
    expect(await page.getAttribute('#menu-toggle', 'aria-expanded')).toBe('true');
    for (const shown of ['#search', '#view-nav', '#lang-toggle', '#large-type-toggle', '#share-toggle']) expect(await page.isVisible(shown), shown).toBe(true);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // A view chosen closes the menu.
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.tap('.view-nav-link[data-view="projects"]');
    await page.waitForFunction(() => location.hash.includes('view=projects'));
    expect(await page.getAttribute('#menu-toggle', 'aria-expanded')).toBe('false');
    // The map kept behind the long page is the screen's size, not the page's (a canvas MapLibre had to shrink).
    await page.waitForTimeout(500);
    expect(await page.$eval('#map', (el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(640);
    expect(warnings.filter((w) => w.includes('maxCanvasSize'))).toEqual([]);
    // Escape closes it too, and gives the focus back to its button.
    await page.tap('#menu-toggle');
    await page.focus('#search');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#menu-toggle', 'aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-toggle');
    expect(errors).toEqual([]);
    await page.close();
  });
});
