import type { Camera } from '../contract/config';
import type { BBox, LonLat } from '../contract/site';
import type { MapImage } from '../domain/export-layout';
import type { Lang } from '../i18n';
import type { MarkerEvents, MarkerProjects, MarkerState } from './marker-state';
import type { MapTheme } from './style';

/**
 * What the app asks of a map, whichever draws it: the live map (MapLibre and deck.gl, WebGL2;
 * atlas-map.ts) or the fallback (SVG through d3-geo, no WebGL; fallback/). Type-only: this file
 * loads nothing, so the fallback can be chosen without loading the live map's renderers.
 */

/** What the areas show: a colour per town and per village (null = no data) and the selection. */
export interface AreaStyle {
  townColours: readonly (string | null)[];
  villageColours: readonly (string | null)[];
  selectedTown: number | null;
  selectedVillage: number | null;
  /** Towns and villages flagged as behind plan beyond the threshold. */
  laggingTowns: ReadonlySet<number>;
  laggingVillages: ReadonlySet<number>;
  /** The colour of an area without data: the scale's (ColorScale.noData.color). Towns are hatched over it. */
  noDataColour: string;
}

/** One area of the map, as the keyboard and the live region name it. */
export interface AreaRef {
  kind: 'town' | 'village';
  /** The index in site.towns or site.villages. */
  id: number;
}

/** An area with the point its label is drawn at. */
export interface PlacedArea extends AreaRef {
  name: string;
  point: LonLat;
}

/** What a click on the map tells the app (and the markers' texts it asks for). */
export interface MapEngineEvents extends MarkerEvents {
  onTown(id: number): void;
  onVillage(id: number): void;
  /** A click on the map that hit nothing of ours. */
  onBackground(): void;
}

/** How a printed map frames its area: the area, and the legend's printed size relative to the screen's. */
export interface PrintFit {
  area: BBox;
  /** The printed legend's size over its size on screen (its type is set smaller on paper). */
  legendScale: number;
}

/** The project popup: one at a time, anchored at a point of the map. */
export interface MapPopup {
  show(lonLat: [number, number], content: HTMLElement): void;
  hide(): void;
}

/** A widget over the map (the legend): its element, added to a corner and removed again. */
export interface MapControl {
  onAdd(): HTMLElement;
  onRemove(): void;
}

export type ControlCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** The map as the app drives it. */
export interface MapEngine {
  /** Colours towns and villages and marks the selection and the lagging areas. */
  setAreas(style: AreaStyle): void;
  /** Shows these projects as markers (clusters where many share little room), in the state of the month. */
  setMarkers(projects: MarkerProjects, state: MarkerState): Promise<void>;
  /** Frames a bounding box (the county, a town or a village's surroundings). */
  frame(bbox: BBox, isAnimated: boolean): void;
  /** Goes to a configured camera; zoomed out until `area` fits where the screen is smaller than the camera was set for. */
  flyTo(camera: Camera, area: BBox, isAnimated: boolean): void;
  /** What floats over the map (legend, controls, time bar, sheet) changed size: frames the last area again, unless the reader has moved the map since. */
  refit(): void;
  /** The everyday look or the projector theme (thicker lines, larger labels). */
  setTheme(theme: MapTheme): void;
  /** Draws at this many device pixels per CSS pixel (null: the screen's), e.g. 2 for an export. */
  setPixelRatio(ratio: number | null): void;
  /** The map as drawn now: a PNG data URL with its CSS size and camera (for a scale bar). */
  image(): MapImage;
  /** A PNG of the view drawn in a box of `width` × `height` CSS pixels at `ratio` (the paper's shape for print). */
  imageAt(width: number, height: number, ratio: number, fit?: PrintFit | null): Promise<MapImage>;
  /** Resolves after the map has finished drawing what it was given (image() then returns it); at once for a map that has been removed. */
  whenIdle(): Promise<void>;
  /** Measures the container again and redraws at its new size. */
  resize(): void;
  /** Turns the map's own keys on or off (off while presenting: the arrows move the tour). */
  setKeyboard(isOn: boolean): void;
  /** The popup a project's disclosure opens in; `onClose` runs when the reader closes it. */
  createPopup(onClose: () => void): MapPopup;
  /** Puts a widget (the legend) in a corner of the map. */
  addControl(control: MapControl, corner: ControlCorner): void;
  /** The project whose marker is at a point of the map (CSS pixels from its top left), for tests. */
  pickProject(x: number, y: number): number | null;
  /** The areas the keyboard moves between, rows north to south, each west to east: the towns, or the opened town's villages. */
  areasInReadingOrder(): PlacedArea[];
  /** Outlines an area as the keyboard's focus (null: none). */
  focusArea(area: AreaRef | null): unknown;
  /** The page's language, for the map's own words. */
  setLang(lang: Lang): void;
  /** Calls `onLost` when the map can no longer draw (its WebGL context was lost) or did not start (an error before its first complete frame); never for the fallback. */
  onLost(onLost: () => void): void;
  /** Takes the map out of its container. */
  remove(): void;
}
