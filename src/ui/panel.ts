/** The area panel: the story of the selected county, town or village in the chosen month. */
import './panel.css';
import type { SiteProjects } from '../contract/projects';
import type { SeriesId, SiteData, SiteVillage } from '../contract/site';
import { formatPoints, formatShare, formatWan } from '../domain/format';
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import { fillText, formatNumber, monthLabel, pick, t, type Lang, type StringKey } from '../i18n';
import { areaProjects, monthIndexOf, selectionOf, type AreaProjects, type LaggingRow, type Selection } from '../state/derive';
import type { ViewState } from '../state/view-state';
import { findingsSection, type FindingsDeps } from './findings-section';
import { precisionsSection } from './precisions-section';
import { sparkline } from './sparkline';

/** The loaded projects (a town's load when it is opened): ProjectSource in the app. */
export interface PanelProjects {
  current: SiteProjects;
  /** Changes whenever `current` does. */
  version: number;
  isLoaded(townId: number): boolean;
}

export interface PanelDeps {
  site: SiteData;
  projects: PanelProjects;
  /** When given, the names in the lagging-projects list are buttons that open the project (by its id). */
  onSelectProject?(project: { id: string; town: number; village: number }): void;
  /** When given, the 数据核查 section's findings open their place and link to the projects table. */
  findings?: Omit<FindingsDeps, 'site'>;
}

/** Lagging projects listed in the panel; the rest are counted ("另有 N 个"). */
export const LAGGING_LIST_MAX = 10;
/** Goal sparklines, in px: small enough to sit beside the figure in a two-column grid. */
const SPARK_WIDTH_PX = 64;
const SPARK_HEIGHT_PX = 28;

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
  let shownKey = '';
  return {
    update(state) {
      const m = monthIndexOf(deps.site, state);
      const sel = selectionOf(deps.site, state);
      const key = [sel.town?.code, sel.village?.code, m, state.lang, deps.projects.version].join('|');
      if (key === shownKey) return;
      shownKey = key;
      const ap = areaProjects(deps.site, deps.projects.current, (id) => deps.projects.isLoaded(id), m, sel, deps.site.config.thresholds.lagPoints);
      const ctx: Ctx = { ...deps, sel, m, lang: state.lang, ap };
      root.replaceChildren(header(ctx), goals(ctx), otherIndicators(ctx), lagging(ctx), categories(ctx), projectsByStatus(ctx), funds(ctx), poverty(ctx));
      if (deps.findings) {
        const { onOpen } = deps.findings;
        root.append(findingsSection({ site: deps.site, ...deps.findings }, sel, state.lang));
        const precisions = precisionsSection(deps.site, sel, state.lang, (village) => onOpen({ town: deps.site.villages[village]?.townId ?? -1, village, project: null }));
        if (precisions) root.append(precisions);
      }
    },
    unmount() {
      root.remove();
    },
  };
}

interface Ctx extends PanelDeps {
  sel: Selection;
  m: number;
  lang: Lang;
  /** The area's projects in the month; null while its town's projects load. */
  ap: AreaProjects | null;
}

function header(c: Ctx): HTMLElement {
  const el = h('header', 'panel-header');
  const title = h('h2', 'panel-title', c.sel.village?.name ?? c.sel.town?.name ?? c.site.config.region.name);
  title.id = 'area-panel-title';
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
  return el;
}

function goals(c: Ctx): HTMLElement {
  const { el } = section(c, 'goals', 'goals');
  const list = h('ul', 'panel-goals');
  for (const goal of c.site.config.goals) {
    const spec = indicatorSpec(goal.id);
    const value = areaValue(c, goal.id);
    const isEstimated = c.site.estimated.includes(goal.id);
    const item = h('li', 'panel-goal');
    const slogan = pick(goal, c.lang);
    const figure = h('p', 'panel-goal-figure');
    const number = h('span', 'panel-goal-value', formatShare(value));
    number.dataset.indicator = goal.id;
    number.dataset.value = value === null ? '' : String(value);
    figure.append(number, goalSparkline(c, goal.id, slogan));
    if (value === null) figure.append(h('span', 'panel-badge panel-badge--nodata', t(c.lang, 'noData')));
    if (isEstimated) {
      const badge = h('span', 'panel-badge panel-badge--estimate', t(c.lang, 'estimated'));
      badge.title = t(c.lang, 'estimatedNote');
      figure.append(badge);
    }
    item.append(h('p', 'panel-goal-slogan', slogan), figure, meter(value, `${slogan}：${spec[c.lang]}`), h('p', 'panel-goal-name', spec[c.lang]));
    list.append(item);
  }
  el.append(list);
  return el;
}

function otherIndicators(c: Ctx): HTMLElement {
  const { el } = section(c, 'other', 'otherIndicators');
  const dl = h('dl', 'panel-stats');
  for (const id of ['completion', 'progress', 'disbursement', 'lag', 'incidence'] as const) {
    const spec = indicatorSpec(id);
    const value = areaValue(c, id);
    const dd = h('dd', value === null ? 'panel-nodata' : '', formatIndicator(spec, value, c.lang));
    dd.dataset.indicator = id;
    dd.dataset.value = value === null ? '' : String(value);
    if (value === null) dd.append(h('span', 'panel-badge panel-badge--nodata', t(c.lang, 'noData')));
    dl.append(h('dt', '', spec[c.lang]), dd);
  }
  const lagging = areaValue(c, 'laggingProjects');
  dl.append(h('dt', '', t(c.lang, 'laggingProjects')), h('dd', lagging === null ? 'panel-nodata' : '', lagging === null ? '—' : count(c.lang, lagging, 'itemsUnit')));
  el.append(dl);
  if (!c.sel.village) {
    // 进度不均: how far apart the parts of the area are in completion (the May 2016 report's word).
    const spread = spreadPoints(completionOfParts(c));
    const dt = h('dt', '', t(c.lang, 'unevenness'));
    const dd = h('dd', spread === null ? 'panel-nodata' : '', formatPoints(spread, c.lang));
    dd.dataset.figure = 'unevenness';
    dd.dataset.value = spread === null ? '' : String(spread);
    dl.append(dt, dd);
    el.append(h('p', 'panel-note', `${t(c.lang, 'unevenness')}${t(c.lang, 'colon')}${t(c.lang, c.sel.town ? 'unevennessVillages' : 'unevennessTowns')}`));
  }
  return el;
}

/**
 * The spread of a set of completion shares (0–1), in percentage points: their standard deviation
 * (population, over the non-null values); null with fewer than two values.
 */
export function spreadPoints(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length < 2) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) * 100;
}

/** Completion in the month of the area's parts: the villages of a town, or the towns of the county. */
function completionOfParts(c: Ctx): (number | null)[] {
  const s = c.site.series.completion;
  const town = c.sel.town;
  if (town) {
    const row = s.villages[c.m] ?? [];
    return c.site.villages.filter((v) => v.townId === town.id).map((v) => row[v.id] ?? null);
  }
  const row = s.towns[c.m] ?? [];
  return c.site.towns.map((tw) => row[tw.id] ?? null);
}

/** The goal over every month for the area, the shown month marked; shares on a fixed 0–100% scale. */
function goalSparkline(c: Ctx, id: SeriesId, slogan: string): HTMLElement {
  const first = c.site.months[0];
  const last = c.site.months[c.site.months.length - 1];
  const svg = sparkline(areaSeries(c, id), {
    width: SPARK_WIDTH_PX,
    height: SPARK_HEIGHT_PX,
    highlightIndex: c.m,
    min: 0,
    max: 1,
    format: formatShare,
    label: first === undefined || last === undefined ? slogan : fillText(c.lang, 'sparklineOf', { goal: slogan, first: monthLabel(c.lang, first), last: monthLabel(c.lang, last) }),
  });
  svg.dataset.sparkline = id;
  const wrap = h('span', 'panel-goal-spark');
  wrap.append(svg);
  return wrap;
}

/** 滞后项目: the area's projects behind plan in the month by more than the threshold, worst first. */
function lagging(c: Ctx): HTMLElement {
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

/** A section whose town's projects are still loading. */
function loading(c: Ctx, el: HTMLElement): HTMLElement {
  el.append(h('p', 'panel-note panel-loading', t(c.lang, 'loadingProjects')));
  return el;
}

/** Where a project is: `town · village`, or `town（全镇）` for a town-wide project. */
function placeOf(c: Ctx, row: LaggingRow): string {
  const town = c.site.towns[row.town]?.name ?? '';
  const village = c.site.villages[row.village]?.name;
  return village === undefined ? fillText(c.lang, 'townWide', { town }) : `${town} · ${village}`;
}

function categories(c: Ctx): HTMLElement {
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

function projectsByStatus(c: Ctx): HTMLElement {
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

function funds(c: Ctx): HTMLElement {
  const { el } = section(c, 'funds', 'money');
  if (!c.ap) return loading(c, el);
  const totals = c.ap.totals;
  const rate = totals.budgetWan > 0 ? totals.spentWan / totals.budgetWan : null;
  const disbursement = indicatorSpec('disbursement');
  const figure = h('p', 'panel-money-figure');
  figure.append(h('span', 'panel-money-value', formatShare(rate)), h('span', 'panel-money-label', disbursement[c.lang]));
  const dl = h('dl', 'panel-stats');
  dl.append(h('dt', '', t(c.lang, 'budget')), h('dd', '', `${formatWan(totals.budgetWan)} ${t(c.lang, 'wan')}`), h('dt', '', t(c.lang, 'spent')), h('dd', '', `${formatWan(totals.spentWan)} ${t(c.lang, 'wan')}`));
  el.append(figure, meter(rate, `${disbursement[c.lang]}：${fillText(c.lang, 'budgetVsSpent', { spent: formatWan(totals.spentWan), budget: formatWan(totals.budgetWan) })}`), dl);
  return el;
}

function poverty(c: Ctx): HTMLElement {
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

/** A bar whose width is the share; a meter for screen readers, hatched and hidden when there is no value. */
function meter(value: number | null, label: string): HTMLElement {
  const bar = h('div', value === null ? 'panel-meter panel-meter--nodata' : 'panel-meter');
  const fill = h('div', 'panel-meter-fill');
  bar.append(fill);
  if (value === null) {
    bar.setAttribute('aria-hidden', 'true');
    return bar;
  }
  const pct = Math.min(100, Math.max(0, value * 100));
  fill.style.width = `${pct}%`;
  bar.setAttribute('role', 'meter');
  bar.setAttribute('aria-label', label);
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', pct.toFixed(1));
  bar.setAttribute('aria-valuetext', formatShare(value));
  return bar;
}

/** A titled section of the panel, labelled by its heading. */
function section(c: Ctx, id: string, title: StringKey): { el: HTMLElement; headingId: string } {
  const el = h('section', `panel-section panel-section--${id}`);
  const headingId = `area-panel-${id}`;
  const heading = h('h3', 'panel-heading', t(c.lang, title));
  heading.id = headingId;
  el.setAttribute('aria-labelledby', headingId);
  el.append(heading);
  return { el, headingId };
}

function areaValue(c: Ctx, id: SeriesId): number | null {
  const s = c.site.series[id];
  if (c.sel.village) return s.villages[c.m]?.[c.sel.village.id] ?? null;
  if (c.sel.town) return s.towns[c.m]?.[c.sel.town.id] ?? null;
  return s.county[c.m] ?? null;
}

/** An area's values over every month. */
function areaSeries(c: Ctx, id: SeriesId): (number | null)[] {
  const s = c.site.series[id];
  const village = c.sel.village;
  const town = c.sel.town;
  if (village) return s.villages.map((row) => row[village.id] ?? null);
  if (town) return s.towns.map((row) => row[town.id] ?? null);
  return [...s.county];
}

function villagesOf(c: Ctx): SiteVillage[] {
  if (c.sel.village) return [c.sel.village];
  const town = c.sel.town;
  return town ? c.site.villages.filter((v) => v.townId === town.id) : c.site.villages;
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  return items.reduce((n, item) => n + f(item), 0);
}

/** `1,234 户` (zh) or `1,234 households` (en). */
function count(lang: Lang, n: number, unit: StringKey): string {
  const u = t(lang, unit);
  return `${formatNumber(lang, n)}${u === '' ? '' : ` ${u}`}`;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
