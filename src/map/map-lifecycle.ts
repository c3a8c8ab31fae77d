/**
 * The live map's life once it is made: whether it started (an error before its first complete
 * frame means it did not), whether it lost its WebGL context, and its idle, which a removed map
 * never reaches.
 */
import type { ErrorEvent, Map as MapLibreMap } from 'maplibre-gl';
import { whenMapIdle } from './map-image';

export class MapLifecycle {
  private removed = false;
  /** MapLibre's 'load' has fired: the first complete frame is drawn (made at 'style.load', before it). */
  private hasLoaded = false;
  /** Who waits for the map's idle: told when the map is removed, whose idle would never come. */
  private readonly idleWaits: (() => void)[] = [];

  /** The map has been removed: it draws nothing more, and nothing may be added to it. */
  get isRemoved(): boolean {
    return this.removed;
  }

  constructor(private readonly map: MapLibreMap) {
    map.once('load', () => {
      this.hasLoaded = true;
    });
  }

  /**
   * Calls `onLost` once if the WebGL context is lost (the GPU reset, the tab was starved), or if an
   * error comes before the map's first complete frame (it did not start: a boundary that fails in
   * the worker): the app then draws the fallback.
   */
  onLost(onLost: () => void): void {
    let isLost = false;
    const lose = (): void => {
      if (isLost) return;
      isLost = true;
      this.map.off('error', failedToStart);
      onLost();
    };
    const failedToStart = (e: ErrorEvent): void => {
      // The reason stays in the console for whoever supports the site; the reader gets the fallback and its notice.
      console.warn('the interactive map did not start; drawing the simplified map instead', e.error);
      lose();
    };
    this.map.once('webglcontextlost', lose);
    // Not map.loaded(), which is also false whenever tiles are loading: only before the first 'load'.
    if (!this.hasLoaded) {
      this.map.once('error', failedToStart);
      this.map.once('load', () => this.map.off('error', failedToStart));
    }
  }

  remove(): void {
    this.removed = true;
    this.map.remove();
    for (const resolve of this.idleWaits.splice(0)) resolve();
  }

  /** Resolves after the map has finished drawing what it was given, or at once when it has been removed (it never will). */
  whenIdle(): Promise<void> {
    if (this.removed) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaits.push(resolve);
      void whenMapIdle(this.map).then(() => {
        const k = this.idleWaits.indexOf(resolve);
        if (k >= 0) this.idleWaits.splice(k, 1);
        resolve();
      });
    });
  }
}
