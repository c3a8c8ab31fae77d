/**
 * The CLI's isolate for the .xls/.et parser (src/pipeline/read/xls.ts, XlsIsolate): each parse
 * in a worker thread of its own, terminated when it runs past its deadline, so a damaged workbook
 * that sends SheetJS into a long loop ends in a located error, not a build that never returns.
 * The clock starts once the worker has loaded the parser (loading is not the file's fault). A
 * result that comes after its deadline counts as stopped too: the timer can wait behind a busy
 * event loop while the answer is already queued, and which of the two is handled first would then
 * depend on the machine's load, not on the file.
 */
import { failure } from '../../src/contract/issues';
import { Worker } from 'node:worker_threads';
import { xlsTimeout, type XlsWorkbook } from '../../src/pipeline/read/xls';

/** The worker's entry: a plain ES module that registers tsx, then runs xls-worker.ts. */
const BOOT = new URL('./xls-worker-boot.mjs', import.meta.url);

export function nodeXlsIsolate(bytes: Uint8Array, deadlineMs: number): Promise<XlsWorkbook> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOT, { execArgv: [] });
    let timer: NodeJS.Timeout | null = null;
    let sentAt = 0;
    let settled = false;
    const settle = (result: XlsWorkbook): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    worker.on('message', (m: { kind: 'ready' } | { kind: 'done'; result: XlsWorkbook }) => {
      if (m.kind === 'ready') {
        timer = setTimeout(() => settle(xlsTimeout(deadlineMs)), deadlineMs);
        sentAt = performance.now();
        worker.postMessage(bytes);
      } else settle(performance.now() - sentAt > deadlineMs ? xlsTimeout(deadlineMs) : m.result);
    });
    worker.on('error', (e) => settle(failure('xlsParserFailed', { detail: e.message.split('\n')[0] ?? '' })));
    worker.on('exit', () => settle(failure('xlsParserNoAnswer')));
  });
}
