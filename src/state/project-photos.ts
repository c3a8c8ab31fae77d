/**
 * A project's site photos (形象进度) as the views read them from the loaded projects: its published
 * photos in stage order, how many were withheld, whether it has a completion photo. Pure, no DOM.
 */
import { PHOTO_STAGES, type PhotoStage, type SitePhoto } from '../contract/photos';
import type { SiteProjects } from '../contract/projects';

/** The stages that show a project finished: 竣工 and 验收. */
export const COMPLETION_STAGES: readonly PhotoStage[] = ['done', 'accepted'];

const NO_PHOTOS: readonly SitePhoto[] = Object.freeze([]);

/** Project `i`'s published photos, in stage order (施工前 → 验收; the build's order within a stage). */
export function photosOf(p: Pick<SiteProjects, 'photos'>, i: number): readonly SitePhoto[] {
  const list = p.photos?.[i];
  if (!list || list.length === 0) return NO_PHOTOS;
  const rank = (s: PhotoStage): number => PHOTO_STAGES.indexOf(s);
  // Array.prototype.sort is stable: photos of one stage keep the build's order.
  return [...list].sort((a, b) => rank(a.stage) - rank(b.stage));
}

/** How many of project `i`'s photos this build withheld (privacy). */
export function withheldOf(p: Pick<SiteProjects, 'photosWithheld'>, i: number): number {
  return p.photosWithheld?.[i] ?? 0;
}

/** Whether the projects carry photos at all (published or withheld): a dataset without photos shows no photo lists. */
export function hasPhotoColumns(p: Pick<SiteProjects, 'photos' | 'photosWithheld'>): boolean {
  return p.photos !== undefined || p.photosWithheld !== undefined;
}

/** Whether project `i` has a published 竣工 or 验收 photo. */
export function hasCompletionPhoto(p: Pick<SiteProjects, 'photos'>, i: number): boolean {
  return (p.photos?.[i] ?? []).some((ph) => COMPLETION_STAGES.includes(ph.stage));
}

/**
 * The photo columns of several towns' projects end to end (as mergeProjects joins the others):
 * absent when no part has them, else a town without them counts as none for each of its projects.
 */
export function mergePhotoColumns(parts: readonly SiteProjects[]): Pick<SiteProjects, 'photos' | 'photosWithheld'> {
  const merged: Pick<SiteProjects, 'photos' | 'photosWithheld'> = {};
  if (parts.some((p) => p.photos !== undefined)) merged.photos = parts.flatMap((p) => p.photos ?? p.id.map((): SitePhoto[] => []));
  if (parts.some((p) => p.photosWithheld !== undefined)) merged.photosWithheld = parts.flatMap((p) => p.photosWithheld ?? p.id.map(() => 0));
  return merged;
}

/** A project's photo, by the project's index. */
export interface IndexedPhoto {
  index: number;
  photo: SitePhoto;
}

/**
 * A town's photos as of a month, for a tour stop: each project's latest photo taken by the month's
 * end (or undated), in stage order, so a finished project shows its 竣工 or 验收 photo and one
 * under way its 施工中 or 施工前 one; finished projects first, then the largest, at most `limit`.
 */
export function stopPhotosOf(p: Pick<SiteProjects, 'photos' | 'town' | 'budgetWan'>, townId: number, month: string, limit: number): IndexedPhoto[] {
  const found: IndexedPhoto[] = [];
  p.town.forEach((t, index) => {
    if (t !== townId) return;
    const taken = photosOf(p, index).filter((ph) => ph.takenAt === null || ph.takenAt.slice(0, 7) <= month);
    const photo = taken[taken.length - 1];
    if (photo) found.push({ index, photo });
  });
  const isDone = (x: IndexedPhoto): number => (COMPLETION_STAGES.includes(x.photo.stage) ? 0 : 1);
  found.sort((a, b) => isDone(a) - isDone(b) || (p.budgetWan[b.index] ?? 0) - (p.budgetWan[a.index] ?? 0) || a.index - b.index);
  return found.slice(0, limit);
}
