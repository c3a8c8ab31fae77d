/**
 * Which views the first site.json draws alone: the county on the map in the latest month, as the
 * page opens. site.json holds the villages' values of the latest month only (src/contract/site-months.ts);
 * any other view (another month, the change since the last, a town or village, the tour, the report
 * and the other pages) waits for months.json, which the page fetches as soon as it is ready.
 */
import type { SiteData } from '../contract/site';
import { monthIndexOf } from '../state/derive';
import type { ViewState } from '../state/view-state';

/** True when `state` reads the villages' values of a month before the latest: it waits for months.json. */
export function needsEveryMonth(site: SiteData, state: ViewState): boolean {
  const isFirstView =
    state.view === 'map' && state.town === null && state.village === null && state.project === null && state.tour === null && !state.isDelta && monthIndexOf(site, state) === site.months.length - 1;
  return !isFirstView;
}
