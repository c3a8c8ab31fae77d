/**
 * Which map draws the atlas: the live map (MapLibre and deck.gl, WebGL2) where WebGL2 works, else
 * the fallback (SVG through d3-geo, src/map/fallback/). Both are loaded as chunks of their own, so
 * the page's first chunk carries neither renderer, and a browser without WebGL never fetches MapLibre.
 */
import type { Lang } from '../i18n';
import type { MapEngine, MapEngineEvents } from '../map/map-engine';
import type { LoadedData } from './load';
import { discardEarlyCanvas, probeWebGL2, warmGlyphCanvas } from '../map/canvas-head-start';
import { discardEarlyWorker, startMapWorker } from '../map/worker-head-start';

/** The chosen map, and the live map's MapLibre handle for tests (null on the fallback). */
export interface ChosenEngine {
  engine: MapEngine;
  isFallback: boolean;
  handle: unknown;
}

type LiveMapModule = typeof import('../map/atlas-map');

/** The live map's module, asked for at most once: null where WebGL2 does not work (it is never fetched there). */
let liveMap: Promise<LiveMapModule> | null | undefined;

/**
 * Starts loading the live map (MapLibre's worker, then its chunk) where WebGL2 works, so both
 * arrive while the site data loads and the page is laid out, not after; the first map asks for
 * the same module. Call it first thing: the WebGL2 probe then runs while the site data downloads.
 */
export function preloadLiveMap(): void {
  if (liveMap !== undefined) return;
  // The probe's canvas and context are kept for the live map (src/map/canvas-head-start.ts).
  if (!probeWebGL2()) {
    liveMap = null;
    return;
  }
  // MapLibre's worker first: it starts while the page's code runs, and MapLibre takes it when its chunk has loaded.
  startMapWorker();
  liveMap = import('../map/atlas-map').then((module) => {
    module.prewarmLiveMap();
    return module;
  });
  // A failed load is handled where the map is made (the fallback draws); not an unhandled rejection meanwhile.
  liveMap.catch(() => {
    discardEarlyWorker();
    discardEarlyCanvas();
  });
  // The 2D canvas context the labels' glyphs are drawn on, made while the GPU process is not yet
  // busy (after the chunk is asked for, so its download starts first).
  warmGlyphCanvas();
}

/**
 * The live map where WebGL2 exists and the map starts; otherwise the fallback. A live map that
 * fails to start is taken out of the container (with whatever MapLibre left in it) first.
 */
export async function chooseEngine(container: HTMLElement, data: LoadedData, events: MapEngineEvents, lang: Lang): Promise<ChosenEngine> {
  preloadLiveMap();
  if (liveMap) {
    const className = container.className;
    try {
      const { AtlasMap } = await liveMap;
      const live = await AtlasMap.create(container, data, events);
      return { engine: live, isFallback: false, handle: live.handle };
    } catch (e) {
      // The reason stays in the console for whoever supports the site; the reader gets the fallback and its notice.
      console.warn('the interactive map did not start; drawing the simplified map instead', e);
      discardEarlyCanvas();
      container.replaceChildren();
      container.className = className;
    }
  }
  return { engine: await createFallback(container, data, events, lang), isFallback: true, handle: null };
}

/** The fallback map, with the boundaries as GeoJSON (fetched now if the page read tiles). */
export async function createFallback(container: HTMLElement, data: LoadedData, events: MapEngineEvents, lang: Lang): Promise<MapEngine> {
  const [{ towns, county }, { FallbackMap }] = await Promise.all([data.boundaries(), import('../map/fallback/fallback-map')]);
  return FallbackMap.create(container, { site: data.site, towns, county }, events, { lang });
}
