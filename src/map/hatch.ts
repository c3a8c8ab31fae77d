import { NO_DATA_HATCH } from '../domain/palettes';
import { hexToRgba } from './colour';

/** "No data" as the legend draws it: a diagonal hatch, never blank and never the lowest colour. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = NO_DATA_HATCH.spacingPx;
  const background = hexToRgba(NO_DATA_HATCH.background);
  const stroke = hexToRgba(NO_DATA_HATCH.stroke);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const isOnLine = (x + y) % size < NO_DATA_HATCH.strokeWidthPx;
      data.set(isOnLine ? stroke : background, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
