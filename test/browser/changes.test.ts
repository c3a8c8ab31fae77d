import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { previousRelease } from '../../scripts/sample/previous-release';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { builtSite } from './site-fixture';

// The browser tests build the sample with its previous release (global-setup.ts), as npm start does.
const { planted } = previousRelease((path) => readFileSync(join('data', path), 'utf8'));
const { site } = builtSite();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openChanges(hash = '#view=changes', viewport = { width: 1366, height: 768 }): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openAtlas(browser, inject('baseUrl'), hash, viewport);
  await page.waitForSelector('.changes-history', { timeout: 60_000 });
  return { page, errors };
}

describe('更新记录 (view=changes)', () => {
  it('lists the planted changes, the revisions of the past marked first, and both releases', async () => {
    const { page, errors } = await openChanges();
    expect(site.release?.previous).not.toBeNull();
    expect(await page.textContent('.changes-release')).toBe(`数据版本 ${site.release!.id}（数据截至 2016-12-31）`);
    const sections = await page.$$eval('.changes-section[data-section]', (els) => els.map((e) => (e as HTMLElement).dataset.section));
    expect(sections).toEqual(['revised', 'added', 'fields', 'removed']);
    const ids = (section: string) => page.$$eval(`.changes-section--${section} tr.changes-row`, (rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(await ids('revised')).toEqual(planted.revised.map((r) => r.id));
    expect(await ids('added')).toEqual(planted.added);
    expect(await ids('removed')).toEqual(planted.removed);
    expect(await ids('fields')).toEqual([planted.budget.id]);
    // A revision reads as a correction: its row is tinted and ruled in dark red, with the note on 数据实.
    const revisedRow = await page.$eval('.changes-section--revised tr.changes-row', (r) => getComputedStyle(r).boxShadow);
    expect(revisedRow).toContain('rgb(139, 26, 26)');
    expect(await page.textContent('.changes-note')).toContain('数据质量分');
    const firstRevision = planted.revised[0]!;
    const cells = await page.$$eval('.changes-section--revised tr.changes-row:first-child td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(2)).toEqual(['2016年7月', '形象进度(%)', String(firstRevision.previousPct), String(firstRevision.currentPct), '地图项目表']);
    expect(await page.$$eval('.changes-history tbody tr', (rows) => rows.length)).toBe(2);
    // The footer names the release and links here.
    expect(await page.textContent('#sources')).toContain(`数据版本 ${site.release!.id}`);
    expect(await page.getAttribute('.release-link', 'href')).toContain('view=changes');
    await page.screenshot({ path: 'test-results/changes-zh.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows an added project to the map, where its disclosure is marked, and a revised one to its marked row', async () => {
    const { page, errors } = await openChanges();
    const added = planted.added[0]!;
    await page.click(`.changes-section--added tr[data-id="${added}"] .changes-map`);
    await page.waitForSelector('.project-disclosure', { timeout: 60_000 });
    expect(await page.evaluate(() => location.hash)).toContain(`proj=${added}`);
    expect(await page.textContent('.project-disclosure .release-mark')).toBe('本版本更新');
    await page.goBack();
    await page.waitForSelector('.changes-section--revised', { timeout: 60_000 });
    const revised = planted.revised[0]!.id;
    await page.click(`.changes-section--revised tr[data-id="${revised}"] .changes-table-link`);
    const row = await page.waitForSelector(`tr.projects-row[data-project="${revised}"]`, { timeout: 60_000 });
    expect(await row.$eval('.release-mark', (e) => [e.textContent, e.classList.contains('release-mark--revised')])).toEqual(['往月月报已改写', true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads in English and on a phone', async () => {
    const en = await openChanges('#view=changes&lang=en');
    expect(await en.page.textContent('.changes-section--revised .changes-heading')).toBe('Past reports rewritten (3)');
    await en.page.screenshot({ path: 'test-results/changes-en.png', fullPage: true });
    await en.page.close();
    const phone = await openChanges('#view=changes', { width: 375, height: 667 });
    // The tables scroll in their own boxes: the page itself is no wider than the phone.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.page.screenshot({ path: 'test-results/changes-phone.png', fullPage: true });
    await phone.page.close();
  });
});
