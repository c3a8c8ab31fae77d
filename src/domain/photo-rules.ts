/**
 * 数据实 over site photos (形象进度, issue 22): a photo is evidence of a project's visible progress,
 * and a phone records where and when it was taken, so a photo can contradict the report it backs.
 * Pure: the pipeline (src/pipeline/photos/) hands in each photo's facts, distances already measured.
 */
import type { PhotoStage } from '../contract/photos';
import { DONE_STATUSES, type Finding, type IntegrityProject, type ListOf, type ReportList } from './integrity-model';

/** What the rules read of one photo. */
export interface PhotoFacts {
  /** The project's index. */
  project: number;
  stage: PhotoStage;
  /** The day it was taken (YYYY-MM-DD), or null when neither the table nor the EXIF says. */
  takenAt: string | null;
  /** Metres from the project's own point (the nearer of its two for a relocation), or null when either is unknown. */
  distanceM: number | null;
  /** For a project without a point of its own: whether the photo was taken outside its town; null when not measured. */
  isOutsideTown: boolean | null;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** A 64-bit difference hash of the picture (16 hex digits), or null when it could not be made (the browser's check view). */
  dhash: string | null;
}

/** What the photo rules read of a project. */
export type PhotoProject = Pick<IntegrityProject, 'town' | 'village' | 'budgetWan' | 'start' | 'reports' | 'hasOwnPoint'>;

export interface PhotoRulesInput {
  /** Each made when asked; only the projects with photos are read. */
  projects: ListOf<PhotoProject>;
  photos: readonly PhotoFacts[];
  /** thresholds.photoDistanceM. */
  photoDistanceM: number;
  /** The data date (YYYY-MM-DD): no photo can be taken after it. */
  dataDate: string;
  /** The last month of the data (YYYY-MM): a finding's month is never after it. */
  lastMonth: string;
}

/** Thresholds of the photo rules. */
export const PHOTO_RULES_LIMITS = {
  /** A 施工前 photo may be taken this many days after the start date (the clerk photographs the first week's site). */
  beforeMarginDays: 31,
  /** Two pictures whose difference hashes differ in at most this many of 64 bits are the same picture (at most 6: reused() relies on it). */
  sameHashBits: 6,
} as const;

/** The `kind` figure of photoWrongTime: which impossibility. */
export const WRONG_TIME = { beforeAfterStart: 0, doneBeforeComplete: 1, afterDataDate: 2 } as const;

const DAY_MS = 86_400_000;

/** Every photo finding, in rule order (photoFar, photoWrongTime, photoReused, photoMissingDone), then by project. */
export function photoFindings(d: PhotoRulesInput): Finding[] {
  const byProject = new Map<number, PhotoFacts[]>();
  for (const p of d.photos) {
    let list = byProject.get(p.project);
    if (!list) byProject.set(p.project, (list = []));
    list.push(p);
  }
  const ids = [...byProject.keys()].sort((a, b) => a - b);
  const far: Finding[] = [];
  const time: Finding[] = [];
  const missing: Finding[] = [];
  for (const i of ids) {
    const p = d.projects.at(i)!;
    const photos = byProject.get(i)!;
    const at = (rule: Finding['rule'], month: string | null, figures: Record<string, number>): Finding => ({ rule, month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures });
    const farOnes = photos.filter((ph) => (p.hasOwnPoint ? ph.distanceM !== null && ph.distanceM > d.photoDistanceM : ph.isOutsideTown === true));
    if (farOnes.length > 0) {
      const worst = farOnes.reduce((a, b) => ((b.distanceM ?? 0) > (a.distanceM ?? 0) ? b : a));
      far.push(at('photoFar', monthOf(worst.takenAt, d.lastMonth), { distanceM: Math.round(worst.distanceM ?? 0), limitM: d.photoDistanceM, photos: farOnes.length, outsideTown: p.hasOwnPoint ? 0 : 1 }));
    }
    const wrong = wrongTime(p, photos, d);
    if (wrong) time.push(at('photoWrongTime', monthOf(wrong.takenAt, d.lastMonth), wrong.figures));
    const doneMonth = firstDoneMonth(p.reports);
    const count = p.reports.length;
    if (count > 0 && DONE_STATUSES.has(p.reports.status(count - 1)) && doneMonth && !photos.some((ph) => ph.stage === 'done' || ph.stage === 'accepted')) {
      missing.push(at('photoMissingDone', doneMonth, { doneMonth: yyyymm(doneMonth) }));
    }
  }
  return [...far, ...time, ...reused(d), ...missing];
}

/** The first impossible photo of a project, by stage and then by date; null when none is. */
function wrongTime(p: PhotoProject, photos: readonly PhotoFacts[], d: PhotoRulesInput): { takenAt: string; figures: Record<string, number> } | null {
  const dated = photos.filter((ph): ph is PhotoFacts & { takenAt: string } => ph.takenAt !== null).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const doneMonth = firstDoneMonth(p.reports);
  const latestBefore = addDays(p.start, PHOTO_RULES_LIMITS.beforeMarginDays);
  for (const ph of dated) {
    const taken = yyyymmdd(ph.takenAt);
    if (ph.takenAt > d.dataDate) return { takenAt: ph.takenAt, figures: { kind: WRONG_TIME.afterDataDate, taken, dataDate: yyyymmdd(d.dataDate) } };
    if (ph.stage === 'before' && latestBefore !== null && ph.takenAt > latestBefore) return { takenAt: ph.takenAt, figures: { kind: WRONG_TIME.beforeAfterStart, taken, start: yyyymmdd(p.start), marginDays: PHOTO_RULES_LIMITS.beforeMarginDays } };
    if ((ph.stage === 'done' || ph.stage === 'accepted') && (doneMonth === null || ph.takenAt.slice(0, 7) < doneMonth)) return { takenAt: ph.takenAt, figures: { kind: WRONG_TIME.doneBeforeComplete, taken, doneMonth: doneMonth === null ? 0 : yyyymm(doneMonth) } };
  }
  return null;
}

/**
 * The same picture for two projects: identical bytes, or difference hashes a few bits apart (the
 * same photo saved again, resized or recompressed). One finding per pair of projects.
 *
 * Not every pair of photos is compared (a province's hundred thousand photos would be five billion
 * pairs). Identical bytes share a bucket by their hash. A difference hash is cut into 8 bytes; two
 * hashes at most 6 bits apart differ in at most 6 of them, so they agree on 2 at least, and every
 * such pair shares a bucket keyed by one of the 28 pairs of byte positions and those two bytes'
 * values. Only pairs sharing a bucket are compared: the same findings as comparing all.
 */
function reused(d: PhotoRulesInput): Finding[] {
  const pairs = new Map<string, { a: number; b: number; identical: boolean; bits: number }>();
  const note = (x: PhotoFacts, y: PhotoFacts, identical: boolean, bits: number): void => {
    if (x.project === y.project) return;
    const [a, b] = x.project < y.project ? [x.project, y.project] : [y.project, x.project];
    const key = `${a}:${b}`;
    const seen = pairs.get(key);
    if (!seen || (identical && !seen.identical) || (identical === seen.identical && bits < seen.bits)) pairs.set(key, { a, b, identical, bits });
  };
  const bySha = new Map<string, number[]>();
  d.photos.forEach((p, i) => {
    const same = bySha.get(p.sha256);
    if (same) same.push(i);
    else bySha.set(p.sha256, [i]);
  });
  for (const same of bySha.values()) for (let i = 0; i < same.length; i++) for (let j = i + 1; j < same.length; j++) note(d.photos[same[i]!]!, d.photos[same[j]!]!, true, 0);

  const hashes = d.photos.map((p) => (p.dhash === null || !/^[0-9a-f]{16}$/i.test(p.dhash) ? null : ([parseInt(p.dhash.slice(0, 8), 16), parseInt(p.dhash.slice(8, 16), 16)] as const)));
  const buckets = new Map<string, number[]>();
  d.photos.forEach((p, i) => {
    if (!hashes[i]) return;
    const bytes = p.dhash!.toLowerCase();
    for (let u = 0; u < HASH_BYTES; u++) {
      for (let v = u + 1; v < HASH_BYTES; v++) {
        const key = `${u}${v}${bytes.slice(2 * u, 2 * u + 2)}${bytes.slice(2 * v, 2 * v + 2)}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.push(i);
        else buckets.set(key, [i]);
      }
    }
  });
  const compared = new Set<number>();
  for (const bucket of buckets.values()) {
    for (let s = 0; s < bucket.length; s++) {
      for (let t = s + 1; t < bucket.length; t++) {
        const i = bucket[s]!;
        const j = bucket[t]!;
        const x = d.photos[i]!;
        const y = d.photos[j]!;
        // Each pair once (i < j, as buckets are filled in photo order), photos of one project never.
        const pair = i * d.photos.length + j;
        if (x.project === y.project || x.sha256 === y.sha256 || compared.has(pair)) continue;
        compared.add(pair);
        const hx = hashes[i]!;
        const hy = hashes[j]!;
        const bits = popcount(hx[0] ^ hy[0]) + popcount(hx[1] ^ hy[1]);
        if (bits <= PHOTO_RULES_LIMITS.sameHashBits) note(x, y, false, bits);
      }
    }
  }
  return [...pairs.values()]
    .sort((p, q) => p.a - q.a || p.b - q.b)
    .map(({ a, b, identical, bits }) => {
      const pa = d.projects.at(a)!;
      return { rule: 'photoReused' as const, month: null, town: pa.town, village: pa.village, projects: [a, b], amountWan: pa.budgetWan + d.projects.at(b)!.budgetWan, figures: { identical: identical ? 1 : 0, bits } };
    });
}

/** A difference hash's bytes, cut for reused(): two of 8 agree while at most 6 bits differ (sameHashBits). */
const HASH_BYTES = 8;

/** The first month a project reports 100 % or done (accepted counts as done); null when it never does. */
export function firstDoneMonth(reports: ReportList): string | null {
  for (let k = 0; k < reports.length; k++) {
    const pct = reports.progressPct(k);
    if ((pct !== null && pct >= 100) || DONE_STATUSES.has(reports.status(k))) return reports.month(k);
  }
  return null;
}

function popcount(x: number): number {
  let n = x >>> 0;
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}

/** The month of a day, never after the data's last month; null for an unknown day. */
function monthOf(day: string | null, lastMonth: string): string | null {
  if (day === null) return null;
  const m = day.slice(0, 7);
  return m > lastMonth ? lastMonth : m;
}

function addDays(day: string, days: number): string | null {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? null : new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** `2016-05-12` → 20160512. */
function yyyymmdd(day: string): number {
  return Number(day.slice(0, 10).replaceAll('-', ''));
}

/** `2016-05` → 201605. */
function yyyymm(month: string): number {
  return Number(month.slice(0, 7).replace('-', ''));
}
