import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_VIEW } from '../../src/state/view-state';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';
import { laggingProjects } from '../../src/domain/lag';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas, pixelAt, isNearColour, hideLabels } from './page';
import { builtSite, interiorPoint } from './site-fixture';

const { site, projects, towns } = builtSite();
const LAST = site.months.length - 1;
const MAY = site.months.indexOf('2016-05');
const LABELS = site.towns.map((t) => t.labelPoint);
const EPING = '420324203';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});


/** The default indicator's town colours in a month, as the map's default (fixed) scale gives them. */
function townColours(month: number): string[] {
  const values = site.series.industry.towns[month] ?? [];
  const scale = createColorScale(indicatorSpec('industry'), values, DEFAULT_VIEW.cls, 'zh');
  return site.towns.map((t) => scale.colorFor(values[t.id] ?? null));
}

const hashMonth = (page: Page): Promise<string | null> => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('month'));

async function rankingValue(page: Page, code: string): Promise<string | null> {
  return page.getAttribute(`#ranking-table [data-code="${code}"] [data-value]`, 'data-value');
}

describe('the time slider', () => {
  it('moves by keyboard: the hash, a town’s colour on the map and its value in the ranking follow the month', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    await page.uncheck('#show-projects');
    await hideLabels(page);
    // A town whose colour differs between the latest month (shown first) and May.
    const december = townColours(LAST);
    const may = townColours(MAY);
    const town = site.towns.find((t) => december[t.id] !== may[t.id]);
    if (!town) throw new Error('no town changes colour between 2016-12 and 2016-05');
    const point = interiorPoint(towns.features[town.id]!, LABELS);
    const valueIn = (m: number): string => String(site.series.industry.towns[m]?.[town.id]);

    expect(await page.getAttribute('#time-slider', 'aria-valuetext')).toBe('2016年12月');
    expect(await page.textContent('#time-slider-bar .time-slider-label')).toBe('2016年12月');
    expect(isNearColour((await pixelAt(page, point)).hex, december[town.id]!)).toBe(true);
    expect(await rankingValue(page, town.code)).toBe(valueIn(LAST));

    await page.focus('#time-slider');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => location.hash.includes('month=2016-01'));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.includes('month=2016-05'));
    expect(await hashMonth(page)).toBe('2016-05');
    expect(await page.getAttribute('#time-slider', 'aria-valuetext')).toBe('2016年5月');
    expect(await page.textContent('#time-slider-bar .time-slider-label')).toBe('2016年5月');
    // Focus stays on the slider, so the arrows keep working.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('time-slider');

    await mapIdle(page);
    const { hex } = await pixelAt(page, point);
    expect(isNearColour(hex, may[town.id]!), `${town.name}: ${hex} vs ${may[town.id]}`).toBe(true);
    expect(await rankingValue(page, town.code)).toBe(valueIn(MAY));
    expect(await page.getAttribute('#area-panel .panel-month time', 'datetime')).toBe('2016-05');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays month by month and pauses', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#month=2016-05');
    const play = '#time-slider-bar .time-slider-play';
    expect(await page.getAttribute(play, 'aria-pressed')).toBe('false');
    expect(await page.getAttribute(play, 'aria-label')).toBe('播放');
    await page.click(play);
    expect(await page.getAttribute(play, 'aria-pressed')).toBe('true');
    expect(await page.getAttribute(play, 'title')).toBe('暂停');
    await page.waitForFunction(() => location.hash.includes('month=2016-06'), undefined, { timeout: 5000 });
    await page.click(play);
    expect(await page.getAttribute(play, 'aria-pressed')).toBe('false');
    const stopped = await hashMonth(page);
    await page.waitForTimeout(3000);
    expect(await hashMonth(page)).toBe(stopped);
    expect(await page.getAttribute('#time-slider', 'aria-valuetext')).toBe(`2016年${Number(stopped?.slice(5))}月`);

    // The step buttons are real buttons; at the last month "next" stays focusable but does nothing.
    await page.click('#time-slider-bar .time-slider-previous');
    await page.waitForFunction((m) => !location.hash.includes(`month=${m}`), stopped);
    await page.evaluate(() => {
      location.hash = '#month=2016-12';
    });
    await page.waitForFunction(() => document.querySelector('#time-slider')?.getAttribute('aria-valuetext') === '2016年12月');
    expect(await page.getAttribute('#time-slider-bar .time-slider-next', 'aria-disabled')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads in English, and nothing eases when reduced motion is asked for', async () => {
    const { page } = await openAtlas(browser, inject('baseUrl'), '#month=2016-05&lang=en');
    const transitions = (): Promise<string[]> => page.$$eval('#time-slider-bar *', (els) => [...new Set(els.map((el) => getComputedStyle(el).transitionDuration))]);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect((await transitions()).some((d) => d !== '0s')).toBe(true);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.getAttribute('#time-slider', 'aria-valuetext')).toBe('May 2016');
    expect(await page.textContent('#time-slider-bar .time-slider-label')).toBe('May 2016');
    expect(await page.getAttribute('#time-slider-bar .time-slider-play', 'aria-label')).toBe('Play');
    expect(await transitions()).toEqual(['0s']);
    await page.close();
  });
});

describe('the panel over time', () => {
  it('draws a sparkline per goal, lists the town’s lagging projects worst first and gives its spread', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${EPING}&month=2016-05`);
    const town = site.towns.find((t) => t.code === EPING)!;
    await page.waitForFunction((name) => document.querySelector('#area-panel-title')?.textContent === name, town.name);

    const sparks = await page.$$eval('#area-panel svg[data-sparkline]', (svgs) => svgs.map((s) => ({ id: (s as SVGElement).dataset.sparkline, role: s.getAttribute('role'), label: s.getAttribute('aria-label'), dots: s.querySelectorAll('.sparkline-dot').length })));
    expect(sparks.map((s) => s.id)).toEqual(site.config.goals.map((g) => g.id));
    for (const s of sparks) {
      expect(s.role).toBe('img');
      expect(s.dots).toBe(1);
      expect(s.label).toContain('2016年1月至2016年12月');
    }

    const among = projects.id.map((_, i) => i).filter((i) => projects.town[i] === town.id);
    const expected = laggingProjects(projects, MAY, site.config.thresholds.lagPoints, among);
    expect(expected.length).toBeGreaterThan(10);
    const shown = await page.$$eval('#lagging-list li', (lis) => lis.map((li) => ({ id: (li as HTMLElement).dataset.project, text: li.textContent ?? '' })));
    expect(shown.map((s) => s.id)).toEqual(expected.slice(0, 10).map((l) => projects.id[l.index]));
    const worst = expected[0]!;
    expect(shown[0]!.text).toContain(projects.name[worst.index]!);
    expect(shown[0]!.text).toContain(`计划 ${Math.round(worst.expectedPct)}% · 实际 ${Math.round(worst.actualPct)}% · 滞后 ${Math.round(worst.lagPoints)} 个百分点`);
    expect(shown[0]!.text).toContain(projects.unit[worst.index] ?? '—');
    expect(await page.textContent('#area-panel .panel-lag-more')).toBe(`另有 ${expected.length - 10} 个`);

    // 进度不均: the standard deviation of completion across the town's villages, in points.
    const completion = site.villages.filter((v) => v.townId === town.id).map((v) => site.series.completion.villages[MAY]?.[v.id] ?? null).filter((v) => v !== null);
    const mean = completion.reduce((a, b) => a + b, 0) / completion.length;
    const sd = Math.sqrt(completion.reduce((a, x) => a + (x - mean) ** 2, 0) / completion.length) * 100;
    const spread = await page.getAttribute('#area-panel [data-figure="unevenness"]', 'data-value');
    expect(Number(spread)).toBeCloseTo(sd, 9);
    expect(await page.textContent('#area-panel [data-figure="unevenness"]')).toBe(`${sd.toFixed(1)} 个百分点`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the county through the year', () => {
  it.each(['2016-01', '2016-05', '2016-12'])('screenshot of %s', async (month) => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#month=${month}`);
    await mapIdle(page);
    await page.screenshot({ path: `test-results/timeline-county-${month}-1366.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
