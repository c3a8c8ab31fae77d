import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workbookOfCsv } from '../helpers/workbooks';
import { launchChromium } from './chromium';
import { openAtlas } from './page';

const MINI = 'test/fixtures/mini/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the check view reads an old .xls workbook in a worker of its own (issue 21)', () => {
  it('a dropped 数据.xls is parsed in the nested parser worker and builds without problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-xls-browser-'));
    const book = workbookOfCsv(
      {
        村: new Uint8Array(await readFile(MINI + 'villages.csv')),
        项目: new Uint8Array(await readFile(MINI + 'projects.csv')),
        进度: new Uint8Array(await readFile(MINI + 'progress.csv')),
      },
      'xls',
    );
    const bookPath = join(dir, '数据.xls');
    await writeFile(bookPath, book);
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=check');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.setInputFiles('#preview-files', [MINI + 'atlas.config.json', MINI + 'boundaries/towns.geojson', MINI + 'boundaries/county.geojson', bookPath]);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#preview-issues tbody tr td:nth-child(4)').allTextContents()).not.toContain('错误');
    // The build worker started the parser's own worker (the one a deadline can stop).
    expect(workers.some((url) => /xls-worker/.test(url))).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
