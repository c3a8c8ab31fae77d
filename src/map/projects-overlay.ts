import { ArcLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CategoryConfig } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
import { INDIVIDUAL_LIMIT, gridClusters, projectPoints, projectsInBox, type ClusterSet, type ProjectPoints } from '../domain/clusters';
import { hexToRgba } from './colour';
import { LAG_FLAG_COLOUR, LAYER } from './style';

/**
 * Marker radius in metres for a budget of 1 万元; a marker's area is proportional to its budget and
 * to the map's scale, so the county view stays readable and a village view shows every project.
 */
const METRES_PER_SQRT_WAN = 30;
const MIN_RADIUS_PX = 2;
const MAX_RADIUS_PX = 22;
/** Arcs are context, not the message: drawn translucent so the choropleth shows through. */
const ARC_ALPHA = 140;

function withAlpha([r, g, b]: [number, number, number, number], a: number): [number, number, number, number] {
  return [r, g, b, a];
}

/** The prop @deck.gl/maplibre reads to slot a layer below a map layer (untyped on layers). */
type InterleavedProps = { beforeId?: string };

const INK: [number, number, number, number] = [31, 41, 51, 255];
const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const LAG_RIM = hexToRgba(LAG_FLAG_COLOUR);

/** What the markers show: which projects, in which month, which is selected. */
export interface MarkerState {
  visible: readonly number[];
  monthIndex: number;
  selected: number | null;
  /** Projects behind plan beyond the threshold: drawn with a dark-red rim. */
  lagging: ReadonlySet<number>;
  /** True on the county overview, where markers are small: rims are drawn thinner. */
  isOverview: boolean;
}

export interface MarkerEvents {
  onClick(index: number): void;
  /** Text for the hover tooltip of a project. */
  tooltip(index: number): string;
  /** Text for the hover tooltip of a cluster of projects. */
  clusterTooltip(count: number, budgetWan: number): string;
  /** The count written on a cluster (short: 1.2万). */
  clusterLabel(count: number): string;
}

/** Web Mercator metres per pixel at the equator at zoom 0 for 512-px tiles. */
const EQUATOR_METRES_PER_PX_Z0 = 40_075_016.686 / 512;
/** Extra pixels around a small marker that still count as a hit, for fingers and shaky hands. */
const HIT_SLOP_PX = 2;
/** Cluster symbols: radius in pixels grows with the logarithm of the count, within these bounds. */
const CLUSTER_MIN_RADIUS_PX = 11;
const CLUSTER_MAX_RADIUS_PX = 26;
const CLUSTER_FILL: [number, number, number, number] = [31, 41, 51, 205];
/** Fonts for the cluster counts (digits and 万), drawn by deck.gl into its own atlas: no glyph server. */
const CLUSTER_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function clusterRadiusPx(count: number): number {
  return Math.min(CLUSTER_MAX_RADIUS_PX, CLUSTER_MIN_RADIUS_PX + 3 * Math.log2(Math.max(1, count)));
}

/** The project columns the markers read (a SiteProjects has them; a benchmark can build just these). */
export type MarkerProjects = Pick<SiteProjects, 'lon' | 'lat' | 'toLon' | 'toLat' | 'budgetWan' | 'category' | 'status'>;

/** How the markers are drawn now: every visible project, those in view, or clusters. */
type Drawn = { kind: 'markers'; indexes: number[] } | { kind: 'clusters'; set: ClusterSet };

/**
 * deck.gl project markers and relocation arcs, interleaved below the map's labels. Markers go to
 * deck.gl as typed arrays (binary attributes), and when more than INDIVIDUAL_LIMIT projects are in
 * view they are drawn as grid clusters (src/domain/clusters.ts), so what is drawn, hit-tested and
 * uploaded follows the screen, not the size of the data. Interleaved deck.gl receives no pointer
 * events, so hover and click are hit-tested here on the CPU against the same radii the layer draws.
 */
export class ProjectsOverlay {
  private readonly overlay: MapLibreOverlay;
  private readonly categoryRgba: [number, number, number, number][];
  private points: ProjectPoints;
  private drawn: Drawn = { kind: 'markers', indexes: [] };
  private state: MarkerState | null = null;
  private counted: { visible: readonly number[]; n: number } = { visible: [], n: 0 };
  private lastChoice: { visible: readonly number[]; key: string; drawn: Drawn } | null = null;
  private clusterData: { set: ClusterSet; ids: number[]; attributes: ReturnType<typeof clusterAttributes> } | null = null;
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
      if (this.state && this.withPointCount(this.state.visible) > INDIVIDUAL_LIMIT) this.redraw();
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
    this.drawn = { kind: 'markers', indexes: [] };
    this.counted = { visible: [], n: 0 };
    this.lastChoice = null;
    this.clusterData = null;
    this.hideTooltip();
  }

  /** Redraws from state; layer ids are stable, so deck.gl diffs rather than rebuilds. */
  update(state: MarkerState): void {
    this.state = state;
    this.redraw();
  }

  /** Visible projects that have a point (counted once per visible set). */
  private withPointCount(visible: readonly number[]): number {
    if (this.counted.visible !== visible) {
      let n = 0;
      for (const i of visible) if (!Number.isNaN(this.points.lon[i]!) && !Number.isNaN(this.points.lat[i]!)) n++;
      this.counted = { visible, n };
    }
    return this.counted.n;
  }

  /**
   * Every visible project while there are few; else those in view (half a screen beyond each
   * edge, so a pan shows them before the next moveend) one by one, or, when too many are in view,
   * their clusters. Cells are fixed to the world at each zoom, so clusters stay put as the map pans.
   * The same set, zoom and view reuse the last result (a month step redraws without recounting).
   */
  private chooseDrawn(visible: readonly number[]): Drawn {
    if (this.withPointCount(visible) <= INDIVIDUAL_LIMIT) return { kind: 'markers', indexes: projectsInBox(this.points, visible, [-180, -90, 180, 90]) };
    const b = this.map.getBounds();
    const dx = (b.getEast() - b.getWest()) / 2;
    const dy = (b.getNorth() - b.getSouth()) / 2;
    const box = [b.getWest() - dx, b.getSouth() - dy, b.getEast() + dx, b.getNorth() + dy] as const;
    const z = Math.floor(this.map.getZoom());
    const key = `${z}|${box.join(',')}`;
    if (this.lastChoice?.visible === visible && this.lastChoice.key === key) return this.lastChoice.drawn;
    const inView = projectsInBox(this.points, visible, box);
    // Decided by what is on screen; drawn with the margin.
    const onScreen = inView.length <= INDIVIDUAL_LIMIT ? inView.length : projectsInBox(this.points, inView, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], INDIVIDUAL_LIMIT).length;
    const drawn: Drawn = onScreen <= INDIVIDUAL_LIMIT ? { kind: 'markers', indexes: inView } : { kind: 'clusters', set: gridClusters(this.points, inView, z) };
    this.lastChoice = { visible, key, drawn };
    return drawn;
  }

  private redraw(): void {
    const state = this.state;
    if (!state) return;
    const p = this.projects;
    const m = state.monthIndex;
    this.drawn = this.chooseDrawn(state.visible);
    const indexes = this.drawn.kind === 'markers' ? this.drawn.indexes : [];
    const colour = (i: number) => this.categoryRgba[p.category[i] ?? 0] ?? INK;
    const status = (i: number) => p.status[m]?.[i] ?? 0;
    const arcs = indexes.filter((i) => p.toLon[i] !== null && p.toLat[i] !== null);
    const trigger = [m, state.selected, state.visible.length, state.lagging.size, state.isOverview];
    const layers: (ArcLayer<number, InterleavedProps> | ScatterplotLayer<unknown, InterleavedProps> | TextLayer<number, InterleavedProps>)[] = [
      new ArcLayer<number, InterleavedProps>({
        id: 'relocation-arcs',
        beforeId: LAYER.villageCircle,
        data: arcs,
        getSourcePosition: (i) => [p.lon[i] ?? 0, p.lat[i] ?? 0],
        getTargetPosition: (i) => [p.toLon[i] ?? 0, p.toLat[i] ?? 0],
        getSourceColor: (i) => withAlpha(colour(i), ARC_ALPHA),
        getTargetColor: (i) => withAlpha(colour(i), ARC_ALPHA),
        getWidth: 1.5,
        widthUnits: 'pixels',
        getHeight: 0.5,
        updateTriggers: { getSourceColor: trigger },
      }),
      new ScatterplotLayer<unknown, InterleavedProps>({
        id: 'project-markers',
        beforeId: LAYER.villageCircle,
        data: this.markerAttributes(indexes, state),
        radiusUnits: 'meters',
        radiusMinPixels: MIN_RADIUS_PX,
        radiusMaxPixels: MAX_RADIUS_PX,
        stroked: true,
        filled: true,
        lineWidthUnits: 'pixels',
      }),
    ];
    if (this.drawn.kind === 'clusters') {
      const set = this.drawn.set;
      // The same cluster set keeps the same data objects, so a month step does not lay the labels out again.
      if (this.clusterData?.set !== set) this.clusterData = { set, ids: Array.from({ length: set.length }, (_, k) => k), attributes: clusterAttributes(set) };
      const { ids, attributes } = this.clusterData;
      layers.push(
        new ScatterplotLayer<unknown, InterleavedProps>({
          id: 'project-clusters',
          beforeId: LAYER.villageCircle,
          data: attributes,
          radiusUnits: 'pixels',
          stroked: true,
          filled: true,
          lineWidthUnits: 'pixels',
          getFillColor: CLUSTER_FILL,
          getLineColor: WHITE,
          getLineWidth: 1.5,
        }),
        // A count per cluster: a few thousand labels at most, whatever the data holds.
        new TextLayer<number, InterleavedProps>({
          id: 'project-cluster-counts',
          beforeId: LAYER.villageCircle,
          data: ids,
          getPosition: (k) => [set.lon[k] ?? 0, set.lat[k] ?? 0],
          getText: (k) => this.events.clusterLabel(set.count[k] ?? 0),
          getSize: 12,
          getColor: WHITE,
          fontFamily: CLUSTER_FONTS,
          fontWeight: 600,
          characterSet: '0123456789.,+k万',
          getTextAnchor: 'middle',
          getAlignmentBaseline: 'center',
        }),
      );
    }
    // Only layers with something to draw: deck.gl compiles a layer's shaders on its first frame even
    // when it is empty, and under software WebGL that is most of the first view's marker cost.
    const drawing = layers.filter((l) => {
      const data = l.props.data as { length?: number } | null;
      return data !== null && data.length !== 0;
    });
    this.overlay.setProps({ layers: drawing });
    // @deck.gl/maplibre slots layers into the style only while the style reports loaded; until
    // then they would draw on top of the labels. Slot them in once the map settles.
    if (!this.map.isStyleLoaded()) this.map.once('idle', () => this.overlay.setProps({ layers: drawing }));
  }

  /**
   * The markers' binary attributes: one typed array per property, filled from the project columns.
   * planned: hollow ring; building: half-tone fill; done/accepted: solid with a white rim; lagging:
   * a dark-red rim; the selected project: a thick dark rim.
   */
  private markerAttributes(indexes: readonly number[], state: MarkerState): { length: number; attributes: Record<string, { value: Float64Array | Float32Array | Uint8Array; size: number; normalized?: boolean }> } {
    const p = this.projects;
    const row = p.status[state.monthIndex] ?? [];
    const n = indexes.length;
    const position = new Float64Array(n * 2);
    const radius = new Float32Array(n);
    const fill = new Uint8Array(n * 4);
    const line = new Uint8Array(n * 4);
    const lineWidth = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const i = indexes[k]!;
      const s = row[i] ?? 0;
      const c = this.categoryRgba[p.category[i] ?? 0] ?? INK;
      position[2 * k] = this.points.lon[i]!;
      position[2 * k + 1] = this.points.lat[i]!;
      radius[k] = METRES_PER_SQRT_WAN * Math.sqrt(this.points.budgetWan[i]!);
      fill.set(s === 0 ? [255, 255, 255, 230] : s === 1 ? [c[0], c[1], c[2], 120] : [c[0], c[1], c[2], 255], 4 * k);
      const isLagging = state.lagging.has(i);
      line.set(i === state.selected ? INK : isLagging ? LAG_RIM : s >= 2 ? WHITE : c, 4 * k);
      lineWidth[k] = i === state.selected ? 3 : isLagging ? (state.isOverview ? 1.25 : 2.5) : s >= 2 ? 0.75 : 1.5;
    }
    return {
      length: n,
      attributes: {
        getPosition: { value: position, size: 2 },
        getRadius: { value: radius, size: 1 },
        getFillColor: { value: fill, size: 4, normalized: true },
        getLineColor: { value: line, size: 4, normalized: true },
        getLineWidth: { value: lineWidth, size: 1 },
      },
    };
  }

  /** The project drawn at a point of the map container (CSS pixels), or null. */
  pick(x: number, y: number): number | null {
    if (this.drawn.kind !== 'markers') return null;
    const zoom = this.map.getZoom();
    const lat = this.map.getCenter().lat;
    const metresPerPx = (EQUATOR_METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
    const drawn = this.drawn.indexes;
    for (let k = drawn.length - 1; k >= 0; k--) {
      const i = drawn[k]!;
      const at = this.map.project([this.points.lon[i]!, this.points.lat[i]!]);
      const radius = Math.min(MAX_RADIUS_PX, Math.max(MIN_RADIUS_PX, (METRES_PER_SQRT_WAN * Math.sqrt(this.points.budgetWan[i]!)) / metresPerPx)) + HIT_SLOP_PX;
      if ((at.x - x) ** 2 + (at.y - y) ** 2 <= radius * radius) return i;
    }
    return null;
  }

  /** The cluster drawn at a point of the map container, or null. */
  pickCluster(x: number, y: number): number | null {
    if (this.drawn.kind !== 'clusters') return null;
    const set = this.drawn.set;
    for (let k = set.length - 1; k >= 0; k--) {
      const at = this.map.project([set.lon[k]!, set.lat[k]!]);
      const radius = clusterRadiusPx(set.count[k]!) + HIT_SLOP_PX;
      if ((at.x - x) ** 2 + (at.y - y) ** 2 <= radius * radius) return k;
    }
    return null;
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

/** Cluster symbols as binary attributes. */
function clusterAttributes(set: ClusterSet): { length: number; attributes: Record<string, { value: Float64Array | Float32Array; size: number }> } {
  const position = new Float64Array(set.length * 2);
  const radius = new Float32Array(set.length);
  for (let k = 0; k < set.length; k++) {
    position[2 * k] = set.lon[k]!;
    position[2 * k + 1] = set.lat[k]!;
    radius[k] = clusterRadiusPx(set.count[k]!);
  }
  return { length: set.length, attributes: { getPosition: { value: position, size: 2 }, getRadius: { value: radius, size: 1 } } };
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
