/** The report's map snapshot, trimmed of the plain background around the county. */

/** How far (0–255 per channel) a pixel may differ from the corner's and still count as empty background. */
const BACKGROUND_TOLERANCE = 10;
/** Margin kept around the trimmed map, as a share of its longer side. */
const TRIM_MARGIN = 0.03;

/** A trimmed picture: its data URL and size in pixels. */
export interface TrimmedImage {
  url: string;
  width: number;
  height: number;
}

/** The report's picture of the map: made, none to make (no map), or failed (and logged why). */
export type SnapshotOutcome<I> = { kind: 'made'; image: I; trimmed: TrimmedImage } | { kind: 'none' } | { kind: 'failed' };

/**
 * The map's picture for the report, trimmed. A failure (the map could not draw itself, the image
 * could not be decoded) is said, not swallowed: `failed`, with the reason in the console, so the
 * report can say that its map is missing.
 */
export async function reportSnapshot<I extends { url: string }>(
  getImage: () => Promise<I | null>,
  trim: (url: string) => Promise<TrimmedImage> = trimmed,
  logError: (message: string, error: unknown) => void = console.error,
): Promise<SnapshotOutcome<I>> {
  try {
    const image = await getImage();
    if (image === null) return { kind: 'none' };
    return { kind: 'made', image, trimmed: await trim(image.url) };
  } catch (error) {
    logError('The report could not make its map image:', error);
    return { kind: 'failed' };
  }
}

/**
 * The snapshot without the plain background around the county (a map framed on a screen's shape
 * leaves wide empty bands): the box of pixels unlike the top-left one, with a small margin. An
 * image without a plain background (a tiled basemap) comes back whole.
 */
export async function trimmed(dataUrl: string): Promise<TrimmedImage> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  const whole = { url: dataUrl, width, height };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || width === 0 || height === 0) return whole;
  ctx.drawImage(img, 0, 0);
  const box = contentBox(ctx.getImageData(0, 0, width, height).data, width, height);
  if (!box) return whole;
  const margin = Math.round(TRIM_MARGIN * Math.max(box.right - box.left, box.bottom - box.top));
  const left = Math.max(0, box.left - margin);
  const top = Math.max(0, box.top - margin);
  const w = Math.min(width, box.right + 1 + margin) - left;
  const hh = Math.min(height, box.bottom + 1 + margin) - top;
  if (w * hh > 0.9 * width * height) return whole;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = hh;
  out.getContext('2d')?.drawImage(canvas, left, top, w, hh, 0, 0, w, hh);
  return { url: out.toDataURL('image/png'), width: w, height: hh };
}

/** The bounding box of the RGBA pixels unlike the top-left one, or null when all are alike. */
function contentBox(rgba: Uint8ClampedArray, width: number, height: number): { left: number; top: number; right: number; bottom: number } | null {
  const [r, g, b] = [rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0];
  const tolerance = BACKGROUND_TOLERANCE;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const isContent = Math.abs((rgba[i] ?? 0) - r) > tolerance || Math.abs((rgba[i + 1] ?? 0) - g) > tolerance || Math.abs((rgba[i + 2] ?? 0) - b) > tolerance;
      if (!isContent) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, right, bottom };
}
