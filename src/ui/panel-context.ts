/** What every section of the area panel shares: its inputs, the selection and month it shows, and the small pieces each draws with. */
import type { SeriesId, SiteData } from '../contract/site';
import { percentOfRange, type UnitSpec } from '../domain/units';
import { formatNumber, t, type Lang, type StringKey } from '../i18n';
import type { AreaProjects, Selection } from '../state/derive';
import type { LoadedProjects, PanelFigures } from '../state/derived-view';
import { h } from './dom';
import type { FindingsDeps } from './findings-section';

/** The loaded projects (a town's load when it is opened): ProjectSource in the app. */
export type PanelProjects = LoadedProjects;

export interface PanelDeps {
  site: SiteData;
  projects: PanelProjects;
  /** When given, the names in the lagging-projects list are buttons that open the project (by its id). */
  onSelectProject?(project: { id: string; town: number; village: number }): void;
  /** When given, the 数据核查 section's findings open their place and link to the projects table. */
  findings?: Omit<FindingsDeps, 'site'>;
}

/** What a section of the panel is drawn from: the inputs, the selected area, the month, the language and the view's derived figures. */
export interface PanelContext extends PanelDeps {
  sel: Selection;
  m: number;
  lang: Lang;
  /** The area's figures (state/derived-view.ts): the panel formats them, it computes none. */
  figures: PanelFigures;
  /** The area's projects in the month; null while its town's projects load. */
  ap: AreaProjects | null;
}

/** A titled section of the panel, labelled by its heading. */
export function section(c: PanelContext, id: string, title: StringKey): { el: HTMLElement; headingId: string } {
  const el = h('section', `panel-section panel-section--${id}`);
  const headingId = `area-panel-${id}`;
  const heading = h('h3', 'panel-heading', t(c.lang, title));
  heading.id = headingId;
  el.setAttribute('aria-labelledby', headingId);
  el.append(heading);
  return { el, headingId };
}

/** A section whose town's projects are still loading. */
export function loading(c: PanelContext, el: HTMLElement): HTMLElement {
  el.append(h('p', 'panel-note panel-loading', t(c.lang, 'loadingProjects')));
  return el;
}

/** The area's value of a series in the month. */
export function areaValue(c: PanelContext, id: SeriesId): number | null {
  return c.figures.values[id];
}

/**
 * A bar whose width is where the value sits in its unit's range (a share's 0–100%); a meter for
 * screen readers, hatched and hidden when there is no value.
 */
export function meter(unit: UnitSpec, value: number | null, label: string, lang: Lang): HTMLElement {
  const pct = value === null ? null : percentOfRange(unit, value);
  const bar = h('div', pct === null ? 'panel-meter panel-meter--nodata' : 'panel-meter');
  const fill = h('div', 'panel-meter-fill');
  bar.append(fill);
  if (value === null || pct === null) {
    bar.setAttribute('aria-hidden', 'true');
    return bar;
  }
  fill.style.width = `${pct}%`;
  bar.setAttribute('role', 'meter');
  bar.setAttribute('aria-label', label);
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', pct.toFixed(1));
  bar.setAttribute('aria-valuetext', unit.format(value, lang));
  return bar;
}

/** `1,234 户` (zh) or `1,234 households` (en). */
export function count(lang: Lang, n: number, unit: StringKey): string {
  const u = t(lang, unit);
  return `${formatNumber(lang, n)}${u === '' ? '' : ` ${u}`}`;
}
