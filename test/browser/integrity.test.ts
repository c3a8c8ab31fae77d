import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLANTED as TABLE_PLANTED } from '../../scripts/sample/plant';
import { readDataset } from '../../scripts/sample/dataset';
import { planSamplePhotos } from '../../scripts/sample/photos';
import { launchChromium } from './chromium';
import { openAtlas, pixelAt, isNearColour, hideLabels } from './page';
import { builtSite, interiorPoint } from './site-fixture';
import { createColorScale } from '../../src/domain/color-scale';
import { indicatorSpec } from '../../src/domain/indicators';

/** 数据实 (issue 9): each problem planted in the sample is found, said in plain Chinese, and one click from its project. */
const { site, projects, towns } = builtSite();
/** The problems planted in the tables and in the site photos (scripts/sample/photos.ts, issue 22). */
const PLANTED = [...TABLE_PLANTED, ...planSamplePhotos(readDataset('data').dataset).planted];
const last = site.months.length - 1;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the findings of the planted problems', () => {
  it('each is listed on its town’s panel in plain Chinese, and its title opens the project (or village) on the map', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'));
    for (const planted of PLANTED) {
      const town = site.towns.find((t) => t.name === planted.town)!;
      await page.evaluate((code) => window.cunhu?.store.set({ view: 'map', town: code, village: null, project: null }), town.code);
      const item = `#findings-list li[data-rule="${planted.rule}"]`;
      await page.waitForSelector(item);
      const text = await page.textContent(item);
      // Plain Chinese: a sentence with figures, no placeholder left, advice on what to check.
      expect(text, planted.rule).toMatch(/[\u4e00-\u9fff]{4,}/);
      expect(text).not.toMatch(/undefined|NaN|\{\w+\}/);
      expect(text).toContain('核查建议');
      await page.click(`${item} .panel-finding-title`);
      if (planted.projects.length > 0 && planted.rule !== 'frozenTown' && planted.rule !== 'identicalReports') {
        const id = planted.projects[0]!;
        await page.waitForFunction((p) => location.hash.includes(`proj=${encodeURIComponent(p)}`), id);
        await page.waitForSelector('.project-disclosure');
        const i = projects.id.indexOf(id);
        expect(await page.textContent('.project-disclosure h3'), planted.rule).toContain(projects.name[i]!);
      } else if (planted.village) {
        await page.waitForFunction((v) => location.hash.includes(`village=${v}`), planted.village);
        expect(await page.textContent('#area-panel-title')).toBe(site.villages.find((v) => v.code === planted.village)!.name);
      } else {
        // A town-wide finding (several projects): its first project opens.
        await page.waitForFunction(() => location.hash.includes('proj='));
        await page.waitForSelector('.project-disclosure');
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a finding links to its project’s row in the projects table', async () => {
    const planted = PLANTED.find((p) => p.rule === 'overspent')!;
    const town = site.towns.find((t) => t.name === planted.town)!;
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#town=${town.code}`);
    await page.click('#findings-list li[data-rule="overspent"] .panel-finding-table');
    await page.waitForSelector(`#projects-table tr[data-project="${planted.projects[0]}"][aria-current="true"]`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the monthly report', () => {
  it('has a data quality section: every town by score, lowest first, and the findings up to the month in plain Chinese', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=report');
    await page.waitForSelector('#report-quality tbody tr');
    const scores = await page.$$eval('#report-quality tbody tr', (rows) => rows.map((r) => Number(r.children[1]?.textContent)));
    expect(scores).toHaveLength(site.towns.length);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    // The sample release also rewrote three past reports of its previous release (issue 20): findings too.
    const revised = site.integrity.findings.filter((f) => f.rule === 'pastRevised').length;
    expect(revised).toBe(3);
    expect(await page.$$eval('.report-finding', (li) => li.length)).toBe(PLANTED.length + revised);
    // In May, only the problems planted up to May (and the ledger's) are in it.
    await page.evaluate(() => window.cunhu?.store.set({ month: '2016-05' }));
    await page.waitForSelector('#report[data-month="2016-05"]');
    const upToMay = site.integrity.findings.filter((f) => f.month === null || f.month <= '2016-05').length;
    expect(await page.$$eval('.report-finding', (li) => li.length)).toBe(upToMay);
    expect(upToMay).toBeLessThan(PLANTED.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the data quality indicator', () => {
  it('colours the towns by their score, and the lowest score is a town with a planted problem', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#ind=quality');
    await page.uncheck('#show-projects');
    await hideLabels(page);
    const values = site.series.quality.towns[last]!;
    const scale = createColorScale(indicatorSpec('quality'), values, 'fixed', 'zh');
    const labels = site.towns.map((t) => t.labelPoint);
    for (const t of site.towns) {
      const feature = towns.features.find((f) => f.properties?.code === t.code)!;
      const { hex } = await pixelAt(page, interiorPoint(feature, labels));
      expect(isNearColour(hex, scale.colorFor(values[t.id]!)), `${t.name}: ${hex}`).toBe(true);
    }
    expect(await page.textContent('.legend')).toContain('数据质量分（满分 100）');
    const flagged = new Set(PLANTED.map((p) => p.town));
    const clean = site.towns.filter((t) => !flagged.has(t.name)).map((t) => values[t.id]!);
    const worstFlagged = Math.min(...site.towns.filter((t) => flagged.has(t.name)).map((t) => values[t.id]!));
    expect(worstFlagged).toBeLessThan(Math.min(...clean));
    await page.screenshot({ path: 'test-results/quality-county-1366.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
