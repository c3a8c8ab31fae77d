import type { Browser, Page } from 'playwright-core';

/** Opens a page of the built site, records every request, and waits for the app's data-ready signal. */
export async function openAtlas(browser: Browser, baseUrl: string, hash = '', viewport = { width: 1280, height: 800 }): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl + hash);
  await page.waitForSelector('body[data-ready], body[data-error]');
  if (await page.$('body[data-error]')) throw new Error(`the page reported an error: ${await page.textContent('#main')} ${errors.join('; ')}`);
  return { page, requests };
}
