import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { csvRows, workbookOfCsv } from '../helpers/workbooks';
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

describe('the check view writes the problems back into the workbook (issue 21)', () => {
  it('a dropped 数据.xlsx with problems downloads as a copy with each problem on its cell and 问题清单 first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cunhu-annotate-browser-'));
    const projects = csvRows(new Uint8Array(await readFile(MINI + 'projects.csv')));
    projects[2]![projects[0]!.indexOf('受益户数')] = '很多';
    const book = workbookOfCsv(
      {
        村: new Uint8Array(await readFile(MINI + 'villages.csv')),
        项目: new TextEncoder().encode(projects.map((r) => r.join(',')).join('\n')),
        进度: new Uint8Array(await readFile(MINI + 'progress.csv')),
      },
      'xlsx',
    );
    const bookPath = join(dir, '数据.xlsx');
    await writeFile(bookPath, book);
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=check');
    // The template workbook is linked, and served.
    const href = await page.getAttribute('#preview-template', 'href');
    expect(href).toBe('templates/cunhu-template.xlsx');
    const template = await page.evaluate(async (url) => (await fetch(url)).status, href!);
    expect(template).toBe(200);
    await page.setInputFiles('#preview-files', [MINI + 'atlas.config.json', MINI + 'boundaries/towns.geojson', MINI + 'boundaries/county.geojson', bookPath]);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#preview-status-text')).toMatch(/错误/);
    const rows = await page.$$eval('#preview-issues tbody tr', (trs) => trs.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(rows).toContainEqual(['数据.xlsx[项目]', '3', '受益户数', '错误', '"很多" 不是整数']);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#preview-annotate')]);
    expect(download.suggestedFilename()).toBe('数据检查标注.xlsx');
    const saved = join(dir, 'marked.xlsx');
    await download.saveAs(saved);
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load((await readFile(saved)) as unknown as ArrayBuffer);
    expect(marked.worksheets.map((w) => w.name)).toEqual(['问题清单', '村', '项目', '进度']);
    // The page is in Chinese, so is the workbook: the comment and the list.
    const note = JSON.stringify(marked.getWorksheet('项目')!.getCell('O3').note);
    expect(note).toContain('错误：');
    expect(note).toContain('不是整数');
    expect(marked.getWorksheet('问题清单')!.getRow(1).values).toEqual([undefined, '级别', '文件', '行', '列', '问题', '位置']);
    expect(errors).toEqual([]);
  }, 120_000);
});
