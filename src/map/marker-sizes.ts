/**
 * How large project markers and clusters are drawn: one place for the layers that draw them and
 * the hit tests that find them, so a click lands where a marker shows.
 */

/**
 * Marker radius in metres for a budget of 1 万元; a marker's area is proportional to its budget and
 * to the map's scale, so the county view stays readable and a village view shows every project.
 */
export const METRES_PER_SQRT_WAN = 30;
export const MIN_RADIUS_PX = 2;
export const MAX_RADIUS_PX = 22;
/** Extra pixels around a small marker that still count as a hit, for fingers and shaky hands. */
export const HIT_SLOP_PX = 2;
/** Cluster symbols: radius in pixels grows with the logarithm of the count, within these bounds. */
const CLUSTER_MIN_RADIUS_PX = 11;
const CLUSTER_MAX_RADIUS_PX = 26;

/** A marker's radius in metres on the ground for its budget (the layer clamps it to MIN/MAX_RADIUS_PX). */
export function markerRadiusMetres(budgetWan: number): number {
  return METRES_PER_SQRT_WAN * Math.sqrt(budgetWan);
}

/** A cluster symbol's radius in pixels for its count of projects. */
export function clusterRadiusPx(count: number): number {
  return Math.min(CLUSTER_MAX_RADIUS_PX, CLUSTER_MIN_RADIUS_PX + 3 * Math.log2(Math.max(1, count)));
}
