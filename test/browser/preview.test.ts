import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openAtlas } from './page';

const MESSY = 'test/fixtures/messy/';
const MINI = 'test/fixtures/mini/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const cells = (page: Page, selector: string): Promise<string[][]> => page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));

describe('checking a dataset in the browser (view=check)', () => {
  it('reads a GBK, UTF-16, tab- and semicolon-separated dataset in a worker, lists its rows and problems, and previews it, marked 预览, without sending it anywhere', async () => {
    const { page, requests, errors } = await openAtlas(browser, inject('baseUrl'), '#view=check');
    const before = requests.length;
    const methods: string[] = [];
    page.on('request', (r) => methods.push(r.method()));
    await page.setInputFiles('#preview-files', [MESSY + 'atlas.config.json', MESSY + 'boundaries/towns.geojson', MESSY + 'boundaries/county.geojson', MESSY + 'villages.csv', MESSY + 'projects.csv', MESSY + 'progress.csv', MINI + 'households.csv']);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#preview-status-text')).toBe('检查完成：0 个错误，4 个警告。下面是预览。');
    const files = await cells(page, '#preview-files-table');
    expect(files).toContainEqual(['projects.csv', '8', '6', '0', '2', 'gb18030']);
    expect(files).toContainEqual(['progress.csv', '13', '13', '0', '0', 'utf-16le']);
    const issues = await cells(page, '#preview-issues');
    // The page is in Chinese: so are the problems (issue 21), the values from the data as written.
    expect(issues).toContainEqual(['projects.csv', '12', '—', '警告', '合计行“合计”已跳过（合计由程序计算）']);
    expect(issues).toContainEqual(['projects.csv', '1', '—', '警告', '表头（第 4 行）上面的 3 行当作标题，已跳过']);

    const frame = page.frameLocator('#preview-frame');
    await frame.locator('html[data-ready]').waitFor({ timeout: 60_000 });
    expect(await frame.locator('#preview-banner').isVisible()).toBe(true);
    expect(await frame.locator('#preview-banner').textContent()).toContain('预览');
    expect(await frame.locator('#title').textContent()).toBe('测试县工作图');
    // Nothing left the page: no request off its origin, and nothing but GETs of its own files.
    expect(requests.slice(before).filter((u) => !u.startsWith(inject('baseUrl')) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(methods.filter((m) => m !== 'GET')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names every problem of a broken dataset by file, row and column, and shows no map', async () => {
    const { page } = await openAtlas(browser, inject('baseUrl'), '#view=check&lang=en');
    await page.setInputFiles('#preview-files', [MINI + 'atlas.config.json', MINI + 'boundaries/towns.geojson', MINI + 'boundaries/county.geojson', MINI + 'villages.csv', 'test/fixtures/bad/personal-data/projects.csv', MINI + 'progress.csv']);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#preview-status-text')).toBe('Checked: 1 errors, 3 warnings. Fix the errors to see the map.');
    const issues = await cells(page, '#preview-issues');
    expect(issues).toContainEqual(['projects.csv', '4', '备注', 'error', 'column looks like it holds 身份证号 ID numbers (row 4; 1 cell): personal data must never be published; delete the column or the values']);
    expect(await page.isHidden('#preview-frame')).toBe(true);
    await page.close();
  });
});

describe('dropping files on the check view', () => {
  it('checks what is dropped, as it checks what is chosen', async () => {
    const { readFileSync } = await import('node:fs');
    const { page } = await openAtlas(browser, inject('baseUrl'), '#view=check');
    const files = ['atlas.config.json', 'boundaries/towns.geojson', 'boundaries/county.geojson', 'villages.csv', 'projects.csv', 'progress.csv'].map((path) => ({ name: path.split('/').pop()!, base64: readFileSync(MESSY + path).toString('base64') }));
    files.push({ name: 'households.csv', base64: readFileSync(MINI + 'households.csv').toString('base64') });
    await page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      const zone = document.getElementById('preview-drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#preview-status-text')).toBe('检查完成：0 个错误，4 个警告。下面是预览。');
    expect(await cells(page, '#preview-files-table')).toContainEqual(['villages.csv', '4', '4', '0', '0', 'gb18030']);
    await page.close();
  });
});

describe('crafted files in the check view', () => {
  it('checks a 200,000-column header, 300,000 rows with an error each and a household naming 200,000 projects, lists the first problems and offers them all as CSV', async () => {
    const { readFileSync } = await import('node:fs');
    const { page, errors } = await openAtlas(browser, inject('baseUrl'), '#view=check');
    const text = (path: string): string => readFileSync(MINI + path, 'utf8');
    const projects = text('projects.csv').split('\n');
    projects[0] = `${projects[0]!.trimEnd()},${Array.from({ length: 200_000 }, (_, i) => `x${i}`).join(',')}`;
    const progressHead = text('progress.csv').split('\n')[0]!;
    const progress = [progressHead, ...Array.from({ length: 300_000 }, () => '2016-01,T-001,在建,not a number,1')].join('\n');
    const householdsHead = text('households.csv').split('\n')[0]!;
    const households = `${householdsHead}\nzz00aa11bb22,420324101202,是,否,"${['T-003', ...Array.from({ length: 200_000 }, () => 'T-001')].join(';')}",2,1\n`;
    const file = (name: string, body: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
    await page.setInputFiles('#preview-files', [
      { name: 'atlas.config.json', mimeType: 'application/json', buffer: readFileSync(MINI + 'atlas.config.json') },
      { name: 'towns.geojson', mimeType: 'application/json', buffer: readFileSync(MINI + 'boundaries/towns.geojson') },
      { name: 'county.geojson', mimeType: 'application/json', buffer: readFileSync(MINI + 'boundaries/county.geojson') },
      file('villages.csv', text('villages.csv')),
      file('projects.csv', projects.join('\n')),
      file('progress.csv', progress),
      file('households.csv', households),
    ]);
    await page.waitForSelector('#preview-results:not([hidden])', { timeout: 90_000 });
    const status = (await page.textContent('#preview-status-text')) ?? '';
    const [, errorCount, warningCount] = /^检查完成：(\d+) 个错误，(\d+) 个警告。/.exec(status) ?? [];
    expect(Number(errorCount)).toBe(300_000);
    // The header's 200,000 unknown columns: 50 named, the rest counted in one warning.
    expect(Number(warningCount)).toBeGreaterThanOrEqual(51);
    expect(Number(warningCount)).toBeLessThan(60);
    const total = Number(errorCount) + Number(warningCount);
    expect(await page.$$eval('#preview-issues tbody tr', (rows) => rows.length)).toBe(1000);
    expect(await page.textContent('.preview-more')).toContain(`共 ${total} 个`);
    const first = await page.$$eval('#preview-issues tbody tr:first-child td', (cells) => cells.map((c) => c.textContent));
    expect(first).toEqual(['progress.csv', '2', '形象进度(%)', '错误', '"not a number" 不是数字']);
    const download = page.waitForEvent('download');
    await page.click('.preview-download');
    const saved = await (await download).path();
    const csv = readFileSync(saved, 'utf8');
    expect(csv.startsWith('\uFEFF文件,行,列,级别,说明\r\n')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(total);
    expect(errors).toEqual([]);
    await page.close();
  });
});
