/** 更新记录 (view=changes): the latest release's changes, with links to the map and the projects table, and every release so far. */
import './changes-page.css';
import type { ReleaseFile } from '../contract/release';
import type { SiteData } from '../contract/site';
import { fillText, langTag, t, type Lang, type StringKey } from '../i18n';
import { changesDocument, type ChangeRow, type ChangesDocument, type ChangesSection } from '../state/changes-model';
import { serializeViewState, type ViewState } from '../state/view-state';
import { h } from './dom';

export interface ChangesPageDeps {
  site: SiteData;
  /** release.json, fetched when the page is first shown. */
  release(): Promise<ReleaseFile>;
  /** Loads a town's projects before a link to one of them is followed (a link names only loaded projects). */
  loadTown(townCode: string): Promise<void>;
}

export interface ChangesPageView {
  /** Renders the page for the state (its language, and the links' other choices); resolves when drawn. */
  update(state: ViewState): Promise<void>;
  unmount(): void;
}

/** Mounts `<article id="changes">` into `el`; it fills on the first update. */
export function mountChangesPage(el: HTMLElement, deps: ChangesPageDeps): ChangesPageView {
  const article = h('article', 'changes');
  article.id = 'changes';
  article.setAttribute('aria-labelledby', 'changes-title');
  el.append(article);
  // A project's link: its town's projects are loaded first, then the link is followed.
  article.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[data-town]');
    if (!(a instanceof HTMLAnchorElement) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const href = a.getAttribute('href') ?? '#';
    void deps.loadTown(a.dataset.town ?? '').then(
      () => (location.hash = href),
      () => (location.hash = href),
    );
  });
  let release: Promise<ReleaseFile> | null = null;
  let shownKey: string | null = null;
  return {
    async update(state) {
      const key = serializeViewState({ ...state, view: 'map' });
      if (key === shownKey) return;
      shownKey = key;
      const title = h('h2', 'changes-title', t(state.lang, 'changesTitle'));
      title.id = 'changes-title';
      article.lang = langTag(state.lang);
      if (!deps.site.release) {
        article.replaceChildren(title, h('p', 'changes-status', t(state.lang, 'changesNoRelease')));
        return;
      }
      release ??= deps.release();
      if (!article.querySelector('.changes-section')) article.replaceChildren(title, h('p', 'changes-status', t(state.lang, 'changesLoading')));
      try {
        const file = await release;
        if (shownKey === key) render(article, changesDocument(deps.site, file, state));
      } catch (e) {
        release = null;
        article.replaceChildren(title, h('p', 'changes-status changes-status--error', fillText(state.lang, 'changesLoadError', { reason: e instanceof Error ? e.message : String(e) })));
      }
    },
    unmount() {
      article.remove();
    },
  };
}

function render(article: HTMLElement, doc: ChangesDocument): void {
  const { lang } = doc;
  const title = h('h2', 'changes-title', doc.title);
  title.id = 'changes-title';
  const parts: HTMLElement[] = [title, h('p', 'changes-release', doc.release), h('p', 'changes-compared', doc.compared)];
  if (doc.sections.length === 0 && doc.compared !== t(lang, 'changesFirst')) parts.push(h('p', 'changes-status', t(lang, 'changesNothing')));
  for (const section of doc.sections) parts.push(renderSection(section, doc));
  parts.push(renderHistory(doc));
  article.replaceChildren(...parts);
}

/** The columns each section shows, by the row's keys. */
const COLUMNS: Readonly<Record<ChangesSection['id'], readonly ('name' | 'place' | 'month' | 'field' | 'old' | 'new' | 'links')[]>> = {
  revised: ['name', 'place', 'month', 'field', 'old', 'new', 'links'],
  added: ['name', 'place', 'links'],
  fields: ['name', 'place', 'field', 'old', 'new', 'links'],
  removed: ['name', 'place'],
  villages: ['name', 'place', 'field', 'old', 'new', 'links'],
};
const HEADERS: Readonly<Record<(typeof COLUMNS)['revised'][number], StringKey>> = {
  name: 'changesColProject',
  place: 'changesColPlace',
  month: 'changesColMonth',
  field: 'changesColField',
  old: 'changesColOld',
  new: 'changesColNew',
  links: 'changesColLinks',
};

function renderSection(section: ChangesSection, doc: ChangesDocument): HTMLElement {
  const { lang } = doc;
  const el = h('section', `changes-section changes-section--${section.id}`);
  el.dataset.section = section.id;
  const headingId = `changes-${section.id}`;
  el.setAttribute('aria-labelledby', headingId);
  const heading = h('h3', 'changes-heading', section.heading);
  heading.id = headingId;
  el.append(heading);
  if (section.id === 'revised' && doc.revisedNote) el.append(h('p', 'changes-note', doc.revisedNote));
  const columns = COLUMNS[section.id];
  const table = h('table', 'changes-table');
  const head = h('tr', '');
  for (const c of columns) head.append(h('th', '', t(lang, HEADERS[c])));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const row of section.rows) body.append(renderRow(row, columns, lang));
  const scroll = h('div', 'changes-scroll');
  scroll.append(table);
  el.append(scroll);
  return el;
}

function renderRow(row: ChangeRow, columns: (typeof COLUMNS)['revised'], lang: Lang): HTMLElement {
  const tr = h('tr', 'changes-row');
  tr.dataset.id = row.id;
  for (const c of columns) {
    if (c === 'name') {
      const td = h('td', 'changes-name', row.name);
      td.append(h('span', 'changes-id', row.id));
      tr.append(labelled(td, t(lang, HEADERS[c])));
    } else if (c === 'links') {
      const td = h('td', 'changes-links');
      if (row.mapHref) td.append(link(row.mapHref, t(lang, 'changesOnMap'), 'changes-map', row.townCode));
      if (row.tableHref) td.append(link(row.tableHref, t(lang, 'changesInTable'), 'changes-table-link', row.townCode));
      tr.append(labelled(td, t(lang, HEADERS[c])));
    } else {
      const td = h('td', c === 'old' || c === 'new' ? `changes-value changes-${c}` : `changes-${c}`, row[c] ?? '');
      tr.append(labelled(td, t(lang, HEADERS[c])));
    }
  }
  return tr;
}

function link(href: string, text: string, className: string, townCode: string): HTMLAnchorElement {
  const a = h('a', className, text);
  a.href = href;
  a.dataset.town = townCode;
  return a;
}

const HISTORY_COLUMNS = ['changesColRelease', 'changesColDate', 'changesColProjects', 'changesColSummary'] as const;

/** A cell with its column's name, which a phone shows before the value (the rows are cards there: changes-page.css). */
function labelled(td: HTMLElement, label: string): HTMLElement {
  td.dataset.label = label;
  return td;
}

function renderHistory(doc: ChangesDocument): HTMLElement {
  const { lang } = doc;
  const el = h('section', 'changes-section changes-history');
  const heading = h('h3', 'changes-heading', t(lang, 'changesHistory'));
  heading.id = 'changes-history';
  el.setAttribute('aria-labelledby', heading.id);
  const table = h('table', 'changes-table');
  const head = h('tr', '');
  for (const key of HISTORY_COLUMNS) head.append(h('th', '', t(lang, key)));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const r of doc.history) {
    const tr = h('tr', r.isLatest ? 'is-latest' : '');
    const cells = [r.isLatest ? `${r.id}${fillText(lang, 'parenthetical', { text: t(lang, 'changesLatest') })}` : r.id, r.date, String(r.projects), r.summary];
    HISTORY_COLUMNS.forEach((key, i) => tr.append(labelled(h('td', key === 'changesColProjects' ? 'changes-value' : '', cells[i] ?? ''), t(lang, key))));
    body.append(tr);
  }
  const scroll = h('div', 'changes-scroll');
  scroll.append(table);
  el.append(heading, scroll);
  return el;
}
