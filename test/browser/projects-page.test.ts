import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { NO_FILTER, filterRows, projectRows, sortRows } from '../../src/state/projects-table';
import { builtSite } from './site-fixture';

const { site, projects } = builtSite();
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
    // The search is in the link.
    await page.waitForFunction((q) => decodeURIComponent(location.hash).includes(`q=${q}`), first);
    const leftFrom = await page.getAttribute('#projects-table tbody tr.projects-row >> nth=0', 'data-project');
    await page.click('#projects-table tbody .projects-to-map >> nth=0');
    await page.waitForFunction(() => location.hash.includes('proj=') && !location.hash.includes('view=projects'));
    // The hash changes at once; the disclosure opens once the town's markers are drawn.
    await page.waitForSelector('.project-disclosure', { state: 'visible' });
    // The browser's back: the page as it was, the focus on the button that left it (it fell to the page's body).
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('view=projects'));
    await page.waitForFunction(
      (id) => document.activeElement?.classList.contains('projects-to-map') && document.activeElement.closest('tr')?.getAttribute('data-project') === id,
      leftFrom,
      { timeout: 5_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reopens a link with its search, year, order and page', async () => {
    const query = '产业';
    const hash = `#view=projects&q=${encodeURIComponent(query)}&year=2016&sort=budget-desc&page=2`;
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), hash);
    const rows = sortRows(filterRows(projectRows(site, projects, site.months.length - 1, 'zh'), { ...NO_FILTER, query, year: 2016 }), 'budgetWan', 'descending');
    expect(rows.length).toBeGreaterThan(50);
    expect(await page.inputValue('#projects-q')).toBe(query);
    expect(await page.inputValue('#projects-year')).toBe('2016');
    expect(await page.getAttribute('#projects-table th.projects-num', 'aria-sort')).toBe('descending');
    expect(await page.textContent('.projects-pager [aria-current="page"]')).toBe('2');
    expect(await page.$$eval('#projects-table tbody tr.projects-row', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.project))).toEqual(rows.slice(50, 100).map((r) => r.id));
    // The link stays as it was; the next page is a link of its own.
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toBe(decodeURIComponent(hash));
    await page.click('.projects-pager button:text-is("3")');
    await page.waitForFunction(() => location.hash.includes('page=3'));
    // A new search goes back to the first page (the link drops page=).
    await page.fill('#projects-q', '路');
    await page.waitForFunction(() => !location.hash.includes('page=') && location.hash.includes('q=%E8%B7%AF'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is a list of cards on a phone (360×640): search, the filter sheet, nothing sideways, and the link', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=projects', { width: 360, height: 640 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await sideways()).toBeLessThanOrEqual(360);
    // The filters are behind 筛选; the table's header row is not shown, each row is a card.
    expect(await page.isVisible('#projects-q')).toBe(false);
    expect(await page.isVisible('#projects-table thead')).toBe(false);
    const toggle = page.locator('#projects-filter-toggle');
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    // Open the sheet: focus moves into it; find a project by search; Escape closes it, focus back on the button.
    await toggle.click();
    await page.waitForSelector('#projects-filter-sheet[role="dialog"]', { state: 'visible' });
    expect(await page.evaluate(() => document.getElementById('projects-filter-sheet')?.contains(document.activeElement))).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.fill('#projects-q', '道路');
    await page.waitForFunction(() => location.hash.includes('q=%E9%81%93%E8%B7%AF'));
    await page.selectOption('#projects-year', '2016');
    await page.selectOption('#projects-sort-by', 'budgetWan descending');
    await page.waitForFunction(() => location.hash.includes('sort=budget-desc') && location.hash.includes('year=2016'));
    for (const sel of ['#projects-q', '#projects-year', '#projects-sort-by', '#projects-filter-close', '#projects-filter-done']) expect((await page.locator(sel).boundingBox())!.height, sel).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#projects-filter-sheet', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('projects-filter-toggle');
    expect(await toggle.textContent()).toContain('2');

    const expected = sortRows(filterRows(projectRows(site, projects, site.months.length - 1, 'zh'), { ...NO_FILTER, query: '道路', year: 2016 }), 'budgetWan', 'descending');
    expect(expected.length).toBeGreaterThan(0);
    expect(await count(page)).toBe(expected.length);
    const cards = page.locator('#projects-table tbody tr.projects-row');
    expect(await cards.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.project))).toEqual(expected.map((r) => r.id));
    // A card: its name, place, category, status and progress, budget; its buttons 44 px; nothing sideways.
    const card = cards.first();
    const text = (await card.textContent()) ?? '';
    const top = expected[0]!;
    for (const part of [top.name, top.town.name, top.category.name]) expect(text).toContain(part);
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
    expect((await card.locator('.projects-to-map').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await sideways()).toBeLessThanOrEqual(360);
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);

    // A tablet in portrait (768 px): cards too (nine columns broke 城关镇 a character a line and ran off the screen).
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.setViewportSize({ width: 360, height: 640 });

    // The close button closes it too.
    await toggle.click();
    await page.click('#projects-filter-close');
    await page.waitForSelector('#projects-filter-sheet', { state: 'hidden' });

    // The link reopens the same page.
    const link = await page.evaluate(() => location.href);
    const again = await openAtlas(browser, link.slice(0, link.indexOf('#')), link.slice(link.indexOf('#')), { width: 360, height: 640 });
    expect(await again.page.inputValue('#projects-q')).toBe('道路');
    expect(await again.page.inputValue('#projects-year')).toBe('2016');
    expect(await again.page.inputValue('#projects-sort-by')).toBe('budgetWan descending');
    expect(await again.page.locator('#projects-table tbody tr.projects-row').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.project))).toEqual(expected.map((r) => r.id));
    await page.screenshot({ path: 'test-results/projects-phone-360.png', fullPage: false });
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it("opens a project's row from the map's popup: on its page (in the link), marked and its details open", async () => {
    const town = [...site.towns].sort((a, b) => b.projectCount - a.projectCount)[0]!;
    const rows = sortRows(filterRows(projectRows(site, projects, site.months.length - 1, 'zh'), { ...NO_FILTER, town: town.code }), 'id', 'ascending');
    expect(rows.length).toBeGreaterThan(50);
    const target = rows[rows.length - 1]!;
    const pageOfTarget = Math.ceil(rows.length / 50);
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${town.code}&proj=${encodeURIComponent(target.id)}`);
    await page.waitForSelector('.project-disclosure', { state: 'visible' });
    await page.click('.project-table-link');
    await page.waitForSelector(`#projects-table tr[data-project="${target.id}"][aria-current="true"]`);
    await page.waitForFunction((n) => location.hash.includes(`page=${n}`), pageOfTarget);
    expect(await page.isVisible(`#projects-detail-${target.index}`)).toBe(true);
    // The focus moves to the row in the frame after it is drawn (laid out first: the page may just have been unhidden).
    await page.waitForFunction((id) => document.activeElement?.closest('tr')?.getAttribute('data-project') === id, target.id, { timeout: 5_000 });

    // Back on the map by the row's button, then to the page again by the popup's link: the same row, revealed again.
    await page.click(`#projects-table tr[data-project="${target.id}"] .projects-to-map`);
    await page.waitForFunction(() => !location.hash.includes('view=projects'));
    await page.click('.view-nav-link[data-view="projects"]');
    await page.waitForFunction(() => location.hash.includes('view=projects'));
    await page.waitForSelector(`#projects-table tr[data-project="${target.id}"][aria-current="true"]`);
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
