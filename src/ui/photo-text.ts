/** How a site photo is named and described in the page: its stage, its alt text, where and when it was taken, and its address. */
import type { PhotoStage, SitePhoto } from '../contract/photos';
import { fillText, formatNumber, t, type Lang, type StringKey } from '../i18n';

const STAGE_KEYS: Readonly<Record<PhotoStage, StringKey>> = {
  before: 'photoStageBefore',
  during: 'photoStageDuring',
  done: 'photoStageDone',
  accepted: 'photoStageAccepted',
};

/** 施工前 / 施工中 / 竣工 / 验收 in the language. */
export function stageName(stage: PhotoStage, lang: Lang): string {
  return t(lang, STAGE_KEYS[stage]);
}

/** The alt text of a photo: its stage and project, and that it is synthetic when the site data is the sample. */
export function photoAlt(photo: SitePhoto, projectName: string, lang: Lang, isSample: boolean): string {
  return fillText(lang, isSample ? 'photoAltSample' : 'photoAlt', { stage: stageName(photo.stage, lang), name: projectName });
}

/** Metres below this are written in metres, from it in kilometres. */
const KM_FROM_M = 1000;

/** How far from the project's point the photo was taken (`距项目点 120 米`, `1.8 km from…`), or null when unknown. */
export function distanceText(distanceM: number | null, lang: Lang): string | null {
  if (distanceM === null || !Number.isFinite(distanceM)) return null;
  if (distanceM < KM_FROM_M) return fillText(lang, 'photoDistanceM', { m: formatNumber(lang, Math.round(distanceM)) });
  return fillText(lang, 'photoDistanceKm', { km: formatNumber(lang, distanceM / 1000, { maximumFractionDigits: 1 }) });
}

/**
 * The site data folder the page loads (src/app/main.ts reads `data/`): a photo's path is relative
 * to it. A data: URL (a photo carried inside the meeting package) is used as it is.
 */
const SITE_DATA_BASE = 'data/';

/** The address of a photo file (`photos/<hash>.t.jpg` → `data/photos/<hash>.t.jpg`), same origin. */
export function photoUrl(path: string): string {
  return path.startsWith('data:image/') ? path : SITE_DATA_BASE + path.replace(/^\/+/, '');
}
