import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectTotals } from '../../src/state/derive';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { builtSite } from './site-fixture';

/** The scale design (issue 8): the county view loads no project; a town's load when it is opened. */
const { site, projects } = builtSite();
const last = site.months.length - 1;
const JIANGJIAYAN = site.towns.find((t) => t.code === '420324101')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const projectFiles = (requests: string[]): string[] => requests.filter((u) => u.includes('/data/projects/')).map((u) => new URL(u).pathname.split('/').pop()!);
const deckChunk = (requests: string[]): boolean => requests.some((u) => /projects-overlay-[\w-]+\.js$/.test(u));

describe('the first view loads only what it draws', () => {
  it('the county view fetches no project and no deck.gl, and draws its figures from site.json', async () => {
    const { page, requests, errors } = await openAtlas(browser, inject('baseUrl'));
    await mapIdle(page);
    expect(projectFiles(requests)).toEqual([]);
    expect(deckChunk(requests)).toBe(false);
    // MapLibre's worker is asked for once, before MapLibre's code (src/map/worker-head-start.ts):
    // MapLibre takes the worker started early rather than starting another.
    const workerAt = requests.flatMap((u, i) => (/\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(u) ? [i] : []));
    const mapChunkAt = requests.findIndex((u) => /\/assets\/atlas-map-[\w-]+\.js$/.test(u));
    expect(workerAt).toHaveLength(1);
    expect(mapChunkAt).toBeGreaterThan(workerAt[0]!);
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([new URL(requests[workerAt[0]!]!).pathname]);
    // The panel's project figures are the county's, from the summary: they match every project added up.
    const totals = projectTotals(projects, last, { level: 'county', town: null, village: null });
    const shown = await page.$$eval('.panel-status-list li', (items) => Object.fromEntries(items.map((li) => [(li as HTMLElement).dataset.status, Number(li.querySelector('.panel-count')?.textContent)])));
    expect(shown).toEqual({ planned: totals.planned, building: totals.building, done: totals.done });
    expect(Number(await page.getAttribute('#lagging-list', 'data-count'))).toBe(site.series.laggingProjects.county[last]);
    expect(await page.$$eval('#lagging-list li', (li) => li.length)).toBe(10);
    expect(await page.textContent('.legend')).toContain('点击乡镇后显示');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opening a town fetches that town's projects alone, draws its markers, and a lagging project from the county's list opens in its town", async () => {
    const { page, requests, errors } = await openAtlas(browser, inject('baseUrl'));
    await page.evaluate((code) => window.cunhu?.store.set({ town: code }), JIANGJIAYAN.code);
    await page.waitForSelector('#area-panel .panel-status-list');
    await mapIdle(page);
    // The legend grows with the town's project key, and the map frames the town again (at once) to keep clear of it: wait for that frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await mapIdle(page);
    expect(projectFiles(requests)).toEqual([`${JIANGJIAYAN.code}.json`]);
    expect(deckChunk(requests)).toBe(true);
    const shown = await page.$$eval('.panel-status-list .panel-count', (els) => els.reduce((n, el) => n + Number(el.textContent), 0));
    expect(shown).toBe(JIANGJIAYAN.projectCount);
    // A marker of the town is under its own point.
    const own = projects.id.findIndex((_, i) => projects.town[i] === JIANGJIAYAN.id && projects.hasOwnPoint[i]);
    const hit = await page.evaluate((ll) => {
      const p = window.cunhu!.map.project(ll);
      return window.cunhu!.pickProject(p.x, p.y);
    }, [projects.lon[own]!, projects.lat[own]!] as [number, number]);
    expect(hit, 'a project marker in the opened town').not.toBeNull();

    // Back to the county; its worst lagging project, wherever it is, opens in its town with its popup.
    await page.evaluate(() => window.cunhu?.store.set({ town: null, village: null, project: null }));
    await page.waitForSelector('#lagging-list li button');
    const first = site.projectSummary.lagging[last]![0]!;
    await page.click('#lagging-list li:first-child button');
    await page.waitForSelector('.project-disclosure');
    expect(await page.textContent('.project-disclosure h3')).toContain(first.name);
    expect(await page.evaluate(() => location.hash)).toContain(`town=${site.towns[first.town]!.code}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link to a project loads its town before the hash is read, and the projects page loads every town', async () => {
    const p = projects.id.findIndex((_, i) => (projects.village[i] ?? -1) >= 0 && projects.town[i] !== JIANGJIAYAN.id);
    const town = site.towns[projects.town[p]!]!;
    const village = site.villages[projects.village[p]!]!;
    const { page, requests, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${town.code}&village=${village.code}&proj=${encodeURIComponent(projects.id[p]!)}`);
    await page.waitForSelector('.project-disclosure');
    expect(await page.textContent('.project-disclosure h3')).toContain(projects.name[p]!);
    expect(projectFiles(requests)).toEqual([`${town.code}.json`]);
    await page.evaluate(() => window.cunhu?.store.set({ view: 'projects', town: null, village: null, project: null }));
    await page.waitForSelector('#projects-table tbody tr');
    expect(projectFiles(requests).sort()).toEqual(site.towns.filter((t) => t.projectCount > 0).map((t) => `${t.code}.json`).sort());
    expect(errors).toEqual([]);
    await page.close();
  });
});
