import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CategoryConfig } from '../contract/config';
import type { SiteProjects } from '../contract/projects';
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
}

/** Web Mercator metres per pixel at the equator at zoom 0 for 512-px tiles. */
const EQUATOR_METRES_PER_PX_Z0 = 40_075_016.686 / 512;
/** Extra pixels around a small marker that still count as a hit, for fingers and shaky hands. */
const HIT_SLOP_PX = 2;

/**
 * deck.gl project markers and relocation arcs, interleaved below the map's labels. Interleaved
 * deck.gl receives no pointer events, so hover and click are hit-tested here on the CPU against
 * the same radii the layer draws (a few thousand markers take well under a frame).
 */
export class ProjectsOverlay {
  private readonly overlay: MapLibreOverlay;
  private readonly categoryRgba: [number, number, number, number][];
  private drawn: readonly number[] = [];
  private readonly tooltip: HTMLDivElement;
  private hovered: number | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly projects: SiteProjects,
    categories: readonly CategoryConfig[],
    private readonly events: MarkerEvents,
  ) {
    this.categoryRgba = categories.map((c) => hexToRgba(c.colour));
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
    map.on('mousemove', (e) => this.hover(this.pick(e.point.x, e.point.y), e.point.x, e.point.y));
    map.on('mouseout', () => this.hover(null, 0, 0));
    map.on('movestart', () => this.hover(null, 0, 0));
  }

  private followMapCanvas(): void {
    const canvas = this.map.getCanvas();
    deckCanvasContext(this.overlay)?.setDrawingBufferSize(canvas.width, canvas.height);
  }

  private hover(i: number | null, x: number, y: number): void {
    this.hovered = i;
    this.map.getCanvas().style.cursor = i === null ? '' : 'pointer';
    if (i === null) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = this.events.tooltip(i);
    this.tooltip.hidden = false;
    this.tooltip.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 14)}px)`;
  }

  /** The project under the pointer, if any (the last drawn wins, as on screen). */
  get hoveredProject(): number | null {
    return this.hovered;
  }

  /** Redraws from state; layer ids are stable, so deck.gl diffs rather than rebuilds. */
  update(state: MarkerState): void {
    const p = this.projects;
    const m = state.monthIndex;
    const colour = (i: number) => this.categoryRgba[p.category[i] ?? 0] ?? INK;
    const status = (i: number) => p.status[m]?.[i] ?? 0;
    const withPoint = state.visible.filter((i) => p.lon[i] !== null && p.lat[i] !== null);
    const arcs = withPoint.filter((i) => p.toLon[i] !== null && p.toLat[i] !== null);
    const trigger = [m, state.selected, state.visible.length, state.lagging.size, state.isOverview];
    this.drawn = withPoint;
    const layers = [
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
        new ScatterplotLayer<number, InterleavedProps>({
          id: 'project-markers',
          beforeId: LAYER.villageCircle,
          data: withPoint,
          getPosition: (i) => [p.lon[i] ?? 0, p.lat[i] ?? 0],
          getRadius: (i) => METRES_PER_SQRT_WAN * Math.sqrt(p.budgetWan[i] ?? 0),
          radiusUnits: 'meters',
          radiusMinPixels: MIN_RADIUS_PX,
          radiusMaxPixels: MAX_RADIUS_PX,
          stroked: true,
          filled: true,
          lineWidthUnits: 'pixels',
          // planned: hollow ring; building: half-tone fill; done/accepted: solid with a white rim.
          getFillColor: (i) => {
            const s = status(i);
            const [r, g, b] = colour(i);
            return s === 0 ? [255, 255, 255, 230] : s === 1 ? [r, g, b, 120] : [r, g, b, 255];
          },
          getLineColor: (i) => (i === state.selected ? INK : state.lagging.has(i) ? LAG_RIM : status(i) >= 2 ? WHITE : colour(i)),
          getLineWidth: (i) => (i === state.selected ? 3 : state.lagging.has(i) ? (state.isOverview ? 1.25 : 2.5) : status(i) >= 2 ? 0.75 : 1.5),
          updateTriggers: { getFillColor: trigger, getLineColor: trigger, getLineWidth: trigger, getRadius: trigger },
        }),
    ];
    this.overlay.setProps({ layers });
    // @deck.gl/maplibre slots layers into the style only while the style reports loaded; until
    // then they would draw on top of the labels. Slot them in once the map settles.
    if (!this.map.isStyleLoaded()) this.map.once('idle', () => this.overlay.setProps({ layers }));
  }

  /** The project drawn at a point of the map container (CSS pixels), or null. */
  pick(x: number, y: number): number | null {
    const p = this.projects;
    const zoom = this.map.getZoom();
    const lat = this.map.getCenter().lat;
    const metresPerPx = (EQUATOR_METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
    for (let k = this.drawn.length - 1; k >= 0; k--) {
      const i = this.drawn[k]!;
      const at = this.map.project([p.lon[i] ?? 0, p.lat[i] ?? 0]);
      const radius = Math.min(MAX_RADIUS_PX, Math.max(MIN_RADIUS_PX, (METRES_PER_SQRT_WAN * Math.sqrt(p.budgetWan[i] ?? 0)) / metresPerPx)) + HIT_SLOP_PX;
      if ((at.x - x) ** 2 + (at.y - y) ** 2 <= radius * radius) return i;
    }
    return null;
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
