/**
 * The live map's project layers for deck.gl: markers as binary attributes (one typed array per
 * property, filled from the project columns), relocation arcs, and cluster symbols with their
 * counts, all slotted below the village circles so the map's labels stay on top.
 */
import { ArcLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { ClusterSet, ProjectPoints } from '../domain/clusters';
import { hexToRgba } from './colour';
import type { MarkerProjects, MarkerState } from './marker-state';
import { MAX_RADIUS_PX, MIN_RADIUS_PX, clusterRadiusPx, markerRadiusMetres } from './marker-sizes';
import { LAG_FLAG_COLOUR, LAYER } from './style';

type Rgba = [number, number, number, number];

/** Arcs are context, not the message: drawn translucent so the choropleth shows through. */
const ARC_ALPHA = 140;
const INK: Rgba = [31, 41, 51, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LAG_RIM = hexToRgba(LAG_FLAG_COLOUR);
const CLUSTER_FILL: Rgba = [31, 41, 51, 205];
/** Fonts for the cluster counts (digits and 万), drawn by deck.gl into its own atlas: no glyph server. */
const CLUSTER_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function withAlpha([r, g, b]: Rgba, a: number): Rgba {
  return [r, g, b, a];
}

/** The prop @deck.gl/maplibre reads to slot a layer below a map layer (untyped on layers). */
type InterleavedProps = { beforeId?: string };

/** A layer of the overlay. */
export type ProjectLayer = ArcLayer<number, InterleavedProps> | ScatterplotLayer<unknown, InterleavedProps> | TextLayer<number, InterleavedProps>;

/** A cluster set as the layers take it; kept while the set is the same, so a month step does not lay the labels out again. */
export interface ClusterLayerData {
  set: ClusterSet;
  ids: number[];
  attributes: ReturnType<typeof clusterAttributes>;
}

/** What the layers are built from. */
export interface LayerInput {
  projects: MarkerProjects;
  points: ProjectPoints;
  /** The colour of each category, as site.config.categories. */
  categoryRgba: readonly Rgba[];
  state: MarkerState;
  /** The projects drawn one by one (none while clusters are drawn). */
  indexes: readonly number[];
  clusters: ClusterLayerData | null;
  clusterLabel(count: number): string;
}

/** The overlay's layers with something to draw; ids are stable, so deck.gl diffs rather than rebuilds. */
export function projectLayers(input: LayerInput): ProjectLayer[] {
  const { projects: p, state, indexes, clusters } = input;
  const m = state.monthIndex;
  const colour = (i: number) => input.categoryRgba[p.category[i] ?? 0] ?? INK;
  const arcs = indexes.filter((i) => p.toLon[i] !== null && p.toLat[i] !== null);
  const trigger = [m, state.selected, state.visible.length, state.lagging.size, state.isOverview];
  const layers: ProjectLayer[] = [
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
      data: markerAttributes(input),
      radiusUnits: 'meters',
      radiusMinPixels: MIN_RADIUS_PX,
      radiusMaxPixels: MAX_RADIUS_PX,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
    }),
  ];
  if (clusters) {
    const { set, ids, attributes } = clusters;
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
        getText: (k) => input.clusterLabel(set.count[k] ?? 0),
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
  return layers.filter((l) => {
    const data = l.props.data as { length?: number } | null;
    return data !== null && data.length !== 0;
  });
}

/** A cluster set's layer data: an id per symbol and the symbols as binary attributes. */
export function clusterLayerData(set: ClusterSet): ClusterLayerData {
  return { set, ids: Array.from({ length: set.length }, (_, k) => k), attributes: clusterAttributes(set) };
}

/**
 * The markers' binary attributes: one typed array per property, filled from the project columns.
 * planned: hollow ring; building: half-tone fill; done/accepted: solid with a white rim; lagging:
 * a dark-red rim; the selected project: a thick dark rim.
 */
function markerAttributes({ projects: p, points, categoryRgba, state, indexes }: LayerInput): { length: number; attributes: Record<string, { value: Float64Array | Float32Array | Uint8Array; size: number; normalized?: boolean }> } {
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
    const c = categoryRgba[p.category[i] ?? 0] ?? INK;
    position[2 * k] = points.lon[i]!;
    position[2 * k + 1] = points.lat[i]!;
    radius[k] = markerRadiusMetres(points.budgetWan[i]!);
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
