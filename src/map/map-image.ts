/**
 * Images of the live map for the PNG export and print: the canvas as drawn, or the view redrawn in
 * a box of the paper's shape at a given pixel ratio and put back as it was.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapImage } from '../domain/export-layout';
import { paddingBeside } from './frame-padding';
import type { PrintFit } from './map-engine';

/** Draws map and markers at this many device pixels per CSS pixel (null: the screen's). */
export function setMapPixelRatio(map: MapLibreMap, ratio: number | null): void {
  // The markers follow the canvas's size before each frame (ProjectsOverlay).
  map.setPixelRatio(ratio ?? globalThis.devicePixelRatio ?? 1);
}

/** Resolves after the map has finished drawing what it was given. */
export function whenMapIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve());
    else map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** The map as drawn now: a PNG data URL with its CSS size and camera (for a scale bar). */
export function mapImage(map: MapLibreMap): MapImage {
  const el = map.getContainer();
  return { src: map.getCanvas().toDataURL('image/png'), cssWidth: el.clientWidth, cssHeight: el.clientHeight, zoom: map.getZoom(), latitude: map.getCenter().lat };
}

/**
 * A PNG of the current view drawn in a box of `width` × `height` CSS pixels at `ratio` device
 * pixels each (the paper's shape for printing): the view's bounds are fitted into the box, the
 * image read, and the map put back as it was.
 */
export async function mapImageAt(map: MapLibreMap, width: number, height: number, ratio: number, fit: PrintFit | null): Promise<MapImage> {
  const el = map.getContainer();
  const bounds = map.getBounds();
  // The area as framed when it is all in view (the usual case), else exactly what is on screen.
  const [w, s, e, n] = fit?.area ?? [0, 0, 0, 0];
  const isAreaInView = fit !== null && bounds.contains([w, s]) && bounds.contains([e, n]);
  const legend = el.querySelector<HTMLElement>('.legend');
  const legendSize = legend && fit ? { width: legend.offsetWidth * fit.legendScale, height: legend.offsetHeight * fit.legendScale } : null;
  const camera = { center: map.getCenter(), zoom: map.getZoom() };
  const saved = { width: el.style.width, height: el.style.height };
  el.style.width = `${Math.round(width)}px`;
  el.style.height = `${Math.round(height)}px`;
  try {
    map.resize();
    setMapPixelRatio(map, ratio);
    if (isAreaInView) map.fitBounds([w, s, e, n], { padding: paddingBeside(width, height, legendSize), duration: 0, maxZoom: 14 });
    else map.fitBounds(bounds, { padding: 0, duration: 0 });
    await whenMapIdle(map);
    return mapImage(map);
  } finally {
    el.style.width = saved.width;
    el.style.height = saved.height;
    setMapPixelRatio(map, null);
    map.resize();
    map.jumpTo(camera);
    await whenMapIdle(map);
  }
}
