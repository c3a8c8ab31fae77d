/**
 * The check view's isolate for the .xls/.et parser (src/pipeline/read/xls.ts, XlsIsolate): each
 * parse in a Web Worker of its own, started from the build worker and terminated when it runs past
 * its deadline, so a damaged workbook ends in a located error and the build goes on. The clock
 * starts once the worker has loaded the parser.
 */
import { failure } from '../contract/issues';
import { phrase } from '../i18n/problems';
import { xlsTimeout, type XlsWorkbook } from '../pipeline/read/xls';

export function browserXlsIsolate(bytes: Uint8Array, deadlineMs: number): Promise<XlsWorkbook> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./xls-worker.ts', import.meta.url), { type: 'module' });
    let timer: ReturnType<typeof setTimeout> | null = null;
    let settled = false;
    const settle = (result: XlsWorkbook): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (e: MessageEvent<{ kind: 'ready' } | { kind: 'done'; result: XlsWorkbook }>) => {
      if (e.data.kind === 'ready') {
        timer = setTimeout(() => settle(xlsTimeout(deadlineMs)), deadlineMs);
        worker.postMessage(bytes);
      } else settle(e.data.result);
    });
    worker.addEventListener('error', (e) => settle(failure('xlsParserFailed', { detail: e.message || phrase('noReasonGiven') })));
  });
}
