/**
 * The figures a tour stop shows large (src/ui/presentation.ts): the stop's area, its indicator's
 * value in the month, and beside it the town's village count or, for the county, its top three towns.
 */
import type { SiteData } from '../contract/site';
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import { rankAreas } from '../domain/ranking';
import { monthLabel, pick, t } from '../i18n';
import { monthIndexOf, valuesAt } from '../state/derive';
import type { ViewState } from '../state/view-state';
import type { StopFigures } from './presentation';

/** How many towns the county's stop lists from the top of the ranking. */
const COUNTY_TOP_TOWNS = 3;

/** The figures for the stop `state` shows (its town or the county, indicator and month). */
export function stopFigures(site: SiteData, state: ViewState): StopFigures {
  const { lang } = state;
  const m = monthIndexOf(site, state);
  const spec = indicatorSpec(state.ind);
  const values = valuesAt(site, state.ind, m);
  const town = site.towns.find((x) => x.code === state.town);
  const value = town ? (values.towns[town.id] ?? null) : values.county;
  // The county stop ends on the ranking: its top three towns.
  const top = town
    ? []
    : rankAreas(values.towns, spec.isHigherBetter)
        .slice(0, COUNTY_TOP_TOWNS)
        .map((r) => ({ label: `${r.rank ?? '—'}. ${site.towns[r.index]?.name ?? ''}`, value: formatIndicator(spec, r.value, lang) }));
  const villages = { label: t(lang, 'villages'), value: String(town?.villageCount ?? site.villages.length) };
  return {
    townName: town?.name ?? site.config.region.name,
    indicatorName: pick(spec, lang),
    value: formatIndicator(spec, value, lang),
    month: monthLabel(lang, site.months[m] ?? ''),
    extra: town ? [villages] : top,
  };
}
