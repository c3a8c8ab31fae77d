import type { Browser, Page } from 'playwright-core';

export interface OpenedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Records every URL a page requests and every error it meets (uncaught, or logged as an error: a CSP refusal is one). */
export function recordPage(page: Page): { requests: string[]; errors: string[] } {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { requests, errors };
}

/** Goes to `url` and waits for `<html data-ready>`; a page that reports an error fails with it. */
export async function gotoReady(page: Page, url: string, errors: readonly string[], timeout = 60_000): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('html[data-ready], html[data-error]', { timeout });
  if (await page.$('html[data-error]')) throw new Error(`the page reported an error: ${await page.textContent('#status')} ${errors.join('; ')}`);
}

/** Opens the built site, records requests and errors, and waits for `<html data-ready>`. */
export async function openAtlas(browser: Browser, baseUrl: string, hash = '', viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const recorded = recordPage(page);
  await gotoReady(page, baseUrl + hash, recorded.errors);
  return { page, ...recorded };
}

/** Waits until the map has drawn everything it was given. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.cunhu?.map;
        if (!map) throw new Error('window.cunhu.map is missing');
        if (!map.isMoving() && map.loaded() && map.areTilesLoaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/** Where a [lon, lat] is on the page, in page pixels (for mouse events). */
export async function pagePoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.cunhu?.map;
    if (!map) throw new Error('window.cunhu.map is missing');
    const p = map.project(ll);
    const box = map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, lonLat);
}

/** The map canvas colour at a [lon, lat], as #rrggbb, and where that is on the page. */
export async function pixelAt(page: Page, lonLat: [number, number]): Promise<{ hex: string; x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.cunhu?.map;
    if (!map) throw new Error('window.cunhu.map is missing');
    const p = map.project(ll);
    const src = map.getCanvas();
    const ratio = src.width / src.clientWidth;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
    const hex = `#${[d[0], d[1], d[2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
    const box = map.getContainer().getBoundingClientRect();
    return { hex, x: box.left + p.x, y: box.top + p.y };
  }, lonLat);
}

/**
 * Hides the map's labels (town and village names) and waits for the frame without them, so a
 * pixel read for an area's colour is never a label's: a name moves beside its point when it
 * collides there (style.ts, text-variable-anchor), anywhere in its town.
 */
export async function hideLabels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const map = window.cunhu?.map;
    if (!map) throw new Error('window.cunhu.map is missing');
    for (const layer of ['town-label', 'village-label']) map.setLayoutProperty(layer, 'visibility', 'none');
  });
  await mapIdle(page);
}

/** True when two #rrggbb colours differ by at most `tolerance` per channel (antialiasing, blending). */
export function isNearColour(a: string, b: string, tolerance = 6): boolean {
  const ch = (h: string, i: number) => Number.parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return [0, 1, 2].every((i) => Math.abs(ch(a, i) - ch(b, i)) <= tolerance);
}

/** What the map's live region says after each of `times` presses of the right arrow (the map must have focus). */
export async function announcedOnArrows(page: Page, times: number): Promise<string[]> {
  const heard: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('ArrowRight');
    heard.push((await page.textContent('#map-announce')) ?? '');
  }
  return heard;
}

/**
 * Opens the masthead's tools menu (export, print, 演示, 分享) when what a test clicks is in it and
 * hidden: a wide screen keeps them behind 工具; a phone's menu lists them.
 */
export async function openTools(page: Page, selector: string): Promise<void> {
  if (await page.isVisible(selector)) return;
  if ((await page.isVisible('#tools-toggle')) && (await page.getAttribute('#tools-toggle', 'aria-expanded')) !== 'true') await page.click('#tools-toggle');
  else if ((await page.isVisible('#menu-toggle')) && (await page.getAttribute('#menu-toggle', 'aria-expanded')) !== 'true') await page.click('#menu-toggle');
}

/**
 * What a printed map view shows, after `emulateMedia({ media: 'print' })`: for each named selector
 * whether it is displayed, and under `map` whether the printed map image is displayed and drawn in
 * the paper box's shape (so it fills the box).
 */
export async function printedParts(page: Page, parts: Record<string, string>): Promise<Record<string, boolean>> {
  return page.evaluate((named) => {
    const visible = (sel: string): boolean => {
      const el = document.querySelector(sel);
      return el !== null && getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetWidth > 0;
    };
    const img = document.getElementById('print-map') as HTMLImageElement | null;
    const box = document.querySelector('.map-area')?.getBoundingClientRect();
    const fills = img !== null && box !== undefined && Math.abs(img.naturalWidth / img.naturalHeight - box.width / box.height) < 0.02;
    return { map: visible('#print-map') && fills, ...Object.fromEntries(Object.entries(named).map(([name, sel]) => [name, visible(sel)])) };
  }, parts);
}
