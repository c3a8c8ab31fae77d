/** 比学赶超: the towns (or a town's villages) ranked by the current indicator, the map's text alternative. */
import './panel.css';
import type { SiteData } from '../contract/site';
import { formatIndicatorCell, indicatorColumnHeader, indicatorSpec, type IndicatorSpec } from '../domain/indicators';
import { UNITS, percentOfRange } from '../domain/units';
import { DATA_LANG, fillText, langTag, monthLabel, t, type Lang } from '../i18n';
import { deriveView, type DerivedView, type LoadedProjects, type RankedRow } from '../state/derived-view';
import type { RankingSortKey, SortDirection, SortOrder, ViewState } from '../state/view-state';

export interface RankingTableDeps {
  site: SiteData;
  projects: LoadedProjects;
  /** A column's header was chosen: the new order, for the view state. */
  onSort(order: SortOrder<RankingSortKey>): void;
  onSelectTown(code: string): void;
  onSelectVillage(code: string): void;
}

export interface RankingTableView {
  update(state: ViewState): void;
  unmount(): void;
}

export type { RankingSortKey };
export type RankingSortDirection = SortDirection;

const COLUMNS: readonly RankingSortKey[] = ['rank', 'name', 'value'];
/** The direction a column sorts in when first chosen: names A→Z, values largest first. */
const FIRST_DIRECTION: Record<RankingSortKey, RankingSortDirection> = { rank: 'ascending', name: 'ascending', value: 'descending' };
const COLLATOR = new Intl.Collator(langTag(DATA_LANG));

/** Mounts `<table id="ranking-table">` into `el`; it fills on the first update. */
export function mountRankingTable(el: HTMLElement, deps: RankingTableDeps): RankingTableView {
  const { site } = deps;
  let state: ViewState | null = null;
  let shown: { view: DerivedView; key: string } | null = null;
  const table = document.createElement('table');
  table.id = 'ranking-table';
  table.className = 'ranking-table';
  const caption = table.createCaption();
  caption.className = 'ranking-caption';
  const captionText = document.createElement('span');
  const hint = document.createElement('span');
  hint.className = 'ranking-hint';
  caption.append(captionText, hint);
  const headRow = table.createTHead().insertRow();
  const changeHeader = document.createElement('th');
  changeHeader.scope = 'col';
  changeHeader.className = 'ranking-col-change ranking-num';
  const headers = new Map<RankingSortKey, { th: HTMLTableCellElement; label: HTMLSpanElement; icon: HTMLSpanElement; button: HTMLButtonElement }>();
  for (const key of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = `ranking-col-${key}${key === 'name' ? '' : ' ranking-num'}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ranking-sort';
    const label = document.createElement('span');
    const icon = document.createElement('span');
    icon.className = 'ranking-sort-icon';
    icon.setAttribute('aria-hidden', 'true');
    button.append(label, icon);
    button.addEventListener('click', () => {
      const sort = state?.rankSort;
      if (!sort) return;
      deps.onSort(sort.key === key ? { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: FIRST_DIRECTION[key] });
    });
    th.append(button);
    headRow.append(th);
    headers.set(key, { th, label, icon, button });
    if (key === 'rank') headRow.append(changeHeader);
  }
  const tbody = table.createTBody();
  const footRow = table.createTFoot().insertRow();
  el.append(table);


  function render(): void {
    if (!state) return;
    const lang = state.lang;
    const sort = state.rankSort;
    const d = deriveView(site, deps.projects, state);
    // The same figures in the same language and order: nothing to draw again.
    const key = [lang, sort.key, sort.direction].join('|');
    if (shown?.view === d && shown.key === key) return;
    shown = { view: d, key };
    const { spec, selection: sel, ranking } = d;
    const month = d.month === '' ? undefined : d.month;
    const town = sel.town;
    const ranked = ranking.rows;

    const fill = { indicator: spec[lang], month: month === undefined ? '—' : monthLabel(lang, month) };
    captionText.textContent = town ? fillText(lang, 'rankingVillages', { ...fill, town: town.name }) : fillText(lang, 'rankingTowns', fill);
    hint.textContent = t(lang, 'rankingHint');
    table.dataset.level = town ? 'village' : 'town';
    table.dataset.indicator = spec.id;
    renderHeaders(lang, spec, town !== null, sort);

    const focusedCode = focusedRowCode();
    tbody.replaceChildren(...sortRows(ranked, sort.key, sort.direction).map((row) => renderRow(row, spec, lang, town !== null, sel.village?.code ?? null)));
    if (focusedCode !== null) tbody.querySelector<HTMLButtonElement>(`tr[data-code="${CSS.escape(focusedCode)}"] button`)?.focus();

    const total = ranking.total;
    const label = document.createElement('th');
    label.scope = 'row';
    label.colSpan = 3;
    label.textContent = fillText(lang, 'areaTotal', { name: town ? town.name : site.config.region.name });
    footRow.replaceChildren(label, valueCell(spec, total, lang));
  }

  function renderHeaders(lang: Lang, spec: IndicatorSpec, isVillages: boolean, sort: SortOrder<RankingSortKey>): void {
    const texts: Record<RankingSortKey, string> = {
      rank: t(lang, 'rank'),
      name: t(lang, isVillages ? 'village' : 'town'),
      value: indicatorColumnHeader(spec, lang),
    };
    changeHeader.textContent = t(lang, 'rankChange');
    for (const [key, h] of headers) {
      h.label.textContent = texts[key];
      h.button.title = fillText(lang, 'sortBy', { column: texts[key] });
      const isActive = sort.key === key;
      if (isActive) h.th.setAttribute('aria-sort', sort.direction);
      else h.th.removeAttribute('aria-sort');
      h.icon.textContent = isActive ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕';
      h.icon.classList.toggle('ranking-sort-icon--idle', !isActive);
    }
  }

  function renderRow(row: RankedRow, spec: IndicatorSpec, lang: Lang, isVillage: boolean, selectedVillage: string | null): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.code = row.code;
    if (row.value === null) tr.className = 'ranking-nodata';
    if (row.code === selectedVillage) {
      tr.setAttribute('aria-current', 'true');
      tr.classList.add('ranking-current');
    }
    const rank = tr.insertCell();
    rank.className = 'ranking-num ranking-rank';
    rank.textContent = row.rank === null ? '—' : String(row.rank);
    tr.append(rankChangeCell(row.change, lang));
    const name = document.createElement('th');
    name.scope = 'row';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ranking-link';
    button.textContent = row.name;
    button.addEventListener('click', () => (isVillage ? deps.onSelectVillage(row.code) : deps.onSelectTown(row.code)));
    name.append(button);
    tr.append(name, valueCell(spec, row.value, lang));
    return tr;
  }

  function focusedRowCode(): string | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !tbody.contains(active)) return null;
    return active.closest('tr')?.dataset.code ?? null;
  }

  return {
    update(next) {
      state = next;
      render();
    },
    unmount() {
      table.remove();
    },
  };
}

/** Rows in the chosen order; rows without data always last, in ranking order. */
export function sortRows<R extends { name: string; value: number | null; order: number }>(rows: readonly R[], key: RankingSortKey, direction: RankingSortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: R, b: R): number => {
    if (key === 'name') return sign * COLLATOR.compare(a.name, b.name) || a.order - b.order;
    if (key === 'value') return sign * ((a.value ?? 0) - (b.value ?? 0)) || a.order - b.order;
    return sign * (a.order - b.order);
  };
  const withData = rows.filter((r) => r.value !== null).sort(compare);
  const noData = rows.filter((r) => r.value === null).sort((a, b) => a.order - b.order);
  return [...withData, ...noData];
}

/** ↑2 / ↓1 / – : places climbed or fallen since last month, with words for screen readers. */
function rankChangeCell(change: number | null, lang: Lang): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'ranking-num ranking-change';
  td.dataset.change = change === null ? '' : String(change);
  if (change === null || change === 0) {
    td.textContent = change === null ? '' : '–';
    if (change === 0) td.title = t(lang, 'rankSame');
    return td;
  }
  td.textContent = `${change > 0 ? '↑' : '↓'}${Math.abs(change)}`;
  td.classList.add(change > 0 ? 'ranking-up' : 'ranking-down');
  td.title = fillText(lang, change > 0 ? 'rankUp' : 'rankDown', { n: String(Math.abs(change)) });
  td.setAttribute('aria-label', td.title);
  return td;
}

/** The value cell: the value as its column shows it (无数据 when missing), the raw value in data-value, a bar when the unit has a range (shares, scores). */
function valueCell(spec: IndicatorSpec, value: number | null, lang: Lang): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'ranking-num ranking-value';
  td.dataset.value = value === null ? '' : String(value);
  const text = document.createElement('span');
  text.textContent = formatIndicatorCell(spec, value, lang);
  const width = value === null ? null : percentOfRange(UNITS[spec.unit], value);
  if (width !== null) {
    const bar = document.createElement('span');
    bar.className = 'ranking-bar';
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('span');
    fill.className = 'ranking-bar-fill';
    fill.style.width = `${width}%`;
    bar.append(fill);
    td.append(bar);
  }
  td.append(text);
  return td;
}
