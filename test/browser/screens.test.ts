import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { SCREENS, measureScreenAt } from './screens';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const screen = (name: string) => SCREENS.find((s) => s.name === name)!;
/** 蒋家堰镇, the tour's first stop. */
const JIANGJIAYAN = '420324101';

/** Issue 18: what the first screen of the county view gives the map (the figures of `npm run bench:screens`). */
describe('the first screen, screen by screen', () => {
  it.each(['phone 360×640', 'phone 375×667'])('%s: the map takes ≥ 60 % of the screen and draws the county ≥ 250 px tall', async (name) => {
    const f = await measureScreenAt(browser, inject('baseUrl'), screen(name));
    expect(f.mapShare).toBeGreaterThanOrEqual(0.6);
    expect(f.areaBox).not.toBeNull();
    expect(f.areaBox!.bottom - f.areaBox!.top).toBeGreaterThanOrEqual(250);
  });

  it.each(['laptop 1366×768', 'projector 1024×768'])('%s: the masthead is one row, the county inside the map clear of every overlay', async (name) => {
    const f = await measureScreenAt(browser, inject('baseUrl'), screen(name));
    expect(f.mastheadRows).toBe(1);
    expect(f.overlays.map((o) => o.name)).toEqual(expect.arrayContaining(['legend', 'time', 'zoom']));
    expect(f.overlapping).toEqual([]);
    expect(f.isAreaClear).toBe(true);
  });

  it.each(['laptop 1366×768', 'projector 1024×768'])('%s: a town opened by its link lies inside the map clear of every overlay', async (name) => {
    const f = await measureScreenAt(browser, inject('baseUrl'), screen(name), `#town=${JIANGJIAYAN}`, { town: JIANGJIAYAN });
    expect(f.overlapping).toEqual([]);
    expect(f.isAreaClear).toBe(true);
  });
});
