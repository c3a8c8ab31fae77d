/**
 * A photo's own record of when and where it was taken (EXIF DateTimeOriginal and GPS), read with
 * exifr, which runs in Node and the browser alike. Loaded when a photo is first read, so a build
 * without photos (and the check view's worker) never loads it.
 */
import { webpExif, type PhotoFormat } from './photo-format';

export interface PhotoExif {
  /** The day it was taken (YYYY-MM-DD, the camera's local date), or null. */
  takenAt: string | null;
  /** WGS-84 degrees (what a phone's GPS writes), or null. */
  lon: number | null;
  lat: number | null;
}

const NONE: PhotoExif = { takenAt: null, lon: null, lat: null };

/** The EXIF time and position of a JPEG, PNG or WebP; nothing (never an error) when it has none or they cannot be read. */
export async function readExif(bytes: Uint8Array, format: PhotoFormat): Promise<PhotoExif> {
  const data = format === 'webp' ? webpExif(bytes) : bytes;
  if (!data) return NONE;
  const { default: exifr } = await import('exifr');
  let tags: Record<string, unknown> | undefined;
  try {
    // Raw values: the time as the camera wrote it ("2016:05:12 10:30:00"), not a Date in this machine's zone.
    tags = (await exifr.parse(data, { reviveValues: false, gps: true, tiff: true, exif: true, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false })) as Record<string, unknown> | undefined;
  } catch {
    return NONE;
  }
  if (!tags) return NONE;
  return { takenAt: exifDay(tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateTime), ...position(tags.longitude, tags.latitude) };
}

/** "2016:05:12 10:30:00" → "2016-05-12"; null for anything else, or a camera's unset clock (0000:00:00). */
function exifDay(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(v.trim());
  if (!m || m[1] === '0000' || m[2] === '00' || m[3] === '00') return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function position(lon: unknown, lat: unknown): { lon: number | null; lat: number | null } {
  const ok = (x: unknown, limit: number): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= limit;
  // A GPS that had no fix writes 0, 0: no position, not a point in the Gulf of Guinea.
  if (!ok(lon, 180) || !ok(lat, 90) || (lon === 0 && lat === 0)) return { lon: null, lat: null };
  return { lon, lat };
}
