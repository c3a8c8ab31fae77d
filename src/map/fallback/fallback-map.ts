import type { FeatureCollection } from 'geojson';
import type { Camera } from '../../contract/config';
import type { BBox, SiteData } from '../../contract/site';
import type { MapImage } from '../../domain/export-layout';
import { t, type Lang } from '../../i18n';
import type { AreaStyle, ControlCorner, MapControl, MapEngine, MapEngineEvents, MapPopup, PrintFit } from '../map-engine';
import type { MarkerProjects, MarkerState } from '../marker-state';
import type { MapTheme } from '../style';
import { ControlCorners } from './control-corners';
import { clearPadding, measureFrame, mercatorAspect } from '../frame-padding';
import { pickCluster, pickMarker } from './markers-layer';
import { FallbackPopup, type Projector } from './popup';
import { MAX_FRAME_ZOOM, NO_PADDING, rewindForD3, viewFor, type Padding, type ViewTarget } from './projection';
import { areaElementId, type AreaRef, type PlacedArea } from './reading-order';
import { levelAreas, type Scene, type SceneInput } from './scene';
import { SceneDrawing } from './scene-drawing';

/** What the fallback draws from: the site data and the boundaries as GeoJSON (it reads no tile archive). */
export interface FallbackMapData {
  site: SiteData;
  towns: FeatureCollection | null;
  county: FeatureCollection | null;
}

/** A click on a cluster zooms in this many steps around it (as the live map). */
const CLUSTER_ZOOM_STEPS = 2;
let instances = 0;

/**
 * The map without WebGL: the same towns, villages, colours, labels, lag flags, selection and
 * project markers as the live map, drawn as SVG with d3-geo (scene.ts builds it, pure;
 * scene-drawing.ts mounts it and keeps a PNG of the last drawing for image()). This class holds
 * what the app set and answers the reader's clicks. Each view re-fits the projection to its area;
 * there is no free pan or zoom.
 */
export class FallbackMap implements MapEngine {
  private readonly idPrefix = `fallback-map-${++instances}`;
  private readonly drawing: SceneDrawing;
  private readonly corners: ControlCorners;
  private readonly popups = new Set<FallbackPopup>();
  private readonly resizeObserver: ResizeObserver | null;
  private readonly sceneBase: Pick<SceneInput, 'site' | 'boundaries'>;
  private areas: AreaStyle | null = null;
  private markers: SceneInput['markers'] = null;
  private theme: MapTheme = 'default';
  private focus: AreaRef | null = null;
  private title: string | null = null;
  private target: ViewTarget;
  private padding: Padding = NO_PADDING;
  private keyboardOn = true;

  private constructor(
    private readonly container: HTMLElement,
    data: FallbackMapData,
    private readonly events: MapEngineEvents,
    private lang: Lang,
  ) {
    if (!data.towns || !data.county) throw new Error('the fallback map needs the boundaries as GeoJSON (towns.geojson and county.geojson)');
    const towns = rewindForD3(data.towns);
    this.sceneBase = { site: data.site, boundaries: { towns: new Map(towns.features.map((f) => [Number(f.id), f])), county: rewindForD3(data.county) } };
    this.target = { kind: 'area', bbox: data.site.bbox, maxZoom: MAX_FRAME_ZOOM };
    container.classList.add('fallback-map');
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    container.style.overflow = 'hidden';
    this.drawing = new SceneDrawing(container, (size) => this.sceneInput(size), () => this.placePopups());
    this.corners = new ControlCorners(container);
    container.addEventListener('click', this.onClick);
    this.resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.resize()) : null;
    this.resizeObserver?.observe(container);
    this.padding = this.measurePadding();
    this.scheduleDraw();
  }

  /** Creates the map in `container` and resolves once it is drawn (as AtlasMap.create). */
  static async create(container: HTMLElement, data: FallbackMapData, events: MapEngineEvents, options: { lang: Lang }): Promise<FallbackMap> {
    const map = new FallbackMap(container, data, events, options.lang);
    await map.whenIdle();
    return map;
  }

  setAreas(style: AreaStyle): void {
    this.areas = style;
    this.scheduleDraw();
  }

  setMarkers(projects: MarkerProjects, state: MarkerState): Promise<void> {
    const { site } = this.sceneBase;
    const { tooltip, clusterTooltip, clusterLabel } = this.events;
    this.markers = { projects, state, categoryColours: site.config.categories.map((c) => c.colour), text: { tooltip, clusterTooltip, clusterLabel } };
    this.scheduleDraw();
    return Promise.resolve();
  }

  /** Frames a bounding box at once (the fallback does not animate). */
  frame(bbox: BBox, _isAnimated: boolean): void {
    this.target = { kind: 'area', bbox, maxZoom: MAX_FRAME_ZOOM };
    this.padding = this.measurePadding();
    this.scheduleDraw();
  }

  /** Goes to a tour stop's camera at once, north up (bearing and pitch are the live map's). */
  flyTo(camera: Camera, area: BBox, _isAnimated: boolean): void {
    this.target = { kind: 'camera', center: camera.center, zoom: camera.zoom, area };
    this.padding = this.measurePadding();
    this.scheduleDraw();
  }

  setTheme(theme: MapTheme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.container.dataset.theme = theme;
    this.scheduleDraw();
  }

  setPixelRatio(ratio: number | null): void {
    this.drawing.setPixelRatio(ratio);
  }

  /** The last drawing as a PNG (whenIdle() waits for it); before the first, the SVG itself. */
  image(): MapImage {
    return this.drawing.image();
  }

  imageAt(width: number, height: number, ratio: number, fit: PrintFit | null = null): Promise<MapImage> {
    return this.drawing.imageAt(width, height, ratio, fit);
  }

  whenIdle(): Promise<void> {
    return this.drawing.whenIdle();
  }

  /** What floats over the map changed size: the target is framed again (the fallback has no free pan to keep). */
  refit(): void {
    this.padding = this.measurePadding();
    this.scheduleDraw();
  }

  /** Padding that keeps the target's area clear of what floats over the map now. */
  private measurePadding(): Padding {
    const area = this.target.kind === 'area' ? this.target.bbox : this.target.area;
    return area ? clearPadding(measureFrame(this.container), mercatorAspect(area)) : NO_PADDING;
  }

  resize(): void {
    this.padding = this.measurePadding();
    this.scheduleDraw();
  }

  /** The fallback has no keys of its own to turn off; the flag is for the app's keyboard handling of the areas. */
  setKeyboard(isOn: boolean): void {
    this.keyboardOn = isOn;
  }

  /** Whether the map's keys are on (off while presenting). */
  get isKeyboardOn(): boolean {
    return this.keyboardOn;
  }

  createPopup(onClose: () => void): MapPopup {
    const popup = new FallbackPopup(this.container, this.projector(), () => t(this.lang, 'close'), onClose);
    this.popups.add(popup);
    return popup;
  }

  addControl(control: MapControl, corner: ControlCorner): void {
    this.corners.add(control, corner);
  }

  pickProject(x: number, y: number): number | null {
    const scene = this.drawing.current;
    return scene ? pickMarker(scene.drawn, x, y) : null;
  }

  /** The areas the keyboard moves between, west to east in rows from north to south: the towns, or the opened town's villages. */
  areasInReadingOrder(): PlacedArea[] {
    return levelAreas(this.sceneBase.site, this.areas);
  }

  /** Outlines an area as the keyboard's focus (null: none) and makes it the map's aria-activedescendant; returns its element's id. */
  focusArea(area: AreaRef | null): string | null {
    this.focus = area;
    this.scheduleDraw();
    return area ? areaElementId(this.idPrefix, area) : null;
  }

  /** The map's accessible name (its SVG <title>), e.g. what the legend says it shows. */
  setTitle(title: string): void {
    this.title = title;
    this.scheduleDraw();
  }

  /** The page's language, for the map's own words (the popup's close button, the default title). */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.scheduleDraw();
  }

  /** The fallback has no context to lose: `onLost` is never called. */
  onLost(_onLost: () => void): void {}

  /** Takes the map out of the page. */
  remove(): void {
    this.resizeObserver?.disconnect();
    this.container.removeEventListener('click', this.onClick);
    for (const p of this.popups) p.hide();
    this.corners.remove();
    this.drawing.remove();
    this.container.classList.remove('fallback-map');
  }

  private sceneInput(size: { width: number; height: number }): SceneInput {
    return {
      ...this.sceneBase,
      size,
      view: viewFor(this.target, size, this.padding),
      areas: this.areas,
      markers: this.markers,
      theme: this.theme,
      focus: this.focus,
      title: this.title ?? t(this.lang, 'mapRegion'),
      idPrefix: this.idPrefix,
    };
  }

  private projector(): Projector {
    const projection = this.drawing.current?.projection ?? null;
    return (lonLat) => projection?.(lonLat) ?? null;
  }

  /** The popups follow the drawing (their project's place moves with each view). */
  private placePopups(): void {
    const projector = this.projector();
    for (const p of this.popups) p.place(projector);
  }

  private scheduleDraw(): void {
    this.drawing.schedule();
  }

  private readonly onClick = (e: MouseEvent): void => {
    const scene = this.drawing.current;
    const svg = this.drawing.element;
    const target = e.target instanceof Element ? e.target : null;
    if (!scene || !target || !svg.contains(target)) return;
    const box = svg.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    // What is clicked is what is drawn on top there, as on the live map: a village's circle (drawn
    // over the markers), else a project marker or a cluster, else the town.
    const hit = target.closest<SVGElement>('[data-kind="town"], [data-kind="village"]');
    if (hit?.dataset.kind === 'village') {
      this.events.onVillage(Number(hit.dataset.id));
      return;
    }
    const cluster = pickCluster(scene.drawn, x, y);
    if (cluster !== null) {
      this.zoomInto(scene, x, y);
      return;
    }
    const project = pickMarker(scene.drawn, x, y);
    if (project !== null) {
      this.events.onClick(project);
      return;
    }
    if (hit?.dataset.kind === 'town') this.events.onTown(Number(hit.dataset.id));
    else this.events.onBackground();
  };

  /** A click on a cluster zooms in on it, as the live map does. */
  private zoomInto(scene: Scene, x: number, y: number): void {
    const at = scene.projection.invert?.([x, y]);
    if (!at) return;
    this.target = { kind: 'camera', center: [at[0], at[1]], zoom: Math.min(MAX_FRAME_ZOOM, scene.zoom + CLUSTER_ZOOM_STEPS), area: null };
    this.scheduleDraw();
  }
}
