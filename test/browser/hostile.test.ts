/**
 * Hostile data: strings from the data reach the page as text. The site data is served with an
 * HTML payload in a project's name, content and unit, a village's name and a tour stop's title and
 * text; the payload must show as characters and run nothing, wherever it appears.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { mapIdle } from './page';
import { builtSite } from './site-fixture';
import { PUBLIC_DATA } from './test-dirs';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';
const FORMULA = '=HYPERLINK("http://example.invalid","x")';
const { site, projects } = builtSite();
// A project with a point of its own, so it has a marker, a popup and a row.
const TARGET = projects.id.findIndex((_, i) => projects.hasOwnPoint[i] && projects.village[i]! >= 0);
const TARGET_ID = projects.id[TARGET]!;
const TOWN = site.towns[projects.town[TARGET]!]!;
const VILLAGE = site.villages[projects.village[TARGET]!]!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The site with the payload in it, served in place of the built data. */
async function openHostile(hash: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const siteJson = JSON.parse(readFileSync(join(PUBLIC_DATA, 'site.json'), 'utf8')) as { villages: { name: string }[]; config: { tour: { title: { zh: string }; text: { zh: string[] } }[] } };
  siteJson.villages[VILLAGE.id]!.name = `${VILLAGE.name}${PAYLOAD}`;
  siteJson.config.tour[0]!.title.zh = `导览${PAYLOAD}`;
  siteJson.config.tour[0]!.text.zh = [PAYLOAD];
  // Every project carries it (so whichever marker is on top shows it); the target's name leads with 项目.
  const hostileProjects = (file: string): string => {
    const projectsJson = JSON.parse(readFileSync(join(PUBLIC_DATA, 'projects', file), 'utf8')) as { id: string[]; name: string[]; content: (string | null)[]; unit: (string | null)[] };
    projectsJson.name = projectsJson.name.map((n) => `${n}${PAYLOAD}`);
    const target = projectsJson.id.indexOf(TARGET_ID);
    if (target >= 0) {
      projectsJson.name[target] = `项目${PAYLOAD}`;
      projectsJson.content[target] = FORMULA;
      projectsJson.unit[target] = PAYLOAD;
    }
    return JSON.stringify(projectsJson);
  };
  await page.route('**/data/site.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(siteJson) }));
  await page.route('**/data/projects/*.json', (r) => r.fulfill({ contentType: 'application/json', body: hostileProjects(new URL(r.request().url()).pathname.split('/').pop()!) }));
  await page.goto(inject('baseUrl') + hash);
  await page.waitForSelector('html[data-ready], html[data-error]', { timeout: 60_000 });
  return { page, dialogs, errors };
}

/** Nothing ran: no dialog, no flag set by the payload, no <img src=x> in the document. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.$$eval('img', (imgs) => imgs.filter((i) => i.getAttribute('src') === 'x').length)).toBe(0);
}

describe('an HTML payload in the data', () => {
  it('shows as text in the popup, the panel, the search results and the projects table', async () => {
    const { page, dialogs, errors } = await openHostile(`#town=${TOWN.code}&village=${VILLAGE.code}&proj=${encodeURIComponent(TARGET_ID)}&month=2016-12`);
    await mapIdle(page);
    expect(await page.textContent('.project-disclosure h3')).toContain(PAYLOAD);
    expect(await page.textContent('.project-disclosure')).toContain(PAYLOAD);
    expect(await page.textContent('#area-panel-title')).toContain(PAYLOAD);
    expect(await page.textContent('#breadcrumb')).toContain(PAYLOAD);

    await page.fill('#search', '项目<img');
    await page.waitForSelector('#search-listbox:not([hidden]) [role="option"]');
    expect(await page.textContent('#search-listbox')).toContain(PAYLOAD);
    await page.press('#search', 'Escape');

    await page.evaluate(() => window.cunhu?.store.set({ view: 'projects' }));
    await page.waitForSelector('#projects-table tbody tr');
    expect(await page.textContent('#projects-table')).toContain(PAYLOAD);
    await expectInert(page, dialogs);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows as text in the tour, and CSV downloads neutralise a formula', async () => {
    const { page, dialogs, errors } = await openHostile('#tour=1');
    expect(await page.textContent('#presentation-title')).toContain(PAYLOAD);
    expect(await page.textContent('#presentation')).toContain(PAYLOAD);
    await page.keyboard.press('Escape');

    // The tour's first stop chose a town: back to the county, so every project is in the table.
    await page.evaluate((id) => window.cunhu?.store.set({ view: 'projects', tour: null, town: null, village: null, project: id }), TARGET_ID);
    await page.waitForSelector('#projects-table tbody tr');
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#projects-csv')]);
    const csv = readFileSync(await d.path(), 'utf8');
    // The formula is written with a leading apostrophe, inside quotes (it holds commas and quotes).
    expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain(PAYLOAD.replace(/"/g, '""'));
    await expectInert(page, dialogs);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows as text in the hover tooltip of its marker', async () => {
    const { page, dialogs } = await openHostile(`#town=${TOWN.code}&month=2016-12`);
    await mapIdle(page);
    const lonLat: [number, number] = [projects.lon[TARGET]!, projects.lat[TARGET]!];
    // A marker on top at the target's point or near it (every project carries the payload; a
    // village's circle, drawn over the markers, may cover the point itself).
    const at = await page.evaluate((ll) => {
      const map = window.cunhu!.map;
      const p = map.project(ll);
      const box = map.getContainer().getBoundingClientRect();
      for (let r = 0; r <= 40; r += 4) {
        for (const [dx, dy] of [[r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]] as const) {
          const x = Math.round(p.x + dx);
          const y = Math.round(p.y + dy);
          const hit = window.cunhu!.pickProject(x, y);
          if (hit !== null) return { x: box.left + x, y: box.top + y, hit };
        }
      }
      return { x: box.left + p.x, y: box.top + p.y, hit: null };
    }, lonLat);
    await page.mouse.move(at.x, at.y);
    expect(at.hit).not.toBeNull();
    await page.waitForSelector('.project-tooltip:not([hidden])');
    expect(await page.textContent('.project-tooltip')).toContain(PAYLOAD);
    await expectInert(page, dialogs);
    await page.close();
  });
});
