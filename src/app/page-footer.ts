/**
 * The footer: the sources line (src/app/sources.ts) with the release's link to 更新记录 (view=changes)
 * and, for a map embedded in another site
 * (embed=1: the map and legend only, html.embed), a link to the full atlas. The sample notice and
 * the sources stay in an embed.
 */
import type { SiteData } from '../contract/site';
import { t } from '../i18n';
import { serializeViewState, type ViewState } from '../state/view-state';
import { byId } from './dom';
import { mountOneLine } from './one-line';
import { sourcesText } from './sources';

export interface PageFooter {
  update(state: ViewState): void;
}

/** Binds #sources and #embed-open; `update` also switches the page in and out of embed mode. */
export function mountPageFooter(site: SiteData, options: { hasChanges: boolean } = { hasChanges: true }): PageFooter {
  const sources = byId('sources');
  const open = byId('embed-open') as HTMLAnchorElement;
  // On a phone the sources are one line over the sheet; a tap shows them all.
  const oneLine = mountOneLine(sources, 'zh');
  // 更新记录: the release history (view=changes), beside the sources line that names the release.
  const changes = document.createElement('a');
  changes.className = 'release-link';
  // The meeting package carries no release.json (views.ts: its changes view is left out).
  changes.hidden = !site.release || !options.hasChanges;
  sources.before(changes);
  return {
    update(state) {
      sources.textContent = sourcesText(site, state.lang);
      oneLine.setLang(state.lang);
      changes.textContent = t(state.lang, 'changesLink');
      changes.href = serializeViewState({ ...state, view: 'changes', tour: null }) || '#';
      document.documentElement.classList.toggle('embed', state.isEmbed);
      open.hidden = !state.isEmbed;
      open.textContent = t(state.lang, 'embedOpenFull');
      open.href = `${location.pathname}${serializeViewState({ ...state, isEmbed: false })}`;
    },
  };
}
