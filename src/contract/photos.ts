/**
 * Site photos (形象进度): the evidence a county keeps for a project's visible progress. The dataset
 * may hold `photos.csv` and a `photos/` folder; the build writes each public photo as a thumbnail
 * and a display size with every metadata field stripped, named by content hash, and lists them
 * per project in the town's projects file (`photos`, one list per project, index = project).
 */

/** The stages a photo documents, in the order work happens: 施工前, 施工中, 竣工, 验收. */
export const PHOTO_STAGES = ['before', 'during', 'done', 'accepted'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** One published photo of a project, as the page reads it. */
export interface SitePhoto {
  stage: PhotoStage;
  /** The thumbnail (about 320 px on its long side), relative to the site data root: `photos/<hash>.t.jpg`. */
  thumb: string;
  /** The display size (about 1280 px on its long side), relative to the site data root: `photos/<hash>.jpg`. */
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
