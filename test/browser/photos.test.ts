import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { gotoReady, mapIdle, recordPage } from './page';
import { FULL_SIZE, JIANGJIAYAN, ZHONGFENG, servePhotoSite, type PhotoSite } from './photo-site';

/**
 * Site photos (形象进度, issue 22) on the page: a project's photos by stage in its popup (both map
 * engines) and its row of the projects table, the display size in a dialog, the projects page's
 * photo mark and filter, the tour's completion photos and the report's projects finished without a
 * completion photo. The site is the mini dataset with photos of its own (photo-site.ts).
 */
const TEA = { id: 'T-001', name: '双竹村茶叶基地', lonLat: [109.61, 32.21] as [number, number] };
const STAGES = ['before', 'during', 'done', 'accepted'];

let site: PhotoSite;
let browser: Browser;
let noGl: Browser;
beforeAll(async () => {
  site = await servePhotoSite();
  browser = await launchChromium();
  noGl = await launchChromium({ webgl: false });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await noGl?.close();
  await site?.close();
});

async function open(b: Browser, hash: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; errors: string[] }> {
  const page = await b.newPage({ viewport });
  const { errors } = recordPage(page);
  await gotoReady(page, site.baseUrl + hash, errors);
  return { page, errors };
}

/** The stages of the thumbnails in a box, in order, with their alt text and whether they load lazily. */
function thumbnails(page: Page, box: string): Promise<{ stage: string; alt: string; lazy: boolean; loaded: boolean }[]> {
  return page.$$eval(`${box} .site-photo`, (items) =>
    items.map((li) => {
      const img = li.querySelector('img')!;
      return { stage: (li as HTMLElement).dataset.stage ?? '', alt: img.alt, lazy: img.loading === 'lazy', loaded: img.complete && img.naturalWidth > 0 };
    }),
  );
}

/** Waits for every thumbnail in a box to have loaded (they are lazy: in view, they load). */
async function thumbsLoaded(page: Page, box: string): Promise<void> {
  await page.waitForFunction((sel) => [...document.querySelectorAll<HTMLImageElement>(`${sel} .site-photo img`)].every((img) => img.complete && img.naturalWidth > 0), box, { timeout: 20_000 });
}

/** Opens the dialog from a box's thumbnail of a stage and checks what it shows; closes it with Escape and checks where focus went. */
async function openAndClose(page: Page, box: string, stage: string): Promise<void> {
  const thumb = `${box} .site-photo[data-stage="${stage}"] button`;
  await page.focus(thumb);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#photo-viewer[open]');
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#photo-viewer img');
    return img !== null && img.complete && img.naturalWidth > 0;
  });
  const shown = await page.evaluate(() => {
    const d = document.getElementById('photo-viewer')!;
    const img = d.querySelector('img')!;
    // The photo fits its frame (the room the caption and buttons leave), whatever the screen.
    const [p, f] = [img.getBoundingClientRect(), d.querySelector('.photo-viewer-frame')!.getBoundingClientRect()];
    const fits = p.top >= f.top - 0.5 && p.bottom <= f.bottom + 0.5 && p.left >= f.left - 0.5 && p.right <= f.right + 0.5 && p.height > 100;
    return { stage: d.dataset.stage, src: img.getAttribute('src'), width: img.naturalWidth, fits, title: d.querySelector('h2')?.textContent, facts: d.querySelector('dl')?.textContent, isSampleMarked: !(d.querySelector('.photo-viewer-sample') as HTMLElement).hidden, focusInside: d.contains(document.activeElement) };
  });
  expect(shown.stage).toBe(stage);
  expect(shown.src).toMatch(/^data\/photos\/[0-9a-f]{16}\.jpg$/);
  expect(shown.width).toBe(FULL_SIZE.width);
  expect(shown.fits, 'the photo inside its frame').toBe(true);
  expect(shown.title).toBe(TEA.name);
  expect(shown.isSampleMarked, 'the sample marks its photos').toBe(true);
  expect(shown.focusInside).toBe(true);
  // Tab goes round the dialog's own buttons, never out to the page.
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('photo-viewer')!.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('#photo-viewer:not([open])', { state: 'attached' });
  expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), thumb), 'focus back on the thumbnail').toBe(true);
}

describe('site photos', () => {
  it('a project opened from the live map shows its photos by stage, and a thumbnail opens the display size in a dialog', async () => {
    const { page, errors } = await open(browser, `#town=${JIANGJIAYAN}`);
    await mapIdle(page);
    const at = await page.evaluate((ll) => {
      const p = window.cunhu!.map.project(ll);
      const box = window.cunhu!.map.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, id: window.cunhu!.pickProject(p.x, p.y) };
    }, TEA.lonLat);
    expect(at.id).toBe(TEA.id);
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('.project-popup .site-photos');
    const box = '.project-popup .site-photos';
    // The popup, photos and all, stays on the map: it scrolls rather than running past the map's edge.
    const fits = await page.evaluate(() => {
      const p = document.querySelector('.project-popup')!.getBoundingClientRect();
      const m = document.getElementById('map')!.getBoundingClientRect();
      return p.top >= m.top - 1 && p.bottom <= m.bottom + 1;
    });
    expect(fits, 'the popup inside the map').toBe(true);
    await thumbsLoaded(page, box);
    const thumbs = await thumbnails(page, box);
    expect(thumbs.map((t) => t.stage)).toEqual(STAGES);
    expect(thumbs.every((t) => t.lazy && t.loaded)).toBe(true);
    expect(thumbs[0]!.alt).toContain('施工前');
    expect(thumbs.every((t) => t.alt.includes(TEA.name) && t.alt.includes('示例'))).toBe(true);
    // The two photos of 施工中 are one thumbnail that says there is one more.
    expect(await page.textContent(`${box} .site-photo[data-stage="during"] .site-photo-more`)).toBe('+1');
    expect(await page.$$eval(`${box} .photo-sample-mark`, (m) => m.length)).toBeGreaterThan(0);
    await openAndClose(page, box, 'done');
    // Its facts: stage, day, and the distance from the site (1,800 m → 1.8 km).
    await page.click(`${box} .site-photo[data-stage="done"] button`);
    await page.waitForSelector('#photo-viewer[open]');
    const facts = await page.textContent('#photo-viewer dl');
    expect(facts).toContain('竣工');
    expect(facts).toContain('2016-03-20');
    expect(facts).toContain('1.8 公里');
    expect(await page.textContent('#photo-viewer .photo-viewer-caption')).toBe('茶园建成');
    expect(await page.textContent('#photo-viewer .photo-viewer-count')).toBe('第 4 张，共 5 张');
    // The next photo is the 验收 one; the previous ones go back through 施工中 to 施工前.
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#photo-viewer', 'data-stage')).toBe('accepted');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('#photo-viewer', 'data-stage')).toBe('before');
    await page.keyboard.press('Escape');
    // Escape closed the dialog only: the popup is still open.
    expect(await page.$('.project-popup .site-photos')).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the map without WebGL shows the same photos in its popup', async () => {
    const { page, errors } = await open(noGl, `#town=${JIANGJIAYAN}`);
    const marker = await page.$$eval('#map svg [data-kind="project"]', (els, name) => els.findIndex((el) => el.getAttribute('aria-label')?.includes(name)), TEA.name);
    expect(marker).toBeGreaterThanOrEqual(0);
    await page.locator('#map svg [data-kind="project"]').nth(marker).click();
    const box = '.fallback-popup .site-photos';
    await page.waitForSelector(box);
    await thumbsLoaded(page, box);
    expect((await thumbnails(page, box)).map((t) => t.stage)).toEqual(STAGES);
    await openAndClose(page, box, 'before');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the projects page marks projects with photos, filters to them (in the link), and shows them in a row’s details', async () => {
    const { page, errors } = await open(browser, '#view=projects');
    await page.waitForSelector('#projects-table tbody tr');
    const marked = await page.$$eval('#projects-table tr.projects-row', (rows) => rows.filter((r) => r.querySelector('.projects-photo-mark')).map((r) => [(r as HTMLElement).dataset.project, r.querySelector('.projects-photo-mark')?.textContent]));
    expect(marked).toEqual([
      ['T-001', '照片 5'],
      ['T-002', '照片 1'],
      ['T-005', '照片 1'],
    ]);
    await page.check('#projects-photos');
    await page.waitForFunction(() => location.hash.includes('photos=1'));
    expect(await page.$$eval('#projects-table tr.projects-row', (rows) => rows.map((r) => (r as HTMLElement).dataset.project))).toEqual(['T-001', 'T-002', 'T-005']);
    const row = `#projects-table tr.projects-row[data-project="${TEA.id}"]`;
    await page.click(`${row} .projects-toggle`);
    const box = `${row} + tr.projects-detail .site-photos`;
    await page.waitForSelector(box);
    await thumbsLoaded(page, box);
    expect((await thumbnails(page, box)).map((t) => t.stage)).toEqual(STAGES);
    await openAndClose(page, box, 'accepted');
    // The link keeps the filter.
    await page.reload();
    await page.waitForSelector('#projects-table tbody tr');
    expect(await page.isChecked('#projects-photos')).toBe(true);
    expect(await page.$$eval('#projects-table tr.projects-row', (rows) => rows.length)).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone (360×640) the dialog fills the screen', async () => {
    const { page, errors } = await open(browser, `#town=${JIANGJIAYAN}&proj=${TEA.id}`, { width: 360, height: 640 });
    const box = '.project-popup .site-photos';
    await page.waitForSelector(box);
    await page.locator(`${box} .site-photo[data-stage="before"] button`).scrollIntoViewIfNeeded();
    await page.click(`${box} .site-photo[data-stage="before"] button`);
    await page.waitForSelector('#photo-viewer[open]');
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('#photo-viewer img')?.naturalWidth ?? 0) > 0);
    const r = await page.$eval('#photo-viewer', (d) => d.getBoundingClientRect().toJSON() as DOMRect);
    expect([Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]).toEqual([0, 0, 360, 640]);
    // The photo and its previous/next buttons are all on the screen.
    const next = await page.$eval('#photo-viewer .photo-viewer-next', (b) => b.getBoundingClientRect().bottom);
    expect(next).toBeLessThanOrEqual(640);
    const [frame, photo] = await page.$$eval('#photo-viewer img, #photo-viewer .photo-viewer-frame', (els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(photo!.top).toBeGreaterThanOrEqual(frame!.top - 0.5);
    expect(photo!.bottom).toBeLessThanOrEqual(frame!.bottom + 0.5);
    expect(photo!.width).toBeCloseTo(360, -1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the tour’s stop shows its town’s photos as of its month', async () => {
    const { page, errors } = await open(browser, '#tour=1');
    await page.waitForSelector('#presentation-photos:not([hidden]) .site-photo');
    expect(await page.textContent('#presentation-photos h3')).toContain('现场照片 · 中峰镇');
    const strip = await thumbnails(page, '#presentation-photos');
    expect(strip.map((t) => t.stage)).toEqual(['done']);
    expect(strip[0]!.alt).toContain('中峰村产业路');
    expect(await page.textContent('#presentation-photos .site-photo-stage')).toBe('竣工 · 中峰村产业路');
    await page.click('#presentation-photos .site-photo button');
    await page.waitForSelector('#photo-viewer[open]');
    // Escape closes the dialog, not the tour.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#photo-viewer:not([open])', { state: 'attached' });
    expect(await page.isVisible('#presentation')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the monthly report lists the projects finished in the month without a completion photo, and counts those withheld apart', async () => {
    const { page, errors } = await open(browser, '#view=report&month=2016-02');
    await page.waitForSelector('#report[aria-busy="false"] .report-photos');
    expect(await page.$$eval('.report-photos [data-project]', (items) => items.map((r) => (r as HTMLElement).dataset.project))).toEqual(['T-002']);
    expect(await page.textContent('.report-photos-town')).toBe('蒋家堰镇（1 个）：双竹村垃圾收集（T-002）');
    await page.evaluate(() => window.cunhu?.store.set({ month: '2016-03' }));
    await page.waitForFunction(() => document.getElementById('report')?.dataset.month === '2016-03');
    await page.waitForSelector('#report[aria-busy="false"] .report-photos');
    // T-006, finished in March, has its photos withheld: not listed as without a photo, but said.
    expect(await page.$$eval('.report-photos [data-project]', (items) => items.length)).toBe(0);
    expect(await page.textContent('.report-photos')).toContain('另有 1 个项目的照片按隐私规定未公开');
    expect(errors).toEqual([]);
    await page.close();
  });

  it(`a town without photos (${ZHONGFENG}'s T-004) shows none, and a withheld project says so`, async () => {
    const { page, errors } = await open(browser, `#town=${ZHONGFENG}&proj=T-004`);
    await page.waitForSelector('.project-popup .project-disclosure');
    expect(await page.$('.project-popup .site-photos')).toBeNull();
    await page.evaluate(() => window.cunhu?.store.set({ project: 'T-006' }));
    await page.waitForSelector('.project-popup .site-photos-withheld');
    expect(await page.$$eval('.project-popup .site-photo', (l) => l.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
