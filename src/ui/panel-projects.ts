/** The area panel's projects: those behind plan, the count by category and by status, and the money. */
import { formatWan } from '../domain/format';
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import { UNITS } from '../domain/units';
import { fillText, pick, t } from '../i18n';
import type { LaggingRow } from '../state/derive';
import { h } from './dom';
import { count, loading, meter, section, type PanelContext } from './panel-context';

/** Lagging projects listed in the panel; the rest are counted ("另有 N 个"). */
export const LAGGING_LIST_MAX = 10;

/** 滞后项目: the area's projects behind plan in the month by more than the threshold, worst first. */
export function lagging(c: PanelContext): HTMLElement {
  const threshold = c.site.config.thresholds.lagPoints;
  const { el, headingId } = section(c, 'lagging', 'laggingProjects');
  const heading = el.querySelector('h3');
  if (heading) heading.textContent = fillText(c.lang, 'laggingOf', { n: threshold });
  if (!c.ap) return loading(c, el);
  const rows = c.ap.lagging;
  const count = c.ap.laggingCount;
  const list = h('ol', 'panel-lag-list');
  list.id = 'lagging-list';
  list.dataset.count = String(count);
  list.setAttribute('aria-labelledby', headingId);
  for (const row of rows.slice(0, LAGGING_LIST_MAX)) {
    const id = row.id;
    const item = h('li', 'panel-lag-item');
    item.dataset.project = id;
    item.dataset.lag = String(row.lagPoints);
    const name = row.name || id;
    const onSelect = c.onSelectProject;
    if (onSelect) {
      const b = h('button', 'panel-lag-name panel-lag-link', name);
      b.type = 'button';
      b.addEventListener('click', () => onSelect({ id, town: row.town, village: row.village }));
      item.append(b);
    } else item.append(h('span', 'panel-lag-name', name));
    const unit = row.unit;
    item.append(
      h('span', 'panel-lag-place', placeOf(c, row)),
      h('span', 'panel-lag-unit', `${t(c.lang, 'unit')}${t(c.lang, 'colon')}${unit ?? '—'}`),
      h('span', 'panel-lag-figures', fillText(c.lang, 'lagPlanActual', { expected: Math.round(row.expectedPct), actual: Math.round(row.actualPct), lag: Math.round(row.lagPoints) })),
    );
    list.append(item);
  }
  list.hidden = count === 0;
  el.append(list);
  if (count === 0) el.append(h('p', 'panel-note', t(c.lang, 'lagNone')));
  if (count > LAGGING_LIST_MAX) el.append(h('p', 'panel-lag-more', fillText(c.lang, 'lagMore', { n: count - LAGGING_LIST_MAX })));
  return el;
}

/** Where a project is: `town · village`, or `town（全镇）` for a town-wide project. */
function placeOf(c: PanelContext, row: LaggingRow): string {
  const town = c.site.towns[row.town]?.name ?? '';
  const village = c.site.villages[row.village]?.name;
  return village === undefined ? fillText(c.lang, 'townWide', { town }) : `${town} · ${village}`;
}

/** Projects done of all, per category of the config, with a bar each. */
export function categories(c: PanelContext): HTMLElement {
  const { el, headingId } = section(c, 'categories', 'byCategory');
  if (!c.ap) return loading(c, el);
  const rows = c.ap.categories;
  const table = h('table', 'panel-cats');
  table.setAttribute('aria-labelledby', headingId);
  const head = table.createTHead().insertRow();
  for (const [key, className] of [['category', ''], ['doneOfAll', 'panel-num']] as const) {
    const th = h('th', className, t(c.lang, key));
    th.scope = 'col';
    head.append(th);
  }
  const tbody = table.createTBody();
  c.site.config.categories.forEach((cat, i) => {
    const { done, total } = rows[i] ?? { done: 0, total: 0 };
    const row = tbody.insertRow();
    row.dataset.category = cat.id;
    if (total === 0) row.className = 'panel-cats-empty';
    const name = h('th', '');
    name.scope = 'row';
    const swatch = h('span', 'panel-swatch');
    swatch.style.backgroundColor = cat.colour;
    swatch.setAttribute('aria-hidden', 'true');
    name.append(swatch, document.createTextNode(pick(cat, c.lang)));
    const cell = row.insertCell();
    cell.className = 'panel-num';
    const bar = h('span', 'panel-minibar');
    bar.setAttribute('aria-hidden', 'true');
    const fill = h('span', 'panel-minibar-fill');
    fill.style.width = `${total === 0 ? 0 : (100 * done) / total}%`;
    bar.append(fill);
    const text = h('span', 'panel-cats-count', total === 0 ? '—' : `${done}/${total}`);
    text.setAttribute('aria-hidden', 'true');
    cell.append(bar, text, h('span', 'panel-sr-only', total === 0 ? t(c.lang, 'noProjects') : fillText(c.lang, 'doneOfTotal', { done, total })));
    row.prepend(name);
  });
  el.append(table);
  return el;
}

/** Projects planned, building and done: a stacked bar and the counts. */
export function projectsByStatus(c: PanelContext): HTMLElement {
  const { el } = section(c, 'status', 'byStatus');
  if (!c.ap) return loading(c, el);
  const totals = c.ap.totals;
  const all = totals.planned + totals.building + totals.done;
  const stack = h('div', 'panel-stack');
  stack.setAttribute('aria-hidden', 'true');
  const list = h('ul', 'panel-status-list');
  for (const s of ['planned', 'building', 'done'] as const) {
    const segment = h('span', `panel-stack-part panel-status--${s}`);
    segment.style.width = `${all === 0 ? 0 : (100 * totals[s]) / all}%`;
    stack.append(segment);
    const item = h('li', '');
    const key = h('span', `panel-status-key panel-status--${s}`);
    key.setAttribute('aria-hidden', 'true');
    item.append(key, h('span', '', t(c.lang, s)), h('strong', 'panel-count', String(totals[s])));
    item.dataset.status = s;
    list.append(item);
  }
  el.append(h('p', 'panel-total', `${t(c.lang, 'projectCount')} ${count(c.lang, all, 'itemsUnit')}`), stack, list);
  return el;
}

/** The money: disbursement as a figure and a bar, then budget and spent in 万元. */
export function funds(c: PanelContext): HTMLElement {
  const { el } = section(c, 'funds', 'money');
  if (!c.ap) return loading(c, el);
  const totals = c.ap.totals;
  const rate = c.figures.disbursementRate;
  const disbursement = indicatorSpec('disbursement');
  const figure = h('p', 'panel-money-figure');
  figure.append(h('span', 'panel-money-value', formatIndicator(disbursement, rate, c.lang)), h('span', 'panel-money-label', disbursement[c.lang]));
  const dl = h('dl', 'panel-stats');
  dl.append(h('dt', '', t(c.lang, 'budget')), h('dd', '', `${formatWan(totals.budgetWan)} ${t(c.lang, 'wan')}`), h('dt', '', t(c.lang, 'spent')), h('dd', '', `${formatWan(totals.spentWan)} ${t(c.lang, 'wan')}`));
  el.append(figure, meter(UNITS[disbursement.unit], rate, `${disbursement[c.lang]}：${fillText(c.lang, 'budgetVsSpent', { spent: formatWan(totals.spentWan), budget: formatWan(totals.budgetWan) })}`, c.lang), dl);
  return el;
}

