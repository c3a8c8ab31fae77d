/** [west, south, east, north] in degrees, WGS-84. */
export type Box = [west: number, south: number, east: number, north: number];

/**
 * China's extent with a margin of about 1°: Mohe (53.6°N) to Zengmu Ansha (3.8°N, Sansha 460300),
 * Pamirs (73.5°E) to Fuyuan (135.1°E).
 */
export const CHINA_BOX: Box = [72.5, 2.8, 136.1, 54.6];

/** A generous box the region with this 6-digit code should lie in, or null for a code that is not 6 digits. */
export function plausibleBox(regionCode: string): Box | null {
  if (!/^\d{6}$/.test(regionCode)) return null;
  return [...CHINA_BOX];
}
