/**
 * The page's title and description, from the view: a browser tab, a bookmark and a link shared in a
 * chat app say which place, indicator (or view) and month they show. Pure (pageTitleOf, tested in
 * Node) plus the one function that writes it to the document.
 */
import type { SiteData } from '../contract/site';
import { indicatorSpec } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { fillText, monthLabel, pick, t, type Lang, type StringKey } from '../i18n';
import { monthIndexOf, selectionOf } from '../state/derive';
import type { ViewName, ViewState } from '../state/view-state';
import { VIEWS } from './views';

export interface PageTitle {
  /** `龙坝镇 · 产业覆盖率 · 2016年12月 — 竹溪县“十个到村到户”工作图` */
  title: string;
  /** One sentence on what the page shows (and, for the sample, that its figures are made up). */
  description: string;
}

/**
 * What each view's title names besides its name: the selected area or the county, with the month,
 * or nothing (the views about no place and no month); and its description's catalogue key. The map
 * is named by its indicator, the other views by their masthead link.
 */
const TITLES: Readonly<Record<ViewName, { place: 'selection' | 'county' | null; description: StringKey }>> = {
  map: { place: 'selection', description: 'pageDescMap' },
  projects: { place: 'selection', description: 'pageDescProjects' },
  report: { place: 'county', description: 'pageDescReport' },
  check: { place: null, description: 'pageDescCheck' },
  about: { place: null, description: 'pageDescAbout' },
  notice: { place: 'selection', description: 'pageDescNotice' },
  changes: { place: null, description: 'pageDescChanges' },
};

/** The title and description of the page for a view of the site. */
export function pageTitleOf(site: SiteData, state: ViewState): PageTitle {
  const { lang } = state;
  const spec = TITLES[state.view];
  const atlas = pick(site.config.title, lang);
  const month = monthLabel(lang, site.months[monthIndexOf(site, state)] ?? '');
  const place = spec.place === 'selection' ? placeName(site, state, lang) : regionName(site.config.region, lang);
  const name = state.view === 'map' ? indicatorName(state, lang) : t(lang, VIEWS[state.view].label);
  const title = spec.place === null ? fillText(lang, 'pageTitleView', { name, atlas }) : fillText(lang, 'pageTitle', { place, name, month, atlas });
  const text = fillText(lang, spec.description, { atlas, place, indicator: name, month });
  const description = site.config.isSample ? fillText(lang, 'pageDescSample', { text }) : text;
  return { title, description };
}

/** Writes a page title into the document: its `<title>` and its `<meta name="description">` (made when missing). */
export function writePageTitle(doc: Document, { title, description }: PageTitle): void {
  if (doc.title !== title) doc.title = title;
  let meta = doc.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) {
    meta = doc.createElement('meta');
    meta.name = 'description';
    doc.head.append(meta);
  }
  if (meta.content !== description) meta.content = description;
}

/** The village (with its town), the town or the county the view shows. */
function placeName(site: SiteData, state: ViewState, lang: Lang): string {
  const { village, town } = selectionOf(site, state);
  if (village && town) return fillText(lang, 'pageTitleVillage', { village: village.name, town: town.name });
  return town?.name ?? regionName(site.config.region, lang);
}

/** The indicator's name; with `delta=1`, its change since the previous month. */
function indicatorName(state: ViewState, lang: Lang): string {
  const indicator = pick(indicatorSpec(state.ind), lang);
  return state.isDelta ? fillText(lang, 'pageTitleDelta', { indicator }) : indicator;
}
