/** The monthly report (月度通报, view=report): one month's bulletin for the county, laid out for A4 and downloadable as CSV. */
import './report.css';
import type { SiteData } from '../contract/site';
import { toCsv, withBom } from '../domain/csv';
import { indicatorSpec } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { fillText, monthLabel, pick, t, type Lang } from '../i18n';
import { deriveView, type LoadedProjects } from '../state/derived-view';
import { serializeViewState, type ViewState } from '../state/view-state';
import { h } from './dom';
import { downloadBlob } from './download';
import { countySection } from './report-county';
import { goalsSection } from './report-goals';
import type { ReportContext } from './report-layout';
import { laggingSection } from './report-lagging';
import { mapKey, type MapKey } from './report-map-key';
import { photosPart } from './report-photos';
import { qualitySection } from './report-quality';
import { reportSnapshot } from './report-snapshot';
import { townsSection, townsTableText } from './report-towns';

export interface ReportDeps {
  site: SiteData;
  /** Every town's projects, loaded before the report mounts. */
  projects: LoadedProjects;
  /** The map as it is now (the report's month and indicator) with the key of its colours, or null when there is none. */
  getMapImage(): Promise<ReportMapImage | null>;
  /** Back to the map (view=map). */
  onBack(): void;
}

/** The report's map: a PNG data URL, and the scale it was coloured with (null before the map was first coloured). */
export interface ReportMapImage {
  url: string;
  key: MapKey | null;
}

export interface ReportView {
  /** Renders the report for the state's month and indicator; resolves once the map snapshot is in. */
  update(state: ViewState): Promise<void>;
  unmount(): void;
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
      const view = deriveView(site, projects, state);
      const m = view.monthIndex;
      // The snapshot shows the map's classes and delta mode too.
      const key = [m, state.ind, state.lang, state.cls, state.isDelta].join('|');
      if (key === shownKey) return;
      shownKey = key;
      const render = ++renderCount;
      const lang = state.lang;
      const report = view.report();
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
      const c: ReportContext = { site, report, lang, spec: indicatorSpec(report.indicator) };
      // The front page: the map snapshot beside (or above) the county's figures.
      const overview = h('div', 'report-overview');
      overview.append(snapshot, countySection(c));
      // Projects finished without a completion photo: a check of the data (数据实), so with the findings.
      const quality = qualitySection(site, report.quality, lang);
      const photos = photosPart(c);
      if (photos) quality.append(photos);
      article.replaceChildren(actions, masthead(c), overview, townsSection(c, table), laggingSection(c), goalsSection(c), quality, footer(c));

      const shot = await reportSnapshot(() => deps.getMapImage());
      if (render !== renderCount) return;
      if (shot.kind === 'failed') {
        // Said, not swallowed: the reason is in the console (reportSnapshot).
        snapshot.append(h('p', 'report-map-failed', t(lang, 'reportMapFailed')));
        snapshot.hidden = false;
      }
      if (shot.kind === 'made') {
        const { image, trimmed: cropped } = shot;
        const img = h('img', 'report-map-image');
        const alt = fillText(lang, state.isDelta ? 'reportMapAltDelta' : 'reportMapAlt', { region: regionName(site.config.region, lang), indicator: c.spec[lang], month: monthLabel(lang, report.month) });
        img.alt = alt;
        img.src = cropped.url;
        snapshot.append(img);
        // The colours' key beside the picture: each class's colour with its range, the lag outline explained.
        if (image.key) snapshot.append(mapKey(image.key, lang));
        snapshot.append(h('figcaption', '', alt));
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

function masthead(c: ReportContext): HTMLElement {
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

function footer(c: ReportContext): HTMLElement {
  const el = h('footer', 'report-footer');
  el.append(h('p', '', fillText(c.lang, 'reportFooter', { region: regionName(c.site.config.region, c.lang) })));
  if (c.site.config.isSample) el.append(h('p', '', t(c.lang, 'sampleBanner')));
  return el;
}

function button(id: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', 'report-button');
  b.type = 'button';
  b.id = id;
  b.addEventListener('click', onClick);
  return b;
}
