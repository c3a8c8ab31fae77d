import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { mapIdle, openAtlas } from './page';
import { builtSite } from './site-fixture';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const { site } = builtSite();
const JIANGJIAYAN = site.towns.find((t) => t.name === '蒋家堰镇')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The page at a hash in a context that lets axe-core in (the page's CSP refuses injected scripts, as it should). */
async function openForAxe(hash: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(inject('baseUrl') + hash);
  await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page (WCAG 2.1 A and AA rules). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core in Chromium)', () => {
  it.each([
    ['the atlas', '#month=2016-05'],
    ['a town in the atlas', `#town=${JIANGJIAYAN.code}&month=2016-05`],
    ['the projects page', '#view=projects'],
    ['the report', '#view=report&month=2016-05'],
    ['the about page', '#view=about'],
    ['the about page in English', '#view=about&lang=en'],
    ['the changes page', '#view=changes'],
  ])('%s has no serious or critical violations', async (_name, hash) => {
    const page = await openForAxe(hash);
    if (hash.includes('view=report')) await page.waitForSelector('#report[aria-busy="false"]', { timeout: 60_000 });
    if (hash.includes('view=changes')) await page.waitForSelector('.changes-history', { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('on a phone', () => {
  for (const viewport of [
    { width: 375, height: 667 },
    { width: 414, height: 896 },
  ]) {
    it.each(['#month=2016-05', `#town=${JIANGJIAYAN.code}`, '#view=projects', '#view=report', '#view=about'])(`${viewport.width}×${viewport.height} %s: nothing scrolls sideways, tap targets are 44 px`, async (hash) => {
      const { page, errors } = await openAtlas(browser, inject('baseUrl'), hash, viewport);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() => {
        const visible = (el: Element): boolean => {
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight;
        };
        // Controls, not links inside running text (WCAG's inline exception).
        const targets = [...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]):not([type=range]), summary, .view-nav-link, label:has(> input[type=checkbox])')].filter(visible);
        return targets.filter((el) => el.getBoundingClientRect().height < 44 - 0.5).map((el) => `${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().height)}px`);
      });
      expect(small).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
  // The bottom sheet, its peek and the project card: phone.test.ts.
});

describe('the keyboard alone', () => {
  it('selects a town from the search box and opens a project from the panel', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#month=2016-05');
    await page.keyboard.press('Tab');
    // Tab to the search box, as a person would.
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'search'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('龙坝');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('town=420324107'));
    await mapIdle(page);
    // On to the first lagging project's button in the panel, and open it.
    let onProject = false;
    for (let i = 0; i < 120 && !onProject; i++) {
      await page.keyboard.press('Tab');
      onProject = await page.evaluate(() => document.activeElement?.classList.contains('panel-lag-link') ?? false);
    }
    expect(onProject).toBe(true);
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(focusVisible).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('proj='));
    // The hash changes at once; the disclosure opens once the town's markers are drawn.
    await page.waitForSelector('.project-disclosure', { state: 'visible' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('in English', () => {
  it.each(['#lang=en&month=2016-05', `#lang=en&town=${JIANGJIAYAN.code}`, '#lang=en&view=projects', '#lang=en&view=report', '#lang=en&view=about'])('%s leaves no Chinese interface text (data names aside)', async (hash) => {
    const { page } = await openAtlas(browser, inject('baseUrl'), hash);
    if (hash.includes('view=report')) await page.waitForSelector('#report[aria-busy="false"]', { timeout: 60_000 });
    const names = [site.config.region.name, ...site.towns.map((t) => t.name), ...site.villages.map((v) => v.name)];
    const chinese = await page.evaluate((dataNames) => {
      const han = /\p{Script=Han}/u;
      // Data: place names, and whatever a data cell holds (project fields, units, hotlines).
      const isData = (el: Element | null): boolean => el?.closest('[lang^="zh"], [data-data], .project-disclosure, td, tbody th, .panel-lag-item, .search-hit, .projects-hotlines') !== null;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('[hidden], script, style') || isData(el)) continue;
        const r = el.getBoundingClientRect();
        if ((r.width === 0 && r.height === 0) || getComputedStyle(el).visibility === 'hidden') continue;
        let text = n.textContent ?? '';
        for (const name of dataNames) text = text.split(name).join('');
        if (han.test(text)) found.push(text.trim().slice(0, 80));
      }
      for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (el.closest('[hidden]') || isData(el) || getComputedStyle(el).visibility === 'hidden') continue;
        for (const attr of ['aria-label', 'placeholder', 'title']) {
          let text = el.getAttribute(attr) ?? '';
          for (const name of dataNames) text = text.split(name).join('');
          if (han.test(text)) found.push(`${attr}: ${text.slice(0, 80)}`);
        }
      }
      return [...new Set(found)];
    }, names);
    expect(chinese).toEqual([]);
    await page.close();
  });
});

describe('embed=1', () => {
  it('shows the map, its legend, the sample notice and the sources, and a link to the full atlas', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), `#embed=1&town=${JIANGJIAYAN.code}`, { width: 800, height: 500 });
    await mapIdle(page);
    const shown = await page.evaluate(() => {
      const visible = (sel: string) => {
        const el = document.querySelector(sel);
        return el !== null && getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetHeight > 0;
      };
      return { map: visible('#map'), legend: visible('#legend'), banner: visible('#sample-banner'), sources: visible('#sources'), open: visible('#embed-open'), search: visible('#search'), nav: visible('#view-nav'), panel: visible('#panel'), controls: visible('#map-controls') };
    });
    expect(shown).toEqual({ map: true, legend: true, banner: true, sources: true, open: true, search: false, nav: false, panel: false, controls: false });
    const href = await page.getAttribute('#embed-open', 'href');
    expect(href).toContain(`town=${JIANGJIAYAN.code}`);
    expect(href).not.toContain('embed=');
    expect(await page.getAttribute('#embed-open', 'target')).toBe('_blank');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the Content-Security-Policy', () => {
  it('allows scripts from the page alone: no inline script, no eval, connections to its own origin', async () => {
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=projects');
    const csp = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self' data: blob:;");
    expect(await page.$$eval('script:not([src])', (s) => s.length)).toBe(0);
    // An injected inline script does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });
});
