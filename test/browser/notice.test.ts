import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDataCli } from '../../scripts/data';
import type { SiteProjects } from '../../src/contract/projects';
import type { SiteData } from '../../src/contract/site';
import { formatWan } from '../../src/domain/format';
import { MINI } from '../helpers/fixtures';
import { allProjects } from '../helpers/site';
import { parseSiteData } from '../../src/contract/site';
import { launchChromium } from './chromium';
import { gotoReady, recordPage } from './page';
import { pngPixels } from './png';
import { builtSite } from './site-fixture';
import { DIST } from './test-dirs';

/**
 * The village notice board (view=notice): printed to PDF as a clerk prints it (A4), for a village
 * with many projects, one with a few, one with none, and a whole town. The sample has a project in
 * every village, so the village without one is served from a second site: the mini dataset with one
 * more village and the portal's address (`publicUrl`) in its config.
 */

const { site, projects } = builtSite();
const FROM = '2026-12-01';
const PORTAL = 'https://fupin.example.gov.cn/atlas/';
const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });

/** Projects of a village, in the data's order. */
const projectsOf = (s: SiteData, p: SiteProjects, code: string): number[] => {
  const id = s.villages.find((v) => v.code === code)?.id;
  return p.id.flatMap((_, i) => (p.village[i] === id ? [i] : []));
};
const byCount = [...site.villages].sort((a, b) => b.projectCount - a.projectCount || a.code.localeCompare(b.code));
const MANY = byCount[0]!;
const FEW = byCount.find((v) => v.projectCount > 0 && v.projectCount <= 4)!;
const TOWN = [...site.towns].sort((a, b) => a.villageCount - b.villageCount || a.code.localeCompare(b.code)).find((t) => t.villageCount >= 3)!;
/** What households.csv holds that is its own: the opaque household keys. */
const HOUSEHOLD_KEYS = readFileSync('data/households.csv', 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',')[0]?.replace(/^\uFEFF/, '') ?? '')
  .filter((k) => k.length >= 6);

let browser: Browser;
let second: { server: PreviewServer; baseUrl: string; dir: string; site: SiteData; projects: SiteProjects };
const EMPTY_VILLAGE = '420324102202';

beforeAll(async () => {
  browser = await launchChromium();
  // The second site: the built page with the mini dataset plus a village without a project.
  const dir = await mkdtemp(join(tmpdir(), 'cunhu-notice-'));
  const data = join(dir, 'input');
  await cp(MINI, data, { recursive: true });
  const villages = await readFile(join(data, 'villages.csv'), 'utf8');
  await writeFile(join(data, 'villages.csv'), `${villages.trimEnd()}\n${EMPTY_VILLAGE},中峰二村委会,420324102,中峰镇,109.85,32.25,120,360,否,12,30,0,0,,40,20\n`);
  const config = JSON.parse(await readFile(join(data, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(data, 'atlas.config.json'), JSON.stringify({ ...config, publicUrl: PORTAL, notice: { postingDays: 7 } }, null, 2));
  const outDir = join(dir, 'dist');
  await cp(DIST, outDir, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'data')) });
  const lines: string[] = [];
  const code = await runDataCli(['build', data, '--out', join(outDir, 'data')], (l) => lines.push(l));
  if (code !== 0) throw new Error(`data:build of the second site failed:\n${lines.join('\n')}`);
  const read = (file: string): unknown => JSON.parse(readFileSync(join(outDir, 'data', file), 'utf8'));
  const parsed = parseSiteData(read('site.json'));
  if (!parsed.ok) throw new Error('the second site does not parse');
  const server = await preview({ build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  second = { server, baseUrl: `http://127.0.0.1:${address.port}/`, dir, site: parsed.value, projects: allProjects(parsed.value, read) };
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await second?.server.close();
  if (second) await rm(second.dir, { recursive: true, force: true });
});

/** Opens the notice at a hash and waits until its sheets and QR codes are drawn. */
async function openNotice(baseUrl: string, hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2 });
  const { errors } = recordPage(page);
  await gotoReady(page, baseUrl + hash, errors);
  await page.waitForSelector('#notice[aria-busy="false"]', { timeout: 60_000 });
  return { page, errors };
}

/** Prints the page to an A4 PDF as a clerk does, saves it and counts its pages (its /Type /Page objects). */
async function printPages(page: Page, name: string): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile(join(OUT, `${name}.pdf`), pdf);
  const text = pdf.toString('latin1');
  // Every page A4 portrait (595 × 842 points).
  for (const box of text.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []) {
    const [, , w, h] = (box.match(/[\d.]+/g) ?? []).map(Number);
    expect(Math.round(w ?? 0), `${name} ${box}`).toBe(596);
    expect(Math.round(h ?? 0), `${name} ${box}`).toBe(843);
  }
  return text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The text the first QR code on the page holds, read from a screenshot with jsQR. */
async function qrText(page: Page): Promise<string | null> {
  const code = await page.$('.notice-qr-code svg');
  if (!code) return null;
  const png = await code.screenshot();
  const { data, width, height } = await pngPixels(page, png);
  return jsQR(data, width, height)?.data ?? null;
}

/** What a reader of the sheets sees: every project row's id and budget cell, the totals and the page lines. */
function sheetsOf(page: Page) {
  return page.$eval('#notice', (el) => ({
    sheets: el.querySelectorAll('.notice-sheet').length,
    rows: [...el.querySelectorAll('tr.notice-row')].map((tr) => ({ id: (tr as HTMLElement).dataset.project ?? '', budget: tr.querySelector('.notice-col-money strong')?.textContent ?? '' })),
    totalBudget: Number((el.querySelector('.notice-total-budget') as HTMLElement | null)?.dataset.value ?? 'NaN'),
    count: Number((el.querySelector('.notice-totals') as HTMLElement | null)?.dataset.count ?? 'NaN'),
    pageLines: [...el.querySelectorAll('.notice-page')].map((p) => p.textContent ?? ''),
    text: el.textContent ?? '',
    qrSizeMm: ((el.querySelector('.notice-qr-code') as HTMLElement | null)?.getBoundingClientRect().width ?? 0) * (25.4 / 96),
  }));
}

describe('the village notice board (view=notice)', () => {
  it.each([
    ['many projects', MANY.code, 'zh'],
    ['a few projects', FEW.code, 'zh'],
    ['many projects, in English', MANY.code, 'en'],
  ])('prints a village with %s: every project with its budget, the totals, page lines, a QR code to the village', async (_name, code, lang) => {
    const village = site.villages.find((v) => v.code === code)!;
    const { page, errors } = await openNotice(inject('baseUrl'), `#view=notice&village=${code}&from=${FROM}${lang === 'en' ? '&lang=en' : ''}`);
    const seen = await sheetsOf(page);
    const own = projectsOf(site, projects, code);
    expect(seen.rows.map((r) => r.id)).toEqual(own.map((i) => projects.id[i]));
    expect(seen.rows.map((r) => r.budget)).toEqual(own.map((i) => formatWan(projects.budgetWan[i] ?? 0)));
    expect(seen.count).toBe(village.projectCount);
    expect(seen.totalBudget).toBeCloseTo(village.budgetWan, 6);
    expect(seen.text).toContain(lang === 'en' ? '1 Dec 2026 to 10 Dec 2026 (10 days)' : '2026年12月1日至2026年12月10日（10天）');
    expect(seen.text).toContain('12317');
    for (const key of HOUSEHOLD_KEYS) expect(seen.text.includes(key), key).toBe(false);
    // The page count of the print is the sheets laid out, numbered when more than one.
    expect(await printPages(page, `notice-${code}-${lang}`)).toBe(seen.sheets);
    if (seen.sheets > 1) expect(seen.pageLines).toEqual(Array.from({ length: seen.sheets }, (_, i) => (lang === 'en' ? `Page ${i + 1} of ${seen.sheets}` : `第 ${i + 1} 页 共 ${seen.sheets} 页`)));
    if (code === MANY.code) expect(seen.sheets).toBeGreaterThan(1);
    else expect(seen.sheets).toBe(1);
    // No portal configured: the code holds this copy's address of the village.
    expect(seen.qrSizeMm).toBeGreaterThanOrEqual(25);
    expect(await qrText(page)).toBe(`${inject('baseUrl')}#village=${code}${lang === 'en' ? '&lang=en' : ''}`);
    expect(seen.text).toContain(lang === 'en' ? 'The code opens the copy of the site' : '二维码指向打印本单的这份网站');
    // The map's print (A4 or A3 landscape) leaves a page rule in <head>: the sheets still print A4 portrait, one page each.
    await page.evaluate(() => {
      const rule = document.createElement('style');
      rule.textContent = '@page { size: A4 landscape; margin: 10mm; }';
      document.head.prepend(rule);
    });
    expect(await printPages(page, `notice-${code}-${lang}-after-map-print`)).toBe(seen.sheets);
    await page.screenshot({ path: join(OUT, `notice-${code}-${lang}.png`), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints a village without a project on one sheet, its QR code to the portal of publicUrl, posted for the config’s days', async () => {
    const { page, errors } = await openNotice(second.baseUrl, `#view=notice&village=${EMPTY_VILLAGE}&from=${FROM}`);
    const seen = await sheetsOf(page);
    expect(seen.rows).toEqual([]);
    expect(seen.count).toBe(0);
    expect(seen.sheets).toBe(1);
    expect(seen.text).toContain('本村没有扶贫项目');
    expect(seen.text).toContain('2026年12月1日至2026年12月7日（7天）');
    expect(seen.text).not.toContain('二维码指向打印本单的这份网站');
    expect(await printPages(page, 'notice-empty-zh')).toBe(1);
    expect(await qrText(page)).toBe(`${PORTAL}#village=${EMPTY_VILLAGE}`);
    await page.goto(`${second.baseUrl}#view=notice&village=${EMPTY_VILLAGE}&from=${FROM}&lang=en`);
    await page.waitForSelector('#notice[aria-busy="false"] .notice-sheet:lang(en)', { timeout: 60_000 });
    expect(await printPages(page, 'notice-empty-en')).toBe(1);
    expect(await qrText(page)).toBe(`${PORTAL}#village=${EMPTY_VILLAGE}&lang=en`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints every village of a town for one print: at least one sheet each, each village’s projects and QR code', async () => {
    const villages = site.villages.filter((v) => v.townId === TOWN.id);
    const { page, errors } = await openNotice(inject('baseUrl'), `#view=notice&town=${TOWN.code}&from=${FROM}`);
    const seen = await sheetsOf(page);
    const pages = await printPages(page, `notice-town-${TOWN.code}-zh`);
    expect(pages).toBe(seen.sheets);
    expect(pages).toBeGreaterThanOrEqual(villages.length);
    const perVillage = await page.$$eval('.notice-sheet', (els) => els.map((e) => (e as HTMLElement).dataset.village ?? ''));
    expect([...new Set(perVillage)]).toEqual(villages.map((v) => v.code));
    expect(seen.rows.map((r) => r.id)).toEqual(villages.flatMap((v) => projectsOf(site, projects, v.code).map((i) => projects.id[i])));
    expect(await page.$$eval('.notice-qr-code svg', (els) => els.length)).toBe(villages.length);
    for (const key of HOUSEHOLD_KEYS) expect(seen.text.includes(key), key).toBe(false);
    await page.goto(`${inject('baseUrl')}#view=notice&town=${TOWN.code}&from=${FROM}&lang=en`);
    await page.waitForSelector('#notice[aria-busy="false"] .notice-sheet:lang(en)', { timeout: 60_000 });
    expect(await printPages(page, `notice-town-${TOWN.code}-en`)).toBeGreaterThanOrEqual(villages.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is linked from the panel of a town and of a village (打印公示单), and a date picked sets the posting period', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const { errors } = recordPage(page);
    await gotoReady(page, `${inject('baseUrl')}#town=${TOWN.code}`, errors);
    expect(await page.textContent('#panel-notice-link')).toBe('打印全镇各村公示单');
    expect(await page.getAttribute('#panel-notice-link', 'href')).toBe(`#view=notice&town=${TOWN.code}`);
    await page.goto(`${inject('baseUrl')}#village=${FEW.code}`);
    await page.waitForFunction((code) => document.querySelector('#panel-notice-link')?.getAttribute('href')?.includes(code), FEW.code);
    expect(await page.textContent('#panel-notice-link')).toBe('打印公示单');
    await page.click('#panel-notice-link');
    await page.waitForSelector('#notice[aria-busy="false"] .notice-sheet');
    // The masthead does not list the view; the sheets are all the print shows.
    expect(await page.$$eval('#view-nav a', (as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => h.includes('view=notice')))).toEqual([]);
    await page.fill('#notice-from', '2027-01-05');
    await page.waitForFunction(() => location.hash.includes('from=2027-01-05'));
    await page.waitForSelector('#notice[aria-busy="false"]');
    expect(await page.textContent('.notice-posting')).toContain('2027年1月5日至2027年1月14日（10天）');
    expect(errors).toEqual([]);
    await page.close();
  });
});
