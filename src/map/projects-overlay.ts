import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CategoryConfig } from '../contract/config';
import { projectPoints, type ProjectPoints } from '../domain/clusters';
import { hexToRgba } from './colour';
import { MarkerChoice, type Drawn } from './marker-choice';
import { clusterLayerData, projectLayers, type ClusterLayerData } from './marker-layers';
import { pickCluster, pickMarker } from './marker-picking';
import type { MarkerEvents, MarkerProjects, MarkerState } from './marker-state';
import { LAYER, isDrawnAt } from './style';

/**
 * deck.gl project markers and relocation arcs, interleaved below the map's labels: the overlay on
 * the map, its tooltip and what the pointer is over. Markers go to deck.gl as typed arrays
 * (marker-layers.ts), and when more than INDIVIDUAL_LIMIT projects are in view they are drawn as
 * grid clusters (marker-choice.ts), so what is drawn, hit-tested and uploaded follows the screen,
 * not the size of the data. Interleaved deck.gl receives no pointer events, so hover and click are
 * hit-tested on the CPU against the same radii the layers draw (marker-picking.ts).
 */
export class ProjectsOverlay {
  private readonly overlay: MapLibreOverlay;
  private readonly categoryRgba: [number, number, number, number][];
  private points: ProjectPoints;
  private readonly choice: MarkerChoice;
  private drawn: Drawn = { kind: 'markers', indexes: [] };
  private state: MarkerState | null = null;
  private clusterData: ClusterLayerData | null = null;
  private readonly tooltip: HTMLDivElement;
  private hovered: number | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private projects: MarkerProjects,
    categories: readonly CategoryConfig[],
    private readonly events: MarkerEvents,
  ) {
    this.categoryRgba = categories.map((c) => hexToRgba(c.colour));
    this.points = projectPoints(projects.lon, projects.lat, projects.budgetWan);
    this.choice = new MarkerChoice(map, this.points);
    this.overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(this.overlay);
    // deck.gl draws into the map's canvas but sizes its drawing buffer from the canvas's CSS size and
    // the screen's pixel ratio (a ResizeObserver), so it misses map.setPixelRatio (2× export, print)
    // and can lag a resize: its markers would be drawn at the old size into a corner. Before every
    // frame, a custom layer sets deck's buffer to the map canvas's size (a no-op when they agree).
    map.addLayer({ id: 'deck-canvas-size', type: 'custom', renderingMode: '2d', prerender: () => this.followMapCanvas(), render: () => undefined });
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'project-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    map.getContainer().append(this.tooltip);
    map.on('mousemove', (e) => this.hover(e.point.x, e.point.y));
    map.on('mouseout', () => this.hideTooltip());
    map.on('movestart', () => this.hideTooltip());
    // Only a large set depends on the view: what is in view, or the zoom step of the clusters.
    map.on('moveend', () => {
      if (this.state && this.choice.followsView(this.state.visible)) this.redraw();
    });
  }

  private followMapCanvas(): void {
    const canvas = this.map.getCanvas();
    deckCanvasContext(this.overlay)?.setDrawingBufferSize(canvas.width, canvas.height);
  }

  private hideTooltip(): void {
    this.hovered = null;
    this.map.getCanvas().style.cursor = '';
    this.tooltip.hidden = true;
  }

  private hover(x: number, y: number): void {
    const project = this.pick(x, y);
    const cluster = project === null ? this.pickCluster(x, y) : null;
    this.hovered = project;
    if (project === null && cluster === null) {
      this.hideTooltip();
      return;
    }
    this.map.getCanvas().style.cursor = 'pointer';
    const set = this.drawn.kind === 'clusters' ? this.drawn.set : null;
    this.tooltip.textContent = project !== null ? this.events.tooltip(project) : set && cluster !== null ? this.events.clusterTooltip(set.count[cluster] ?? 0, set.budgetWan[cluster] ?? 0) : '';
    this.tooltip.hidden = false;
    this.tooltip.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 14)}px)`;
  }

  /** The project under the pointer, if any (the last drawn wins, as on screen). */
  get hoveredProject(): number | null {
    return this.hovered;
  }

  /** What is drawn: 'markers' with their count, or 'clusters' with theirs (for tests and benchmarks). */
  get drawnSummary(): { kind: 'markers' | 'clusters'; symbols: number; projects: number } {
    return this.drawn.kind === 'markers'
      ? { kind: 'markers', symbols: this.drawn.indexes.length, projects: this.drawn.indexes.length }
      : { kind: 'clusters', symbols: this.drawn.set.length, projects: this.drawn.set.members.length };
  }

  /** The projects the indexes of MarkerState point into (they change as towns' projects load). */
  setProjects(projects: MarkerProjects): void {
    if (projects === this.projects) return;
    this.projects = projects;
    this.points = projectPoints(projects.lon, projects.lat, projects.budgetWan);
    this.choice.setPoints(this.points);
    this.drawn = { kind: 'markers', indexes: [] };
    this.clusterData = null;
    this.hideTooltip();
  }

  /** Redraws from state; layer ids are stable, so deck.gl diffs rather than rebuilds. */
  update(state: MarkerState): void {
    this.state = state;
    this.redraw();
  }

  private redraw(): void {
    const state = this.state;
    if (!state) return;
    this.drawn = this.choice.choose(state.visible);
    const drawn = this.drawn;
    // The same cluster set keeps the same data objects, so a month step does not lay the labels out again.
    if (drawn.kind === 'clusters' && this.clusterData?.set !== drawn.set) this.clusterData = clusterLayerData(drawn.set);
    const layers = projectLayers({
      projects: this.projects,
      points: this.points,
      categoryRgba: this.categoryRgba,
      state,
      indexes: drawn.kind === 'markers' ? drawn.indexes : [],
      clusters: drawn.kind === 'clusters' ? this.clusterData : null,
      clusterLabel: (count) => this.events.clusterLabel(count),
    });
    this.overlay.setProps({ layers });
    // @deck.gl/maplibre slots layers into the style only while the style reports loaded; until
    // then they would draw on top of the labels. Slot them in once the map settles.
    if (!this.map.isStyleLoaded()) this.map.once('idle', () => this.overlay.setProps({ layers }));
  }

  /** The project drawn on top at a point of the map container (CSS pixels), or null. */
  pick(x: number, y: number): number | null {
    const project = pickMarker(this.map, this.points, this.drawn, x, y);
    if (project === null) return null;
    // A village's circle is drawn over the markers (its value always shows): where one is, it is
    // what a click or the pointer finds, not a project beneath it. Asked only over a marker: the
    // pointer's every move comes here.
    const zoom = this.map.getZoom();
    return this.map.queryRenderedFeatures([x, y], { layers: [LAYER.villageCircle] }).some((f) => isDrawnAt(f, zoom)) ? null : project;
  }

  /** The cluster drawn at a point of the map container, or null. */
  pickCluster(x: number, y: number): number | null {
    return pickCluster(this.map, this.drawn, x, y);
  }

  /** A click on a cluster zooms in on it, two steps; true when there was one. */
  zoomIntoCluster(x: number, y: number): boolean {
    const k = this.pickCluster(x, y);
    if (k === null || this.drawn.kind !== 'clusters') return false;
    const set = this.drawn.set;
    this.map.easeTo({ center: [set.lon[k]!, set.lat[k]!], zoom: Math.min(this.map.getMaxZoom(), set.zoom + 2) });
    return true;
  }

  remove(map: MapLibreMap): void {
    map.removeControl(this.overlay);
  }
}

interface DeckCanvasContext {
  setDrawingBufferSize(width: number, height: number): void;
}

/**
 * The canvas context of the overlay's deck.gl instance. @deck.gl/maplibre keeps the instance private
 * (`_deck`) and drops `useDevicePixels` in interleaved mode, so there is no public way to size its
 * buffer; this is the one place that reaches in, and the 2× export test fails if it stops working.
 */
function deckCanvasContext(overlay: MapLibreOverlay): DeckCanvasContext | null {
  const deck = (overlay as unknown as { _deck?: { device?: { getDefaultCanvasContext?: () => Partial<DeckCanvasContext> } } })._deck;
  const context = deck?.device?.getDefaultCanvasContext?.();
  return context && typeof context.setDrawingBufferSize === 'function' ? (context as DeckCanvasContext) : null;
}
