import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for a canvas: the context it was given (if the browser gives one) and whether that was released. */
class FakeCanvas {
  className = '';
  context: FakeContext | null = null;
  constructor(readonly tagName: string, private readonly gives: boolean) {}
  getContext(type: string, attributes?: WebGLContextAttributes): FakeContext | null {
    if (type !== 'webgl2' || !this.gives) return null;
    // As in a browser: a canvas's second call returns its first context, whatever it asks.
    this.context ??= new FakeContext(attributes ?? {});
    return this.context;
  }
}

class FakeContext {
  isLost = false;
  constructor(readonly attributes: WebGLContextAttributes) {}
  isContextLost(): boolean {
    return this.isLost;
  }
  getExtension(name: string): { loseContext(): void } | null {
    return name === 'WEBGL_lose_context' ? { loseContext: () => (this.isLost = true) } : null;
  }
}

/** A document whose createElement is its prototype's, as a browser's is. */
class FakeDocument {
  static givesWebGL2 = true;
  made: FakeCanvas[] = [];
  createElement(tagName: string): FakeCanvas {
    const element = new FakeCanvas(tagName, FakeDocument.givesWebGL2);
    this.made.push(element);
    return element;
  }
}

describe('the WebGL2 probe’s canvas, kept for the live map', () => {
  const saved = globalThis.document;
  let doc: FakeDocument;

  beforeEach(() => {
    vi.resetModules();
    FakeDocument.givesWebGL2 = true;
    doc = new FakeDocument();
    Object.assign(globalThis, { document: doc });
  });
  afterEach(() => {
    Object.assign(globalThis, { document: saved });
  });

  it('is made with the live map’s attributes and is the canvas MapLibre gets: its first canvas, not its later ones', async () => {
    const { LIVE_MAP_CONTEXT, probeWebGL2, withEarlyCanvas } = await import('../../../src/map/canvas-head-start');
    expect(probeWebGL2()).toBe(true);
    expect(probeWebGL2(), 'asked twice, still one canvas').toBe(true);
    expect(doc.made).toHaveLength(1);
    const probe = doc.made[0]!;
    expect(probe.context!.attributes).toEqual(LIVE_MAP_CONTEXT);
    // The export reads the drawing buffer after the frame.
    expect(LIVE_MAP_CONTEXT.preserveDrawingBuffer).toBe(true);

    const got = withEarlyCanvas(() => [document.createElement('div'), document.createElement('CANVAS'), document.createElement('canvas')]);
    expect(got[0]).not.toBe(probe);
    expect((got[0] as unknown as FakeCanvas).tagName).toBe('div');
    expect(got[1]).toBe(probe);
    expect(got[2]).not.toBe(probe);
    expect(probe.context!.isLost).toBe(false);
    // The document's own createElement again, no property left on the document.
    expect(Object.getOwnPropertyDescriptor(doc, 'createElement')).toBeUndefined();
    expect(document.createElement('canvas')).not.toBe(probe);
    // Taken once: the next map makes its own.
    expect(withEarlyCanvas(() => document.createElement('canvas'))).not.toBe(probe);
  });

  it('is released when the map does not take it, when making the map throws, or when it is discarded', async () => {
    const { discardEarlyCanvas, probeWebGL2, withEarlyCanvas } = await import('../../../src/map/canvas-head-start');
    probeWebGL2();
    const first = doc.made[0]!;
    expect(withEarlyCanvas(() => 'no canvas asked for')).toBe('no canvas asked for');
    expect(first.context!.isLost).toBe(true);

    probeWebGL2();
    const second = doc.made[1]!;
    expect(() =>
      withEarlyCanvas(() => {
        throw new Error('not a WebGL2 context after all');
      }),
    ).toThrow('not a WebGL2 context after all');
    expect(second.context!.isLost).toBe(true);
    expect(Object.getOwnPropertyDescriptor(doc, 'createElement')).toBeUndefined();

    probeWebGL2();
    const third = doc.made[2]!;
    discardEarlyCanvas();
    expect(third.context!.isLost).toBe(true);
    expect(withEarlyCanvas(() => document.createElement('canvas'))).not.toBe(third);
  });

  it('is not handed over once its context is lost, and a browser without WebGL2 keeps nothing', async () => {
    const { probeWebGL2, withEarlyCanvas } = await import('../../../src/map/canvas-head-start');
    probeWebGL2();
    const probe = doc.made[0]!;
    probe.context!.isLost = true;
    expect(withEarlyCanvas(() => document.createElement('canvas'))).not.toBe(probe);

    FakeDocument.givesWebGL2 = false;
    expect(probeWebGL2()).toBe(false);
    const made = doc.made.length;
    expect(withEarlyCanvas(() => document.createElement('canvas'))).toBe(doc.made[made]);
  });

  it('leaves an own createElement of the document as it found it', async () => {
    const { probeWebGL2, withEarlyCanvas } = await import('../../../src/map/canvas-head-start');
    const own = (tagName: string): FakeCanvas => new FakeCanvas(`own ${tagName}`, true);
    Object.defineProperty(doc, 'createElement', { value: own, configurable: true, writable: true });
    probeWebGL2();
    withEarlyCanvas(() => document.createElement('canvas'));
    expect(Object.getOwnPropertyDescriptor(doc, 'createElement')?.value).toBe(own);
  });
});

describe('the 2D canvas the labels’ glyphs are drawn on, made early', () => {
  const saved = (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
  afterEach(() => {
    Object.assign(globalThis, { OffscreenCanvas: saved });
  });

  it('is made as MapLibre makes it (an OffscreenCanvas read often), and a character drawn on it and read back', async () => {
    const calls: string[] = [];
    class FakeOffscreenCanvas {
      constructor(width: number, height: number) {
        calls.push(`canvas ${width}x${height}`);
      }
      getContext(type: string, options?: { willReadFrequently?: boolean }) {
        calls.push(`${type} ${JSON.stringify(options)}`);
        return {
          set font(value: string) {
            calls.push(`font ${value}`);
          },
          fillText: (text: string) => calls.push(`fillText ${text}`),
          getImageData: () => calls.push('getImageData'),
        };
      }
    }
    Object.assign(globalThis, { OffscreenCanvas: FakeOffscreenCanvas });
    const { warmGlyphCanvas } = await import('../../../src/map/canvas-head-start');
    warmGlyphCanvas();
    expect(calls).toEqual(['canvas 8x8', '2d {"willReadFrequently":true}', 'font 8px sans-serif', 'fillText 字', 'getImageData']);
  });

  it('does nothing without OffscreenCanvas, and never throws', async () => {
    const { warmGlyphCanvas } = await import('../../../src/map/canvas-head-start');
    Object.assign(globalThis, { OffscreenCanvas: undefined });
    expect(() => warmGlyphCanvas()).not.toThrow();
    Object.assign(globalThis, {
      OffscreenCanvas: class {
        getContext(): never {
          throw new Error('no 2D canvas here');
        }
      },
    });
    expect(() => warmGlyphCanvas()).not.toThrow();
  });
});
