/// <reference lib="webworker" />
/**
 * Runs one .xls/.et parse for the check view's build worker (src/preview/xls-isolate.ts): ready once
 * the parser is loaded, then the bytes it is sent. A parser that fails to load or to parse answers
 * with a failure: a rejected promise in a worker reaches no `error` listener, and the build would wait.
 */
import { failure } from '../contract/issues';
import { phrase } from '../i18n/problems';
import { loadXlsParser, parseXlsWorkbook } from '../pipeline/read/xls';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const failed = (e: unknown): void => {
  const said = e instanceof Error ? e.message : e === null || e === undefined ? '' : String(e);
  scope.postMessage({ kind: 'done', result: failure('xlsParserFailed', { detail: said || phrase('noReasonGiven') }) });
};
loadXlsParser().then(
  () => {
    scope.addEventListener(
      'message',
      (e: MessageEvent<Uint8Array>) => {
        parseXlsWorkbook(e.data).then((result) => scope.postMessage({ kind: 'done', result }), failed);
      },
      { once: true },
    );
    scope.postMessage({ kind: 'ready' });
  },
  failed,
);
