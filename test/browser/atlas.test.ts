import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas, pagePoint, pixelAt, isNearColour, hideLabels } from './page';
import { builtSite, interiorPoint } from './site-fixture';

const { site, projects, towns } = builtSite();
const last = site.months.length - 1;
const JIANGJIAYAN = '420324101';
const LABELS = site.towns.map((t) => t.labelPoint);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});


describe('the county view', () => {
  it('colours each town by its value, with the legend built from the same scale', async () => {
    const { page, requests, errors } = await openAtlas(browser, inject('baseUrl'), '#ind=completion&cls=quantile');
    await page.uncheck('#show-projects');
    await mapIdle(page);
    // Every town is named on the map: a name that collides at its point is placed beside it.
    const named = await page.evaluate(() => new Set(window.cunhu!.map.queryRenderedFeatures({ layers: ['town-label'] }).map((f) => f.properties.name)).size);
    expect(named).toBe(site.towns.length);
    await hideLabels(page);
    const values = site.series.completion.towns[last] ?? [];
    const scale = createColorScale(indicatorSpec('completion'), values, 'quantile', 'zh');
    for (const town of site.towns) {
      const feature = towns.features[town.id];
      if (!feature) throw new Error(`no feature for ${town.name}`);
      const { hex } = await pixelAt(page, interiorPoint(feature, LABELS));
      expect(isNearColour(hex, scale.colorFor(values[town.id] ?? null)), `${town.name}: ${hex} vs ${scale.colorFor(values[town.id] ?? null)}`).toBe(true);
    }
    const legend = await page.$$eval('#legend .legend-bin', (lis) => lis.map((li) => [li.getAttribute('data-colour'), li.querySelector('.legend-label')?.textContent]));
    expect(legend).toEqual([...[...scale.bins].reverse().map((b) => [b.color, b.label]), [scale.noData.color, scale.noData.label]]);
    expect(await page.getAttribute('#legend', 'aria-label')).toBe('图例');
    expect(requests.filter((u) => !u.startsWith(inject('baseUrl')) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/county-1366.png' });
    await page.close();
  });

  it('drills into a town on click, updating the hash and breadcrumb; Escape goes back up', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const town = site.towns.find((t) => t.code === JIANGJIAYAN)!;
    await page.uncheck('#show-projects');
    const { x, y } = await pixelAt(page, interiorPoint(towns.features[town.id]!, LABELS));
    await page.mouse.click(x, y);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), JIANGJIAYAN);
    await mapIdle(page);
    expect(await page.textContent('#breadcrumb')).toContain('蒋家堰镇');
    expect(await page.textContent('#legend .legend-title')).toContain('蒋家堰镇');
    // The villages are dots on the map, and in the legend; the towns are areas, squares in the legend.
    const shapes = () => page.$$eval('#legend .legend-bin .swatch', (els) => [...new Set(els.map((e) => getComputedStyle(e).borderRadius === '50%'))]);
    expect(await shapes()).toEqual([true]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('town='));
    expect(await shapes()).toEqual([false]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in the legend what a relocation’s arc is while arcs are drawn (the sample’s relocations in 蒋家堰镇 have resettlement sites)', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${JIANGJIAYAN}`);
    expect(await (await page.waitForSelector('#legend .legend-arc', { timeout: 30_000 })).textContent()).toBe('弧线：搬迁项目由迁出地连到安置点');
    // Only industry's projects shown: no relocation, no arc, no line for it.
    await page.evaluate((code) => (location.hash = `#town=${code}&cat=industry`), JIANGJIAYAN);
    await page.waitForSelector('#legend .legend-arc', { state: 'detached' });
    expect(await page.isVisible('#legend .legend-categories')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores town and indicator from a deep link', async () => {
    const { page } = await openAtlas(browser, inject('baseUrl'), `#ind=lag&town=420324107`);
    expect(await page.inputValue('#control-ind')).toBe('lag');
    expect(await page.textContent('#breadcrumb')).toContain('龙坝镇');
    expect(await page.textContent('#legend .legend-title')).toContain('进度滞后');
    await page.close();
  });

  it('shows a project name on hover and its disclosure on click', async () => {
    const village = site.villages.find((v) => v.point && projects.village.some((pv, i) => pv === v.id && projects.hasOwnPoint[i]))!;
    const i = projects.village.findIndex((pv, k) => pv === village.id && projects.hasOwnPoint[k]);
    const { page } = await openAtlas(browser, inject('baseUrl'), `#village=${village.code}`, { width: 1920, height: 1080 });
    await mapIdle(page);
    const lonLat: [number, number] = [projects.lon[i]!, projects.lat[i]!];
    const { x, y } = await pagePoint(page, lonLat);
    await page.mouse.move(x, y);
    await page.waitForSelector('.project-tooltip');
    // Markers overlap; whichever is on top, the tooltip names a project of this village.
    const tooltip = (await page.textContent('.project-tooltip')) ?? '';
    const names = projects.name.filter((_, k) => projects.village[k] === village.id);
    const named = names.find((n) => tooltip.startsWith(n));
    expect(named, tooltip).toBeDefined();
    await page.mouse.click(x, y);
    await page.waitForSelector('.project-disclosure');
    expect(await page.textContent('.project-disclosure h3')).toBe(named);
    expect(await page.evaluate(() => location.hash)).toMatch(/proj=/);
    const text = await page.textContent('.project-disclosure');
    expect(text).toContain('监督电话');
    expect(text).toContain('12317');
    await page.screenshot({ path: 'test-results/project-popup-1920.png' });
    await page.close();
  });
});
