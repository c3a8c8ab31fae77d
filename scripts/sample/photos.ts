/**
 * The sample's site photos (issue 22): photos.csv and photos/ for a dozen projects of the sample,
 * drawn (photo-scene.ts), with the time and place each was taken written into its EXIF as a phone
 * would, and four problems planted for the photo rules (src/domain/photo-rules.ts): a photo taken
 * far from its site, a 施工前 photo taken long after the start, one photo re-saved for a second
 * project, and a finished project without a completion photo. Deterministic: the projects are
 * chosen from the generated sample by a seeded draw, and sharp's output is the same on each run.
 * The plan (photos and plants) is made from the dataset alone, so the test makes it again to check.
 * Run by make-sample after the tables, or alone: tsx scripts/sample/photos.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { PHOTOS } from '../../src/contract/columns';
import { PHOTO_STAGE_ZH, type PhotoStage } from '../../src/contract/photos';
import { firstDoneMonth } from '../../src/domain/photo-rules';
import type { Dataset } from '../../src/pipeline/model';
import { reportsOf } from '../../src/pipeline/progress-columns';
import { pointAt } from '../../src/pipeline/project-columns';
import { readDataset } from './dataset';
import { README_PATH, replaceBlocks } from '../make-templates';
import { renderPlantedTable, type PlantedProblem } from './plant';
import { rngFor, type Rng } from './rng';
import { sceneSvg } from './photo-scene';
import { csvText, writeText } from './write';

const PHOTO_SEED = 20161231;
/** The README block listing the photo plants (`<!-- planted-photos:start -->`). */
export const PHOTO_PLANTED_BLOCK = 'planted-photos';

/** One photo of the sample. */
export interface SamplePhoto {
  projectId: string;
  /** Path inside photos/. */
  file: string;
  stage: PhotoStage;
  /** YYYY-MM-DD. */
  takenAt: string;
  /** WGS-84. */
  lon: number;
  lat: number;
  caption: string;
  /** True: time and place in photos.csv and none in the file; false: in the EXIF only, the table's cells blank. */
  isInTable: boolean;
  /** The file of another photo this one is a re-saved copy of (the reused-photo plant), else null. */
  copyOf: string | null;
}

export interface PhotoPlan {
  photos: SamplePhoto[];
  planted: PlantedProblem[];
}

/** About 100 m of latitude, in degrees. */
const DEG_100M = 0.0009;

/** The photos and the plants, from the joined sample. */
export function planSamplePhotos(d: Dataset): PhotoPlan {
  const rng = rngFor(PHOTO_SEED, 'photo-projects');
  const used = new Set<number>();
  const dataDate = d.config.dataDate ?? '2016-12-31';
  const info = (i: number) => {
    const p = d.projects;
    const reports = reportsOf(d.progress, i);
    const firstMonth = (test: (k: number) => boolean): string | null => {
      for (let k = 0; k < reports.length; k++) if (test(k)) return reports.month(k);
      return null;
    };
    return {
      p: { index: i, town: p.town[i]!, point: pointAt(p, i), record: { projectName: p.name[i]!, start: p.fields.start.get(i) } },
      id: p.id[i]!,
      category: d.config.categories[p.category[i]!]!.id,
      last: reports.length > 0 ? reports.status(reports.length - 1) : 'planned',
      doneMonth: firstDoneMonth(reports),
      acceptedMonth: firstMonth((k) => reports.status(k) === 'accepted'),
      buildingMonth: firstMonth((k) => reports.status(k) === 'building' && (reports.progressPct(k) ?? 0) >= 30),
    };
  };
  type Info = ReturnType<typeof info>;
  /** A seeded draw among the projects that pass, none drawn twice, each with its own point and no relocation target. */
  const draw = (test: (x: Info) => boolean): Info => {
    const p = d.projects;
    const pool = Array.from({ length: p.length }, (_, i) => i).filter((i) => !used.has(i) && p.hasOwnPoint[i] === 1 && Number.isNaN(p.toLon[i]!) && test(info(i)));
    const i = rng.pick(pool);
    used.add(i);
    return info(i);
  };
  const isPublicCategory = (x: Info): boolean => ['infrastructure', 'industry', 'tourism', 'environment'].includes(x.category);
  const isFinished = (x: Info): boolean => (x.last === 'done' || x.last === 'accepted') && x.doneMonth !== null && x.buildingMonth !== null && x.p.record.start >= '2016-01-15';
  const isBuilding = (x: Info): boolean => x.last === 'building' && x.buildingMonth !== null && x.p.record.start >= '2016-01-15' && x.p.record.start <= '2016-08-31';

  const photos: SamplePhoto[] = [];
  const near = (x: Info, r: Rng): [number, number] => [round6(x.p.point![0] + r.float(-1.5, 1.5) * DEG_100M), round6(x.p.point![1] + r.float(-1.5, 1.5) * DEG_100M)];
  const add = (x: Info, stage: PhotoStage, takenAt: string, extra: Partial<SamplePhoto> = {}): SamplePhoto => {
    const r = rngFor(PHOTO_SEED, `${x.id}-${stage}`);
    const [lon, lat] = near(x, r);
    const n = photos.filter((ph) => ph.projectId === x.id).length + 1;
    const photo: SamplePhoto = { projectId: x.id, file: `${x.id}/${n}-${PHOTO_STAGE_ZH[stage]}.jpg`, stage, takenAt: takenAt > dataDate ? dataDate : takenAt, lon, lat, caption: `${x.p.record.projectName}（${PHOTO_STAGE_ZH[stage]}）`, isInTable: false, copyOf: null, ...extra };
    photos.push(photo);
    return photo;
  };
  const fullSet = (x: Info): void => {
    add(x, 'before', addDays(x.p.record.start, -6));
    add(x, 'during', `${x.buildingMonth}-15`);
    add(x, 'done', `${x.doneMonth}-20`);
    if (x.acceptedMonth) add(x, 'accepted', `${x.acceptedMonth}-26`);
  };

  // Clean: finished projects with every stage, projects under way, and one of a category whose photos stay private.
  const finished = Array.from({ length: 4 }, () => draw((x) => isPublicCategory(x) && isFinished(x)));
  finished.forEach(fullSet);
  const building = Array.from({ length: 3 }, () => draw((x) => isPublicCategory(x) && isBuilding(x)));
  building.forEach((x, k) => {
    add(x, 'before', addDays(x.p.record.start, -3), k === 0 ? { isInTable: true } : {});
    add(x, 'during', `${x.buildingMonth}-12`);
  });
  fullSet(draw((x) => x.category === 'health' && isFinished(x)));

  // The plants.
  const planted: PlantedProblem[] = [];
  const townOf = (x: Info): string => d.towns[x.p.town]!.name;
  const far = draw((x) => isPublicCategory(x) && isBuilding(x));
  add(far, 'before', addDays(far.p.record.start, -4));
  const farPhoto = add(far, 'during', `${far.buildingMonth}-18`, { lat: round6(far.p.point![1] + 60 * DEG_100M) });
  planted.push({ rule: 'photoFar', town: townOf(far), projects: [far.id], village: null, month: farPhoto.takenAt.slice(0, 7), zh: '施工中照片的 GPS 位置距项目点约 6 公里', en: 'the during-works photo’s GPS position is about 6 km from the project' });

  const late = draw((x) => isPublicCategory(x) && isBuilding(x) && addDays(x.p.record.start, 95) <= dataDate);
  const latePhoto = add(late, 'before', addDays(late.p.record.start, 95));
  add(late, 'during', `${late.buildingMonth}-16`);
  planted.push({ rule: 'photoWrongTime', town: townOf(late), projects: [late.id], village: null, month: latePhoto.takenAt.slice(0, 7), zh: '施工前照片拍摄于开工 95 天之后', en: 'the before-works photo was taken 95 days after the start' });

  const borrower = draw((x) => isPublicCategory(x) && isBuilding(x));
  const lender = photos.find((ph) => ph.projectId === finished[0]!.id && ph.stage === 'during')!;
  add(borrower, 'before', addDays(borrower.p.record.start, -5));
  add(borrower, 'during', `${borrower.buildingMonth}-14`, { copyOf: lender.file });
  // The finding is placed with the first of the two projects.
  const first = finished[0]!.p.index < borrower.p.index ? finished[0]! : borrower;
  planted.push({ rule: 'photoReused', town: townOf(first), projects: [finished[0]!.id, borrower.id].sort(), village: null, month: null, zh: `${borrower.id} 的施工中照片是 ${finished[0]!.id} 的照片另存（重新压缩）的`, en: `${borrower.id}’s during-works photo is ${finished[0]!.id}’s, saved again (recompressed)` });

  const gap = draw((x) => isPublicCategory(x) && isFinished(x));
  add(gap, 'before', addDays(gap.p.record.start, -2));
  add(gap, 'during', `${gap.buildingMonth}-10`);
  planted.push({ rule: 'photoMissingDone', town: townOf(gap), projects: [gap.id], village: null, month: gap.doneMonth, zh: '已报完工，只有施工前和施工中照片', en: 'reported done, with only before and during-works photos' });
  return { photos, planted };
}

/** The EXIF a phone writes: when (local time) and where (WGS-84) the photo was taken. */
function exifOf(photo: SamplePhoto): Record<string, Record<string, string>> {
  const dms = (x: number): string => {
    const a = Math.abs(x);
    const deg = Math.floor(a);
    const min = Math.floor((a - deg) * 60);
    const sec = Math.round(((a - deg) * 60 - min) * 60 * 1000);
    return `${deg}/1 ${min}/1 ${sec}/1000`;
  };
  return {
    IFD0: { Make: 'Cunhu', Model: 'sample photo' },
    IFD2: { DateTimeOriginal: `${photo.takenAt.replaceAll('-', ':')} 10:30:00` },
    IFD3: { GPSLatitudeRef: photo.lat >= 0 ? 'N' : 'S', GPSLatitude: dms(photo.lat), GPSLongitudeRef: photo.lon >= 0 ? 'E' : 'W', GPSLongitude: dms(photo.lon) },
  };
}

/** The photo's bytes: its scene (or the photo it copies, saved again) with its EXIF, or none when the table says when and where. */
async function photoBytes(photo: SamplePhoto, written: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const source = photo.copyOf ? written.get(photo.copyOf) : null;
  if (photo.copyOf && !source) throw new Error(`${photo.file}: ${photo.copyOf} is not written yet`);
  const image = source ? sharp(source) : sharp(Buffer.from(sceneSvg(rngFor(PHOTO_SEED, photo.file), photo.stage, photo.projectId)));
  const jpeg = image.jpeg({ quality: source ? 62 : 70, mozjpeg: true });
  return photo.isInTable ? jpeg.toBuffer() : jpeg.withExif(exifOf(photo)).toBuffer();
}

/** photos.csv: time and place blank where the photo's EXIF carries them. */
export function photosCsv(photos: readonly SamplePhoto[]): string {
  const header = PHOTOS.columns.map((c) => c.zh);
  return csvText(header, photos.map((p) => [p.projectId, p.file, PHOTO_STAGE_ZH[p.stage], p.isInTable ? p.takenAt : null, p.isInTable ? p.lon : null, p.isInTable ? p.lat : null, p.caption]));
}

/** Writes photos/ and photos.csv into the dataset folder `dir` (the photos/ folder replaced whole) and the plants into the README. */
export async function writeSamplePhotos(dir: string, readme = join(dir, 'README.md')): Promise<PhotoPlan> {
  const { dataset } = readDataset(dir);
  const plan = planSamplePhotos(dataset);
  rmSync(join(dir, 'photos'), { recursive: true, force: true });
  const written = new Map<string, Buffer>();
  for (const photo of plan.photos) {
    const bytes = await photoBytes(photo, written);
    written.set(photo.file, bytes);
    const path = join(dir, 'photos', photo.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  writeText(join(dir, 'photos.csv'), photosCsv(plan.photos));
  writeText(readme, replaceBlocks(readFileSync(readme, 'utf8'), new Map([[PHOTO_PLANTED_BLOCK, renderPlantedTable(plan.planted)]])));
  return plan;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '../..');
  const plan = await writeSamplePhotos(join(root, 'data'), join(root, README_PATH));
  const bytes = plan.photos.length;
  console.log(`sample photos written to data/photos/ (${bytes} photos, ${plan.planted.length} planted problems)`);
}
