import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { statSync } from 'node:fs';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';

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
    await page.selectOption('#print-paper', paper);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.dataset.paper)).toBe(paper);
    expect(await page.textContent('#print-page-size')).toBe(`@page { size: ${paper} landscape; margin: 10mm; }`);
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => {
        const el = document.querySelector(sel);
        return el !== null && getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetWidth > 0;
      };
      const img = document.getElementById('print-map') as HTMLImageElement | null;
      return { map: visible('#print-map') && (img?.naturalWidth ?? 0) > 0, legend: visible('#legend'), goals: visible('#area-panel'), controls: visible('#map-controls'), search: visible('#search'), time: visible('#time-slider-bar') };
    });
    expect(shown).toEqual({ map: true, legend: true, goals: true, controls: false, search: false, time: false });
    const path = `test-results/print-${paper}.pdf`;
    await page.pdf({ path, format: paper, landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(statSync(path).size).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
