import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSiteData } from '../../src/contract/site';
import { formatShare } from '../../src/domain/format';
import { launchChromium } from './chromium';
import { openAtlas } from './page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const site = (() => {
  const parsed = parseSiteData(JSON.parse(readFileSync('public/data/site.json', 'utf8')));
  if (!parsed.ok) throw new Error('public/data/site.json does not parse');
  return parsed.value;
})();

describe('the start page', () => {
  it('lists the fifteen towns with their completion rate in the latest month', async () => {
    const { page } = await openAtlas(browser, inject('baseUrl'));
    const rows = await page.$$eval('#town-table tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-code'), tr.querySelector('th')?.textContent, (tr as HTMLTableRowElement).cells[3]?.textContent]));
    const m = site.months.length - 1;
    expect(rows).toHaveLength(15);
    expect(rows).toEqual(site.towns.map((t) => [t.code, t.name, formatShare(site.series.completion.towns[m]?.[t.id] ?? null)]));
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['蒋家堰镇', '中峰镇', '龙坝镇', '城关镇', '汇湾镇', '鄂坪乡']));
    await page.close();
  });

  it('says 示例数据 and 示意边界 for the sample, and requests nothing from another origin', async () => {
    const base = inject('baseUrl');
    const { page, requests } = await openAtlas(browser, base);
    expect(await page.textContent('#sample-banner')).toContain('示例数据');
    expect(await page.textContent('#sample-banner')).toContain('示意边界');
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.screenshot({ path: 'test-results/start-page.png', fullPage: true });
    await page.close();
  });
});
