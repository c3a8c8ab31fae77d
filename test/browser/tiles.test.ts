import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage } from '../../scripts/build';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { BOUNDARY_TILES_META } from '../../src/map/boundary-tiles';
import { launchChromium } from './chromium';
import { gotoReady, isNearColour, mapIdle, pixelAt, recordPage, hideLabels } from './page';
import { builtSite, interiorPoint } from './site-fixture';

/**
 * A province's deployment: the site built with `--tiles` into a folder of its own (dist/ stays
 * the county's build the other tests use) and served by vite preview, as `npm start` would. The
 * map must draw the towns from the PMTiles archive, read by byte ranges, and behave as over
 * GeoJSON: choropleth colours through feature state, a click that drills into the town.
 */

const { site, towns } = builtSite();
const last = site.months.length - 1;
const JIANGJIAYAN = '420324101';
const LABELS = site.towns.map((t) => t.labelPoint);

let outDir: string;
let server: PreviewServer;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'cunhu-tiles-'));
  await buildPage({ isTiles: true, outDir });
  server = await preview({ build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

interface ArchiveRead {
  range: string | null;
  status: number;
}

/** Opens the tiled site like openAtlas, also keeping each request's Range header and status for the archive. */
async function openTiled(hash = ''): Promise<{ page: Page; requests: string[]; archiveReads: ArchiveRead[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const { requests, errors } = recordPage(page);
  const archiveReads: ArchiveRead[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/data/boundaries.pmtiles')) archiveReads.push({ range: r.request().headers().range ?? null, status: r.status() });
  });
  await gotoReady(page, baseUrl + hash, errors);
  return { page, requests, archiveReads, errors };
}

describe('a deployment with a boundary archive (--tiles)', () => {
  it('names the archive in index.html, keeps the CSP and preloads no boundary GeoJSON', async () => {
    const html = await (await fetch(baseUrl)).text();
    expect(html).toContain(`<meta name="${BOUNDARY_TILES_META}" content="data/boundaries.pmtiles">`);
    expect(html).not.toMatch(/href="data\/(towns|county)\.geojson"/);
    expect(html).toContain('rel="preload" href="data/site.json"');
    expect(html).toMatch(/connect-src 'self' data: blob:;/);
  });

  it('draws the towns from the vector tiles, each in its colour, reading the archive by ranges', async () => {
    const { page, requests, archiveReads, errors } = await openTiled('#ind=completion&cls=quantile');
    await page.uncheck('#show-projects');
    await hideLabels(page);
    const sources = await page.evaluate(() => {
      const map = window.cunhu?.map;
      return { towns: map?.getSource('towns')?.type ?? null, county: map?.getSource('county')?.type ?? null };
    });
    expect(sources).toEqual({ towns: 'vector', county: null });
    const values = site.series.completion.towns[last] ?? [];
    const scale = createColorScale(indicatorSpec('completion'), values, 'quantile', 'zh');
    for (const town of site.towns) {
      const { hex } = await pixelAt(page, interiorPoint(towns.features[town.id]!, LABELS));
      const expected = scale.colorFor(values[town.id] ?? null);
      expect(isNearColour(hex, expected), `${town.name}: ${hex} vs ${expected}`).toBe(true);
    }
    // Header and root first, then tiles: every read a byte range answered 206, none the whole file.
    expect(archiveReads.length).toBeGreaterThan(1);
    expect(archiveReads[0]?.range).toBe('bytes=0-16383');
    for (const read of archiveReads) {
      expect(read.range).toMatch(/^bytes=\d+-\d+$/);
      expect(read.status).toBe(206);
    }
    // The archive replaces the boundary GeoJSON; nothing leaves the page's origin.
    expect(requests.filter((u) => /\/data\/(towns|county)\.geojson$/.test(u))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/tiles-county-1366.png' });
    await page.close();
  });

  it('drills into a town on click: the tiles give back its id', async () => {
    const { page, errors } = await openTiled();
    const town = site.towns.find((t) => t.code === JIANGJIAYAN)!;
    await page.uncheck('#show-projects');
    await mapIdle(page);
    const lonLat = interiorPoint(towns.features[town.id]!, LABELS);
    const hit = await page.evaluate((ll) => {
      const map = window.cunhu!.map;
      return map.queryRenderedFeatures(map.project(ll), { layers: ['town-fill'] }).map((f) => f.id);
    }, lonLat);
    expect(hit).toEqual([town.id]);
    const { x, y } = await pixelAt(page, lonLat);
    await page.mouse.click(x, y);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), JIANGJIAYAN);
    await mapIdle(page);
    expect(await page.textContent('#breadcrumb')).toContain(town.name);
    const state = await page.evaluate((id) => window.cunhu!.map.getFeatureState({ source: 'towns', sourceLayer: 'towns', id }), town.id);
    expect(state.selected).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/tiles-town-1366.png' });
    await page.close();
  });

  it.each([
    ['the county', ''],
    // A town's link: the first render waits for the town's projects while the tiles fail.
    ['a town by its link', `#town=${JIANGJIAYAN}`],
  ])('draws the fallback map, ready and with its notice, when the tiles fail before the first frame (%s)', async (_, hash) => {
    // The live map is handed to the page when its style has loaded, before its tiles: a tile that
    // fails then means the map did not start, and the page must still become ready, on the fallback.
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const { errors } = recordPage(page);
    let reads = 0;
    await page.route('**/data/boundaries.pmtiles', (route) => (reads++ === 0 ? route.continue() : route.fulfill({ status: 500, body: '' })));
    await gotoReady(page, baseUrl + hash, errors);
    expect(reads, 'the header read, then tiles that failed').toBeGreaterThan(1);
    expect(await page.evaluate(() => window.cunhu!.isFallback)).toBe(true);
    expect(await page.isVisible('#map-notice')).toBe(true);
    const town = site.towns.find((t) => t.code === JIANGJIAYAN)!;
    // The county view draws every town; a town's view draws that town (and the neighbours in its frame).
    if (hash) expect(await page.locator(`#map svg [data-kind="town"][data-id="${town.id}"]`).count(), 'the fallback draws the town').toBe(1);
    else expect(await page.locator('#map svg [data-kind="town"]').count(), 'the fallback draws every town').toBe(site.towns.length);
    if (hash) expect(await page.textContent('#breadcrumb')).toContain(town.name);
    // Only the failed tile reads are errors: the page itself reports none.
    expect(errors.filter((e) => !/status of 500/.test(e))).toEqual([]);
    await page.close();
  });
});
