/// <reference lib="webworker" />
/** Runs one .xls/.et parse for the check view's build worker (src/preview/xls-isolate.ts): ready once the parser is loaded, then the bytes it is sent. */
import { loadXlsParser, parseXlsWorkbook } from '../pipeline/read/xls';

const scope = self as unknown as DedicatedWorkerGlobalScope;
void loadXlsParser().then(() => {
  scope.addEventListener('message', (e: MessageEvent<Uint8Array>) => {
    void parseXlsWorkbook(e.data).then((result) => scope.postMessage({ kind: 'done', result }));
  }, { once: true });
  scope.postMessage({ kind: 'ready' });
});
