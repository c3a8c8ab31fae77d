/** The area panel's poverty section: poor households and people, those who exited, and the villages. */
import { t, fillText, type StringKey } from '../i18n';
import { h } from './dom';
import { count, section, type PanelContext } from './panel-context';

/** Poor households and people of the area, those who exited and those who remain, then its villages (or the village's own facts). */
export function poverty(c: PanelContext): HTMLElement {
  const { el } = section(c, 'poverty', 'poverty');
  const { poorHouseholds, poorPopulation, remaining, exited, isWithheld } = c.figures.poverty;
  const withheld = fillText(c.lang, 'withheldCount', { n: c.site.publication.minHouseholdCount });
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
  if (c.sel.village) {
    const v = c.sel.village;
    places.append(h('dt', '', t(c.lang, 'isPoorVillage')), h('dd', '', v.isPoorVillage === null ? '—' : t(c.lang, v.isPoorVillage ? 'yes' : 'no')));
    places.append(h('dt', '', t(c.lang, 'exitYear')), h('dd', '', v.exitYear === null ? t(c.lang, 'notYet') : String(v.exitYear)));
  } else {
    const p = c.figures.poverty;
    places.append(h('dt', '', t(c.lang, 'villageCount')), h('dd', '', String(p.villageCount)));
    places.append(h('dt', '', t(c.lang, 'poorVillages')), h('dd', '', String(p.poorVillages)));
    places.append(h('dt', '', t(c.lang, 'exitedVillages')), h('dd', '', String(p.exitedVillages)));
  }
  el.append(places);
  return el;
}
