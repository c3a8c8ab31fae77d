import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IndicatorId } from '../../src/contract/site';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { launchChromium } from './chromium';
import { openAtlas, openTools, printedParts } from './page';
import { decode, download, pngSize } from './png';
import { builtSite } from './site-fixture';
import { RENDERER_MARKS } from './start-chunks';
import { DIST } from './test-dirs';

/**
 * Issue 17: the on-site meeting on a PC without WebGL: the tour, its PNG and print, over the
 * fallback map (Chromium started with WebGL turned off).
 */
const { site } = builtSite();
const TOUR = site.config.tour;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium({ webgl: false });
});
afterAll(async () => {
  await browser?.close();
});

/** What each area of a stop should be filled with: the stop's scale over its town's villages, or over the towns at county level. */
function stopFills(stop: number): { kind: 'town' | 'village'; fills: Record<number, string> } {
  const s = TOUR[stop - 1]!;
  const ind = s.indicator as IndicatorId;
  const m = s.month === null ? site.months.length - 1 : site.months.indexOf(s.month);
  const town = site.towns.find((t) => t.code === s.town) ?? null;
  const series = site.series[ind];
  const values = town ? (series.villages[m] ?? []) : (series.towns[m] ?? []);
  const classified = town ? site.villages.filter((v) => v.townId === town.id).map((v) => values[v.id] ?? null) : values;
  const scale = createColorScale(indicatorSpec(ind), classified, s.classification ?? 'fixed', 'zh');
  const fills = Object.fromEntries(values.map((v, id) => [id, v === null ? scale.noData.color : scale.colorFor(v)]));
  return { kind: town ? 'village' : 'town', fills };
}

/** Waits for the presenter's overlay to show a stop and the fallback to draw it: every area drawn in the stop's colours. */
async function atStop(page: Page, stop: number): Promise<void> {
  await page.waitForFunction((n) => new URLSearchParams(location.hash.slice(1)).get('tour') === String(n) && document.getElementById('presentation')?.dataset.stop === String(n), stop);
  const { kind, fills } = stopFills(stop);
  await page.waitForFunction(
    ({ kind, fills }) => {
      const drawn = [...document.querySelectorAll(`#map svg [data-kind="${kind}"]`)];
      // No data is hatched (a pattern) on a town, the no-data colour on a village.
      return drawn.length > 0 && drawn.every((el) => el.getAttribute('fill')?.startsWith('url(') || el.getAttribute('fill') === fills[Number(el.getAttribute('data-id'))]);
    },
    { kind, fills },
    { timeout: 30_000 },
  );
}

/** The stop's town, outlined as selected, lies wholly inside the map and fills most of its height or width. */
async function expectFramed(page: Page, stop: number): Promise<void> {
  const town = site.towns.find((t) => t.code === TOUR[stop - 1]!.town)!;
  // The map frames again once what floats over it (the legend of the new stop) has its size: wait for that drawing.
  await page.waitForFunction(
    (id) => {
      const map = document.getElementById('map')?.getBoundingClientRect();
      const area = document.querySelector(`#map svg [data-selected="${id}"]`)?.getBoundingClientRect();
      return !!map && !!area && Math.max(area.height / map.height, area.width / map.width) > 0.6;
    },
    town.id,
    { timeout: 10_000 },
  ).catch(() => undefined);
  const { map, area } = await page.evaluate((id) => {
    const box = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null;
    };
    return { map: box(document.getElementById('map')), area: box(document.querySelector(`#map svg [data-selected="${id}"]`)) };
  }, town.id);
  expect(area, `stop ${stop}: ${town.name} outlined`).not.toBeNull();
  if (!map || !area) return;
  expect(area.left, `stop ${stop}`).toBeGreaterThanOrEqual(map.left - 1);
  expect(area.right, `stop ${stop}`).toBeLessThanOrEqual(map.right + 1);
  expect(area.top, `stop ${stop}`).toBeGreaterThanOrEqual(map.top - 1);
  expect(area.bottom, `stop ${stop}`).toBeLessThanOrEqual(map.bottom + 1);
  expect(Math.max(area.height / map.height, area.width / map.width), `stop ${stop}: ${town.name} is framed, not a speck`).toBeGreaterThan(0.6);
}

describe('the meeting without WebGL', () => {
  it('walks the tour on the fallback map: each stop framed and coloured from its own scale in the projector theme, exported as PNG from the presenter’s column', async () => {
    const { page, errors, requests } = await openAtlas(browser, inject('baseUrl'), '#tour=1');
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(true);
    await atStop(page, 1);
    expect(await page.isVisible('#presentation')).toBe(true);
    expect(await page.getAttribute('#map', 'data-theme')).toBe('projector');
    await expectFramed(page, 1);
    await page.screenshot({ path: 'test-results/no-webgl-tour-1-1366.png' });

    // The clicker's next: another town, another indicator.
    await page.keyboard.press('ArrowRight');
    await atStop(page, 2);
    await expectFramed(page, 2);

    // The last stop: the county's towns in quantile classes.
    await page.keyboard.press('End');
    await atStop(page, TOUR.length);
    expect(await page.$$('#map svg [data-selected]')).toHaveLength(0);
    await page.screenshot({ path: `test-results/no-webgl-tour-${TOUR.length}-1366.png` });
    const width = await page.$eval('#map', (el) => el.clientWidth);
    const shot = await download(page, '#presentation-export-png');
    expect(shot.name).toBe(`${site.config.region.name}-${TOUR[TOUR.length - 1]!.indicator}-${TOUR[TOUR.length - 1]!.month}.png`);
    expect(pngSize(shot.png).width).toBe(width);
    expect((await decode(page, shot.png, [])).colours).toBeGreaterThan(20);
    expect((await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('tour')))).toBe(String(TOUR.length));

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('tour='));
    expect(await page.getAttribute('#map', 'data-theme')).toBe('default');
    expect(await page.isVisible('#presentation')).toBe(false);
    // Neither renderer was ever fetched.
    const scripts = requests.filter((u) => /\/assets\/[^/]+\.m?js$/.test(u)).map((u) => u.slice(u.lastIndexOf('/') + 1));
    expect(scripts.length).toBeGreaterThan(0);
    const marks = Object.values(RENDERER_MARKS).flat();
    expect(scripts.filter((f) => marks.some((mark) => readFileSync(join(DIST, 'assets', f), 'utf8').includes(mark)))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints a town on A4 landscape: the fallback map as an image with its legend and scale bar, the figures beside it, no screen-only lines', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#town=420324101&month=2016-05');
    await openTools(page, '#print-paper');
    await page.selectOption('#print-paper', 'A4');
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        document.documentElement.dataset.printed = 'true';
      };
    });
    await page.click('#print-view');
    await page.waitForSelector('html[data-printed]', { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.textContent('#print-page-size')).toContain('@page { size: A4 landscape; margin: 10mm; }');
    const shown = await printedParts(page, { screenMap: '#map svg', legend: '#legend', scale: '.print-scale', goals: '#area-panel', notice: '#map-notice', controls: '#map-controls', time: '#time-slider-bar' });
    expect(shown).toEqual({ map: true, screenMap: false, legend: true, scale: true, goals: true, notice: false, controls: false, time: false });
    expect(await page.textContent('.print-scale')).toMatch(/\d+ k?m$/);
    const src = await page.$eval('#print-map', (img) => (img as HTMLImageElement).src);
    expect(src).toMatch(/^data:image\/png;base64,/);
    expect((await decode(page, Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'), [])).colours).toBeGreaterThan(20);
    const path = 'test-results/no-webgl-print-A4.pdf';
    await page.pdf({ path, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(statSync(path).size).toBeGreaterThan(50_000);
    expect(readFileSync(path, 'latin1').match(/\/Count (\d+)/)?.[1]).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });
});
