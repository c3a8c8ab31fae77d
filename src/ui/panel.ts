/** The area panel: the story of the selected county, town or village in the chosen month. */
import './panel.css';
import { regionName } from '../domain/region-name';
import { fillText, monthLabel, t } from '../i18n';
import { deriveView } from '../state/derived-view';
import type { PanelFigures } from '../state/derived-view';
import { DEFAULT_VIEW, serializeViewState, type ViewState } from '../state/view-state';
import { h } from './dom';
import { findingsSection } from './findings-section';
import type { PanelContext, PanelDeps } from './panel-context';
import { goals, otherIndicators } from './panel-indicators';
import { poverty } from './panel-poverty';
import { categories, funds, lagging, projectsByStatus } from './panel-projects';
import { precisionsSection } from './precisions-section';

export type { PanelDeps, PanelProjects } from './panel-context';

export interface PanelView {
  /** Renders the panel for a state; cheap when nothing the panel shows has changed. */
  update(state: ViewState): void;
  unmount(): void;
}

/** Mounts the area panel (`#area-panel`) into `el`; nothing shows until the first update. */
export function mountPanel(el: HTMLElement, deps: PanelDeps): PanelView {
  const root = h('section', 'panel-area');
  root.id = 'area-panel';
  root.setAttribute('aria-labelledby', 'area-panel-title');
  el.append(root);
  let shown: { figures: PanelFigures; lang: ViewState['lang'] } | null = null;
  return {
    update(state) {
      const d = deriveView(deps.site, deps.projects, state);
      // The same figures in the same language: nothing to draw again.
      if (shown?.figures === d.panel && shown.lang === state.lang) return;
      shown = { figures: d.panel, lang: state.lang };
      const ctx: PanelContext = { ...deps, sel: d.selection, m: d.monthIndex, lang: state.lang, figures: d.panel, ap: d.panel.projects };
      // Drawn again with the keyboard's focus in it (on its title after a town chosen in the ranking,
      // then its projects loaded): the focus stays, on the same element or the title.
      const active = document.activeElement;
      const focusedId = active instanceof HTMLElement && root.contains(active) ? active.id : null;
      root.replaceChildren(header(ctx), goals(ctx), otherIndicators(ctx), lagging(ctx), categories(ctx), projectsByStatus(ctx), funds(ctx), poverty(ctx));
      if (deps.findings) {
        const { onOpen } = deps.findings;
        root.append(findingsSection({ site: deps.site, ...deps.findings }, d.selection, state.lang));
        const precisions = precisionsSection(deps.site, d.selection, state.lang, (village) => onOpen({ town: deps.site.villages[village]?.townId ?? -1, village, project: null }));
        if (precisions) root.append(precisions);
      }
      if (focusedId !== null) {
        const again = (focusedId !== '' ? document.getElementById(focusedId) : null) ?? document.getElementById('area-panel-title');
        if (again && root.contains(again)) again.focus({ preventScroll: true });
      }
    },
    unmount() {
      root.remove();
    },
  };
}

/** The area's name, its town for a village, and the month. */
function header(c: PanelContext): HTMLElement {
  const el = h('header', 'panel-header');
  const title = h('h2', 'panel-title', c.sel.village?.name ?? c.sel.town?.name ?? regionName(c.site.config.region, c.lang));
  title.id = 'area-panel-title';
  // Focusable by script, not by Tab: the focus comes here when what had it goes (map-side.ts).
  title.tabIndex = -1;
  el.append(title);
  if (c.sel.village && c.sel.town) el.append(h('p', 'panel-subtitle', fillText(c.lang, 'townOf', { town: c.sel.town.name })));
  const month = c.site.months[c.m];
  if (month !== undefined) {
    const time = h('time', '', monthLabel(c.lang, month));
    time.setAttribute('datetime', month);
    const p = h('p', 'panel-month');
    p.append(time);
    el.append(p);
  }
  if (c.sel.town) el.append(noticeLink(c, c.sel.town.code, c.sel.village?.code ?? null));
  return el;
}

/** 打印公示单: the village's notice sheet, or every village's of the town, in the panel's month and language (view=notice). */
function noticeLink(c: PanelContext, town: string, village: string | null): HTMLElement {
  const month = c.m === c.site.months.length - 1 ? null : (c.site.months[c.m] ?? null);
  const a = h('a', 'panel-notice-link', t(c.lang, village ? 'noticeLinkVillage' : 'noticeLinkTown'));
  a.id = 'panel-notice-link';
  a.href = serializeViewState({ ...DEFAULT_VIEW, view: 'notice', town, village, month, lang: c.lang });
  const p = h('p', 'panel-notice');
  p.append(a);
  return p;
}
