/** Runs one .xls/.et parse for scripts/lib/xls-isolate.ts: says ready once the parser is loaded, then parses the bytes it is sent. */
import { parentPort } from 'node:worker_threads';
import { loadXlsParser, parseXlsWorkbook } from '../../src/pipeline/read/xls';

const port = parentPort!;
await loadXlsParser();
port.once('message', (bytes: Uint8Array) => {
  void parseXlsWorkbook(bytes).then((result) => port.postMessage({ kind: 'done', result }));
});
port.postMessage({ kind: 'ready' });
