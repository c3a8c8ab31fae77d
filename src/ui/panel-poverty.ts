/** The area panel's poverty section: poor households and people, those who exited, and the villages. */
import type { SiteVillage } from '../contract/site';
import { t, fillText, type StringKey } from '../i18n';
import { h } from './dom';
import { areaValue, count, section, type PanelContext } from './panel-context';

/** Poor households and people of the area, those who exited and those who remain, then its villages (or the village's own facts). */
export function poverty(c: PanelContext): HTMLElement {
  const { el } = section(c, 'poverty', 'poverty');
  const villages = villagesOf(c);
  // The area's own totals: a village's (null when a public build withholds a small count), else the
  // town's or the county's true sums (which a public build keeps).
  const area = c.sel.village ?? c.sel.town ?? { poorHouseholds: sum(c.site.towns, (t) => t.poorHouseholds), poorPopulation: sum(c.site.towns, (t) => t.poorPopulation), population: sum(c.site.towns, (t) => t.population) };
  const { poorHouseholds, poorPopulation, population } = area;
  const incidence = areaValue(c, 'incidence');
  const remaining = incidence === null || population === null ? null : Math.round(incidence * population);
  const exited = remaining === null || poorPopulation === null ? null : Math.max(0, poorPopulation - remaining);
  const withheld = fillText(c.lang, 'withheldCount', { n: c.site.publication.minHouseholdCount });
  const isWithheld = c.sel.village !== null && poorHouseholds === null;
  const people = (n: number | null): string => (n === null ? (isWithheld ? withheld : '—') : count(c.lang, n, 'peopleUnit'));
  const dl = h('dl', 'panel-stats');
  const add = (key: StringKey, text: string, name?: string): void => {
    const dd = h('dd', text === '—' ? 'panel-nodata' : '', text);
    if (name) dd.dataset.figure = name;
    dl.append(h('dt', '', t(c.lang, key)), dd);
  };
  add('poorHouseholds', poorHouseholds === null ? withheld : count(c.lang, poorHouseholds, 'householdsUnit'), 'poorHouseholds');
  add('poorPopulation', people(poorPopulation), 'poorPopulation');
  add('exitedPopulation', people(exited), 'exitedPopulation');
  add('remainingPoor', people(remaining), 'remainingPoor');
  el.append(dl, h('p', 'panel-note', t(c.lang, 'exitedDerived')));

  const places = h('dl', 'panel-stats panel-stats--places');
  const year = Number(c.site.months[c.m]?.slice(0, 4) ?? Infinity);
  if (c.sel.village) {
    const v = c.sel.village;
    places.append(h('dt', '', t(c.lang, 'isPoorVillage')), h('dd', '', v.isPoorVillage === null ? '—' : t(c.lang, v.isPoorVillage ? 'yes' : 'no')));
    places.append(h('dt', '', t(c.lang, 'exitYear')), h('dd', '', v.exitYear === null ? t(c.lang, 'notYet') : String(v.exitYear)));
  } else {
    places.append(h('dt', '', t(c.lang, 'villageCount')), h('dd', '', String(villages.length)));
    places.append(h('dt', '', t(c.lang, 'poorVillages')), h('dd', '', String(villages.filter((v) => v.isPoorVillage === true).length)));
    places.append(h('dt', '', t(c.lang, 'exitedVillages')), h('dd', '', String(villages.filter((v) => v.exitYear !== null && v.exitYear <= year).length)));
  }
  el.append(places);
  return el;
}

/** The area's villages: the village itself, a town's, or the county's. */
function villagesOf(c: PanelContext): SiteVillage[] {
  if (c.sel.village) return [c.sel.village];
  const town = c.sel.town;
  return town ? c.site.villages.filter((v) => v.townId === town.id) : c.site.villages;
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  return items.reduce((n, item) => n + f(item), 0);
}
