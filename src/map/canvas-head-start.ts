/**
 * The WebGL2 probe's canvas, kept and handed to MapLibre as the live map's canvas.
 *
 * The page asks whether WebGL2 works before it fetches MapLibre (src/app/map-engine-choice.ts), so
 * a browser without it never downloads the live map. Asking means creating a WebGL2 context: the
 * page waits while the GPU process makes it (100–180 ms of waiting in traces under SwiftShader;
 * not measured on a real GPU). The probe used to release that context at once, and MapLibre then
 * made a second one on its own canvas, the same wait again on the way to the first frame. Now the
 * probe makes its context with exactly the attributes MapLibre asks for (`LIVE_MAP_CONTEXT`) and
 * keeps the canvas; `withEarlyCanvas` gives it to the first map made. `getContext('webgl2')` on a
 * canvas that has one returns it, so MapLibre's own call finds the context ready.
 *
 * MapLibre makes its canvas with `document.createElement('canvas')` in its constructor, before any
 * other canvas; were a later MapLibre to make it otherwise, the kept canvas is not taken, its context
 * is released, and MapLibre makes its own as before.
 */

/**
 * The live map's WebGL context attributes: MapLibre's defaults and the ones it always sets
 * (alpha, depth, stencil, premultiplied alpha), with the drawing buffer kept for the PNG export and
 * the report's map snapshot. A context made first with other attributes would be the one MapLibre
 * gets, whatever it asks: both the probe and the map use this.
 */
export const LIVE_MAP_CONTEXT: Readonly<WebGLContextAttributes> = {
  antialias: false,
  preserveDrawingBuffer: true,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
  desynchronized: false,
  alpha: true,
  depth: true,
  stencil: true,
  premultipliedAlpha: true,
};

/** The probe's canvas with its live context, until a map takes it or it is discarded. */
let early: HTMLCanvasElement | null = null;

/**
 * True when this browser gives a canvas a WebGL2 context. Where it does, the canvas and its context
 * are kept for the live map (`withEarlyCanvas`), or released by `discardEarlyCanvas`.
 */
export function probeWebGL2(): boolean {
  if (early) return true;
  try {
    const canvas = document.createElement('canvas');
    if (!canvas.getContext('webgl2', LIVE_MAP_CONTEXT)) return false;
    early = canvas;
    return true;
  } catch {
    return false;
  }
}

/**
 * Draws and reads one character on a 2D canvas made as MapLibre makes the one it draws its labels'
 * glyphs on (TinySDF: an `OffscreenCanvas`, `willReadFrequently`). Chromium makes its shared GPU
 * context for 2D canvases on the first such use: left to MapLibre, that was when its worker first
 * asked for the town names' glyphs, and the page waited 260 ms there behind the GPU process's
 * longest frame (a trace under SwiftShader); made here, as the page starts, it took 24 ms. Where
 * there is no `OffscreenCanvas` MapLibre draws on a page canvas, and nothing is done.
 */
export function warmGlyphCanvas(): void {
  if (typeof OffscreenCanvas === 'undefined') return;
  try {
    const context = new OffscreenCanvas(8, 8).getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.font = '8px sans-serif';
    context.fillText('字', 0, 8);
    context.getImageData(0, 0, 8, 8);
  } catch {
    // Only a head start: MapLibre makes its own canvas as before.
  }
}

/** Releases the kept context (the live map did not load, or did not take the canvas). */
export function discardEarlyCanvas(): void {
  const canvas = early;
  early = null;
  if (!canvas) return;
  try {
    canvas.getContext('webgl2', LIVE_MAP_CONTEXT)?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    // A context already lost or a canvas the browser let go of: nothing is held.
  }
}

/**
 * Runs `make` (the map's constructor), during which the first `document.createElement('canvas')`
 * returns the probe's canvas, if one is kept and its context is not lost. `document.createElement`
 * is the document's own again when `make` returns or throws; a kept canvas not taken is released.
 */
export function withEarlyCanvas<T>(make: () => T): T {
  const canvas = early;
  early = null;
  if (!canvas || canvas.getContext('webgl2', LIVE_MAP_CONTEXT)?.isContextLost() !== false) return make();
  const doc = document;
  let isTaken = false;
  const own = Object.getOwnPropertyDescriptor(doc, 'createElement');
  const native = doc.createElement;
  function handOff(this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    if (!isTaken && tagName.toLowerCase() === 'canvas') {
      isTaken = true;
      return canvas!;
    }
    return native.call(this, tagName, options);
  }
  // An own property shadows Document.prototype.createElement for the constructor's run only.
  Object.defineProperty(doc, 'createElement', { value: handOff, configurable: true, writable: true });
  try {
    return make();
  } finally {
    if (own) Object.defineProperty(doc, 'createElement', own);
    else delete (doc as { createElement?: unknown }).createElement;
    if (!isTaken) {
      early = canvas;
      discardEarlyCanvas();
    }
  }
}
