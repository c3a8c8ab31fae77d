import type { Map as MapLibreMap } from 'maplibre-gl';
import { INDIVIDUAL_LIMIT, gridClusters, projectsInBox, type ClusterSet, type ProjectPoints } from '../domain/clusters';

/** How the markers are drawn now: every visible project, those in view, or clusters. */
export type Drawn = { kind: 'markers'; indexes: number[] } | { kind: 'clusters'; set: ClusterSet };

/**
 * Which projects the live map draws one by one, and when it draws clusters instead
 * (src/domain/clusters.ts), so that what is drawn, hit-tested and uploaded follows the screen, not
 * the size of the data. Counts and choices are remembered for the same visible set and view.
 */
export class MarkerChoice {
  private counted: { visible: readonly number[]; n: number } = { visible: [], n: 0 };
  private lastChoice: { visible: readonly number[]; key: string; drawn: Drawn } | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private points: ProjectPoints,
  ) {}

  /** New projects: nothing counted or chosen for them yet. */
  setPoints(points: ProjectPoints): void {
    this.points = points;
    this.counted = { visible: [], n: 0 };
    this.lastChoice = null;
  }

  /** True when what is drawn depends on the view (what is in view, the clusters' zoom step): a large set. */
  followsView(visible: readonly number[]): boolean {
    return this.withPointCount(visible) > INDIVIDUAL_LIMIT;
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
  choose(visible: readonly number[]): Drawn {
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
}
