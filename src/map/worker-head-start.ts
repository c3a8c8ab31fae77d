/**
 * MapLibre's worker, started before MapLibre's own code has arrived, and handed to MapLibre when
 * it asks for its first worker.
 *
 * Chromium starts a dedicated worker from the page's main thread: after the browser has fetched
 * the worker's script, the main thread must be free to start its thread. Asked for when MapLibre's
 * chunk runs, the worker waited about 300 ms behind the page's layout and the map's creation, and
 * MapLibre's first message to it (the boundaries to index) waited with it. Started as the page's
 * code starts (src/app/map-engine-choice.ts, where WebGL2 works), it is running by the time the
 * map asks.
 *
 * MapLibre makes its workers itself, with `new Worker(url, { type: 'module' })`, synchronously in
 * `prewarm()`; `withEarlyWorker` lets the first such call with the same URL get the worker started
 * here. Were a later MapLibre to make its workers otherwise, the early worker is not taken and is
 * stopped, and MapLibre starts its own as before.
 */
import { workerUrl } from './worker-url';

let early: Worker | null = null;
/** True once the early worker has failed to load (its script missing, refused or not JavaScript). */
let hasFailed = false;

/**
 * True when a module worker can start from `url` here: an http(s) page loading a same-origin URL.
 * A page opened from disk (the meeting package; an opaque origin) is left to MapLibre, which starts
 * its worker from a data: URL there.
 */
export function canStartEarly(url: string, page: { origin: string; href: string }): boolean {
  if (page.origin === 'null' || !/^https?:/.test(page.href)) return false;
  try {
    return new URL(url, page.href).origin === page.origin;
  } catch {
    return false;
  }
}

/** Starts MapLibre's worker now (once), where it can start early. */
export function startMapWorker(url: string = workerUrl): void {
  if (early || typeof Worker === 'undefined' || !canStartEarly(url, { origin: globalThis.origin, href: location.href })) return;
  try {
    early = new Worker(url, { type: 'module' });
  } catch {
    early = null;
    return;
  }
  // MapLibre listens for its workers' errors only from when it has them: a worker that failed before
  // is not handed over, so MapLibre starts its own, hears it fail and the page draws the fallback map.
  hasFailed = false;
  early.addEventListener('error', () => (hasFailed = true), { once: true });
}

/** Stops the early worker if MapLibre has not taken it (the live map did not load). */
export function discardEarlyWorker(): void {
  early?.terminate();
  early = null;
}

/**
 * Runs `start` (MapLibre's `prewarm`), during which the first `new Worker(url, { type: 'module' })`
 * for `url` gets the worker started early, if there is one and it has not failed to load. The global
 * `Worker` is itself again when `start` returns or throws; an early worker not taken is stopped.
 */
export function withEarlyWorker(start: () => void, url: string = workerUrl): void {
  const worker = early;
  early = null;
  if (worker && hasFailed) worker.terminate();
  if (!worker || hasFailed) {
    start();
    return;
  }
  const Native = globalThis.Worker;
  let isTaken = false;
  function HandOff(scriptUrl: string | URL, options?: WorkerOptions): Worker {
    if (!isTaken && String(scriptUrl) === url && options?.type === 'module') {
      isTaken = true;
      return worker!;
    }
    return new Native(scriptUrl, options);
  }
  globalThis.Worker = HandOff as unknown as typeof Worker;
  try {
    start();
  } finally {
    globalThis.Worker = Native;
    if (!isTaken) worker.terminate();
  }
}
