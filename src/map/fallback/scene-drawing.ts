import { MAX_ZOOM } from '../../contract/site';
import type { MapImage } from '../../domain/export-layout';
import { paddingBeside } from '../frame-padding';
import type { PrintFit } from '../map-engine';
import { MAX_FRAME_ZOOM, NO_PADDING, contains, viewBounds } from './projection';
import { RasterCache, svgDataUrl, svgTextAt, svgToPng } from './raster';
import { buildScene, type Scene, type SceneInput } from './scene';
import { toDom } from './svg-node';

/** A size in CSS pixels. */
type Size = { width: number; height: number };

/**
 * The fallback map's drawing in the page: the scene (scene.ts, pure) built from what the map holds
 * now and mounted in one <svg>, at most once per microtask, and its PNGs for image() and imageAt()
 * (export and print). FallbackMap (fallback-map.ts) holds the state and answers the reader.
 */
export class SceneDrawing {
  private readonly svg: SVGElement;
  private scene: Scene | null = null;
  private isScheduled = false;
  private size: Size = { width: 0, height: 0 };
  private pixelRatio: number | null = null;
  private readonly raster = new RasterCache<MapImage>(() => this.renderImage());

  /**
   * `input` gives the scene's input for a size from the map's state; `onDrawn` runs after each
   * drawing is in the page (the popups follow it).
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly input: (size: Size) => SceneInput,
    private readonly onDrawn: () => void,
  ) {
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    container.append(this.svg);
  }

  /** The <svg> the map is drawn in (clicks are read from it). */
  get element(): SVGElement {
    return this.svg;
  }

  /** The scene last put in the page, if any. */
  get current(): Scene | null {
    return this.scene;
  }

  /** Draws on the next microtask: the app's setAreas, setMarkers and frame of one render make one drawing. */
  schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    queueMicrotask(() => {
      if (this.isScheduled) this.drawNow();
    });
  }

  /**
   * Builds the scene and puts it in the page. The <svg> element stays (it may hold the keyboard's
   * focus): its attributes are set and its content replaced.
   */
  drawNow(): Scene {
    if (!this.isScheduled && this.scene) return this.scene;
    this.isScheduled = false;
    this.size = { width: this.container.clientWidth, height: this.container.clientHeight };
    const scene = buildScene(this.input(this.size));
    const fresh = toDom(scene.svg, document);
    // Only what the last scene set and this one does not is removed: what the page set on the element stays.
    for (const name of Object.keys(this.scene?.svg.attrs ?? {})) if (!fresh.hasAttribute(name)) this.svg.removeAttribute(name);
    for (const name of fresh.getAttributeNames()) this.svg.setAttribute(name, fresh.getAttribute(name) ?? '');
    this.svg.replaceChildren(...fresh.childNodes);
    this.scene = scene;
    this.onDrawn();
    this.raster.invalidate();
    return scene;
  }

  /** Resolves once what was asked for is drawn and its PNG made. */
  async whenIdle(): Promise<void> {
    if (this.isScheduled) this.drawNow();
    await this.raster.settled();
  }

  /** The pixel ratio of the PNGs image() returns (null: the screen's). */
  setPixelRatio(ratio: number | null): void {
    this.pixelRatio = ratio;
    this.raster.invalidate();
  }

  /** The last drawing as a PNG (whenIdle() waits for it); before the first, the SVG itself. */
  image(): MapImage {
    if (this.raster.latest) return this.raster.latest;
    const scene = this.drawNow();
    return { src: svgDataUrl(svgTextAt(scene.svg, 1)), ...this.imageView(scene) };
  }

  /** The view drawn afresh in a box of `width` × `height` CSS pixels at `ratio` (the paper's shape for printing). */
  async imageAt(width: number, height: number, ratio: number, fit: PrintFit | null): Promise<MapImage> {
    const current = this.drawNow();
    const bounds = viewBounds(current.projection, this.size);
    // The area as framed when it is all in view (the usual case), else exactly what is on screen.
    const legend = this.container.querySelector<HTMLElement>('.legend');
    const legendSize = legend && fit ? { width: legend.offsetWidth * fit.legendScale, height: legend.offsetHeight * fit.legendScale } : null;
    const view =
      fit && contains(bounds, fit.area)
        ? { kind: 'area' as const, bbox: fit.area, padding: paddingBeside(width, height, legendSize), maxZoom: MAX_FRAME_ZOOM }
        : { kind: 'area' as const, bbox: bounds, padding: NO_PADDING, maxZoom: MAX_ZOOM };
    const scene = buildScene({ ...this.input({ width, height }), view, focus: null });
    return { src: await svgToPng(scene.svg, ratio), cssWidth: width, cssHeight: height, zoom: scene.zoom, latitude: scene.latitude };
  }

  /** Takes the drawing out of the page. */
  remove(): void {
    this.svg.remove();
  }

  private imageView(scene: Scene): Omit<MapImage, 'src'> {
    return { cssWidth: this.size.width, cssHeight: this.size.height, zoom: scene.zoom, latitude: scene.latitude };
  }

  /** The last scene as the PNG image() returns: without the keyboard's focus outline, at the pixel ratio asked for. */
  private async renderImage(): Promise<MapImage | null> {
    const scene = this.scene;
    if (!scene || this.size.width === 0 || this.size.height === 0) return null;
    const input = this.input(this.size);
    const forImage = input.focus ? buildScene({ ...input, focus: null }) : scene;
    const src = await svgToPng(forImage.svg, this.pixelRatio ?? globalThis.devicePixelRatio ?? 1);
    return { src, ...this.imageView(scene) };
  }
}
