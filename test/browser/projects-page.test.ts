import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const LONGBA = site.towns.find((t) => t.name === '龙坝镇')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, selector: string): Promise<{ text: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  return { text: readFileSync(await d.path(), 'utf8'), name: d.suggestedFilename() };
}

const count = (page: Page): Promise<number> => page.$eval('#projects-count', (el) => Number((el.textContent ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? NaN));

describe('the projects page (view=projects)', () => {
  it('filters by town (linked with the map), category and search, and downloads exactly what it shows', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=projects');
    expect(await count(page)).toBe(2782);
    expect(await page.textContent('#projects-supervision')).toContain('12317');

    // The town filter is the map's selection: the hash follows it.
    await page.selectOption('#projects-town', LONGBA.code);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), LONGBA.code);
    const inTown = await count(page);
    expect(inTown).toBe(LONGBA.projectCount);

    // Only the infrastructure category.
    for (const c of site.config.categories) if (c.id !== 'infrastructure') await page.uncheck(`#projects-cat-${c.id}`);
    await page.waitForFunction(() => location.hash.includes('cat=infrastructure'));
    const infrastructure = await count(page);
    expect(infrastructure).toBeGreaterThan(0);
    expect(infrastructure).toBeLessThan(inTown);

    const csv = await download(page, '#projects-csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(infrastructure);
    const header = rows[0] ?? [];
    const townAt = header.indexOf('乡镇名称');
    expect(rows.slice(1).every((r) => r[townAt] === LONGBA.name)).toBe(true);

    const geo = JSON.parse((await download(page, '#projects-geojson')).text) as { type: string; features: { properties: { town: unknown } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeLessThanOrEqual(infrastructure);
    expect(geo.features.length).toBeGreaterThan(0);

    // A search narrows further; its first result opens on the map.
    const first = rows[1]?.[1] ?? '';
    await page.fill('#projects-q', first);
    await expect.poll(() => count(page)).toBeLessThanOrEqual(infrastructure);
    await page.click('#projects-table tbody .projects-to-map >> nth=0');
    await page.waitForFunction(() => location.hash.includes('proj=') && !location.hash.includes('view=projects'));
    // The hash changes at once; the disclosure opens once the town's markers are drawn.
    await page.waitForSelector('.project-disclosure', { state: 'visible' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the open dataset, and every file is there', async () => {
    const { page } = await openAtlas(browser, inject('baseUrl'), '#view=projects');
    const hrefs = await page.$$eval('.projects-open-data a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    for (const href of hrefs) {
      const status = await page.evaluate(async (u) => (await fetch(u, { method: 'HEAD' })).status, href);
      expect(status, href).toBe(200);
    }
    await page.close();
  });
});
