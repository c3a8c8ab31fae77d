import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createColorScale } from '../../src/domain/color-scale';
import { INDICATORS, indicatorSpec } from '../../src/domain/indicators';
import { launchChromium } from './chromium';
import { gotoReady, mapIdle, openAtlas, recordPage } from './page';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const LAST = site.months.length - 1;
const JIANGJIAYAN = site.towns.find((t) => t.code === '420324101')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const optionTexts = (page: Page): Promise<string[]> => page.$$eval('#control-ind option', (os) => os.map((o) => o.textContent ?? ''));
const legendTitle = (zhOrEn: 'zh' | 'en'): string => createColorScale(indicatorSpec('industry'), site.series.industry.towns[LAST] ?? [], 'quantile', zhOrEn).title;

describe('the interface language', () => {
  it('opens in English from #lang=en, and the toggle switches to Chinese and back, updating the hash', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await optionTexts(page)).toEqual(INDICATORS.map((i) => i.en));
    expect(await page.textContent('label:has(#control-ind) span')).toBe('Indicator');
    const enTitle = (await page.textContent('#legend .legend-title')) ?? '';
    expect(enTitle).toContain(legendTitle('en'));
    expect(enTitle).not.toContain(legendTitle('zh'));
    expect(await page.getAttribute('#legend', 'aria-label')).toBe('Legend');
    expect(await page.textContent('#lang-toggle')).toBe('中文');
    // In the Tools menu, before its dialog's code has loaded (it said 分享 until first pointed at).
    expect(await page.textContent('#share-toggle')).toBe('Share');
    expect(await page.getAttribute('#search', 'placeholder')).toBe('Search towns, villages, projects (pinyin works)');
    expect(await page.textContent('#ranking-table caption')).toContain('Towns ranked by Industry coverage (Dec 2016)');
    // The English headings wrap within the panel: the table no wider than it, nothing scrolled sideways.
    expect(await page.evaluate(() => document.getElementById('ranking-table')!.offsetWidth - document.getElementById('area-panel')!.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.textContent('#area-panel .panel-section--goals .panel-heading')).toBe('The four goals');
    expect(await page.title()).toContain(site.config.title.en);
    // The county by its English name in the panel and the breadcrumb; MapLibre's controls in the page's language.
    expect(await page.textContent('#area-panel-title')).toBe(site.config.region.nameEn);
    expect(await page.textContent('#breadcrumb')).toBe(site.config.region.nameEn);
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('Zoom in');
    await page.screenshot({ path: 'test-results/county-en-1366.png' });

    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.evaluate(() => location.hash)).not.toContain('lang=');
    expect(await optionTexts(page)).toEqual(INDICATORS.map((i) => i.zh));
    expect(await page.textContent('#legend .legend-title')).toContain(legendTitle('zh'));
    expect(await page.getAttribute('#legend', 'aria-label')).toBe('图例');
    expect(await page.textContent('#lang-toggle')).toBe('English');
    expect(await page.textContent('#area-panel .panel-section--goals .panel-heading')).toBe('四个目标');
    expect(await page.textContent('#area-panel-title')).toBe(site.config.region.name);
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('放大');
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-out', 'title')).toBe('缩小');
    expect(await page.getAttribute('#map canvas', 'aria-label')).toBe('地图');

    await page.click('#lang-toggle');
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await optionTexts(page)).toEqual(INDICATORS.map((i) => i.en));
    expect(errors).toEqual([]);
    await page.close();
  });
});

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  canvas: { left: number; right: number; top: number; bottom: number; width: number; height: number } | null;
  panel: { left: number; right: number; top: number; bottom: number; width: number; height: number } | null;
}

/** Where the map canvas and the panel are on the page (document coordinates) and how wide the page is. */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height };
    };
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, canvas: box('#map canvas.maplibregl-canvas'), panel: box('#area-panel') };
  });
}

describe('the layout at common screen sizes', () => {
  const desktops = [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 1024, height: 768 },
  ];
  for (const viewport of desktops) {
    it(`county view at ${viewport.width}×${viewport.height}: map and panel side by side, no horizontal overflow`, async () => {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), '', viewport);
      await mapIdle(page);
      await page.screenshot({ path: `test-results/layout-county-${viewport.width}x${viewport.height}.png` });
      const l = await layout(page);
      expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
      expect(l.canvas!.width).toBeGreaterThan(viewport.width / 2);
      expect(l.canvas!.height).toBeGreaterThan(viewport.height / 2);
      expect(l.panel!.width).toBeGreaterThan(250);
      expect(l.panel!.height).toBeGreaterThan(100);
      // Both start on screen, the panel to the right of the map, not over it.
      expect(l.canvas!.top).toBeLessThan(viewport.height);
      expect(l.panel!.top).toBeLessThan(viewport.height);
      expect(l.canvas!.right).toBeLessThanOrEqual(l.panel!.left + 1);
      expect(l.panel!.right).toBeLessThanOrEqual(viewport.width);
      // The page itself does not scroll: the panel scrolls inside its column.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the masthead: the English title whole in one row at 1366×768; at a tablet’s 800×1024 every control on screen in both languages', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#lang=en', { width: 1366, height: 768 });
    const masthead = () =>
      page.evaluate(() => {
        const title = document.getElementById('title')!;
        const items = [...document.querySelectorAll('.masthead-row :is(h1, a, button, input)')].filter((el) => el.getClientRects().length > 0);
        const boxes = items.map((el) => ({ el, r: el.getBoundingClientRect() }));
        const titleBox = title.getBoundingClientRect();
        return {
          offScreen: boxes.filter(({ r }) => r.left < -0.5 || r.right > innerWidth + 0.5).map(({ el }) => el.id || el.textContent),
          // A line cut off adds a line's height (about 20 px); a CJK font's tall line box a pixel or two.
          titleCut: title.scrollHeight > title.clientHeight + 6 || title.scrollWidth > title.clientWidth + 1,
          titleTooltip: title.title,
          // One row: nothing starts below the title's foot.
          belowTitle: boxes.filter(({ r }) => r.top >= titleBox.bottom - 1).length,
        };
      });
    const laptop = await masthead();
    expect(laptop).toEqual({ offScreen: [], titleCut: false, titleTooltip: site.config.title.en, belowTitle: 0 });
    await page.setViewportSize({ width: 800, height: 1024 });
    await page.screenshot({ path: 'test-results/masthead-en-800x1024.png', clip: { x: 0, y: 0, width: 800, height: 160 } });
    const tabletEn = await masthead();
    expect(tabletEn.offScreen).toEqual([]);
    expect(tabletEn.titleCut).toBe(false);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const tabletZh = await masthead();
    expect(tabletZh.offScreen).toEqual([]);
    expect(tabletZh.titleCut).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a touch tablet (768×1024, a coarse pointer): the map’s controls, time bar, legend and masthead are targets of at least 44 px', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const { errors } = recordPage(page);
    await gotoReady(page, `${inject('baseUrl')}#town=420324101`, errors);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('#map button, #controls-slot select, #controls-slot summary, .map-check, #time-slot button, .masthead a, .masthead button, #legend button')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => ({ what: e.id || e.className, height: Math.round(e.getBoundingClientRect().height) }))
        .filter((t) => t.height < 44),
    );
    // Before, the zoom buttons were 29 px, the time bar's steps 32, the selects 25 and the legend's toggle 20.
    expect(small).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  const phone = { width: 390, height: 844 };
  for (const [what, hash] of [
    ['county', ''],
    ['town', `#town=${JIANGJIAYAN.code}`],
  ] as const) {
    it(`${what} view on a phone (390×844): map above the panel's sheet, no horizontal overflow`, async () => {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), hash, phone);
      await mapIdle(page);
      await page.screenshot({ path: `test-results/layout-${what}-phone-390x844.png`, fullPage: true });
      const l = await layout(page);
      expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
      expect(l.canvas!.width).toBeGreaterThan(300);
      expect(l.canvas!.width).toBeLessThanOrEqual(phone.width);
      expect(l.canvas!.height).toBeGreaterThan(250);
      expect(l.canvas!.top).toBeLessThan(phone.height);
      expect(l.panel!.width).toBeGreaterThan(300);
      expect(l.panel!.right).toBeLessThanOrEqual(phone.width);
      expect(l.panel!.top).toBeGreaterThanOrEqual(l.canvas!.bottom - 1);
      // The panel is a bottom sheet: opened to half the screen, nothing (the footer, say) is drawn over its heading once it is scrolled to.
      await page.click('#sheet-toggle');
      await page.locator('#area-panel-title').scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => {
        const title = document.getElementById('area-panel-title');
        const r = title?.getBoundingClientRect();
        return r ? document.elementFromPoint(r.left + 4, r.top + r.height / 2)?.closest('#area-panel-title') !== null : false;
      })).toBe(true);
      if (what === 'town') {
        expect(await page.textContent('#area-panel-title')).toBe(JIANGJIAYAN.name);
        expect(await page.getAttribute('#ranking-table', 'data-level')).toBe('village');
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the keyboard', () => {
  it('Tab from the top reaches the search box, the indicator select and the ranking table, each with a visible focus outline', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    const targets = { search: false, indicator: false, ranking: false };
    const seen: string[] = [];
    let rankingLink: string | null = null;
    // 48 stops: the controls, the time slider, ten lagging projects and the two folded 数据实 sections come first.
    for (let k = 0; k < 48 && !(targets.search && targets.indicator && targets.ranking && rankingLink); k++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        return {
          id: el.id,
          cls: el.className,
          inRanking: el.closest('#ranking-table') !== null,
          rowCode: el.closest('tr')?.dataset.code ?? null,
          isLink: el.classList.contains('ranking-link'),
          outlineStyle: cs.outlineStyle,
          outlineWidth: Number.parseFloat(cs.outlineWidth),
        };
      });
      if (!focused) continue;
      seen.push(focused.id || focused.cls);
      const which = focused.id === 'search' ? 'search' : focused.id === 'control-ind' ? 'indicator' : focused.inRanking ? 'ranking' : null;
      if (which === null) continue;
      targets[which] = true;
      expect(focused.outlineStyle, `${which} focus outline`).not.toBe('none');
      expect(focused.outlineWidth, `${which} focus outline width`).toBeGreaterThan(0);
      if (focused.isLink && rankingLink === null) rankingLink = focused.rowCode;
    }
    expect(targets, `focus order: ${seen.join(' → ')}`).toEqual({ search: true, indicator: true, ranking: true });
    expect(seen.indexOf('search')).toBeLessThan(seen.indexOf('control-ind'));
    // The first town link reached opens that town from the keyboard.
    expect(rankingLink).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForFunction((code) => location.hash.includes(`town=${code}`), rankingLink!);
    expect(errors).toEqual([]);
    await page.close();
  });
});
