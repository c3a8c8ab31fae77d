import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { IndicatorId } from '../../src/contract/site';
import { formatShare } from '../../src/domain/format';
import { indicatorSpec } from '../../src/domain/indicators';
import { rankAreas } from '../../src/domain/ranking';
import { launchChromium } from './chromium';
import { openAtlas } from './page';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const LAST = site.months.length - 1;
const MAY = site.months.indexOf('2016-05');
const EPING = '420324203';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ShownRow {
  code: string;
  rank: string;
  name: string;
  value: string;
}

/** What a reader of the table sees, row by row (data-value is the raw value behind the text). */
function shownRows(page: Page): Promise<ShownRow[]> {
  return page.$$eval('#ranking-table tbody tr', (trs) =>
    trs.map((tr) => ({
      code: (tr as HTMLElement).dataset.code ?? '',
      rank: tr.querySelector('.ranking-rank')?.textContent ?? '',
      name: tr.querySelector('.ranking-link')?.textContent ?? '',
      value: (tr.querySelector('.ranking-value') as HTMLElement | null)?.dataset.value ?? '',
    })),
  );
}

/** The rows the table must show in rank order, computed here from site.json. */
function expectedRows(ind: IndicatorId, month: number, townCode: string | null): ShownRow[] {
  const spec = indicatorSpec(ind);
  const town = townCode === null ? null : site.towns.find((t) => t.code === townCode)!;
  const areas = town ? site.villages.filter((v) => v.townId === town.id) : site.towns;
  const all = town ? site.series[ind].villages[month]! : site.series[ind].towns[month]!;
  const values = areas.map((a) => all[a.id] ?? null);
  return rankAreas(values, spec.isHigherBetter).map((r) => {
    const a = areas[r.index]!;
    return { code: a.code, rank: r.rank === null ? '—' : String(r.rank), name: a.name, value: r.value === null ? '' : String(r.value) };
  });
}

async function sortState(page: Page): Promise<Record<string, string | null>> {
  return page.$$eval('#ranking-table thead th', (ths) => Object.fromEntries(ths.map((th) => [th.className.split(' ')[0] ?? '', th.getAttribute('aria-sort')])));
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

describe('the ranking table (比学赶超)', () => {
  it('ranks the 15 towns for the indicator and month, sorts by a header, and selects a town by its name', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));

    // County, default indicator (industry), latest month.
    expect(await page.getAttribute('#ranking-table', 'data-level')).toBe('town');
    const industry = expectedRows('industry', LAST, null);
    expect(industry).toHaveLength(15);
    expect(await shownRows(page)).toEqual(industry);
    const caption = (await page.textContent('#ranking-table caption')) ?? '';
    expect(caption).toContain('产业覆盖率');
    expect(caption).toContain('2016年12月');
    expect(await sortState(page)).toEqual({ 'ranking-col-rank': 'ascending', 'ranking-col-change': null, 'ranking-col-name': null, 'ranking-col-value': null });

    // Another indicator (lower is better) and another month: the table re-ranks.
    await goTo(page, '#ind=lag&month=2016-05');
    await page.waitForFunction(() => document.querySelector('#ranking-table')?.getAttribute('data-indicator') === 'lag');
    const lagMay = expectedRows('lag', MAY, null);
    expect(lagMay.every((r) => r.value !== '')).toBe(true);
    expect(lagMay.map((r) => r.code)).not.toEqual(industry.map((r) => r.code));
    expect(await shownRows(page)).toEqual(lagMay);
    expect(await page.textContent('#ranking-table caption')).toContain('2016年5月');
    // Lag: smallest first.
    const lagValues = lagMay.filter((r) => r.value !== '').map((r) => Number(r.value));
    expect(lagValues).toEqual([...lagValues].sort((a, b) => a - b));

    // Value header: first click largest first, second click smallest first.
    await page.click('#ranking-table th.ranking-col-value button');
    expect(await sortState(page)).toEqual({ 'ranking-col-rank': null, 'ranking-col-change': null, 'ranking-col-name': null, 'ranking-col-value': 'descending' });
    const byValueDesc = [...lagMay].sort((a, b) => Number(b.value) - Number(a.value));
    expect((await shownRows(page)).map((r) => r.code)).toEqual(byValueDesc.map((r) => r.code));
    // The order is the view state's: in the link, and a reload keeps it.
    await page.waitForFunction(() => location.hash.includes('rank=value-desc'));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    expect((await sortState(page))['ranking-col-value']).toBe('descending');
    expect((await shownRows(page)).map((r) => r.code)).toEqual(byValueDesc.map((r) => r.code));
    await page.click('#ranking-table th.ranking-col-value button');
    expect((await sortState(page))['ranking-col-value']).toBe('ascending');
    expect((await shownRows(page)).map((r) => r.code)).toEqual(lagMay.map((r) => r.code));

    // Name header: pinyin order (zh-CN collation), aria-sort on that column only.
    await page.click('#ranking-table th.ranking-col-name button');
    expect(await sortState(page)).toEqual({ 'ranking-col-rank': null, 'ranking-col-change': null, 'ranking-col-name': 'ascending', 'ranking-col-value': null });
    const collator = new Intl.Collator('zh-CN');
    expect((await shownRows(page)).map((r) => r.name)).toEqual(lagMay.map((r) => r.name).sort(collator.compare));
    // The rank cells travel with their rows.
    for (const row of await shownRows(page)) expect(row).toEqual(lagMay.find((r) => r.code === row.code));

    // Back to rank order.
    await page.click('#ranking-table th.ranking-col-rank button');
    expect((await sortState(page))['ranking-col-rank']).toBe('ascending');
    await page.waitForFunction(() => !location.hash.includes('rank='));
    expect(await shownRows(page)).toEqual(lagMay);

    // Clicking a town's name selects it: hash, breadcrumb, and the table lists its villages.
    const third = lagMay[2]!;
    await page.click(`#ranking-table tr[data-code="${third.code}"] button.ranking-link`);
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), third.code);
    expect(await page.textContent('#breadcrumb [aria-current]')).toBe(third.name);
    await page.waitForFunction(() => document.querySelector('#ranking-table')?.getAttribute('data-level') === 'village');
    const villages = expectedRows('lag', MAY, third.code);
    expect(villages.length).toBe(site.towns.find((t) => t.code === third.code)!.villageCount);
    expect(await shownRows(page)).toEqual(villages);
    expect(await page.textContent('#ranking-table caption')).toContain(third.name);
    await page.screenshot({ path: 'test-results/ranking-town-1366.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the area panel', () => {
  /** The four goal figures as shown: indicator, raw value and text. */
  async function goalFigures(page: Page): Promise<{ indicator: string; value: string; text: string }[]> {
    return page.$$eval('#area-panel .panel-goal [data-indicator]', (els) =>
      els.map((el) => ({ indicator: (el as HTMLElement).dataset.indicator ?? '', value: (el as HTMLElement).dataset.value ?? '', text: el.textContent ?? '' })),
    );
  }

  function expectedGoals(month: number, townCode: string | null): { indicator: string; value: string; text: string }[] {
    const town = townCode === null ? null : site.towns.find((t) => t.code === townCode)!;
    return site.config.goals.map((g) => {
      const s = site.series[g.id];
      const v = town ? (s.towns[month]?.[town.id] ?? null) : (s.county[month] ?? null);
      return { indicator: g.id, value: v === null ? '' : String(v), text: formatShare(v) };
    });
  }

  async function panelShows(page: Page, title: string, month: string): Promise<void> {
    await page.waitForFunction(
      ([t, m]) => document.querySelector('#area-panel-title')?.textContent === t && document.querySelector('#area-panel .panel-month time')?.getAttribute('datetime') === m,
      [title, month] as const,
    );
  }

  it('shows the four goals of the county, a town, and a town in an earlier month', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const eping = site.towns.find((t) => t.code === EPING)!;

    await panelShows(page, site.config.region.name, site.months[LAST]!);
    const county = expectedGoals(LAST, null);
    expect(county.map((g) => g.indicator)).toEqual(['industry', 'household', 'employment', 'beauty']);
    expect(await goalFigures(page)).toEqual(county);

    await goTo(page, `#town=${EPING}`);
    await panelShows(page, eping.name, site.months[LAST]!);
    const town = expectedGoals(LAST, EPING);
    expect(town).not.toEqual(county);
    expect(await goalFigures(page)).toEqual(town);

    await goTo(page, `#town=${EPING}&month=2016-05`);
    await panelShows(page, eping.name, '2016-05');
    const townMay = expectedGoals(MAY, EPING);
    expect(townMay).not.toEqual(town);
    expect(await goalFigures(page)).toEqual(townMay);
    expect(await page.textContent('#area-panel .panel-month')).toBe('2016年5月');
    expect(errors).toEqual([]);
    await page.close();
  });
});
