import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { launchChromium } from './chromium';
import { gotoReady, mapIdle, recordPage } from './page';
import { builtSite } from './site-fixture';

/**
 * Issue 17: the live map that loses its WebGL context (the GPU was reset, the driver gave up, the
 * tab was starved) gives way to the fallback map in the same state, and says so.
 */
const { site } = builtSite();
const JIANGJIAYAN = '420324101';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a lost WebGL context', () => {
  it('switches to the fallback map in the same state, with the notice, and the map keeps working', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Every canvas the page gives a WebGL2 context, in order (text: the page gets it without tsx's helpers).
    await page.addInitScript(`
      window.webgl2Canvases = [];
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, options) {
        const context = getContext.call(this, type, options);
        if (type === 'webgl2' && context && !window.webgl2Canvases.includes(this)) window.webgl2Canvases.push(this);
        return context;
      };
    `);
    const { errors } = recordPage(page);
    await gotoReady(page, `${inject('baseUrl')}#ind=completion&month=2016-05`, errors);
    await mapIdle(page);
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(false);
    // One WebGL2 context on the page: the probe's canvas is the map's (src/map/canvas-head-start.ts),
    // made with the map's attributes (the PNG export reads the drawing buffer after the frame).
    const contexts = await page.evaluate(() => {
      const canvases = (window as unknown as { webgl2Canvases: HTMLCanvasElement[] }).webgl2Canvases;
      const attributes = canvases[0]?.getContext('webgl2')?.getContextAttributes();
      return { count: canvases.length, isMapCanvas: canvases[0] === window.cunhu?.map.getCanvas(), preserveDrawingBuffer: attributes?.preserveDrawingBuffer, stencil: attributes?.stencil };
    });
    expect(contexts).toEqual({ count: 1, isMapCanvas: true, preserveDrawingBuffer: true, stencil: true });
    expect(await page.isVisible('#map-notice')).toBe(false);
    const isLost = await page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas')?.getContext('webgl2');
      const extension = gl?.getExtension('WEBGL_lose_context');
      extension?.loseContext();
      return extension !== undefined && extension !== null;
    });
    expect(isLost).toBe(true);

    await page.waitForSelector('#map svg [data-kind="town"]', { timeout: 30_000 });
    expect(await page.$$('#map canvas')).toHaveLength(0);
    // The test handle follows the switch.
    expect(await page.evaluate(() => ({ isFallback: window.cunhu?.isFallback, hasMap: window.cunhu?.map !== undefined }))).toEqual({ isFallback: true, hasMap: false });
    expect(await page.textContent('#map-notice')).toBe('此设备不支持交互地图（WebGL），已改用简化地图；项目公示、月度通报、排名、搜索照常可用');
    expect(await page.isVisible('#map-notice')).toBe(true);
    expect(await page.getAttribute('html', 'data-ready')).toBe('true');
    expect(await page.isVisible('#map #legend')).toBe(true);
    // The same indicator and month, coloured from the page's scale.
    const m = site.months.indexOf('2016-05');
    const values = site.series.completion.towns[m] ?? [];
    const scale = createColorScale(indicatorSpec('completion'), values, 'fixed', 'zh');
    const fills = await page.$$eval('#map svg [data-kind="town"]', (paths) => paths.map((p) => [Number(p.getAttribute('data-id')), p.getAttribute('fill')] as const));
    expect(fills).toHaveLength(site.towns.length);
    for (const [id, fill] of fills) {
      const value = values[id] ?? null;
      if (value === null) expect(fill).toMatch(/^url\(#/);
      else expect(fill, site.towns[id]?.name).toBe(scale.colorFor(value));
    }

    // The fallback answers: a click opens the town, with its villages.
    const town = site.towns.find((t) => t.code === JIANGJIAYAN)!;
    await page.click(`#map svg [data-kind="town"][data-id="${town.id}"]`);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), JIANGJIAYAN);
    await page.waitForFunction(() => document.querySelectorAll('#map svg [data-kind="village"]').length > 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('MapLibre’s worker that does not load', () => {
  // The worker is started before MapLibre's chunk arrives (src/map/worker-head-start.ts); one that
  // failed by then is not handed over, so MapLibre's own fails where it hears it and the map gives way.
  it('draws the fallback map, ready and with its notice', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const { errors } = recordPage(page);
    let asked = 0;
    await page.route('**/assets/maplibre-gl-worker-*.mjs', (route) => {
      asked++;
      return route.fulfill({ status: 404, body: '' });
    });
    await gotoReady(page, inject('baseUrl'), errors);
    expect(asked, 'the early worker, then MapLibre’s own').toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(true);
    expect(await page.isVisible('#map-notice')).toBe(true);
    expect(await page.locator('#map svg [data-kind="town"]').count()).toBe(site.towns.length);
    await page.close();
  });
});
