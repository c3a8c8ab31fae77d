/**
 * Which map draws the atlas: the live map (MapLibre and deck.gl, WebGL2) where WebGL2 works, else
 * the fallback (SVG through d3-geo, src/map/fallback/). Both are loaded as chunks of their own, so
 * the page's first chunk carries neither renderer, and a browser without WebGL never fetches MapLibre.
 */
import type { Lang } from '../i18n';
import type { MapEngine, MapEngineEvents } from '../map/map-engine';
import type { LoadedData } from './load';

/** The chosen map, and the live map's MapLibre handle for tests (null on the fallback). */
export interface ChosenEngine {
  engine: MapEngine;
  isFallback: boolean;
  handle: unknown;
}

/** True when this browser gives a canvas a WebGL2 context (the probe's context is released at once). */
export function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/**
 * The live map where WebGL2 exists and the map starts; otherwise the fallback. A live map that
 * fails to start is taken out of the container (with whatever MapLibre left in it) first.
 */
export async function chooseEngine(container: HTMLElement, data: LoadedData, events: MapEngineEvents, lang: Lang): Promise<ChosenEngine> {
  if (hasWebGL2()) {
    const className = container.className;
    try {
      const { AtlasMap } = await import('../map/atlas-map');
      const live = await AtlasMap.create(container, data, events);
      return { engine: live, isFallback: false, handle: live.handle };
    } catch (e) {
      // The reason stays in the console for whoever supports the site; the reader gets the fallback and its notice.
      console.warn('the interactive map did not start; drawing the simplified map instead', e);
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
