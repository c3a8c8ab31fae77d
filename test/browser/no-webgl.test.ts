import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { EXPORT_TITLE_HEIGHT_PX } from '../../src/map/export-png';
import { launchChromium } from './chromium';
import { announcedOnArrows, openAtlas } from './page';
import { decode, download, near, pngSize } from './png';
import { builtSite } from './site-fixture';

/** Issue 17: the site in a browser without WebGL (Chromium started with it turned off) draws its fallback map. */
const { site } = builtSite();
const last = site.months.length - 1;
const JIANGJIAYAN = '420324101';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium({ webgl: false });
});
afterAll(async () => {
  await browser?.close();
});

/** Each town's fill on the fallback map, by town index. */
function townFills(page: Page): Promise<Record<string, string | null>> {
  return page.$$eval('#map svg [data-kind="town"]', (paths) => Object.fromEntries(paths.map((p) => [p.getAttribute('data-id') ?? '', p.getAttribute('fill')])));
}

/**
 * A point of a coloured town on the fallback map (CSS pixels from the map's top left) where the town
 * itself is what shows, there and 8 px around (no label, legend, time bar or border), and clear of
 * what an export draws over the map: the legend (bottom left), the scale bar (bottom right), the
 * north arrow (top right).
 */
function townInterior(page: Page): Promise<{ id: number; x: number; y: number }> {
  return page.evaluate(() => {
    const map = document.getElementById('map')?.getBoundingClientRect();
    if (!map) throw new Error('no #map');
    const AROUND = [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8], [6, 6], [-6, -6], [6, -6], [-6, 6]];
    for (const path of document.querySelectorAll<SVGPathElement>('#map svg [data-kind="town"]')) {
      if (!path.getAttribute('fill')?.startsWith('#')) continue;
      const box = path.getBoundingClientRect();
      for (let y = Math.ceil(box.top); y < box.bottom; y += 4) {
        for (let x = Math.ceil(box.left); x < box.right; x += 4) {
          const [mx, my] = [x - map.left, y - map.top];
          if (mx < 300 || mx > map.width - 240 || my < 60 || my > map.height - 60) continue;
          if (AROUND.every(([dx = 0, dy = 0]) => document.elementFromPoint(x + dx, y + dy) === path)) return { id: Number(path.dataset.id), x: mx, y: my };
        }
      }
    }
    throw new Error('no town shows clear of the labels and overlays');
  });
}

describe('without WebGL', () => {
  it('is ready with the fallback map, says so in the page’s language, and colours each town from the page’s scale', async () => {
    const { page, errors, requests } = await openAtlas(browser, inject('baseUrl'), '#ind=completion&cls=quantile');
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(true);
    expect(await page.evaluate(() => window.cunhu?.map === undefined)).toBe(true);
    // The WebGL2 probe said no: MapLibre's code and its worker were never fetched.
    expect(requests.filter((u) => /\/assets\/(atlas-map|maplibre-gl-worker)-/.test(u))).toEqual([]);
    expect(await page.textContent('#map-notice')).toBe('此设备不支持交互地图（WebGL），已改用简化地图；项目公示、月度通报、排名、搜索照常可用');
    expect(await page.isVisible('#status')).toBe(false);
    const values = site.series.completion.towns[last] ?? [];
    const scale = createColorScale(indicatorSpec('completion'), values, 'quantile', 'zh');
    const fills = await townFills(page);
    for (const town of site.towns) {
      const value = values[town.id] ?? null;
      // No data is hatched (a pattern over the scale's no-data colour), as on the live map.
      if (value === null) expect(fills[String(town.id)]).toMatch(/^url\(#/);
      else expect(fills[String(town.id)], town.name).toBe(scale.colorFor(value));
    }
    const legend = await page.$$eval('#legend .legend-bin', (lis) => lis.map((li) => [li.getAttribute('data-colour'), li.querySelector('.legend-label')?.textContent]));
    expect(legend).toEqual([...[...scale.bins].reverse().map((b) => [b.color, b.label]), [scale.noData.color, scale.noData.label]]);
    expect(await page.isVisible('#legend')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the towns as the live map does: a name that clashes at its point goes beside it (every town at 1366×768, all but one on a 360×640 phone)', async () => {
    const names = (page: Page) => page.$$eval('#map svg text', (ts) => ts.map((t) => t.textContent ?? ''));
    const townNames = new Set(site.towns.map((t) => t.name));
    for (const [viewport, least] of [
      [{ width: 1366, height: 768 }, site.towns.length],
      [{ width: 360, height: 640 }, site.towns.length - 1],
    ] as const) {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), '', viewport);
      const drawn = await names(page);
      expect(drawn.every((n) => townNames.has(n))).toBe(true);
      expect(new Set(drawn).size, `${viewport.width}×${viewport.height}: ${drawn.join(' ')}`).toBeGreaterThanOrEqual(least);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('says it in English on an English page, with no Chinese notice left', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#lang=en');
    expect(await page.textContent('#map-notice')).toBe(
      'This device cannot show the interactive map (WebGL), so a simplified map is shown; project disclosure, monthly reports, rankings and search work as usual',
    );
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.getElementById('map-notice')?.textContent?.startsWith('此设备'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drills into a town by click, and back with Escape', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const town = site.towns.find((t) => t.code === JIANGJIAYAN)!;
    await page.click(`#map svg [data-kind="town"][data-id="${town.id}"]`);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), JIANGJIAYAN);
    expect(await page.textContent('#breadcrumb')).toContain('蒋家堰镇');
    await page.waitForFunction(() => document.querySelectorAll('#map svg [data-kind="village"]').length > 0);
    await expect.poll(() => page.textContent('#legend .legend-title')).toContain('蒋家堰镇');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('town='));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves between the towns by keyboard, announcing each, opens one with Enter and goes back with Escape', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    await page.focus('#map svg');
    const heard = await announcedOnArrows(page, 3);
    // Each town named once, with the indicator, its value and class, and its place in the order.
    expect(new Set(heard).size).toBe(3);
    for (const [i, text] of heard.entries()) expect(text).toMatch(new RegExp(`产业覆盖率.*（${i + 1}/${site.towns.length}）$`));
    expect(await page.getAttribute('#map-announce', 'aria-live')).toBe('polite');
    const focused = await page.$eval('#map svg', (svg) => svg.getAttribute('aria-activedescendant'));
    expect(focused).toMatch(/-town-\d+$/);
    const townId = Number(focused?.split('-').pop());
    const name = site.towns[townId]!.name;
    expect(heard[2]).toContain(name);
    await page.keyboard.press('Enter');
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), site.towns[townId]!.code);
    expect(await page.textContent('#breadcrumb')).toContain(name);
    // At the town the arrows move between its villages.
    await page.focus('#map svg');
    await page.keyboard.press('ArrowRight');
    const village = (await page.textContent('#map-announce')) ?? '';
    expect(site.villages.some((v) => v.townId === townId && village.startsWith(v.name))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('town='));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recolours the towns when the time slider moves', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const before = await townFills(page);
    await page.focus('#time-slider');
    await page.keyboard.press('Home');
    await page.waitForFunction((m) => location.hash.includes(`month=${m}`), site.months[0]);
    const first = site.series.industry.towns[0] ?? [];
    const scale = createColorScale(indicatorSpec('industry'), first, 'fixed', 'zh');
    await page.waitForFunction((expected) => {
      const fills = [...document.querySelectorAll('#map svg [data-kind="town"]')].map((p) => [p.getAttribute('data-id'), p.getAttribute('fill')]);
      return fills.every(([id, fill]) => expected[Number(id)] === null || expected[Number(id)] === fill);
    }, first.map((v) => (v === null ? null : scale.colorFor(v))));
    expect(await townFills(page)).not.toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports a PNG of the fallback map, at 1× and 2×, that shows the towns in the scale’s colours', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#month=2016-05');
    const m = site.months.indexOf('2016-05');
    const values = site.series.industry.towns[m] ?? [];
    const scale = createColorScale(indicatorSpec('industry'), values, 'fixed', 'zh');
    const at = await townInterior(page);
    const expected = scale.colorFor(values[at.id] ?? Number.NaN);
    const css = await page.$eval('#map', (el) => ({ width: el.clientWidth, height: el.clientHeight }));
    for (const [button, ratio] of [['#export-png', 1], ['#export-png-2x', 2]] as const) {
      await expect.poll(() => page.$eval(button, (b) => (b as HTMLButtonElement).disabled)).toBe(false);
      const { png, name } = await download(page, button);
      expect(name).toBe(`${site.config.region.name}-industry-2016-05${ratio === 2 ? '@2x' : ''}.png`);
      const size = pngSize(png);
      // The map's width; its height with the title band above it and the sources below.
      expect(size.width).toBe(css.width * ratio);
      expect(size.height).toBeGreaterThan((css.height + EXPORT_TITLE_HEIGHT_PX) * ratio);
      // The town's pixel in the image is the colour the scale gives its value, at either resolution.
      const decoded = await decode(page, png, [{ x: at.x * ratio, y: (at.y + EXPORT_TITLE_HEIGHT_PX) * ratio }]);
      expect(decoded.colours).toBeGreaterThan(20);
      expect(near(decoded.at[0] ?? '', expected, 3), `${site.towns[at.id]?.name}: ${decoded.at[0]} in the ${ratio}× PNG, ${expected} on the scale`).toBe(true);
    }
    expect(await page.$eval('#export-status', (s) => s.classList.contains('is-error'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the projects page, the report and about', async () => {
    for (const [hash, ready] of [
      ['#view=projects', '#projects-page table tbody tr'],
      ['#view=report', '#report[aria-busy="false"]'],
      ['#view=about', '#about-title'],
    ] as const) {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), hash);
      await page.waitForSelector(ready, { timeout: 30_000 });
      expect(errors, hash).toEqual([]);
      if (hash === '#view=report') expect(await page.$eval('#report img.report-map-image', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await page.close();
    }
  });
});
