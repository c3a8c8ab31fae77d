import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: remembers what it was made with and whether it was stopped. */
class FakeWorker {
  static made: FakeWorker[] = [];
  isTerminated = false;
  constructor(
    readonly url: string,
    readonly options?: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  private readonly errorListeners: (() => void)[] = [];
  terminate(): void {
    this.isTerminated = true;
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'error') this.errorListeners.push(listener);
  }
  /** What the browser does when the worker's script cannot be loaded. */
  fail(): void {
    for (const l of this.errorListeners) l();
  }
}

const URL_ = 'https://atlas.example/assets/maplibre-gl-worker-abc.mjs';
const page = { origin: 'https://atlas.example', href: 'https://atlas.example/#town=420324107' };

describe('MapLibre’s worker, started early', () => {
  const saved = { Worker: globalThis.Worker, origin: globalThis.origin, location: globalThis.location };

  beforeEach(() => {
    vi.resetModules();
    FakeWorker.made = [];
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    Object.assign(globalThis, { origin: page.origin, location: { href: page.href } });
  });
  afterEach(() => {
    Object.assign(globalThis, saved);
  });

  it('starts from a same-origin URL of an http(s) page, never from a page opened from disk or another origin', async () => {
    const { canStartEarly } = await import('../../../src/map/worker-head-start');
    expect(canStartEarly(URL_, page)).toBe(true);
    expect(canStartEarly('./assets/w.mjs', page)).toBe(true);
    expect(canStartEarly('https://cdn.example/w.mjs', page)).toBe(false);
    // The meeting package: an opaque origin, its worker a blob: URL (MapLibre starts it from a data: URL).
    expect(canStartEarly('blob:null/1234', { origin: 'null', href: 'file:///D:/会议/cunhu.html' })).toBe(false);
  });

  it('is the worker MapLibre gets when it asks for one with that URL; the global Worker is itself again afterwards', async () => {
    const { startMapWorker, withEarlyWorker } = await import('../../../src/map/worker-head-start');
    startMapWorker(URL_);
    startMapWorker(URL_);
    expect(FakeWorker.made).toHaveLength(1);
    const early = FakeWorker.made[0]!;
    expect(early.options).toEqual({ type: 'module' });
    const got: unknown[] = [];
    withEarlyWorker(() => {
      // MapLibre's pool on a machine with more cores: the first is the early one, the rest new.
      got.push(new globalThis.Worker(URL_, { type: 'module' }), new globalThis.Worker(URL_, { type: 'module' }));
    }, URL_);
    expect(got[0]).toBe(early);
    expect(got[1]).not.toBe(early);
    expect(got[1]).toBeInstanceOf(FakeWorker);
    expect(early.isTerminated).toBe(false);
    expect(globalThis.Worker).toBe(FakeWorker);
  });

  it('is stopped when MapLibre asks for another URL, or none, or throws, and the global Worker is restored', async () => {
    const { startMapWorker, withEarlyWorker } = await import('../../../src/map/worker-head-start');
    startMapWorker(URL_);
    withEarlyWorker(() => new globalThis.Worker('data:text/javascript,', { type: 'module' }), URL_);
    expect(FakeWorker.made[0]!.isTerminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    expect(globalThis.Worker).toBe(FakeWorker);

    startMapWorker(URL_);
    expect(() =>
      withEarlyWorker(() => {
        throw new Error('no WebGL after all');
      }, URL_),
    ).toThrow('no WebGL after all');
    expect(FakeWorker.made[2]!.isTerminated).toBe(true);
    expect(globalThis.Worker).toBe(FakeWorker);
  });

  it('is not handed over once it has failed to load: MapLibre starts its own, which fails where MapLibre hears it', async () => {
    const { startMapWorker, withEarlyWorker } = await import('../../../src/map/worker-head-start');
    startMapWorker(URL_);
    const early = FakeWorker.made[0]!;
    early.fail();
    let made: unknown;
    withEarlyWorker(() => (made = new globalThis.Worker(URL_, { type: 'module' })), URL_);
    expect(made).not.toBe(early);
    expect(made).toBeInstanceOf(FakeWorker);
    expect(early.isTerminated).toBe(true);
    expect(globalThis.Worker).toBe(FakeWorker);
  });

  it('is not started on a page opened from disk, and discarding stops one not taken', async () => {
    const { discardEarlyWorker, startMapWorker, withEarlyWorker } = await import('../../../src/map/worker-head-start');
    Object.assign(globalThis, { origin: 'null', location: { href: 'file:///D:/cunhu.html' } });
    startMapWorker('blob:null/1234');
    expect(FakeWorker.made).toHaveLength(0);

    Object.assign(globalThis, { origin: page.origin, location: { href: page.href } });
    startMapWorker(URL_);
    discardEarlyWorker();
    expect(FakeWorker.made[0]!.isTerminated).toBe(true);
    // Nothing early is left: MapLibre makes its own.
    let made: unknown;
    withEarlyWorker(() => (made = new globalThis.Worker(URL_, { type: 'module' })), URL_);
    expect(made).not.toBe(FakeWorker.made[0]);
  });
});
