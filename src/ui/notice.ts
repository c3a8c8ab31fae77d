/**
 * The village notice board (view=notice): A4 portrait sheets of 村级扶贫项目公告公示, one village
 * (`village=`) or every village of a town (`town=`), for one print. Each village's rows are laid
 * out on a sheet as they print (sizes in mm and pt), measured, and split over as many sheets as
 * they need (notice-paging.ts), numbered 第 2 页 共 3 页 when more than one. The clerk picks the first
 * posting day (the link's `from=`, default today); the posting period's length is the config's.
 */
import './notice.css';
import type { FeatureCollection } from 'geojson';
import type { SiteData } from '../contract/site';
import { localDay, postingPeriod } from '../domain/posting-period';
import { fillText, langTag, t } from '../i18n';
import type { LoadedProjects } from '../state/derived-view';
import { noticeVillages, villageLink, villageNotice } from '../state/notice-model';
import { DEFAULT_VIEW, serializeViewState, type ViewState } from '../state/view-state';
import { h } from './dom';
import { noticeMap } from './notice-map';
import { pageNumbers, pageRows } from './notice-paging';
import { closing, projectRow, projectsTable, qrBox, runningHead, sheetFoot, sheetHead, totalsFoot, type SheetContext } from './notice-sheet';
import { qrSvg } from './qr-svg';

export interface NoticeDeps {
  site: SiteData;
  /** The loaded projects, and how to load a town's. */
  projects: LoadedProjects & { ensure(townIds: readonly number[]): Promise<void> };
  /** The town boundaries (for the small map). */
  towns(): Promise<FeatureCollection>;
  /** The page's own address: the QR code's when the config names no portal (`publicUrl`); null for a page opened from a file (the meeting package). */
  pageHref(): string | null;
  onChange(patch: Partial<ViewState>): void;
}

export interface NoticeView {
  /** Lays out the sheets for the state's town or village, month, language and posting day; resolves when they are drawn. */
  update(state: ViewState): Promise<void>;
  unmount(): void;
}

/** Room kept free at the foot of each sheet's rows, in CSS px (about 2 mm): print rounding must not push a row over. */
const SAFETY_PX = 8;

/** Mounts the notice view into `el`: its actions (back, posting day, print) above the sheets. */
export function mountNotice(el: HTMLElement, deps: NoticeDeps): NoticeView {
  el.classList.add('notice-host');
  const actions = h('nav', 'notice-actions');
  const back = h('a', 'notice-button notice-back');
  const fromLabel = h('label', 'notice-from');
  const fromText = h('span', '');
  const from = h('input', '');
  from.type = 'date';
  from.id = 'notice-from';
  fromLabel.append(fromText, from);
  const days = h('span', 'notice-days');
  const count = h('span', 'notice-count');
  const print = h('button', 'notice-button notice-print');
  print.type = 'button';
  print.id = 'notice-print';
  print.addEventListener('click', () => window.print());
  from.addEventListener('change', () => deps.onChange({ from: /^\d{4}-\d{2}-\d{2}$/.test(from.value) ? from.value : null }));
  actions.append(back, fromLabel, days, count, print);
  const sheets = h('div', 'notice-sheets');
  sheets.id = 'notice';
  el.append(actions, sheets);
  const dropPageRule = followPageRule();
  let shownKey = '';
  let renders = 0;

  return {
    async update(state) {
      const day = state.from ?? localDay(new Date());
      const key = [state.town, state.village, state.month, state.lang, day].join('|');
      if (key === shownKey) return;
      shownKey = key;
      const render = ++renders;
      const { lang } = state;
      const { site } = deps;
      const villages = noticeVillages(site, state);
      back.textContent = `← ${t(lang, 'reportBack')}`;
      back.href = serializeViewState({ ...state, view: 'map', from: null }) || '#';
      fromText.textContent = t(lang, 'noticeFrom');
      from.value = day;
      days.textContent = fillText(lang, 'noticeDays', { days: site.config.notice.postingDays });
      print.textContent = t(lang, 'noticePrint');
      // Printable once the sheets are laid out and their QR codes drawn.
      print.disabled = true;
      actions.setAttribute('aria-label', t(lang, 'noticePrint'));
      sheets.setAttribute('aria-busy', 'true');
      sheets.replaceChildren(h('p', 'notice-loading', t(lang, 'noticeLoading')));
      count.textContent = '';
      if (villages.length === 0) {
        sheets.replaceChildren(chooser(site, state));
        sheets.setAttribute('aria-busy', 'false');
        return;
      }
      const [towns] = await Promise.all([deps.towns(), deps.projects.ensure([...new Set(villages.map((v) => v.townId))]), document.fonts.ready]);
      if (render !== renders) return;
      sheets.replaceChildren();
      const period = postingPeriod(day, site.config.notice.postingDays);
      const codes: Promise<void>[] = [];
      let pages = 0;
      for (const village of villages) {
        const notice = villageNotice(site, deps.projects, state, village);
        const link = villageLink(site.config.publicUrl, deps.pageHref(), village.code, lang);
        const c: SheetContext = { site, p: deps.projects.current, notice, lang, period, link };
        const qr = qrBox(c);
        const map = noticeMap(site, towns, notice.town, village, fillText(lang, 'noticeMapCaption', { village: village.name, town: notice.town.name }));
        const laid = layOut(sheets, c, sheetHead(c, map, qr.box));
        pages += laid;
        // Level Q (25 % recovery): the code still reads under a stamp's edge or across a fold.
        if (link) codes.push(qrSvg(link.url, 'Q').then((svg) => void qr.code.replaceChildren(svg)));
      }
      await Promise.all(codes);
      if (render !== renders) return;
      count.textContent = fillText(lang, 'noticeSheets', { villages: villages.length, pages });
      print.disabled = false;
      sheets.setAttribute('aria-busy', 'false');
    },
    unmount() {
      renders++;
      dropPageRule();
      actions.remove();
      sheets.remove();
      el.classList.remove('notice-host');
    },
  };
}

/**
 * One village's sheets, appended to `host`: everything is first laid out on one sheet, measured,
 * then the rows are dealt onto as many sheets as they need. Returns the number of sheets.
 */
function layOut(host: HTMLElement, c: SheetContext, head: HTMLElement): number {
  const rows = c.notice.projects.map((i, k) => projectRow(c, i, k + 1));
  const first = sheet(c);
  const table = projectsTable(c);
  table.tBodies[0]?.append(...rows);
  totalsFoot(c, table);
  const end = closing(c);
  const running = runningHead(c);
  const foot = sheetFoot(c, null);
  first.append(head, running, table, end, foot);
  host.append(first);
  // What each part takes, in CSS px, as laid out on the sheet.
  const inner = contentHeight(first);
  const height = (e: Element | null | undefined): number => (e ? outerHeight(e) : 0);
  const theadHeight = height(table.tHead);
  const footHeight = height(foot);
  const space = {
    first: inner - height(head) - theadHeight - footHeight - SAFETY_PX,
    next: inner - height(running) - theadHeight - footHeight - SAFETY_PX,
    closing: height(end) + height(table.tFoot),
  };
  const heights = rows.map((r) => r.getBoundingClientRect().height);
  const pages = pageRows(heights, space);
  first.remove();
  const numbers = pageNumbers(pages.length);
  pages.forEach((indexes, n) => {
    const page = sheet(c);
    page.dataset.page = String(n + 1);
    page.dataset.pages = String(pages.length);
    const isLast = n === pages.length - 1;
    page.append(n === 0 ? head : runningHead(c));
    if (rows.length > 0) {
      const t = projectsTable(c);
      t.tBodies[0]?.append(...indexes.map((i) => rows[i]!));
      if (isLast) totalsFoot(c, t);
      if (indexes.length > 0 || isLast) page.append(t);
    }
    if (isLast) page.append(end);
    page.append(sheetFoot(c, numbers[n] ?? null));
    host.append(page);
  });
  return pages.length;
}

function sheet(c: SheetContext): HTMLElement {
  const el = h('section', 'notice-sheet');
  el.dataset.village = c.notice.village.code;
  el.lang = langTag(c.lang);
  return el;
}

/** The paper while the sheets are shown: A4 portrait, no margins (each sheet is a whole page and keeps its own). */
const PAGE_RULE = '@page { size: A4 portrait; margin: 0; }';

/**
 * Sets the document's page rule while the notice view is shown (body[data-view='notice']) and
 * clears it when another view is: Chromium takes the paper's size from the unnamed @page rule, not
 * from the sheets' named page (notice.css), so a landscape rule the map's print left behind would
 * turn the sheets. The rule sits last in <head>, after every other page rule. Returns its removal.
 */
function followPageRule(): () => void {
  const style = document.createElement('style');
  style.id = 'notice-page-rule';
  document.head.append(style);
  const sync = (): void => {
    const text = document.body.dataset.view === 'notice' ? PAGE_RULE : '';
    if (style.textContent !== text) style.textContent = text;
    if (style !== document.head.lastElementChild) document.head.append(style);
  };
  const observer = new MutationObserver(sync);
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-view'] });
  sync();
  return () => {
    observer.disconnect();
    style.remove();
  };
}

/** The height of an element's content box, in CSS px. */
function contentHeight(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
}

/** An element's height with its vertical margins, in CSS px. */
function outerHeight(el: Element): number {
  const style = getComputedStyle(el);
  return el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

/** No town or village in the link: the towns, each a link to its villages' notices. */
function chooser(site: SiteData, state: ViewState): HTMLElement {
  const el = h('div', 'notice-choose');
  el.append(h('p', '', t(state.lang, 'noticeChoose')));
  const list = h('ul', '');
  for (const town of site.towns) {
    const a = h('a', '', town.name);
    a.href = serializeViewState({ ...DEFAULT_VIEW, view: 'notice', town: town.code, lang: state.lang, month: state.month, from: state.from });
    const li = h('li', '');
    li.append(a);
    list.append(li);
  }
  el.append(list);
  return el;
}
