import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas, openTools, printedParts } from './page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing the map view', () => {
  it.each(['A4', 'A3'] as const)('lays out the map image, legend and figures on %s landscape, without the controls', async (paper) => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#town=420324101&month=2016-05');
    await mapIdle(page);
    await openTools(page, '#print-paper');
    await page.selectOption('#print-paper', paper);
    // The 打印 button draws the map in the paper's shape, then asks the browser to print.
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        document.documentElement.dataset.printed = 'true';
      };
    });
    await page.click('#print-view');
    await page.waitForSelector('html[data-printed]', { timeout: 60_000 });
    // The screen's map is back at its own size and pixel ratio.
    expect(
      await page.evaluate(() => {
        const canvas = window.cunhu?.map.getCanvas();
        const box = document.getElementById('map')?.getBoundingClientRect();
        return canvas !== undefined && box !== undefined && Math.abs(canvas.clientWidth - box.width) < 1 && Math.abs(canvas.clientHeight - box.height) < 1 && window.cunhu?.map.getPixelRatio() === devicePixelRatio;
      }),
    ).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.dataset.paper)).toBe(paper);
    expect(await page.textContent('#print-page-size')).toContain(`@page { size: ${paper} landscape; margin: 10mm; }`);
    const shown = await printedParts(page, { legend: '#legend', scale: '.print-scale', screenScale: '.maplibregl-ctrl-scale', goals: '#area-panel', controls: '#map-controls', search: '#search', time: '#time-slider-bar' });
    expect(shown).toEqual({ map: true, legend: true, scale: true, screenScale: false, goals: true, controls: false, search: false, time: false });
    const path = `test-results/print-${paper}.pdf`;
    await page.pdf({ path, format: paper, landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(statSync(path).size).toBeGreaterThan(50_000);
    // One sheet: the page tree counts one page.
    expect(readFileSync(path, 'latin1').match(/\/Count (\d+)/)?.[1]).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });
});
