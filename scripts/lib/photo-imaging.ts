/**
 * The site photos' image work (src/pipeline/photos/imaging.ts) with sharp, for the CLI: each photo
 * turned upright by its EXIF orientation, written as a JPEG thumbnail and display size with no
 * metadata at all (sharp writes none unless asked: no EXIF, GPS, XMP, ICC or comment), and its
 * difference hash. sharp is native code: only scripts import this, never src/.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { FULL_PX, THUMB_PX, type PhotoImaging, type RenderedPhoto } from '../../src/pipeline/photos/imaging';

/** JPEG quality of the two sizes: a thumbnail is looked at small, the display size closely. */
const THUMB_QUALITY = 72;
const FULL_QUALITY = 80;
/** A photo larger than this many pixels (a panorama, a scan) is refused rather than decoded. */
const MAX_INPUT_PIXELS = 100_000_000;

// One thread each: the output must not depend on how libvips splits the work, and the build shares the machine.
sharp.concurrency(1);
sharp.cache(false);

/** The sharp image work. */
export const sharpImaging: PhotoImaging = {
  async render(bytes: Uint8Array): Promise<RenderedPhoto> {
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const upright = (): Sharp => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const size = (px: number) => ({ width: px, height: px, fit: 'inside' as const, withoutEnlargement: true });
    const full = await upright().resize(size(FULL_PX)).flatten({ background: '#ffffff' }).jpeg({ quality: FULL_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    const thumb = await upright().resize(size(THUMB_PX)).flatten({ background: '#ffffff' }).jpeg({ quality: THUMB_QUALITY, mozjpeg: true }).toBuffer();
    return { full: new Uint8Array(full.data), thumb: new Uint8Array(thumb), width: full.info.width, height: full.info.height, dhash: await differenceHash(upright()) };
  },
};

/**
 * The 64-bit difference hash: the picture as 9×8 grey pixels, one bit per pair of neighbours in a
 * row (is the left one brighter?). A photo saved again, resized or recompressed keeps nearly every bit.
 */
async function differenceHash(image: Sharp): Promise<string> {
  const { data } = await image.flatten({ background: '#ffffff' }).greyscale().toColourspace('b-w').resize(9, 8, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer({ resolveWithObject: true });
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) byte = (byte << 1) | (data[row * 9 + x]! > data[row * 9 + x + 1]! ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}
