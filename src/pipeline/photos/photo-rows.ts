/** photos.csv's rows (src/contract/columns.ts PHOTOS) as records: the project, the file inside photos/, the stage, and what the table says of time and place. */
import { PHOTOS } from '../../contract/columns';
import { phrase, problem, type ProblemRef } from '../../i18n/problems';
import type { PhotoStage } from '../../contract/photos';
import { lonLat } from '../read/records';
import type { RowReader } from '../read/row-reader';
import { parseDate } from '../read/values';

/** One row of photos.csv. */
export interface PhotoRecord {
  row: number;
  projectId: string;
  /** The path inside photos/, `/`-separated, as checked by `photoPath`. */
  file: string;
  stage: PhotoStage;
  /** YYYY-MM-DD from the table, or null to read the EXIF. */
  takenAt: string | null;
  /** The point from the table (in the config's CRS), or null to read the EXIF. */
  lon: number | null;
  lat: number | null;
  caption: string | null;
}

const STAGE_WORDS: Readonly<Record<string, PhotoStage>> = {
  施工前: 'before', 开工前: 'before', 实施前: 'before', 建设前: 'before', before: 'before',
  施工中: 'during', 在建: 'during', 实施中: 'during', 建设中: 'during', during: 'during',
  竣工: 'done', 完工: 'done', 已完工: 'done', 竣工后: 'done', done: 'done',
  验收: 'accepted', 已验收: 'accepted', 验收时: 'accepted', accepted: 'accepted',
};

/** A stage from its Chinese or English word. */
export function parseStage(raw: string): PhotoStage | null {
  return STAGE_WORDS[raw.normalize('NFKC').replace(/\s/g, '').toLowerCase()] ?? null;
}

/**
 * A photo's file as a path inside photos/: `\` read as `/`, a leading `photos/` dropped; null
 * (with the reason) for an absolute path, a drive, `..`, `.` or an empty part, which could name a
 * file outside the folder.
 */
export function photoPath(raw: string): { path: string } | { problem: ProblemRef } {
  let s = raw.normalize('NFC').trim().replaceAll('\\', '/');
  if (s.startsWith('./')) s = s.slice(2);
  if (s.startsWith('photos/')) s = s.slice('photos/'.length);
  if (/^[a-zA-Z]:/.test(s) || s.startsWith('/')) return { problem: phrase('photoAbsolutePath') };
  const parts = s.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) return { problem: phrase('photoNotPlainPath') };
  return { path: parts.join('/') };
}

/** A date with an optional time (2016-05-12 10:30, 2016:05:12 10:30:00 as a camera writes it) as YYYY-MM-DD. */
export function parseTakenAt(raw: string): string | null {
  const day = raw.normalize('NFKC').trim().split(/[\sT]+/)[0] ?? '';
  return parseDate(/^\d{4}:\d{1,2}:\d{1,2}$/.test(day) ? day.replaceAll(':', '-') : day);
}

/** One row of photos.csv as a record, or null (with the reasons reported) to reject it. */
export function photoRow(r: RowReader): PhotoRecord | null {
  const projectId = r.code('project_id');
  const fileRaw = r.raw('file');
  const stageRaw = r.raw('stage');
  const takenRaw = r.raw('taken_at');
  const point = lonLat(r, 'lon', 'lat');
  const caption = r.text('caption');
  let file: string | null = null;
  if (fileRaw !== null) {
    const p = photoPath(fileRaw);
    if ('problem' in p) r.report('error', 'file', problem('photoFileBad', { value: r.quote(fileRaw), problem: p.problem }));
    else file = p.path;
  }
  const stage = stageRaw === null ? null : parseStage(stageRaw);
  if (stageRaw !== null && stage === null) r.report('error', 'stage', problem('photoStageUnknown', { value: r.quote(stageRaw) }));
  const takenAt = takenRaw === null ? null : parseTakenAt(takenRaw);
  if (takenRaw !== null && takenAt === null) r.report('error', 'taken_at', problem('valueIsNot', { value: r.quote(takenRaw), expected: phrase('expectedDate') }));
  if (projectId === null || file === null || stage === null || (takenRaw !== null && takenAt === null)) return null;
  return { row: r.row, projectId, file, stage, takenAt, lon: point.lon, lat: point.lat, caption };
}

/** photos.csv as a table of the contract, for the table reader. */
export const PHOTO_TABLE = { spec: PHOTOS, build: photoRow } as const;
