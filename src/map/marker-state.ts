/**
 * What the app gives a map's project markers, whichever map draws them (the live map's deck.gl
 * overlay, projects-overlay.ts, or the fallback's SVG, fallback/markers-layer.ts). Type-only: it
 * loads nothing.
 */
import type { SiteProjects } from '../contract/projects';

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

/** The project columns the markers read (a SiteProjects has them; a benchmark can build just these). */
export type MarkerProjects = Pick<SiteProjects, 'lon' | 'lat' | 'toLon' | 'toLat' | 'budgetWan' | 'category' | 'status'>;
