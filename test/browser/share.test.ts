import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { gotoReady, recordPage } from './page';
import { pngPixels as pixels } from './png';
import { builtSite } from './site-fixture';

const { site } = builtSite();
const LONGBA = site.towns.find((t) => t.name === '龙坝镇')!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Clicks 分享 as a person does: through the masthead's menus when the button is in one (a phone's menu, the tools menu). */
async function openShare(page: Page): Promise<void> {
  for (const opener of ['#menu-toggle', '#tools-toggle']) {
    if (!(await page.isVisible('#share-toggle')) && (await page.isVisible(opener))) await page.click(opener);
  }
  await page.click('#share-toggle');
  await page.waitForSelector('#share-dialog[open] .share-qr-code[aria-busy="false"] svg');
}

const isDialogOpen = (page: Page): Promise<boolean> => page.$eval('#share-dialog', (d) => (d as HTMLDialogElement).open);

describe('sharing a view', () => {
  it('titles the page by place, indicator and month, and shares its link as text, clipboard and a QR code that decodes to it', async () => {
    const month = site.months.at(-2)!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
    const page = await context.newPage();
    const { requests, errors } = recordPage(page);
    await gotoReady(page, `${inject('baseUrl')}#ind=employment&town=${LONGBA.code}&month=${month}`, errors);

    const [year, monthNumber] = month.split('-');
    expect(await page.title()).toBe(`龙坝镇 · 贫困劳动力就业率 · ${year}年${Number(monthNumber)}月 — ${site.config.title.zh}`);
    const description = await page.$eval('meta[name="description"]', (m) => (m as HTMLMetaElement).content);
    expect(description).toContain('龙坝镇');
    expect(description).toContain('贫困劳动力就业率');
    expect(description.includes('示例数据')).toBe(site.config.isSample);

    // The QR library is not in the first view's code: opening the dialog loads it.
    const scriptsBefore = requests.filter((url) => url.endsWith('.js')).length;
    await openShare(page);
    expect(requests.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);
    expect(await page.$eval('#share-dialog', (d) => d.matches(':modal') && document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent)).toBe('分享此页面');

    const url = page.url();
    expect(await page.inputValue('#share-link')).toBe(url);
    expect(await page.textContent('.share-qr-link')).toBe(url);
    // Big enough to scan from a projected screen, and it decodes to the page's own link.
    const qr = page.locator('.share-qr-code');
    const box = (await qr.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(240);
    const { data, width, height } = await pixels(page, await qr.screenshot());
    expect(jsQR(data, width, height)?.data).toBe(url);
    // Served from this computer (127.0.0.1), the link opens nowhere else: the dialog says so.
    expect(await page.textContent('#share-dialog .share-local')).toContain(new URL(url).host);

    await page.click('.share-copy');
    await expect.poll(() => page.textContent('.share-status')).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // Escape closes the dialog, and only the dialog: the map stays at the town.
    await page.keyboard.press('Escape');
    expect(await isDialogOpen(page)).toBe(false);
    expect(await page.evaluate(() => window.cunhu?.store.get().town)).toBe(LONGBA.code);
    // Focus is back on the 分享 button, or on the menu button that holds it when that menu has closed.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const focused = document.activeElement as HTMLElement | null;
          return focused !== null && focused.tagName === 'BUTTON' && !focused.closest('dialog') && focused.getClientRects().length > 0;
        }),
      )
      .toBe(true);

    // In English: the button, the title and the dialog.
    await page.evaluate(() => window.cunhu?.store.set({ lang: 'en' }));
    expect(await page.textContent('#share-toggle')).toBe('Share');
    expect(await page.title()).toMatch(/^龙坝镇 · Employment · \w{3} \d{4} — /);

    // A phone: the dialog is a sheet the width of the screen, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 640 });
    await openShare(page);
    expect(await page.textContent('.share-copy')).toBe('Copy link');
    const fit = await page.$eval('#share-dialog', (d) => {
      const r = d.getBoundingClientRect();
      return { left: r.left, right: r.right, sideways: d.scrollWidth - d.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
    });
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(360);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    expect(fit.page).toBeLessThanOrEqual(0);
    await page.click('.share-close');
    expect(await isDialogOpen(page)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
