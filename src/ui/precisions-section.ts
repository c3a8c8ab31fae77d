/** The panel's 六个精准 section: each precision measured, estimated or not measurable from this data, with its figures and the villages that fail it. */
import type { SiteData } from '../contract/site';
import { formatShare } from '../domain/format';
import type { Precision } from '../domain/precisions';
import { fillText, pick, t, type Lang, type StringKey } from '../i18n';
import type { Selection } from '../state/derive';
import { h } from './dom';

/** Villages named under a precision before "等 N 个村". */
const FLAGGED_NAMED_MAX = 5;

const BASIS_KEYS: Record<Precision['basis'], StringKey> = { measured: 'basisMeasured', estimated: 'basisEstimated', notMeasurable: 'basisNotMeasurable' };

/** The precisions of the county or of the selected town (a village has none of its own). */
export function precisionsOf(site: SiteData, sel: Selection): Precision[] | null {
  if (sel.village) return null;
  return sel.town ? (site.integrity.precisions.towns[sel.town.id] ?? null) : site.integrity.precisions.county;
}

export function precisionsSection(site: SiteData, sel: Selection, lang: Lang, onVillage: (villageId: number) => void): HTMLElement | null {
  const list = precisionsOf(site, sel);
  if (!list || list.length === 0) return null;
  const el = h('section', 'panel-section panel-section--precisions');
  const heading = h('h3', 'panel-heading', t(lang, 'sixPrecisionsTitle'));
  heading.id = 'area-panel-precisions';
  el.setAttribute('aria-labelledby', heading.id);
  el.append(heading, h('p', 'panel-note', t(lang, 'sixPrecisionsIntro')));
  // Folded: six measures with their villages would push the ranking far down the Tab order.
  const fold = h('details', 'panel-fold');
  fold.append(h('summary', 'panel-fold-summary', t(lang, 'precisionsShow')));
  const dl = h('dl', 'panel-precisions');
  for (const p of list) {
    const dt = h('dt', 'panel-precision-name');
    dt.dataset.precision = p.id;
    dt.append(h('span', '', pick(p, lang)), h('span', `panel-basis panel-basis--${p.basis}`, t(lang, BASIS_KEYS[p.basis])));
    const dd = h('dd', 'panel-precision');
    dd.dataset.precision = p.id;
    if (p.value !== null) dd.append(h('strong', 'panel-precision-value', formatShare(p.value)));
    dd.append(h('span', 'panel-precision-detail', pick(p.detail, lang)));
    if (p.flagged.length > 0) {
      const villages = h('span', 'panel-precision-villages');
      for (const id of p.flagged.slice(0, FLAGGED_NAMED_MAX)) {
        const b = h('button', 'panel-lag-link panel-precision-village', site.villages[id]?.name ?? '');
        b.type = 'button';
        b.addEventListener('click', () => onVillage(id));
        villages.append(b);
      }
      if (p.flagged.length > FLAGGED_NAMED_MAX) villages.append(h('span', 'panel-note', fillText(lang, 'precisionFlagged', { n: p.flagged.length })));
      dd.append(villages);
    }
    dl.append(dt, dd);
  }
  fold.append(dl);
  el.append(fold);
  return el;
}
