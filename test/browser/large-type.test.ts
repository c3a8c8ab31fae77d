import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { builtSite } from './site-fixture';

/** Large type (大字, issue 17 item 5): on by link and by button, remembered, 1.5× and line spacing ≥ 1.3, nothing cut off or scrolling sideways. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const { site } = builtSite();
const TOWN = site.towns.find((t) => t.code === '420324101')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The root font size against the browser's own (16 px unless the reader changed it), and the body text's line spacing. */
async function typeScale(page: Page): Promise<{ rootRatio: number; lineSpacing: number[] }> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'font-size: medium; position: absolute; visibility: hidden';
    document.body.append(probe);
    const medium = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    const spacing = (el: Element): number => {
      const cs = getComputedStyle(el);
      return parseFloat(cs.lineHeight) / parseFloat(cs.fontSize);
    };
    const body = [...document.querySelectorAll('#sources, .panel-goal-name, .legend-bin, #ranking-table td, .sample-banner, .panel-heading')].filter((e) => (e as HTMLElement).offsetParent !== null);
    return { rootRatio: parseFloat(getComputedStyle(document.documentElement).fontSize) / medium, lineSpacing: body.map(spacing) };
  });
}

/** Elements with visible text whose content is wider than their box where the box hides it: cut-off text. */
async function clippedText(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of [root, ...root.querySelectorAll('*')] as HTMLElement[]) {
        if (el.offsetParent === null || el.clientWidth <= 1 || !el.textContent?.trim()) continue;
        const cs = getComputedStyle(el);
        if (!/hidden|clip/.test(cs.overflowX) && cs.textOverflow !== 'ellipsis') continue;
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  }, scope);
}

/** Visible elements reaching past the right edge of the screen. */
async function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.offsetParent !== null && el.clientWidth > 1 && el.getBoundingClientRect().right > innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
  );
}

const sideways = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

describe('large type (大字)', () => {
  it('turns on by link: 1.5× the browser font size, line spacing ≥ 1.3, the button pressed', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#big=1');
    const { rootRatio, lineSpacing } = await typeScale(page);
    expect(rootRatio).toBeGreaterThanOrEqual(1.5);
    expect(lineSpacing.length).toBeGreaterThan(5);
    for (const s of lineSpacing) expect(s).toBeGreaterThanOrEqual(1.3);
    expect(await page.getAttribute('#large-type-toggle', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#large-type-toggle')).toBe('大字');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a tablet in landscape (1180×820) gives the map the page’s width and puts the panel under it', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#big=1&lang=en', { width: 1180, height: 820 });
    const boxes = await page.evaluate(() => {
      const map = document.getElementById('map')!.getBoundingClientRect();
      const panel = document.getElementById('panel')!.getBoundingClientRect();
      return { mapWidth: map.width, mapBottom: map.bottom, panelTop: panel.top, sideways: document.documentElement.scrollWidth - innerWidth };
    });
    // Beside the panel the map was 661 px wide under four rows of controls.
    expect(boxes.mapWidth).toBe(1180);
    expect(boxes.panelTop).toBeGreaterThanOrEqual(boxes.mapBottom - 1);
    expect(boxes.sideways).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('turns on and off by the button, in the link and remembered after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    expect(await page.getAttribute('#large-type-toggle', 'aria-pressed')).toBe('false');
    expect((await typeScale(page)).rootRatio).toBe(1);
    await page.click('#large-type-toggle');
    expect(await page.getAttribute('#large-type-toggle', 'aria-pressed')).toBe('true');
    expect(new URL(page.url()).hash).toContain('big=1');
    expect((await typeScale(page)).rootRatio).toBeGreaterThanOrEqual(1.5);
    // A fresh visit without big=1 in the link takes the remembered choice.
    await page.close();
    const again = await context.newPage();
    await again.goto(inject('baseUrl') + '#view=projects');
    await again.waitForSelector('html[data-ready]', { timeout: 60_000 });
    expect(await again.getAttribute('#large-type-toggle', 'aria-pressed')).toBe('true');
    expect(new URL(again.url()).hash).toContain('big=1');
    expect((await typeScale(again)).rootRatio).toBeGreaterThanOrEqual(1.5);
    // Turned off, it stays off after a reload.
    await again.click('#large-type-toggle');
    expect(new URL(again.url()).hash).not.toContain('big=');
    await again.reload();
    await again.waitForSelector('html[data-ready]', { timeout: 60_000 });
    expect(await again.getAttribute('#large-type-toggle', 'aria-pressed')).toBe('false');
    expect((await typeScale(again)).rootRatio).toBe(1);
    await context.close();
  });

  it.each([
    ['the county', '#big=1', 1366, 768],
    ['a town', `#town=${TOWN.code}&big=1`, 1366, 768],
    ['the county', '#big=1', 375, 667],
    ['a town', `#town=${TOWN.code}&big=1`, 375, 667],
    ['a town', `#town=${TOWN.code}&big=1`, 360, 640],
  ])('%s at %#: nothing scrolls sideways, no text cut off in masthead, panel, legend, ranking', async (_name, hash, width, height) => {
    const { page } = await openAtlas(browser, inject('baseUrl'), hash, { width, height });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await clippedText(page, '.masthead, #panel, #legend, #ranking-table, .time-slot, .controls-slot')).toEqual([]);
    // Nothing is wider than the screen (a phone's page hides what runs past its right edge).
    expect(await pastTheEdge(page)).toEqual([]);
    // The time bar's month stays inside the screen.
    const label = await page.$eval('.time-slider-label', (e) => e.getBoundingClientRect().right);
    expect(label).toBeLessThanOrEqual(width);
    // The time bar covers no part of the legend (at 1366 it floated over the legend's foot).
    const overlap = await page.evaluate(() => {
      const a = document.getElementById('legend')!.getBoundingClientRect();
      const b = document.querySelector('.time-slider')!.getBoundingClientRect();
      return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    });
    expect(overlap).toBe(0);
    await page.screenshot({ path: `test-results/large-type-${width}x${height}-${hash.includes('town') ? 'town' : 'county'}.png` });
    await page.close();
  });

  it.each([
    ['200 % zoom of 1366×768', 683, 384],
    ['320 CSS px wide', 320, 640],
  ])('at %s nothing scrolls sideways, with and without large type, on every view', async (_name, width, height) => {
    for (const big of ['', '&big=1']) {
      for (const view of ['', `#town=${TOWN.code}`, '#view=projects', '#view=report', '#view=about']) {
        const hash = `${view || '#'}${big}`;
        const { page } = await openAtlas(browser, inject('baseUrl'), hash, { width, height });
        if (view === '#view=report') await page.waitForSelector('#report[aria-busy="false"]', { timeout: 60_000 });
        expect(await sideways(page), hash).toBeLessThanOrEqual(0);
        await page.close();
      }
    }
  });

  it.each([
    ['the atlas', '#big=1', 1366, 768],
    ['a town', `#town=${TOWN.code}&big=1`, 1366, 768],
    ['the projects page', '#view=projects&big=1', 1366, 768],
    ['a town on a phone', `#town=${TOWN.code}&big=1`, 375, 667],
  ])('axe: %s with large type has no serious or critical violation', async (_name, hash, width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(inject('baseUrl') + hash);
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
