/**
 * Site photos (形象进度): the evidence a county keeps for a project's visible progress. The dataset
 * may hold `photos.csv` and a `photos/` folder; the build writes each public photo as a thumbnail
 * and a display size with every metadata field stripped, named by content hash, and lists them
 * per project in the town's projects file (`photos`, one list per project, index = project).
 */
import type { JsonChecker } from './check';

/** The stages a photo documents, in the order work happens: 施工前, 施工中, 竣工, 验收. */
export const PHOTO_STAGES = ['before', 'during', 'done', 'accepted'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** One published photo of a project, as the page reads it. */
export interface SitePhoto {
  stage: PhotoStage;
  /** The thumbnail (about 320 px on its long side), relative to the site data root: `photos/<hash>.t.jpg` (in the meeting package, a data: URL). */
  thumb: string;
  /** The display size (about 1280 px on its long side), relative to the site data root: `photos/<hash>.jpg` (in the meeting package, the thumbnail's data: URL). */
  full: string;
  /** Pixel size of the display size. */
  width: number;
  height: number;
  /** The day it was taken (`YYYY-MM-DD`, from the table or the photo's EXIF), or null when unknown. */
  takenAt: string | null;
  /** Metres from the project's point (or its village seat) to where it was taken, or null when either is unknown. */
  distanceM: number | null;
  caption: string | null;
}

/** The stages in Chinese, as a clerk writes them. */
export const PHOTO_STAGE_ZH: Readonly<Record<PhotoStage, string>> = { before: '施工前', during: '施工中', done: '竣工', accepted: '验收' };

/** Where the photo files are, relative to the site data root (`photos/<hash>.jpg`, `photos/<hash>.t.jpg`). */
export const PHOTO_DIR = 'photos';
const PHOTO_FILE = /^photos\/[0-9a-f]{16,64}(\.t)?\.jpg$/;
/** A photo carried inside the meeting package (scripts/lib/single-file-photos.ts): its thumbnail as a data: URL. */
const PHOTO_DATA_URL = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

/**
 * The optional `photos` and `photosWithheld` columns of a town's projects file: one entry per
 * project when present, each photo's files inside photos/ and named by hash, its day a date.
 */
export function parsePhotoColumns(c: JsonChecker, o: Record<string, unknown>, n: number): { photos?: SitePhoto[][]; photosWithheld?: number[] } {
  const out: { photos?: SitePhoto[][]; photosWithheld?: number[] } = {};
  if (o.photos !== undefined) {
    const a = c.array(o.photos, 'photos') ?? [];
    if (a.length !== n) c.error('photos', 'lengthEntries', { expected: n, got: a.length });
    out.photos = a.map((list, i) => (c.array(list, `photos[${i}]`) ?? []).flatMap((x, k) => {
      const p = `photos[${i}][${k}]`;
      const q = c.object(x, p);
      if (!q) return [];
      const stage = c.oneOf(q.stage, `${p}.stage`, PHOTO_STAGES);
      const file = (key: 'thumb' | 'full'): string | null => {
        const f = c.string(q[key], `${p}.${key}`);
        const isFile = f !== null && PHOTO_FILE.test(f) && f.endsWith('.t.jpg') === (key === 'thumb');
        if (f !== null && !isFile && !PHOTO_DATA_URL.test(f)) return c.error(`${p}.${key}`, 'sitePhotoFile', { isThumb: key === 'thumb', got: JSON.stringify(f.slice(0, 80)) });
        return f;
      };
      const thumb = file('thumb');
      // The meeting package carries no display sizes: its photos name the thumbnail only (a data:
      // URL, written once), and the dialog shows it larger.
      const full = q.full === undefined && thumb !== null && PHOTO_DATA_URL.test(thumb) ? thumb : file('full');
      const width = c.number(q.width, `${p}.width`, 1, 10_000);
      const height = c.number(q.height, `${p}.height`, 1, 10_000);
      const takenAt = q.takenAt === null ? null : c.string(q.takenAt, `${p}.takenAt`);
      if (takenAt !== null && !/^\d{4}-\d{2}-\d{2}$/.test(takenAt)) c.error(`${p}.takenAt`, 'configDate', { got: takenAt });
      const distanceM = q.distanceM === null ? null : c.number(q.distanceM, `${p}.distanceM`, 0);
      const caption = q.caption === null ? null : c.string(q.caption, `${p}.caption`);
      if (!stage || !thumb || !full || width === null || height === null) return [];
      return [{ stage, thumb, full, width, height, takenAt, distanceM, caption }];
    }));
  }
  if (o.photosWithheld !== undefined) {
    const a = c.array(o.photosWithheld, 'photosWithheld') ?? [];
    if (a.length !== n) c.error('photosWithheld', 'lengthEntries', { expected: n, got: a.length });
    out.photosWithheld = a.map((v, i) => c.number(v, `photosWithheld[${i}]`, 0) ?? 0);
  }
  return out;
}
