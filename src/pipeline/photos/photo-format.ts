/** What kind of image a file is, from its first bytes (never from its name). */

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'avif';

/** The formats the build publishes; HEIC and AVIF are recognised and named as unsupported. */
export const SUPPORTED_FORMATS: ReadonlySet<PhotoFormat> = new Set(['jpeg', 'png', 'webp']);

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));

/** The image format of the bytes, or null when they are no image this build knows. */
export function sniffFormat(b: Uint8Array): PhotoFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return null;
}

/** The EXIF block of a WebP file (its `EXIF` chunk, TIFF bytes), or null; exifr does not read WebP. */
export function webpExif(b: Uint8Array): Uint8Array | null {
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at, 4);
    const size = b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24);
    if (size < 0 || at + 8 + size > b.length) return null;
    if (id === 'EXIF') {
      const chunk = b.subarray(at + 8, at + 8 + size);
      // Some writers put JPEG's "Exif\0\0" in front of the TIFF header.
      return ascii(chunk, 0, 6) === 'Exif\0\0' ? chunk.subarray(6) : chunk;
    }
    at += 8 + size + (size & 1);
  }
  return null;
}
