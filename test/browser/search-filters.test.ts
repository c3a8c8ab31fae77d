import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, search } from '../../src/ui/search-index';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { builtSite } from './site-fixture';

const { site, projects } = builtSite();
const EPING = site.towns.find((t) => t.code === '420324203')!;
const CATEGORY_IDS = site.config.categories.map((c) => c.id);
const index = buildSearchIndex(site, projects);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const hashOf = (page: Page): Promise<string> => page.evaluate(() => location.hash);

/** The options the open listbox shows, as [kind, code, label]. */
function shownOptions(page: Page): Promise<[string, string, string][]> {
  return page.$$eval('#search-listbox:not([hidden]) [role="option"]', (lis) =>
    lis.map((li) => [(li as HTMLElement).dataset.kind ?? '', (li as HTMLElement).dataset.code ?? '', li.querySelector('.search-option-label')?.textContent ?? '']),
  );
}

/** Which checkboxes of the filter fieldsets are checked, by id. */
function checkedBoxes(page: Page): Promise<Record<string, boolean>> {
  return page.$$eval('.map-filters input[type="checkbox"]', (boxes) => Object.fromEntries(boxes.map((b) => [b.id, (b as HTMLInputElement).checked])));
}

describe('the search box', () => {
  it('finds a town and a village by name, frames the town, and Escape closes without moving', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const countyBounds = await page.evaluate(() => window.cunhu!.map.getBounds().toArray().flat());

    // 鄂坪 → the town first, then its projects and villages.
    await page.fill('#search', '鄂坪');
    await page.waitForSelector('#search-listbox:not([hidden]) [role="option"]');
    // Project names load on the first focus; the list is searched again once they are in.
    const expected = search(index, '鄂坪').map((h) => h.code);
    await page.waitForFunction((codes) => [...document.querySelectorAll('#search-listbox [role="option"]')].map((o) => (o as HTMLElement).dataset.code).join() === codes.join(), expected);
    expect(await page.getAttribute('#search', 'aria-expanded')).toBe('true');
    const options = await shownOptions(page);
    expect(options[0]).toEqual(['town', EPING.code, '鄂坪乡']);
    expect(options.map(([, code]) => code)).toEqual(search(index, '鄂坪').map((h) => h.code));
    expect(await page.isVisible('#search-listbox [data-code="420324203"]')).toBe(true);

    // Enter picks the first hit: the hash names the town and the map frames it.
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => location.hash.includes('town=420324203'));
    expect(await page.isHidden('#search-listbox')).toBe(true);
    expect(await page.inputValue('#search')).toBe('鄂坪乡');
    expect(await page.textContent('#breadcrumb [aria-current]')).toBe('鄂坪乡');
    await mapIdle(page);
    const [w, s, e, n] = await page.evaluate(() => window.cunhu!.map.getBounds().toArray().flat());
    const [tw, ts, te, tn] = EPING.bbox;
    const [cx, cy] = [(tw + te) / 2, (ts + tn) / 2];
    expect(cx > w! && cx < e! && cy > s! && cy < n!, `town centre ${cx},${cy} in map bounds ${w},${s},${e},${n}`).toBe(true);
    // The whole town is in view, and the view is closer than the county's.
    expect(tw >= w! && te <= e! && ts >= s! && tn <= n!).toBe(true);
    expect(e! - w!).toBeLessThan((countyBounds[2]! - countyBounds[0]!) * 0.7);
    expect(n! - s!).toBeLessThan((countyBounds[3]! - countyBounds[1]!) * 0.7);

    // 幸福: two villages of that name; the second (城关镇's 幸福社区) is chosen with the arrow keys.
    const xingfu = site.villages.find((v) => v.code === '420324100003')!;
    const hits = search(index, '幸福');
    const at = hits.findIndex((h) => h.code === xingfu.code);
    expect(at).toBeGreaterThan(0);
    await page.fill('#search', '幸福');
    await page.waitForSelector('#search-listbox:not([hidden]) [role="option"]');
    expect((await shownOptions(page)).map(([, code]) => code)).toEqual(hits.map((h) => h.code));
    for (let k = 0; k <= at; k++) await page.press('#search', 'ArrowDown');
    expect(await page.getAttribute('#search', 'aria-activedescendant')).toBe(`search-option-${at}`);
    expect(await page.getAttribute(`#search-option-${at}`, 'aria-selected')).toBe('true');
    await page.press('#search', 'Enter');
    await page.waitForFunction((code) => location.hash.includes(`village=${code}`), xingfu.code);
    const town = site.towns[xingfu.townId]!;
    expect(await hashOf(page)).toContain(`town=${town.code}`);
    expect(await page.textContent('#breadcrumb')).toContain(xingfu.name);
    expect(await page.textContent('#area-panel-title')).toBe(xingfu.name);

    // Escape in the box closes the list, then clears the box; neither leaves the village.
    const before = await hashOf(page);
    await page.fill('#search', '鄂坪');
    await page.waitForSelector('#search-listbox:not([hidden])');
    await page.press('#search', 'Escape');
    expect(await page.isHidden('#search-listbox')).toBe(true);
    expect(await page.getAttribute('#search', 'aria-expanded')).toBe('false');
    expect(await page.inputValue('#search')).toBe('鄂坪');
    await page.press('#search', 'Escape');
    expect(await page.inputValue('#search')).toBe('');
    expect(await hashOf(page)).toBe(before);
    expect(await page.textContent('#area-panel-title')).toBe(xingfu.name);
    // With the box empty and closed, Escape is the page's again: up one level, to the town.
    await page.press('#search', 'Escape');
    await page.waitForFunction(() => !location.hash.includes('village='));
    expect(await hashOf(page)).toContain(`town=${town.code}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the project filters', () => {
  it('unchecking a category puts cat= in the hash and takes its markers off the map', async () => {
    // Markers are drawn in a town (the county view draws none): the town with the most tourism projects.
    const tourism = site.config.categories.findIndex((c) => c.id === 'tourism');
    const perTown = site.towns.map((t) => projects.id.filter((_, i) => projects.town[i] === t.id && projects.category[i] === tourism && projects.lon[i] !== null).length);
    const town = site.towns[perTown.indexOf(Math.max(...perTown))]!;
    const { page, errors } = await openAtlas(browser, `${inject('baseUrl')}#town=${town.code}`);
    await page.click('.map-filters summary');
    await page.waitForSelector('#cat-tourism', { state: 'visible' });
    expect(Object.values(await checkedBoxes(page)).every(Boolean)).toBe(true);
    await mapIdle(page);

    // A tourism marker on top at its own point, not under a control: hovering it names it.
    const candidates = projects.id.flatMap((_, i) => (projects.category[i] === tourism && projects.town[i] === town.id && projects.lon[i] !== null ? [{ i, id: projects.id[i]!, lonLat: [projects.lon[i]!, projects.lat[i]!] as [number, number] }] : []));
    const findSpot = () => page.evaluate((list) => {
      const map = window.cunhu!.map;
      const box = map.getContainer().getBoundingClientRect();
      for (const { i, id, lonLat } of list) {
        const p = map.project(lonLat);
        // The mouse moves in whole pixels: the marker must be on top at the rounded point too.
        const x = Math.round(box.left + p.x);
        const y = Math.round(box.top + p.y);
        if (window.cunhu!.pickProject(p.x, p.y) !== id || window.cunhu!.pickProject(x - box.left, y - box.top) !== id) continue;
        if (document.elementFromPoint(x, y) === map.getCanvas()) return { i, x, y };
      }
      return null;
    }, candidates);
    const found: { spot: { i: number; x: number; y: number } | null } = { spot: null };
    // As a hand does, the pointer comes to rest on the marker (a loaded machine has dropped a lone move
    // event). The way in passes over neighbouring markers, whose tooltip may show first, and a late
    // redraw can move what is on top: each try finds the marker on top again, rests on it, and what
    // counts is the tooltip shown then, naming the project under the pointer.
    await expect.poll(async () => {
      const spot = (found.spot = await findSpot());
      if (!spot) return 'no tourism marker on top';
      await page.mouse.move(spot.x - 3, spot.y);
      await page.mouse.move(spot.x, spot.y, { steps: 3 });
      await mapIdle(page);
      const shown = await page.$eval('.project-tooltip', (el) => ((el as HTMLElement).hidden ? '' : (el.textContent ?? '')));
      return shown.startsWith(`${projects.name[spot.i]!}\n乡村旅游 · `) ? 'named' : `${projects.name[spot.i]!} ≠ ${shown}`;
    }, { timeout: 30_000, interval: 500 }).toBe('named');
    const spot = found.spot;
    expect(spot, 'a tourism marker on top somewhere in the town').not.toBeNull();

    await page.uncheck('#cat-tourism');
    await page.waitForFunction(() => location.hash.includes('cat='));
    expect(decodeURIComponent(await hashOf(page))).toBe(`#town=${town.code}&cat=${CATEGORY_IDS.filter((c) => c !== 'tourism').sort().join(',')}`);
    const boxes = await checkedBoxes(page);
    expect(Object.entries(boxes).filter(([, on]) => !on).map(([id]) => id)).toEqual(['cat-tourism']);
    await mapIdle(page);
    await page.mouse.move(spot!.x + 200, spot!.y + 200);
    await page.mouse.move(spot!.x, spot!.y);
    const tooltip = await page.$eval('.project-tooltip', (el) => ((el as HTMLElement).hidden ? '' : (el.textContent ?? '')));
    expect(tooltip, 'no tourism project under the pointer any more').not.toContain('乡村旅游');
    await page.screenshot({ path: 'test-results/filters-open-1366.png' });

    // Checking it again is "all" again: cat= leaves the hash.
    await page.check('#cat-tourism');
    await page.waitForFunction(() => !location.hash.includes('cat='));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a deep link with cat= and st= leaves only those boxes checked', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#cat=industry&st=done');
    await page.click('.map-filters summary');
    const boxes = await checkedBoxes(page);
    expect(Object.keys(boxes).sort()).toEqual([...CATEGORY_IDS.map((c) => `cat-${c}`), 'st-planned', 'st-building', 'st-done'].sort());
    expect(Object.entries(boxes).filter(([, on]) => on).map(([id]) => id).sort()).toEqual(['cat-industry', 'st-done']);
    expect(await page.isChecked('#show-projects')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('markers=0 in the link leaves the projects box unchecked; checking it drops the key', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#markers=0');
    expect(await page.isChecked('#show-projects')).toBe(false);
    await page.check('#show-projects');
    await page.waitForFunction(() => !location.hash.includes('markers='));
    await page.uncheck('#show-projects');
    await page.waitForFunction(() => location.hash.includes('markers=0'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad hash still renders the default view, with warnings and no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}#ind=nope&town=123`);
    await page.waitForSelector('html[data-ready], html[data-error]', { timeout: 60_000 });
    expect(await page.getAttribute('html', 'data-ready')).toBe('true');
    expect(await page.$('html[data-error]')).toBeNull();
    expect(await page.inputValue('#control-ind')).toBe('industry');
    expect(await page.textContent('#legend .legend-title')).toContain('产业覆盖率');
    expect(await page.$$eval('#breadcrumb li', (lis) => lis.map((li) => li.textContent))).toEqual([site.config.region.name]);
    expect(await page.textContent('#area-panel-title')).toBe(site.config.region.name);
    expect(await page.$$eval('#ranking-table tbody tr', (trs) => trs.length)).toBe(15);
    expect(warnings.some((w) => w.includes('#ind') && w.includes('nope')), warnings.join('\n')).toBe(true);
    expect(warnings.some((w) => w.includes('#town') && w.includes('123')), warnings.join('\n')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
