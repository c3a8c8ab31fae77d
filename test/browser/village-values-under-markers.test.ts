import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { launchChromium } from './chromium';
import { isNearColour, mapIdle, openAtlas, pixelAt } from './page';
import { builtSite } from './site-fixture';

const { site, projects } = builtSite();
const LAST = site.months.length - 1;
/** 蒋家堰镇: the tour's first stop. */
const TOWN = site.towns.find((t) => t.code === '420324101')!;
const VILLAGES = site.villages.filter((v) => v.townId === TOWN.id && v.point);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Issue 18: at a town the project markers never hide the village values: the village circles are drawn over them. */
describe('village values at a town, under the project markers', () => {
  it('the centre of every village circle shows its class colour with the markers drawn', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${TOWN.code}&ind=completion&cls=quantile`);
    expect(await page.evaluate(() => window.cunhu?.store.get().isShowingProjects)).toBe(true);
    await mapIdle(page);
    const values = site.series.completion.villages[LAST] ?? [];
    const scale = createColorScale(indicatorSpec('completion'), site.villages.filter((v) => v.townId === TOWN.id).map((v) => values[v.id] ?? null), 'quantile', 'zh');
    // The markers are really there: the town's projects, some of them under a village circle's edge.
    const townProjects = projects.town.flatMap((t, i) => (t === TOWN.id && projects.lon[i] !== null && projects.lat[i] !== null ? [[projects.lon[i], projects.lat[i]] as [number, number]] : []));
    expect(townProjects.length).toBeGreaterThan(50);
    const at = await page.evaluate(
      ({ villages, markers }) => {
        const map = window.cunhu!.map;
        const px = (ll: [number, number]) => map.project(ll);
        const nearEach = villages.map((v) => markers.some((m) => Math.hypot(px(m).x - px(v).x, px(m).y - px(v).y) < 8));
        const near = nearEach.filter(Boolean).length;
        // A village whose centre a label (a neighbour's name, the town's) lies over: the label, not a marker, is on top there.
        const underLabel = villages.map((v) => map.queryRenderedFeatures([px(v).x, px(v).y], { layers: ['village-label', 'town-label'] }).length > 0);
        return { near, nearEach, underLabel };
      },
      { villages: VILLAGES.map((v) => v.point!), markers: townProjects },
    );
    expect(at.near).toBeGreaterThan(5);
    const wrong: string[] = [];
    let checked = 0;
    for (const [i, v] of VILLAGES.entries()) {
      if (at.underLabel[i]) continue;
      checked++;
      const expected = scale.colorFor(values[v.id] ?? null);
      const { hex } = await pixelAt(page, v.point!);
      if (!isNearColour(hex, expected, 8)) wrong.push(`${v.name}: ${hex} instead of ${expected}`);
    }
    expect(checked).toBeGreaterThan(VILLAGES.length / 2);
    expect(wrong, wrong.join('; ')).toEqual([]);
    // What is clicked is what is drawn on top: a click at the centre of a village with project
    // markers beneath it selects the village, not a project.
    const covered = VILLAGES.filter((_, i) => !at.underLabel[i] && at.nearEach[i]);
    expect(covered.length).toBeGreaterThan(3);
    for (const v of covered.slice(0, 4)) {
      const { x, y } = await pixelAt(page, v.point!);
      await page.mouse.click(x, y);
      await page.waitForFunction((code) => location.hash.includes(`village=${code}`), v.code);
      expect(await page.evaluate(() => location.hash)).not.toContain('proj=');
      await page.evaluate((code) => (location.hash = `#town=${code}&ind=completion&cls=quantile`), TOWN.code);
      await page.waitForFunction(() => !location.hash.includes('village='));
      await mapIdle(page);
    }
    expect(errors).toEqual([]);
  });
});
