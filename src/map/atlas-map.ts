import { Map as MapLibreMap, NavigationControl, ScaleControl, addProtocol, prewarm, setWorkerUrl, type ErrorEvent, type FeatureIdentifier, type MapOptions } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { Camera } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
import { MAX_ZOOM, type BBox, type SiteData } from '../contract/site';
import type { MapImage } from '../domain/export-layout';
import { basemapStyle } from './basemap';
import { CameraFraming } from './camera-framing';
import { BOUNDARY_TILE_LAYER, PMTILES_PROTOCOL, pmtilesTileLoader, type BoundaryTiles } from './boundary-tiles';
import { clearPadding, measureFrame, mercatorAspect } from './frame-padding';
import { hatchImage } from './hatch';
import { ProjectPopup } from './project-popup';
import { t, type Lang } from '../i18n';
import { FocusOutline, addFocusLayers, areasInReadingOrder } from './keyboard-focus';
import type { AreaRef, AreaStyle, ControlCorner, MapControl, MapEngine, MapEngineEvents, MapPopup, PlacedArea, PrintFit } from './map-engine';
import { mapImage, mapImageAt, setMapPixelRatio } from './map-image';
import { MapLifecycle } from './map-lifecycle';
import type { MarkerProjects, MarkerState } from './marker-state';
import type { ProjectsOverlay } from './projects-overlay';
import { HATCH_IMAGE, LAYER, SOURCE, VILLAGES_EVERYWHERE_ZOOM, atlasStyle, isDrawnAt, themeProperties, type MapTheme } from './style';
import { LIVE_MAP_CONTEXT, withEarlyCanvas } from './canvas-head-start';
import { withEarlyWorker } from './worker-head-start';
import { workerUrl } from './worker-url';

setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's workers now (the app calls it as this chunk arrives), the first of them the one
 * the app started before this chunk came (worker-head-start.ts), so they load while the page is laid
 * out, before the map asks.
 */
export function prewarmLiveMap(): void {
  withEarlyWorker(() => prewarm());
}

/** Font for Chinese labels, drawn locally: no glyph server, no request off the page's origin. */
const LOCAL_IDEOGRAPH_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export interface AtlasMapData {
  site: SiteData;
  /** The boundaries as GeoJSON; null when they are read from `boundaryTiles`. */
  towns: FeatureCollection | null;
  county: FeatureCollection | null;
  /** The deployment's boundary archive (a `--tiles` build, src/map/boundary-tiles.ts): drawn instead of the GeoJSON. */
  boundaryTiles?: BoundaryTiles | null;
}

/** What a click on the live map tells the app (the engine's events). */
export type AtlasMapEvents = MapEngineEvents;

export type { AreaStyle, PrintFit };

/** The atlas map: a maplibre map with the county, towns, villages and deck.gl project markers. */
export class AtlasMap implements MapEngine {
  /** The markers: deck.gl loads the first time a view has projects to draw (not for the county's first view). */
  private overlay: Promise<ProjectsOverlay | null> | null = null;
  private overlayNow: ProjectsOverlay | null = null;
  private lastArea: AreaStyle | null = null;
  private theme: MapTheme = 'default';
  /** The page's language (setLang), for the words of MapLibre's controls and popup. */
  private lang: Lang = 'zh';
  private readonly focus: FocusOutline;
  private readonly framing: CameraFraming;
  private readonly life: MapLifecycle;

  private constructor(
    readonly map: MapLibreMap,
    private readonly data: AtlasMapData,
    private readonly events: AtlasMapEvents,
  ) {
    this.life = new MapLifecycle(map);
    this.focus = new FocusOutline(map, data.site, data.boundaryTiles ?? null);
    this.framing = new CameraFraming(map);
    const clickable = [LAYER.villageCircle, LAYER.townFill, LAYER.townNoData];
    map.on('click', (e) => {
      // What is clicked is what is drawn on top there: a project marker or a cluster (the overlay's
      // pick leaves out a marker beneath a village's circle), else the village or the town below.
      if (e.defaultPrevented) return;
      const project = this.overlayNow?.pick(e.point.x, e.point.y) ?? null;
      if (project !== null) {
        events.onClick(project);
        return;
      }
      if (this.overlayNow?.zoomIntoCluster(e.point.x, e.point.y)) return;
      const hit = map.queryRenderedFeatures(e.point, { layers: clickable }).find((f) => isDrawnAt(f, map.getZoom()));
      if (hit?.layer.id === LAYER.villageCircle) events.onVillage(Number(hit.id));
      else if (hit) events.onTown(Number(hit.id));
      else events.onBackground();
    });
  }

  /**
   * Creates the map in `container` and resolves once its style has loaded, before its tiles have
   * been laid out: the app colours the areas then, so the first complete frame is already the
   * coloured one (resolving at 'load', after that first frame, cost SwiftShader three more frames).
   */
  static async create(container: HTMLElement, data: AtlasMapData, events: AtlasMapEvents): Promise<AtlasMap> {
    const [w, s, e, n] = data.site.bbox;
    // The archive's tiles come through the PMTiles reader, which must answer before the style asks.
    if (data.boundaryTiles) addProtocol(PMTILES_PROTOCOL, await pmtilesTileLoader());
    const options: MapOptions = {
      container,
      style: atlasStyle(data.site, data.towns, data.county, data.boundaryTiles ?? null),
      bounds: [w, s, e, n],
      fitBoundsOptions: { padding: clearPadding(measureFrame(container), mercatorAspect(data.site.bbox)) },
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
      attributionControl: basemapStyle(data.site.config.basemap).attribution ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: MAX_ZOOM,
      // Labels appear at once rather than fading in for 300 ms: the map is ready (data-ready,
      // exports, prints, tour stops) as soon as it is drawn, not a fade later.
      fadeDuration: 0,
      canvasContextAttributes: LIVE_MAP_CONTEXT,
    };
    // The WebGL2 probe's canvas, its context already made (canvas-head-start.ts): the options are
    // worked out first, so the only canvas asked for while it is on offer is MapLibre's own.
    const map = withEarlyCanvas(() => new MapLibreMap(options));
    // The hatch must exist before the first frame asks for it.
    map.setMissingStyleImageResolver((id) => {
      if (id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
    });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    return new Promise((resolve, reject) => {
      const failed = (e: ErrorEvent): void => {
        map.remove();
        reject(e.error);
      };
      map.once('error', failed);
      map.once('style.load', () => {
        map.off('error', failed);
        addFocusLayers(map, data.boundaryTiles ?? null);
        resolve(new AtlasMap(map, data, events));
      });
    });
  }

  /** Colours towns and villages through feature state; geometry is uploaded once. */
  setAreas(style: AreaStyle): void {
    const { site } = this.data;
    const prev = this.lastArea;
    // A vector source keeps feature state per layer of its tiles.
    const town = (id: number): FeatureIdentifier => (this.data.boundaryTiles ? { source: SOURCE.towns, sourceLayer: BOUNDARY_TILE_LAYER.towns, id } : { source: SOURCE.towns, id });
    site.towns.forEach((t) => {
      const colour = style.townColours[t.id] ?? null;
      const isDim = style.selectedTown !== null && style.selectedTown !== t.id;
      const isSelected = style.selectedTown === t.id;
      const isLagging = style.laggingTowns.has(t.id);
      if (prev && prev.townColours[t.id] === colour && (prev.selectedTown === t.id) === isSelected && (prev.selectedTown !== null && prev.selectedTown !== t.id) === isDim && prev.laggingTowns.has(t.id) === isLagging) return;
      this.map.setFeatureState(town(t.id), { color: colour ?? undefined, hasData: colour !== null, dim: isDim, selected: isSelected, lagging: isLagging });
    });
    site.villages.forEach((v) => {
      if (!v.point) return;
      const colour = style.villageColours[v.id] ?? null;
      const isVisible = style.selectedTown === v.townId;
      this.map.setFeatureState(
        { source: SOURCE.villages, id: v.id },
        { color: colour ?? style.noDataColour, visible: isVisible, selected: style.selectedVillage === v.id, lagging: style.laggingVillages.has(v.id) },
      );
    });
    // A layer with nothing to draw is left out: MapLibre then neither lays it out nor compiles its
    // shaders (tens of ms each on a software GPU) until it has something to show.
    this.show(LAYER.townNoData, style.townColours.some((c) => c === null));
    this.show(LAYER.townLagging, style.laggingTowns.size > 0);
    this.show(LAYER.townSelected, style.selectedTown !== null);
    // Below VILLAGES_EVERYWHERE_ZOOM a village is drawn only in the opened town.
    const villagesFrom = style.selectedTown === null ? VILLAGES_EVERYWHERE_ZOOM : 0;
    if (this.map.getLayer(LAYER.villageCircle)?.minzoom !== villagesFrom) this.map.setLayerZoomRange(LAYER.villageCircle, villagesFrom, 24);
    this.map.setFilter(
      LAYER.villageLabel,
      style.selectedTown === null ? ['>=', ['zoom'], VILLAGES_EVERYWHERE_ZOOM] : ['any', ['==', ['get', 'townId'], style.selectedTown], ['>=', ['zoom'], VILLAGES_EVERYWHERE_ZOOM]],
    );
    this.lastArea = { ...style };
  }

  /** Shows or hides a layer (MapLibre does nothing when it already is so). */
  private show(layer: string, isShown: boolean): void {
    this.map.setLayoutProperty(layer, 'visibility', isShown ? 'visible' : 'none');
  }

  /** Draws map and markers at this many device pixels per CSS pixel (null: the screen's), e.g. 2 for a print-quality export. */
  setPixelRatio(ratio: number | null): void {
    setMapPixelRatio(this.map, ratio);
  }

  /** The map as drawn now: a PNG data URL with its CSS size and camera (for a scale bar). */
  image(): MapImage {
    return mapImage(this.map);
  }

  /** A PNG of the current view in a box of `width` × `height` CSS pixels at `ratio` (the paper's shape for printing); the map is put back as it was. */
  imageAt(width: number, height: number, ratio: number, fit: PrintFit | null = null): Promise<MapImage> {
    return mapImageAt(this.map, width, height, ratio, fit);
  }

  /** Measures the container again (the layout around the map changed) and redraws at its new size. */
  resize(): void {
    // At the same size MapLibre would still reallocate its canvas (clearing it) and draw again.
    const container = this.map.getContainer();
    const canvas = this.map.getCanvas();
    if (canvas.style.width === `${Math.floor(container.clientWidth)}px` && canvas.style.height === `${Math.floor(container.clientHeight)}px`) return;
    this.map.resize();
  }

  /** Turns the map's own arrow and +/− keys on or off (off while presenting: the arrows move the tour). */
  setKeyboard(isOn: boolean): void {
    if (isOn) this.map.keyboard.enable();
    else this.map.keyboard.disable();
  }

  /** The popup a project's disclosure opens in; `onClose` runs when the reader closes it. */
  createPopup(onClose: () => void): MapPopup {
    return new ProjectPopup(this.map, onClose, () => t(this.lang, 'close'));
  }

  /** The maplibre map itself, for browser tests and tools (`window.cunhu.map`); the page uses the methods above. */
  get handle(): MapLibreMap {
    return this.map;
  }

  /** Switches between the everyday look and the projector theme (thicker lines, larger labels). */
  setTheme(theme: MapTheme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    for (const p of themeProperties(theme)) {
      // Names typed as strings in ThemeProperty; maplibre validates them against the style spec.
      if (p.kind === 'paint') this.map.setPaintProperty(p.layer, p.name as never, p.value as never);
      else this.map.setLayoutProperty(p.layer, p.name as never, p.value as never);
    }
    this.map.getContainer().dataset.theme = theme;
  }

  /**
   * Shows these projects as markers, in the state of the month. deck.gl (its own chunk) is fetched
   * the first time there is something to draw; the overlay is added after the map's load, so its
   * layers go below the labels.
   */
  async setMarkers(projects: MarkerProjects, state: MarkerState): Promise<void> {
    if (!this.overlay && state.visible.length === 0) return;
    this.overlay ??= import('./projects-overlay').then(({ ProjectsOverlay }) => {
      // The map was removed while deck.gl loaded (it lost its context, or did not start): nothing to draw on.
      if (this.life.isRemoved) return null;
      this.overlayNow = new ProjectsOverlay(this.map, projects, this.data.site.config.categories, this.events);
      return this.overlayNow;
    });
    const overlay = await this.overlay;
    if (!overlay || this.life.isRemoved) return;
    overlay.setProjects(projects);
    overlay.update(state);
  }

  /** Frames a bounding box (the county, a town or a village's surroundings). */
  frame(bbox: BBox, isAnimated: boolean): void {
    this.framing.frame(bbox, isAnimated);
  }

  /** Flies to a configured camera, zoomed out until `area` fits on a smaller screen (camera-framing.ts). */
  flyTo(camera: Camera, area: BBox, isAnimated: boolean): void {
    this.framing.flyTo(camera, area, isAnimated);
  }

  /** What floats over the map changed size: frame the last area again (at once), unless the reader has moved the map since. */
  refit(): void {
    this.framing.refit();
  }

  addControl(control: MapControl, position: ControlCorner): void {
    this.map.addControl(control, position);
  }

  /** The areas the keyboard moves between, from the site data's label points: the towns, or the opened town's villages. */
  areasInReadingOrder(): PlacedArea[] {
    return areasInReadingOrder(this.data.site, this.lastArea?.selectedTown ?? null);
  }

  /** Outlines an area as the keyboard's focus (a line or ring layer keyed on feature state `focused`), and pans it into view if it is off screen. */
  focusArea(area: AreaRef | null): void {
    this.focus.focus(area);
  }

  /** The page's language, for the map's own words: MapLibre's controls and popup are labelled in English, made once. */
  setLang(lang: Lang): void {
    this.lang = lang;
    const box = this.map.getContainer();
    const label = (el: Element | null, text: string): void => {
      el?.setAttribute('title', text);
      el?.setAttribute('aria-label', text);
    };
    label(box.querySelector('.maplibregl-ctrl-zoom-in'), t(lang, 'zoomIn'));
    label(box.querySelector('.maplibregl-ctrl-zoom-out'), t(lang, 'zoomOut'));
    this.map.getCanvas().setAttribute('aria-label', t(lang, 'mapRegion'));
    for (const close of box.querySelectorAll('.maplibregl-popup-close-button')) close.setAttribute('aria-label', t(lang, 'close'));
  }

  /** Calls `onLost` once if the map loses its WebGL context or does not start (MapLifecycle): the app then draws the fallback. */
  onLost(onLost: () => void): void {
    this.life.onLost(onLost);
  }

  remove(): void {
    this.life.remove();
  }

  /** Resolves after the map has finished drawing what it was given (at once once it is removed). */
  whenIdle(): Promise<void> {
    return this.life.whenIdle();
  }

  /** The project marker at a screen point (for tests). */
  pickProject(x: number, y: number): number | null {
    return this.overlayNow?.pick(x, y) ?? null;
  }
}
