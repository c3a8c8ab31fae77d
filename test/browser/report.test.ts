import { mkdirSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { formatShare, formatSigned } from '../../src/domain/format';
import { indicatorSpec } from '../../src/domain/indicators';
import { rankAreas } from '../../src/domain/ranking';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const MAY = site.months.indexOf('2016-05');
const PDF_PATH = 'test-results/report-2016-05.pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the report and waits until it has its map snapshot. */
async function openReport(hash: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openAtlas(browser, inject('baseUrl'), hash, { width: 1366, height: 900 });
  await opened.page.waitForSelector('#report[aria-busy="false"]', { timeout: 30_000 });
  return opened;
}

/** The towns table as a reader sees it: the header, then each row's cells. */
function tableText(page: Page): Promise<{ codes: string[]; rows: string[][] }> {
  return page.$eval('#report-towns', (table) => ({
    codes: [...table.querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).dataset.code ?? ''),
    rows: [...table.querySelectorAll('thead tr, tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')),
  }));
}

describe('the monthly report (view=report)', () => {
  it('lists the towns in rank order for the month in the hash, with values and rank changes', async () => {
    const { page, errors } = await openReport('#view=report&month=2016-05');
    // industry is the default indicator; higher is better.
    const now = site.series.industry.towns[MAY] ?? [];
    const before = site.series.industry.towns[MAY - 1] ?? [];
    const ranked = rankAreas(now, true);
    const rankBefore = new Map(rankAreas(before, true).map((r) => [r.index, r.rank]));
    const { codes, rows } = await tableText(page);
    expect(codes).toEqual(ranked.map((r) => site.towns[r.index]?.code));
    const body = rows.slice(1);
    ranked.forEach((r, i) => {
      const row = body[i] ?? [];
      const town = site.towns[r.index];
      const b = rankBefore.get(r.index) ?? null;
      const move = r.rank === null || b === null ? null : b - r.rank;
      expect(row[0], town?.name).toBe(String(r.rank));
      expect(row[1], town?.name).toBe(move === null ? '' : move > 0 ? `↑${move}` : move < 0 ? `↓${-move}` : '—');
      expect(row[2]).toBe(town?.name);
      expect(row[3]).toBe(formatShare(r.value));
      const previous = before[r.index] ?? null;
      const change = r.value === null || previous === null ? null : (r.value - previous) * 100;
      expect(row[4]).toBe(change === null ? '' : change > 0 && Number(formatSigned(change)) !== 0 ? `+${formatSigned(change)}` : formatSigned(change));
      expect(row[7]).toBe(String(site.series.laggingProjects.towns[MAY]?.[r.index]));
    });
    expect(await page.textContent('#report-title')).toBe('竹溪县“十个到村到户”工作月度通报（2016年5月）');
    expect(await page.textContent('#report')).toContain('示例数据');
    const image = await page.$eval('#report .report-map-image', (img) => ({ alt: (img as HTMLImageElement).alt, width: (img as HTMLImageElement).naturalWidth }));
    expect(image.alt).toContain('2016年5月');
    expect(image.width).toBeGreaterThan(100);
    // Every lagging project of the month is listed once, grouped by town in code order.
    const groups = await page.$$eval('#report .report-lag-group', (els) => els.map((el) => [(el as HTMLElement).dataset.code ?? '', el.querySelectorAll('tbody tr').length] as const));
    expect(groups.map(([code]) => code)).toEqual([...groups.map(([code]) => code)].sort());
    expect(groups.reduce((n, [, rowCount]) => n + rowCount, 0)).toBe(site.series.laggingProjects.county[MAY]);
    await page.screenshot({ path: 'test-results/report-2016-05-1366.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keys the map’s colours in words: each class’s swatch beside its range and count from the map’s scale, no data and the lag outline', async () => {
    const { page, errors } = await openReport('#view=report&month=2016-05');
    // The report's map is the county's towns in the default indicator and classes.
    const scale = createColorScale(indicatorSpec('industry'), site.series.industry.towns[MAY] ?? [], 'fixed', 'zh');
    const key = await page.$$eval('#report figure .report-map-key li', (lis) => lis.map((li) => ({ colour: li.getAttribute('data-colour'), text: li.textContent, painted: getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor })));
    expect(key.map(({ colour, text }) => [colour, text])).toEqual([
      ...[...scale.bins].reverse().map((b) => [b.color, `${b.label} (${b.count})`]),
      [scale.noData.color, `${scale.noData.label} (${scale.noData.count})`],
      [null, `红色虚线/红边：进度滞后超过 ${site.config.thresholds.lagPoints} 个百分点`],
    ]);
    const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const [i, b] of [...scale.bins].reverse().entries()) expect(key[i]?.painted, b.label).toBe(rgb(b.color));
    expect(await page.textContent('#report .report-map-key-title')).toBe('图例：产业覆盖率（%）分级方法：固定分级');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the towns table as CSV (UTF-8 with BOM) with the rows the table shows', async () => {
    const { page, errors } = await openReport('#view=report&month=2016-05');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
    expect(download.suggestedFilename()).toBe('竹溪县-月度通报-2016-05.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const { rows } = await tableText(page);
    expect(parsed.data).toEqual(rows);
    expect(parsed.data).toHaveLength(site.towns.length + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints on A4 without the masthead, buttons or map', async () => {
    const { page, errors } = await openReport('#view=report&month=2016-05');
    expect(await page.isVisible('#report-csv')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.masthead', '#report-csv', '#report-print', '.report-back', '#map']) expect(await page.isVisible(hidden), hidden).toBe(false);
    for (const shown of ['#report-title', '#report .report-map-image', '#report .report-map-key', '#report-towns']) expect(await page.isVisible(shown), shown).toBe(true);
    // The report is black on white in print.
    expect(await page.$eval('#report-title', (el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: PDF_PATH, format: 'A4' });
    expect(readFileSync(PDF_PATH).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(PDF_PATH).size).toBeGreaterThan(100_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English with lang=en, and goes back to the map', async () => {
    const { page, errors } = await openReport('#view=report&month=2016-05&lang=en');
    expect(await page.textContent('#report-title')).toContain('monthly report, May 2016');
    expect(await page.textContent('#report-csv')).toBe('Download CSV');
    // A tablet in portrait and a phone: the report does not scroll sideways; a table wider than the screen scrolls within itself.
    for (const viewport of [{ width: 768, height: 1024 }, { width: 360, height: 640 }]) {
      await page.setViewportSize(viewport);
      const sideways = await page.evaluate(() => {
        const host = document.querySelector('.report-host')!;
        return { host: host.scrollWidth - host.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
      });
      // A few pixels of rounding at most (the goals' table was 1,035 px wide before, the towns' 944).
      expect(sideways.host, `${viewport.width}px`).toBeLessThanOrEqual(6);
      expect(sideways.page, `${viewport.width}px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.click('#report .report-back');
    await page.waitForFunction(() => !location.hash.includes('view=report'));
    await page.waitForSelector('#report', { state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
