/**
 * The image work a build of site photos needs and the pipeline cannot do itself: decoding, resizing
 * and re-encoding need a native library (sharp), which only Node has. scripts/lib/photo-imaging.ts
 * provides it to the CLI; the browser's check view has none, and checks the table and files only.
 */

/** A photo written for the site: two sizes, every metadata field stripped. */
export interface RenderedPhoto {
  /** JPEG, about THUMB_PX on its long side. */
  thumb: Uint8Array;
  /** JPEG, about FULL_PX on its long side (never enlarged). */
  full: Uint8Array;
  /** Pixel size of `full`. */
  width: number;
  height: number;
  /** A 64-bit difference hash of the picture (16 hex digits): near-equal for the same picture resized or re-saved. */
  dhash: string;
}

/** Long sides of the two sizes, in pixels. */
export const THUMB_PX = 320;
export const FULL_PX = 1280;

export interface PhotoImaging {
  /** The photo in its two sizes, turned upright by its EXIF orientation; throws when the bytes cannot be decoded. */
  render(bytes: Uint8Array): Promise<RenderedPhoto>;
}
