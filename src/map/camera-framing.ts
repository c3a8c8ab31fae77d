/**
 * How the live map frames what the app shows: an area (the county, a town, a village's
 * surroundings) or a tour stop's camera, clear of what floats over the map (frame-padding.ts),
 * animated unless the reader prefers reduced motion, and framed again when the floating parts
 * change size, unless the reader has moved the map since.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../contract/config';
import type { BBox } from '../contract/site';
import { clearPadding, measureFrame, mercatorAspect } from './frame-padding';

const FLY_DURATION_MS = 900;

/** The live map's framing: frame, flyTo and refit of the map engine. */
export class CameraFraming {
  /** The last area framed (and the tour's camera, if it was one), to frame again when what floats over the map changes size. */
  private lastFrame: { bbox: BBox; camera: Camera | null } | null = null;
  /** The reader has moved the map since it was last framed: it is not framed again under them. */
  private isMovedByReader = false;

  constructor(private readonly map: MapLibreMap) {
    // A move with an input event behind it is the reader's (a drag, a pinch, a wheel, the zoom keys or buttons).
    map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) this.isMovedByReader = true;
    });
  }

  /** Frames a bounding box (the county, a town or a village's surroundings). */
  frame(bbox: BBox, isAnimated: boolean): void {
    const [w, s, e, n] = bbox;
    const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.lastFrame = { bbox, camera: null };
    this.isMovedByReader = false;
    this.map.fitBounds([w, s, e, n], { padding: clearPadding(measureFrame(this.map.getContainer()), mercatorAspect(bbox)), duration: isAnimated && !reduceMotion ? FLY_DURATION_MS : 0, maxZoom: 14 });
  }

  /**
   * Flies to a configured camera (jumps under reduced motion or when not animated). A camera set
   * for a bigger screen than this one is zoomed out until `area` fits, so a stop never cuts its town.
   */
  flyTo(camera: Camera, area: BBox, isAnimated: boolean): void {
    const reduceMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const [w, s, e, n] = area;
    this.lastFrame = { bbox: area, camera };
    this.isMovedByReader = false;
    const fit = this.map.cameraForBounds([w, s, e, n], { padding: clearPadding(measureFrame(this.map.getContainer()), mercatorAspect(area)) });
    const tooClose = fit?.zoom !== undefined && fit.zoom < camera.zoom;
    const options = tooClose && fit?.center ? { center: fit.center, zoom: fit.zoom ?? camera.zoom, bearing: camera.bearing, pitch: camera.pitch } : { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
    if (isAnimated && !reduceMotion) this.map.flyTo({ ...options, duration: FLY_DURATION_MS * 2, essential: false });
    else this.map.jumpTo(options);
  }

  /** What floats over the map changed size: frame the last area again (at once), unless the reader has moved the map since. */
  refit(): void {
    if (!this.lastFrame || this.isMovedByReader || this.map.isMoving()) return;
    const { bbox, camera } = this.lastFrame;
    if (camera) this.flyTo(camera, bbox, false);
    else this.frame(bbox, false);
  }
}
