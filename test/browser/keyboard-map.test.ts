import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { announcedOnArrows, mapIdle, openAtlas } from './page';
import { builtSite } from './site-fixture';

/** Issue 17, item 4: the live map (WebGL on SwiftShader) by keyboard, as the fallback's (no-webgl.test.ts). */
const { site } = builtSite();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the live map by keyboard', () => {
  it('moves between the towns with the arrows, announcing each, opens one with Enter and goes back with Escape', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(false);
    await page.uncheck('#show-projects');
    const zoom = await page.evaluate(() => window.cunhu!.map.getZoom());
    await page.focus('#map canvas');
    const heard = await announcedOnArrows(page, 3);
    expect(new Set(heard).size).toBe(3);
    for (const [i, text] of heard.entries()) expect(text).toMatch(new RegExp(`产业覆盖率.*（${i + 1}/${site.towns.length}）$`));
    // The arrows are the areas': the map did not pan or zoom.
    expect(await page.evaluate(() => window.cunhu!.map.getZoom())).toBe(zoom);
    // The focused town is outlined (its feature state) on the map.
    const focused = await page.evaluate(() => {
      const map = window.cunhu!.map;
      return map.querySourceFeatures('towns').find((f) => map.getFeatureState({ source: 'towns', id: f.id }).focused === true)?.id ?? null;
    });
    expect(focused).not.toBeNull();
    const town = site.towns[Number(focused)]!;
    expect(heard[2]).toContain(town.name);
    await page.keyboard.press('Enter');
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), town.code);
    await mapIdle(page);
    expect(await page.textContent('#breadcrumb')).toContain(town.name);
    await page.focus('#map canvas');
    await page.keyboard.press('ArrowRight');
    const village = (await page.textContent('#map-announce')) ?? '';
    expect(site.villages.some((v) => v.townId === town.id && village.startsWith(v.name))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('town='));
    expect(errors).toEqual([]);
    await page.close();
  });
});
