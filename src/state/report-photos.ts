/** The monthly report's photo check (形象进度): projects finished in the month without a completion photo. Pure, no DOM. */
import type { ProjectStatus } from '../contract/columns';
import { statusAt, type SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { hasCompletionPhoto, hasPhotoColumns, withheldOf } from './project-photos';

/** A project finished in the month with no 竣工 or 验收 photo published. */
export interface PhotoGapRow {
  /** Index into SiteProjects. */
  index: number;
  id: string;
  name: string;
  townName: string;
  /** Null for a town-wide project (全镇). */
  villageName: string | null;
  status: ProjectStatus;
}

export interface ReportPhotos {
  /** Projects that reached 已完工 or 已验收 in the month (from not finished the month before). */
  finished: number;
  /** Of those, the ones without a completion photo and with none withheld, in town order then the ledger's. */
  missing: PhotoGapRow[];
  /** Of those without a published completion photo, the ones whose photos this build withheld (privacy): not "without photo", so counted apart. */
  withheld: number;
}

const isFinished = (s: ProjectStatus): boolean => s === 'done' || s === 'accepted';

/** The month's photo check; null when the site data carries no photos (the dataset has no photos table). */
export function reportPhotos(site: SiteData, projects: SiteProjects, m: number): ReportPhotos | null {
  if (!hasPhotoColumns(projects)) return null;
  const missing: PhotoGapRow[] = [];
  let finished = 0;
  let withheld = 0;
  projects.id.forEach((id, i) => {
    const status = statusAt(projects, m, i);
    if (!isFinished(status) || (m > 0 && isFinished(statusAt(projects, m - 1, i)))) return;
    finished++;
    if (hasCompletionPhoto(projects, i)) return;
    if (withheldOf(projects, i) > 0) {
      withheld++;
      return;
    }
    const town = site.towns[projects.town[i] ?? -1];
    missing.push({ index: i, id, name: projects.name[i] ?? '', townName: town?.name ?? '', villageName: site.villages[projects.village[i] ?? -1]?.name ?? null, status });
  });
  // Towns in site order (code order), each town's projects in the ledger's order.
  missing.sort((a, b) => (projects.town[a.index] ?? 0) - (projects.town[b.index] ?? 0) || a.index - b.index);
  return { finished, missing, withheld };
}
