import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseXlsWorkbook, xlsDeadlineMs } from '../../../src/pipeline/read/xls';
import { nodeXlsIsolate } from '../../../scripts/lib/xls-isolate';

const FIXTURE = new URL('../../fixtures/workbooks/villages-libreoffice.xls', import.meta.url);

describe('the CLI parses .xls in a worker thread with a deadline', () => {
  it('gives what the parse in place gives', async () => {
    const bytes = new Uint8Array(await readFile(FIXTURE));
    const inPlace = await parseXlsWorkbook(bytes);
    const isolated = await nodeXlsIsolate(bytes, xlsDeadlineMs(bytes.length));
    expect(inPlace.ok).toBe(true);
    expect(isolated).toEqual(inPlace);
  });

  it('stops a parse that runs past its deadline and says so as a damaged file', async () => {
    const bytes = new Uint8Array(await readFile(FIXTURE));
    const started = Date.now();
    // 1 ms after the parser is loaded: no workbook parses that fast, so this is what a stuck parse meets.
    const result = await nodeXlsIsolate(bytes, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/cannot be read.*parser was stopped/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives a small file a few seconds and a large one more', () => {
    expect(xlsDeadlineMs(40_000)).toBe(5_000);
    expect(xlsDeadlineMs(20 * 2 ** 20)).toBe(24_000);
  });
});
