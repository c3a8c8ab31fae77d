/** The monthly report (月度通报, view=report): one month's bulletin for the county, laid out for A4 and downloadable as CSV. */
import './report.css';
import { qualitySection } from './report-quality';
import { downloadBlob } from './download';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { toCsv, withBom } from '../domain/csv';
import { formatShare, formatSigned, formatWan, pointsUnit, unitName } from '../domain/format';
import { formatIndicator, indicatorSpec, type IndicatorSpec } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { fillText, formatNumber, monthLabel, pick, t, type Lang } from '../i18n';
import { monthIndexOf } from '../state/derive';
import { buildReport, type GoalReach, type LaggingGroup, type MonthlyReport } from '../state/report-model';
import { serializeViewState, type ViewState } from '../state/view-state';

export interface ReportDeps {
  site: SiteData;
  projects: SiteProjects;
  /** A PNG data URL of the map as it is now (the report's month and indicator), or null when there is none. */
  getMapImage(): Promise<string | null>;
  /** Back to the map (view=map). */
  onBack(): void;
}

export interface ReportView {
  /** Renders the report for the state's month and indicator; resolves once the map snapshot is in. */
  update(state: ViewState): Promise<void>;
  unmount(): void;
}

/** The towns table as displayed text, shared by the table and its CSV download. */
export interface TownsTableText {
  header: string[];
  rows: { code: string; cells: string[] }[];
}


/** Mounts `<article id="report">` into `el`; it fills on the first update. */
export function mountReport(el: HTMLElement, deps: ReportDeps): ReportView {
  const { site, projects } = deps;
  el.classList.add('report-host');
  const article = h('article', 'report');
  article.id = 'report';
  article.setAttribute('aria-labelledby', 'report-title');
  el.append(article);
  let shownKey = '';
  let renderCount = 0;
  let csv: { fileName: string; text: string } | null = null;

  const back = h('a', 'report-button report-back', '');
  back.href = '#';
  back.addEventListener('click', (e) => {
    e.preventDefault();
    deps.onBack();
  });
  const csvButton = button('report-csv', () => {
    if (csv) downloadBlob(new Blob([withBom(csv.text)], { type: 'text/csv;charset=utf-8' }), csv.fileName);
  });
  const printButton = button('report-print', () => window.print());
  const actions = h('nav', 'report-actions');
  actions.append(back, csvButton, printButton);

  return {
    async update(state) {
      const m = monthIndexOf(site, state);
      // The snapshot shows the map's classes and delta mode too.
      const key = [m, state.ind, state.lang, state.cls, state.isDelta].join('|');
      if (key === shownKey) return;
      shownKey = key;
      const render = ++renderCount;
      const lang = state.lang;
      const report = buildReport(site, projects, m, state.ind);
      const table = townsTableText(report, lang);
      csv = { fileName: fillText(lang, 'reportFileName', { region: regionName(site.config.region, lang), month: report.month }), text: toCsv([table.header, ...table.rows.map((r) => r.cells)]) };

      actions.setAttribute('aria-label', t(lang, 'reportActions'));
      back.textContent = `← ${t(lang, 'reportBack')}`;
      back.href = serializeViewState({ ...state, view: 'map' }) || '#';
      csvButton.textContent = t(lang, 'reportCsv');
      csvButton.title = t(lang, 'reportCsvHint');
      printButton.textContent = t(lang, 'reportPrint');
      const snapshot = h('figure', 'report-map');
      snapshot.hidden = true;
      article.dataset.month = report.month;
      article.dataset.indicator = report.indicator;
      article.setAttribute('aria-busy', 'true');
      const c: Ctx = { site, report, lang, spec: indicatorSpec(report.indicator) };
      // The front page: the map snapshot beside (or above) the county's figures.
      const overview = h('div', 'report-overview');
      overview.append(snapshot, countySection(c));
      article.replaceChildren(actions, masthead(c), overview, townsSection(c, table), laggingSection(c), goalsSection(c), qualitySection(site, m, lang), footer(c));

      const image = await deps.getMapImage().catch(() => null);
      const cropped = image === null ? null : await trimmed(image).catch(() => null);
      if (render !== renderCount) return;
      if (cropped !== null) {
        const img = h('img', 'report-map-image');
        const alt = fillText(lang, state.isDelta ? 'reportMapAltDelta' : 'reportMapAlt', { region: regionName(site.config.region, lang), indicator: c.spec[lang], month: monthLabel(lang, report.month) });
        img.alt = alt;
        img.src = cropped.url;
        snapshot.append(img, h('figcaption', '', alt));
        snapshot.hidden = false;
        // A tall county goes beside its figures, a wide one above them.
        overview.classList.toggle('report-overview--side', cropped.width < cropped.height);
        await img.decode().catch(() => undefined);
      }
      if (render === renderCount) article.setAttribute('aria-busy', 'false');
    },
    unmount() {
      renderCount++;
      article.remove();
      el.classList.remove('report-host');
    },
  };
}

/** The towns table's header and rows as shown: rank, rank change, town, value, its change, completion, disbursement, lagging projects. */
export function townsTableText(report: MonthlyReport, lang: Lang): TownsTableText {
  const spec = indicatorSpec(report.indicator);
  const unit = spec.unit === 'points' ? pointsUnit(lang) : unitName(spec.unit, lang);
  const header = [t(lang, 'rank'), t(lang, 'reportRankChange'), t(lang, 'town'), `${pick(spec, lang)}${fillText(lang, 'parenthetical', { text: unit })}`, t(lang, 'reportValueChange'), indicatorSpec('completion')[lang], indicatorSpec('disbursement')[lang], t(lang, 'reportLaggingCount')];
  const rows = report.towns.map((r) => ({
    code: r.code,
    cells: [
      r.rank === null ? '—' : String(r.rank),
      rankChangeText(r.rankChange),
      r.name,
      r.value === null ? t(lang, 'noData') : spec.unit === 'points' ? formatSigned(r.value) : spec.unit === 'score' ? r.value.toFixed(1) : formatShare(r.value),
      changeText(spec, r.change),
      formatShare(r.completion),
      formatShare(r.disbursement),
      r.laggingProjects === null ? '—' : String(r.laggingProjects),
    ],
  }));
  return { header, rows };
}

/** `↑2`, `↓1`, `—` for the same rank; empty when there is nothing to compare with. */
export function rankChangeText(change: number | null): string {
  if (change === null) return '';
  return change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '—';
}

/** A change in percentage points with its sign (`+2.5`, `−1.0`, `0.0`); empty when there is nothing to compare with. */
function changeText(spec: IndicatorSpec, change: number | null): string {
  if (change === null) return '';
  const points = spec.unit === 'share' ? change * 100 : change;
  const text = formatSigned(points);
  return points > 0 && Number(text) !== 0 ? `+${text}` : text;
}

interface Ctx {
  site: SiteData;
  report: MonthlyReport;
  lang: Lang;
  spec: IndicatorSpec;
}

function masthead(c: Ctx): HTMLElement {
  const { site, report, lang } = c;
  const el = h('header', 'report-masthead');
  if (site.config.isSample) el.append(h('p', 'report-sample', t(lang, 'reportSample')));
  const title = h('h1', 'report-title', fillText(lang, 'reportTitle', { title: reportName(site, lang), month: monthLabel(lang, report.month) }));
  title.id = 'report-title';
  const date = site.config.dataDate ?? site.months[site.months.length - 1] ?? '—';
  el.append(title, h('p', 'report-meta', fillText(lang, 'reportMeta', { month: monthLabel(lang, report.month), indicator: c.spec[lang], date })));
  return el;
}

/** The programme's name from the atlas title, without its trailing 图 (map): 竹溪县“十个到村到户”工作图 → …工作. */
function reportName(site: SiteData, lang: Lang): string {
  const { title } = site.config;
  return pick({ zh: title.zh.replace(/图$/, ''), en: title.en }, lang);
}

function countySection(c: Ctx): HTMLElement {
  const { report, lang } = c;
  const { county } = report;
  const el = section('report-county', t(lang, 'reportCountySection'));
  const change = county.laggingChange === null ? '' : fillText(lang, county.laggingChange > 0 ? 'reportLaggingUp' : county.laggingChange < 0 ? 'reportLaggingDown' : 'reportLaggingSame', { n: Math.abs(county.laggingChange) });
  el.append(
    h('p', 'report-lead', fillText(lang, 'reportLead', {
      month: monthLabel(lang, report.month),
      total: formatNumber(lang, county.projects.total),
      done: formatNumber(lang, county.projects.done),
      building: formatNumber(lang, county.projects.building),
      planned: formatNumber(lang, county.projects.planned),
      budget: formatWan(county.budgetWan),
      spent: formatWan(county.spentWan),
      rate: formatShare(county.budgetWan > 0 ? county.spentWan / county.budgetWan : null),
      threshold: c.site.config.thresholds.lagPoints,
      lagging: formatNumber(lang, county.laggingProjects),
      change,
    })),
  );
  const grid = h('dl', 'report-figures');
  for (const f of county.indicators) {
    const spec = indicatorSpec(f.id);
    const goal = c.site.config.goals.find((g) => g.id === f.id);
    const change = f.change === null ? null : fillText(lang, 'reportVsLastMonth', { change: `${changeText(spec, f.change)} ${pointsUnit(lang)}` });
    const item = figure(f.id, goal ? `${goal[lang]}${t(lang, 'colon')}${spec[lang]}` : spec[lang], formatIndicator(spec, f.value, lang), change);
    if (goal) item.classList.add('report-figure--goal');
    grid.append(item);
  }
  const p = county.projects;
  grid.append(
    figure('projects', t(lang, 'projectCount'), formatNumber(lang, p.total), fillText(lang, 'reportStatusBreakdown', { done: formatNumber(lang, p.done), building: formatNumber(lang, p.building), planned: formatNumber(lang, p.planned) })),
    figure('spent', t(lang, 'reportSpentWan'), formatWan(county.spentWan), fillText(lang, 'reportBudgetOf', { budget: formatWan(county.budgetWan) })),
    figure('lagging', t(lang, 'laggingProjects'), formatNumber(lang, county.laggingProjects), county.laggingChange === null ? null : fillText(lang, 'reportCountChange', { change: county.laggingChange > 0 ? `+${county.laggingChange}` : formatSigned(county.laggingChange, 0) })),
  );
  el.append(grid);
  return el;
}

/** One figure of the county grid: a label, a big value and a line below it. */
function figure(name: string, label: string, value: string, note: string | null): HTMLElement {
  const item = h('div', 'report-figure');
  item.dataset.figure = name;
  item.append(h('dt', '', label), h('dd', 'report-figure-value', value));
  if (note !== null) item.append(h('dd', 'report-figure-change', note));
  return item;
}

function townsSection(c: Ctx, text: TownsTableText): HTMLElement {
  const { report, lang } = c;
  const el = section('report-towns-section', t(lang, 'reportTownsSection'));
  const names = (rows: MonthlyReport['towns']): string => (rows.length === 0 ? t(lang, 'reportNone') : rows.map((r) => r.name).join(t(lang, 'reportListSeparator')));
  const ranked = report.towns.filter((r) => r.rank !== null);
  if (ranked.length >= 6) el.append(h('p', 'report-lead', fillText(lang, 'reportTownsLead', { indicator: c.spec[lang], top: names(ranked.slice(0, 3)), bottom: names(ranked.slice(-3)) })));
  if (report.previousMonth === null) el.append(h('p', 'report-note', t(lang, 'reportFirstMonth')));
  else {
    const moves = (rows: MonthlyReport['towns']): string => (rows.length === 0 ? t(lang, 'reportNone') : rows.map((r) => `${r.name}${fillText(lang, 'parenthetical', { text: rankChangeText(r.rankChange) })}`).join(t(lang, 'reportListSeparator')));
    el.append(h('p', 'report-lead', fillText(lang, 'reportMovesLead', { up: moves(report.towns.filter((r) => (r.rankChange ?? 0) > 0)), down: moves(report.towns.filter((r) => (r.rankChange ?? 0) < 0)) })));
  }
  const table = h('table', 'report-table report-towns');
  table.id = 'report-towns';
  table.dataset.indicator = report.indicator;
  table.append(h('caption', 'report-caption', fillText(lang, 'rankingTowns', { indicator: c.spec[lang], month: monthLabel(lang, report.month) })));
  headRow(table, text.header, [0, 1, 3, 4, 5, 6, 7]);
  const body = table.createTBody();
  text.rows.forEach((row, i) => {
    const tr = body.insertRow();
    tr.dataset.code = row.code;
    row.cells.forEach((cell, k) => {
      const td = h(k === 2 ? 'th' : 'td', k === 2 ? '' : k === 1 ? 'report-num report-move' : 'report-num', cell);
      if (k === 2) td.setAttribute('scope', 'row');
      if (k === 1) {
        const move = report.towns[i]?.rankChange ?? null;
        if (move !== null) td.title = fillText(lang, move > 0 ? 'reportRankUp' : move < 0 ? 'reportRankDown' : 'reportRankSame', { n: Math.abs(move) });
      }
      tr.append(td);
    });
  });
  el.append(table);
  return el;
}

function laggingSection(c: Ctx): HTMLElement {
  const { report, lang } = c;
  const el = section('report-lagging', t(lang, 'reportLaggingSection'));
  const n = report.lagging.reduce((sum, g) => sum + g.projects.length, 0);
  if (n === 0) {
    el.append(h('p', 'report-lead', t(lang, 'reportNoLagging')));
    return el;
  }
  el.append(h('p', 'report-lead', fillText(lang, 'reportLaggingLead', { n: formatNumber(lang, n), towns: report.lagging.length, threshold: c.site.config.thresholds.lagPoints })));
  for (const group of report.lagging) el.append(laggingGroup(c, group));
  return el;
}

function laggingGroup(c: Ctx, group: LaggingGroup): HTMLElement {
  const { lang } = c;
  const el = h('section', 'report-lag-group');
  el.dataset.code = group.code;
  el.append(h('h3', 'report-subheading', fillText(lang, 'reportLaggingTown', { town: group.name, n: group.projects.length })));
  const table = h('table', 'report-table report-lag-table');
  headRow(table, [t(lang, 'projectId'), t(lang, 'projectName'), t(lang, 'location'), t(lang, 'unit'), t(lang, 'reportExpected'), t(lang, 'reportActual'), t(lang, 'reportLag')], [4, 5, 6]);
  const townWide = t(lang, group.name.endsWith('乡') ? 'reportTownshipWide' : 'reportTownWide');
  const body = table.createTBody();
  for (const p of group.projects) {
    const tr = body.insertRow();
    tr.dataset.project = p.id;
    const id = h('td', 'report-id', p.id);
    tr.append(id, h('td', '', p.name), h('td', '', p.villageName ?? townWide), h('td', '', p.unit ?? '—'), h('td', 'report-num', `${p.expectedPct.toFixed(1)}%`), h('td', 'report-num', `${p.actualPct.toFixed(1)}%`), h('td', 'report-num report-lag-points', p.lagPoints.toFixed(1)));
  }
  el.append(table);
  return el;
}

function goalsSection(c: Ctx): HTMLElement {
  const el = section('report-goals', t(c.lang, 'reportGoalsSection'));
  el.append(goalsTable(c));
  for (const goal of c.report.goals) el.append(goalBlock(c, goal));
  return el;
}

/** Per town, how many villages reached each goal, with the county total. */
function goalsTable(c: Ctx): HTMLElement {
  const { lang, report } = c;
  const table = h('table', 'report-table report-goals-table');
  table.id = 'report-goals';
  table.append(h('caption', 'report-caption', t(lang, 'reportGoalsCaption')));
  headRow(table, [t(lang, 'town'), t(lang, 'villageCount'), ...report.goals.map((g) => pick(g, lang))], Array.from({ length: report.goals.length + 1 }, (_, i) => i + 1));
  // The new count sits in a fixed-width slot after the number, so the numbers line up.
  const cell = (reached: number, fresh: number): HTMLTableCellElement => {
    const td = h('td', 'report-num', String(reached));
    td.append(h('span', 'report-new-count', fresh > 0 ? `(+${fresh})` : ''));
    return td;
  };
  const row = (section: HTMLTableSectionElement, name: string, villages: number, cells: HTMLTableCellElement[]): HTMLTableRowElement => {
    const tr = section.insertRow();
    const th = h('th', '', name);
    th.scope = 'row';
    tr.append(th, h('td', 'report-num', String(villages)), ...cells);
    return tr;
  };
  const body = table.createTBody();
  c.site.towns.forEach((town, i) => {
    const tr = row(body, town.name, report.goals[0]?.towns[i]?.villageCount ?? town.villageCount, report.goals.map((g) => cell(g.towns[i]?.reached.length ?? 0, g.towns[i]?.newCount ?? 0)));
    tr.dataset.code = town.code;
  });
  const total = row(table.createTFoot(), fillText(lang, 'areaTotal', { name: regionName(c.site.config.region, lang) }), c.site.villages.length, report.goals.map((g) => cell(g.reachedCount, g.newCount)));
  total.className = 'report-total';
  return table;
}

function goalBlock(c: Ctx, goal: GoalReach): HTMLElement {
  const { lang, report } = c;
  const spec = indicatorSpec(goal.goal);
  const el = h('section', 'report-goal');
  el.dataset.goal = goal.goal;
  const heading = h('h3', 'report-subheading', pick(goal, lang));
  const target = fillText(lang, 'reportGoalTarget', { indicator: spec[lang], target: `${Math.round(goal.target * 1000) / 10}%` });
  heading.append(h('span', 'report-goal-target', fillText(lang, 'parenthetical', { text: target })));
  el.append(heading);
  if (goal.reachedCount === 0) {
    el.append(h('p', 'report-note', t(lang, 'reportGoalNone')));
    return el;
  }
  const fill = { villages: formatNumber(lang, goal.villageCount), reached: formatNumber(lang, goal.reachedCount), share: formatShare(goal.villageCount > 0 ? goal.reachedCount / goal.villageCount : null), new: formatNumber(lang, goal.newCount) };
  el.append(h('p', 'report-lead', fillText(lang, report.previousMonth === null ? 'reportGoalLeadFirst' : 'reportGoalLead', fill)));
  const list = h('dl', 'report-reach');
  for (const town of goal.towns.filter((x) => x.reached.length > 0)) {
    const dd = h('dd', '');
    town.reached.forEach((v, i) => {
      if (i > 0) dd.append(t(lang, 'reportListSeparator'));
      if (!v.isNew) dd.append(v.name);
      else {
        const strong = h('strong', 'report-new', v.name);
        strong.append(h('span', 'report-new-mark', fillText(lang, 'parenthetical', { text: t(lang, 'reportNew') })));
        dd.append(strong);
      }
    });
    const item = h('div', 'report-reach-town');
    item.dataset.code = town.code;
    item.append(h('dt', '', `${town.name} ${town.reached.length}/${town.villageCount}`), dd);
    list.append(item);
  }
  el.append(list);
  return el;
}

function footer(c: Ctx): HTMLElement {
  const el = h('footer', 'report-footer');
  el.append(h('p', '', fillText(c.lang, 'reportFooter', { region: regionName(c.site.config.region, c.lang) })));
  if (c.site.config.isSample) el.append(h('p', '', t(c.lang, 'sampleBanner')));
  return el;
}

/** A numbered section with its heading. */
function section(className: string, title: string): HTMLElement {
  const el = h('section', `report-section ${className}`);
  el.append(h('h2', 'report-heading', title));
  return el;
}

/** A table head row; `numeric` columns are right-aligned. */
function headRow(table: HTMLTableElement, labels: readonly string[], numeric: readonly number[]): void {
  const row = table.createTHead().insertRow();
  labels.forEach((label, i) => {
    const th = h('th', numeric.includes(i) ? 'report-num' : '', label);
    th.scope = 'col';
    row.append(th);
  });
}

function button(id: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', 'report-button');
  b.type = 'button';
  b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

/** How far (0–255 per channel) a pixel may differ from the corner's and still count as empty background. */
const BACKGROUND_TOLERANCE = 10;
/** Margin kept around the trimmed map, as a share of its longer side. */
const TRIM_MARGIN = 0.03;

/**
 * The snapshot without the plain background around the county (a map framed on a screen's shape
 * leaves wide empty bands): the box of pixels unlike the top-left one, with a small margin. An
 * image without a plain background (a tiled basemap) comes back whole.
 */
async function trimmed(dataUrl: string): Promise<{ url: string; width: number; height: number }> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  const whole = { url: dataUrl, width, height };
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || width === 0 || height === 0) return whole;
  ctx.drawImage(img, 0, 0);
  const box = contentBox(ctx.getImageData(0, 0, width, height).data, width, height);
  if (!box) return whole;
  const margin = Math.round(TRIM_MARGIN * Math.max(box.right - box.left, box.bottom - box.top));
  const left = Math.max(0, box.left - margin);
  const top = Math.max(0, box.top - margin);
  const w = Math.min(width, box.right + 1 + margin) - left;
  const hh = Math.min(height, box.bottom + 1 + margin) - top;
  if (w * hh > 0.9 * width * height) return whole;
  const out = document.createElement('canvas');
  out.width = w;
  out.height = hh;
  out.getContext('2d')?.drawImage(canvas, left, top, w, hh, 0, 0, w, hh);
  return { url: out.toDataURL('image/png'), width: w, height: hh };
}

/** The bounding box of the RGBA pixels unlike the top-left one, or null when all are alike. */
function contentBox(rgba: Uint8ClampedArray, width: number, height: number): { left: number; top: number; right: number; bottom: number } | null {
  const [r, g, b] = [rgba[0] ?? 0, rgba[1] ?? 0, rgba[2] ?? 0];
  const tolerance = BACKGROUND_TOLERANCE;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const isContent = Math.abs((rgba[i] ?? 0) - r) > tolerance || Math.abs((rgba[i + 1] ?? 0) - g) > tolerance || Math.abs((rgba[i + 2] ?? 0) - b) > tolerance;
      if (!isContent) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  return right < 0 ? null : { left, top, right, bottom };
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

