/**
 * The site photos in the meeting package (scripts/lib/single-file.ts): thumbnails only, each put
 * into its town's projects file as a data: URL (named once, as the thumbnail: the page shows it
 * larger for the display size), up to a budget; the display sizes stay out. The package opens
 * from disk and fetches nothing, so a photo it does not carry is left out of the list.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { SitePhoto } from '../../src/contract/photos';

/** The most thumbnail bytes a package carries (before base64): a county's few hundred photos fit; a province's do not. */
export const PACKAGE_PHOTO_BUDGET_BYTES = 3 * 1024 * 1024;

/** What went into the package. */
export interface PackagePhotos {
  carried: number;
  /** Photos left out because the budget was spent (in town and project order, the later ones). */
  leftOut: number;
  bytes: number;
}

/**
 * Rewrites the projects files among `texts` (by name, as built into `dataOut`) so that each photo
 * is its thumbnail as a data: URL; null when no projects file lists a photo.
 */
export async function embedPhotoThumbnails(texts: Record<string, string>, dataOut: string, budgetBytes = PACKAGE_PHOTO_BUDGET_BYTES): Promise<PackagePhotos | null> {
  const out: PackagePhotos = { carried: 0, leftOut: 0, bytes: 0 };
  const urls = new Map<string, { url: string; width: number; height: number; bytes: number }>();
  for (const name of Object.keys(texts).filter((n) => /^projects\/\d+\.json$/.test(n)).sort()) {
    const file = JSON.parse(texts[name]!) as { photos?: SitePhoto[][] };
    if (!file.photos) continue;
    // One photo after another, in town and project order: which ones the budget leaves out is the
    // same on every run, and a thumbnail two projects share is read and counted once.
    const lists: SitePhoto[][] = [];
    for (const list of file.photos) {
      const kept: SitePhoto[] = [];
      for (const photo of list) {
        let thumb = urls.get(photo.thumb);
        if (!thumb) {
          const bytes = await readFile(join(dataOut, photo.thumb));
          if (out.bytes + bytes.length > budgetBytes) {
            out.leftOut++;
            continue;
          }
          const meta = await sharp(bytes).metadata();
          thumb = { url: `data:image/jpeg;base64,${bytes.toString('base64')}`, width: meta.width, height: meta.height, bytes: bytes.length };
          urls.set(photo.thumb, thumb);
          out.bytes += bytes.length;
        }
        out.carried++;
        // No `full`: the page shows the thumbnail larger (src/contract/photos.ts), and the file holds its bytes once.
        const { full: _display, ...rest } = photo;
        kept.push({ ...rest, thumb: thumb.url, width: thumb.width, height: thumb.height } as SitePhoto);
      }
      lists.push(kept);
    }
    file.photos = lists;
    texts[name] = `${JSON.stringify(file)}\n`;
  }
  return out.carried + out.leftOut > 0 ? out : null;
}
