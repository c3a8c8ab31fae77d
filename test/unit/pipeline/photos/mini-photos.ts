/** The mini fixture with site photos: drawn scenes with EXIF, in memory, for the photo stage's tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PhotoStage } from '../../../../src/contract/photos';
import { buildSite, type BuildResult, type DatasetSource } from '../../../../src/pipeline/build';
import { sharpImaging } from '../../../../scripts/lib/photo-imaging';
import { sceneSvg } from '../../../../scripts/sample/photo-scene';
import { rngFor } from '../../../../scripts/sample/rng';
import { MINI } from '../../../helpers/fixtures';

/** A drawn photo (JPEG), with EXIF time and place unless `exif` is null. */
export async function drawnPhoto(seed: string, stage: PhotoStage, exif: { day: string; lon: number; lat: number } | null): Promise<Uint8Array> {
  const jpeg = sharp(Buffer.from(sceneSvg(rngFor(7, seed), stage, seed))).resize(400).jpeg({ quality: 60 });
  if (!exif) return new Uint8Array(await jpeg.toBuffer());
  const dms = (x: number): string => `${Math.floor(x)}/1 ${Math.floor((x % 1) * 60)}/1 ${Math.round((((x % 1) * 60) % 1) * 60 * 1000)}/1000`;
  return new Uint8Array(await jpeg.withExif({ IFD2: { DateTimeOriginal: `${exif.day.replaceAll('-', ':')} 09:00:00` }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(exif.lat), GPSLongitudeRef: 'E', GPSLongitude: dms(exif.lon) } }).toBuffer());
}

/**
 * The mini's photos, clean: T-001 (industry, its own point) before and during work, T-002
 * (environment, no point: measured against its town) with its place in the table, and T-003
 * (health: withheld from a public build).
 */
export async function miniPhotos(): Promise<Record<string, Uint8Array | string>> {
  return {
    'photos/T-001/before.jpg': await drawnPhoto('T-001 before', 'before', { day: '2015-12-28', lon: 109.6105, lat: 32.2102 }),
    'photos/T-001/during.jpg': await drawnPhoto('T-001 during', 'during', { day: '2016-03-10', lon: 109.6098, lat: 32.2095 }),
    'photos/T-002/done.jpg': await drawnPhoto('T-002 done', 'done', null),
    'photos/T-003/during.jpg': await drawnPhoto('T-003 during', 'during', { day: '2016-03-05', lon: 109.7002, lat: 32.3001 }),
    'photos.csv': ['项目编号,文件,阶段,拍摄时间,经度,纬度,说明', 'T-001,T-001/before.jpg,施工前,,,,茶园平整前', 'T-001,T-001/during.jpg,施工中,,,,', 'T-002,T-002/done.jpg,竣工,2016-02-20,109.6001,32.2001,垃圾收集点建成', 'T-003,T-003/during.jpg,在建,,,,'].join('\n'),
  };
}

/** The mini fixture with `files` replaced or added (null removes one), listing what it holds under a folder. */
export function miniPhotoSource(files: Record<string, Uint8Array | string | null>): DatasetSource {
  const bytes = (f: Uint8Array | string): Uint8Array => (typeof f === 'string' ? new TextEncoder().encode(f) : f);
  return {
    async read(path) {
      if (path in files) {
        const f = files[path];
        return f === null || f === undefined ? null : bytes(f);
      }
      return readFile(join(MINI, path)).then((b) => new Uint8Array(b), () => null);
    },
    async filesUnder(dir) {
      return Object.keys(files).filter((p) => p.startsWith(`${dir}/`) && files[p] !== null).sort();
    },
  };
}

/** Builds the mini with these photo files (the Node image work given). */
export function buildMiniPhotos(files: Record<string, Uint8Array | string | null>, options: { isPublic?: boolean; readsPhotoFiles?: boolean } = {}): Promise<BuildResult> {
  return buildSite(miniPhotoSource(files), { isPublic: options.isPublic ?? false, imaging: sharpImaging, readsPhotoFiles: options.readsPhotoFiles ?? true });
}
