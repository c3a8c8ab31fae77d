/// <reference lib="webworker" />
/**
 * The check view's 下载标出问题的工作簿 in a Web Worker: the same code as `data:check --annotate`
 * (src/pipeline/annotate/) over the files the person chose, so the page never freezes and exceljs
 * is fetched only when the button is pressed. Nothing leaves the browser.
 */
import { annotateWorkbook } from '../pipeline/annotate/annotate-workbook';
import { useXlsIsolate } from '../pipeline/read/xls';
import type { AnnotateMessage, AnnotateRequest } from './protocol';
import { browserXlsIsolate } from './xls-isolate';

// As in the build worker: an .xls or .et is parsed in a worker of its own with a deadline.
useXlsIsolate(browserXlsIsolate);

const post = (m: AnnotateMessage, transfer: Transferable[] = []): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.addEventListener('message', (e: MessageEvent<AnnotateRequest>) => {
  void run(e.data);
});

async function run(request: AnnotateRequest): Promise<void> {
  try {
    const { bytes } = await annotateWorkbook(request.issues, async (path) => {
      const buffer = request.files[path];
      return buffer ? new Uint8Array(buffer) : null;
    }, Object.keys(request.files), request.lang);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    post({ kind: 'annotated', bytes: buffer }, [buffer]);
  } catch (e) {
    post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
