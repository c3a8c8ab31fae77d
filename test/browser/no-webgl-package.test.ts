import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSingleFile, type SingleFileResult } from '../../scripts/lib/single-file';
import { launchChromium } from './chromium';
import { gotoReady, recordPage } from './page';

/** Issue 17: the meeting package opened from disk on a PC without WebGL falls back as the site does. */
let browser: Browser;
let result: SingleFileResult;

beforeAll(async () => {
  const built = await buildSingleFile({ isPrivate: false, outDir: mkdtempSync(join(tmpdir(), 'cunhu-package-nogl-')), log: () => undefined });
  if (typeof built === 'number') throw new Error(`the data build failed (exit ${built})`);
  result = built;
  browser = await launchChromium({ webgl: false });
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

describe('the meeting package without WebGL', () => {
  it('opens from disk offline with the fallback map, its notice, and a town by click', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, offline: true });
    const page = await context.newPage();
    const { requests, errors } = recordPage(page);
    await gotoReady(page, pathToFileURL(result.file).href, errors, 90_000);
    expect(await page.evaluate(() => window.cunhu?.isFallback)).toBe(true);
    expect(await page.isVisible('#map-notice')).toBe(true);
    expect(await page.$$eval('#map svg [data-kind="town"]', (p) => p.length)).toBeGreaterThan(0);
    await page.click('#map svg [data-kind="town"]');
    await page.waitForFunction(() => location.hash.includes('town='));
    await page.waitForFunction(() => document.querySelectorAll('#map svg [data-kind="village"]').length > 0);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
