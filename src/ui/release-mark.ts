/** The mark of a project this release changed (更新 / 往月月报已改写), in its popup and its row of the projects table. */
import './release-mark.css';
import type { SiteRelease } from '../contract/release';
import { t, type Lang } from '../i18n';
import { h } from './dom';

/** A small label when the release added or changed the project, or rewrote a past report of it (that one first); null otherwise. */
export function releaseMark(release: SiteRelease | null | undefined, projectId: string, lang: Lang): HTMLElement | null {
  if (!release) return null;
  if (release.revisedProjects.includes(projectId)) return h('span', 'release-mark release-mark--revised', t(lang, 'changesMarkRevised'));
  if (release.changedProjects.includes(projectId)) return h('span', 'release-mark', t(lang, 'changesMarkChanged'));
  return null;
}
