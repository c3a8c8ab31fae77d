import type { Issue } from '../contract/issues';
import type { Lang } from '../i18n';
import type { Problem } from '../i18n/problems';

/**
 * Messages between the preview page and its build worker (src/preview/build-worker.ts). The
 * dataset's bytes go to the worker and the site data comes back; nothing leaves the browser.
 */
export interface BuildRequest {
  /** The dataset's files by their path in a dataset folder (e.g. `boundaries/towns.geojson`). */
  files: Record<string, ArrayBuffer>;
  isPublic: boolean;
}

export type BuildMessage =
  | { kind: 'progress'; step: string; done: number; total: number }
  | { kind: 'done'; issues: Issue[]; errorCount: number; warningCount: number; fatal: Problem | null; rows: Record<string, { read: number; used: number; rejected: number; skipped: number; encoding: string | null }>; outputs: Record<string, string> | null }
  | { kind: 'failed'; message: string };

/** The files again and the problems the build found: the annotate worker marks them in the workbook. */
export interface AnnotateRequest {
  files: Record<string, ArrayBuffer>;
  issues: Issue[];
  /** The page's language: the workbook's comments and its list of problems are written in it. */
  lang: Lang;
}

export type AnnotateMessage = { kind: 'annotated'; bytes: ArrayBuffer } | { kind: 'failed'; message: string };

/** The message the preview frame sends when it is ready, and the one that hands it the site data. */
export const PREVIEW_READY = 'cunhu-preview-ready';
export const PREVIEW_DATA = 'cunhu-preview-data';
