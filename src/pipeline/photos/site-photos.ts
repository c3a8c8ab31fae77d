/**
 * The site photos stage (issue 22): photos.csv's rows joined to their projects, each listed file
 * read from photos/ and checked (there, an image, a format the build reads), its time and place
 * taken from the table or else from its EXIF, its distance from the project measured; the 数据实
 * photo rules (src/domain/photo-rules.ts) run over them; and, given the Node image work
 * (imaging.ts), each published photo written in two sizes with every metadata field stripped,
 * named by the hash of its bytes. A public build publishes only the config's public categories.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Issue } from '../../contract/issues';
import { problem, type Problem } from '../../i18n/problems';
import { PHOTO_DIR, PHOTO_STAGES, type SitePhoto } from '../../contract/photos';
import type { LonLat } from '../../contract/site';
import { monthEnd } from '../../domain/months';
import type { Finding } from '../../domain/integrity-model';
import type { ListOf } from '../../domain/integrity-model';
import { photoFindings, type PhotoFacts, type PhotoProject } from '../../domain/photo-rules';
import { sha256 } from '../dataset-source';
import { toWgs84 } from '../geo/crs';
import type { Dataset } from '../model';
import { reportsOf } from '../progress-columns';
import { indexById, pointAt, toAt } from '../project-columns';
import type { TableResult } from '../read/table-result';
import { readExif } from './exif';
import type { PhotoImaging, RenderedPhoto } from './imaging';
import { SUPPORTED_FORMATS, sniffFormat } from './photo-format';
import { photoIssue } from './photo-issue';
import type { PhotoRecord } from './photo-rows';

/** Where the stage reads the photo files: the dataset's source. */
export interface PhotoFiles {
  /** A file's bytes by its dataset path, null when absent; throws (with the reason) when it must not or cannot be read. */
  read(path: string): Promise<Uint8Array | null>;
  /** Every file under a folder of the dataset, by dataset path; absent when the source cannot list. */
  filesUnder?(dir: string): Promise<string[]>;
}

export interface PhotoStageOptions {
  isPublic: boolean;
  /** The Node image work; without it nothing is written and no photo is listed (the files are still checked). */
  imaging: PhotoImaging | null;
  /** False in the browser's check view, which is not handed the photo files: only photos.csv is checked. */
  readsFiles: boolean;
}

/** What the build summary and manifest.json say of the photos. */
export interface PhotoSummary {
  /** Rows of photos.csv used. */
  listed: number;
  /** Photos written for the site (each in two sizes). */
  published: number;
  /** Photos of non-public categories left out of a public build. */
  withheld: number;
  /** Bytes written: thumbnails, display sizes. */
  thumbBytes: number;
  fullBytes: number;
}

export interface SitePhotos {
  issues: Issue[];
  /** The photo rules' findings, in rule order. */
  findings: Finding[];
  /** Per project (index = project): its published photos in stage order; null when no project has one. */
  lists: SitePhoto[][] | null;
  /** Per project: photos withheld from this build; null when none were. */
  withheld: number[] | null;
  /** The written photos by their path in the site data (`photos/<hash>.jpg`, `photos/<hash>.t.jpg`). */
  files: Map<string, Uint8Array>;
  /** Null when the dataset has no photos. */
  summary: PhotoSummary | null;
  /** The photo files read, as one input of the release: a hash over their paths and hashes, and their bytes. */
  input: { sha256: string; bytes: number } | null;
}

const EMPTY: SitePhotos = { issues: [], findings: [], lists: null, withheld: null, files: new Map(), summary: null, input: null };

/** Names a clerk's computer leaves in a folder: never photos, never warned about. */
const SYSTEM_FILES = /(^|\/)(\.[^/]*|thumbs\.db|desktop\.ini)$/i;

/** A listed file as read: its bytes' hash and what it holds. */
interface ReadPhoto {
  sha256: string;
  bytes: number;
  takenAt: string | null;
  point: LonLat | null;
  rendered: RenderedPhoto | null;
}

/** Reads, checks and (given imaging) writes the dataset's photos; `table` is photos.csv as read, or null when absent. */
export async function sitePhotos(table: TableResult<PhotoRecord> | null, d: Dataset, source: PhotoFiles, options: PhotoStageOptions): Promise<SitePhotos> {
  const issues: Issue[] = [];
  const present = options.readsFiles && source.filesUnder ? (await source.filesUnder(PHOTO_DIR)).filter((p) => !SYSTEM_FILES.test(p)) : [];
  if (!table) {
    if (present.length > 0) issues.push(photoIssue(`${PHOTO_DIR}/`, 0, '', 'warning', problem('photosNoTable', { count: present.length })));
    return { ...EMPTY, issues };
  }
  const file = table.file;
  const header = (name: string): string => table.headers.get(name) ?? name;
  const byId = indexById(d.projects);
  const dataDate = d.config.dataDate ?? (d.months.length > 0 ? monthEnd(d.months.at(-1)!) : '9999-12-31');
  const lastMonth = d.months.at(-1) ?? dataDate.slice(0, 7);
  const reads = new Map<string, Promise<ReadPhoto | Problem>>();
  const readPhoto = (path: string): Promise<ReadPhoto | Problem> => {
    let r = reads.get(path);
    if (!r) reads.set(path, (r = readOne(path, source, options.imaging)));
    return r;
  };
  const reject = (): void => {
    table.counts.used--;
    table.counts.rejected++;
  };

  const used: { record: PhotoRecord; project: number; photo: ReadPhoto | null }[] = [];
  for (const record of table.records) {
    const project = byId.get(record.projectId);
    if (project === undefined) {
      issues.push(photoIssue(file, record.row, header('project_id'), 'error', problem('photoProjectUnknown', { id: record.projectId })));
      reject();
      continue;
    }
    if (!options.readsFiles) {
      used.push({ record, project, photo: null });
      continue;
    }
    const path = `${PHOTO_DIR}/${record.file}`;
    const photo = await readPhoto(path);
    if ('key' in photo) {
      issues.push(photoIssue(file, record.row, header('file'), 'error', photo));
      reject();
      continue;
    }
    used.push({ record, project, photo });
  }
  if (!options.readsFiles && used.length > 0) {
    issues.push(photoIssue(file, 0, '', 'warning', problem('photoCheckViewOnly')));
  }
  const listed = new Set(Array.from(table.records, (r) => `${PHOTO_DIR}/${r.file}`));
  const unlisted = present.filter((path) => !listed.has(path));
  // A public build's report is published: it counts them, since a folder or file name no row lists
  // has passed no privacy check (王小明家/危房改造前.jpg). The county's own build names each.
  if (options.isPublic && unlisted.length > 0) issues.push(photoIssue(`${PHOTO_DIR}/`, 0, '', 'warning', problem('photosUnlistedCount', { count: unlisted.length })));
  else for (const path of unlisted) issues.push(photoIssue(path, 0, '', 'warning', problem('photoUnlisted', { path })));

  // Time and place: the table's, else the photo's own EXIF; distances from the project's point.
  const crs = d.config.crs;
  const facts: PhotoFacts[] = [];
  const placed = used.map(({ record, project, photo }) => {
    const p = d.projects;
    const point: LonLat | null = record.lon !== null && record.lat !== null ? toWgs84(record.lon, record.lat, crs) : (photo?.point ?? null);
    const takenAt = record.takenAt ?? photo?.takenAt ?? null;
    const targets = [pointAt(p, project), toAt(p, project)].filter((x): x is LonLat => x !== null);
    const distanceM = point && targets.length > 0 ? Math.round(Math.min(...targets.map((t) => metresBetween(point, t)))) : null;
    const town = d.towns[p.town[project]!];
    const isOutsideTown = p.hasOwnPoint[project] === 0 && point && town ? !booleanPointInPolygon(point, town.geometry) : null;
    facts.push({ project, stage: record.stage, takenAt, distanceM, isOutsideTown, sha256: photo?.sha256 ?? `file:${record.file}`, dhash: photo?.rendered?.dhash ?? null });
    return { record, project, photo, takenAt, distanceM };
  });
  // What this build publishes: a public build only the public categories' photos, and it draws no
  // finding from the others' time and place either (a photo's metadata is never published).
  const publicCategories = new Set(d.config.photos.publicCategories);
  const isPublished = (project: number): boolean => !options.isPublic || publicCategories.has(d.config.categories[d.projects.category[project]!]?.id ?? '');
  const pc = d.projects;
  // The rules read only the projects with photos: each is made from the columns when asked.
  const projects: ListOf<PhotoProject> = {
    length: pc.length,
    at: (i) => (i >= 0 && i < pc.length ? { town: pc.town[i]!, village: pc.village[i]!, budgetWan: pc.fields.budgetWan[i]!, start: pc.fields.start.get(i), reports: reportsOf(d.progress, i), hasOwnPoint: pc.hasOwnPoint[i] === 1 } : undefined),
  };
  const findings = photoFindings({ projects, photos: facts.filter((f) => isPublished(f.project)), photoDistanceM: d.config.thresholds.photoDistanceM, dataDate, lastMonth });

  const lists: SitePhoto[][] = Array.from({ length: pc.length }, () => []);
  const withheld = new Array<number>(pc.length).fill(0);
  const files = new Map<string, Uint8Array>();
  const summary: PhotoSummary = { listed: used.length, published: 0, withheld: 0, thumbBytes: 0, fullBytes: 0 };
  const stageOrder = (s: SitePhoto['stage']): number => PHOTO_STAGES.indexOf(s);
  for (const { record, project, photo, takenAt, distanceM } of placed) {
    if (!isPublished(project)) {
      withheld[project]!++;
      summary.withheld++;
      continue;
    }
    const r = photo?.rendered;
    if (!r) continue;
    const name = (await sha256(r.full)).slice(0, 20);
    const full = `${PHOTO_DIR}/${name}.jpg`;
    const thumb = `${PHOTO_DIR}/${name}.t.jpg`;
    if (!files.has(full)) {
      files.set(full, r.full);
      files.set(thumb, r.thumb);
      summary.fullBytes += r.full.length;
      summary.thumbBytes += r.thumb.length;
    }
    summary.published++;
    lists[project]!.push({ stage: record.stage, thumb, full, width: r.width, height: r.height, takenAt, distanceM, caption: record.caption });
  }
  for (const list of lists) list.sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || (a.takenAt ?? '9999').localeCompare(b.takenAt ?? '9999'));
  const input = await inputOf(reads);
  return {
    issues,
    findings,
    lists: lists.some((l) => l.length > 0) ? lists : null,
    withheld: withheld.some((n) => n > 0) ? withheld : null,
    files,
    summary,
    input,
  };
}

/** One listed file read and checked; a problem says why it cannot be used. */
async function readOne(path: string, source: PhotoFiles, imaging: PhotoImaging | null): Promise<ReadPhoto | Problem> {
  let bytes: Uint8Array | null;
  try {
    bytes = await source.read(path);
  } catch (e) {
    return problem('photoReadFailed', { path, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!bytes) return problem('photoMissing', { path });
  const format = sniffFormat(bytes);
  if (format === 'heic' || format === 'avif') return problem('photoHeic', { path, format: format.toUpperCase() });
  if (!format || !SUPPORTED_FORMATS.has(format)) return problem('photoFormatUnknown', { path });
  const exif = await readExif(bytes, format);
  let rendered: RenderedPhoto | null = null;
  if (imaging) {
    try {
      rendered = await imaging.render(bytes);
    } catch (e) {
      return problem('photoUndecodable', { path, format: format.toUpperCase(), detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return { sha256: await sha256(bytes), bytes: bytes.length, takenAt: exif.takenAt, point: exif.lon !== null && exif.lat !== null ? [exif.lon, exif.lat] : null, rendered };
}

/** The photo files as one input of the release: a hash over their paths and hashes, in path order. */
async function inputOf(reads: Map<string, Promise<ReadPhoto | Problem>>): Promise<{ sha256: string; bytes: number } | null> {
  const lines: string[] = [];
  let bytes = 0;
  for (const path of [...reads.keys()].sort()) {
    const r = await reads.get(path)!;
    if ('key' in r) continue;
    lines.push(`${r.sha256}  ${path}\n`);
    bytes += r.bytes;
  }
  return lines.length === 0 ? null : { sha256: await sha256(new TextEncoder().encode(lines.join(''))), bytes };
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function metresBetween(a: LonLat, b: LonLat): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
