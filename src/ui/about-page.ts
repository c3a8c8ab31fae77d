/** The about page (关于, view=about): what the programme is, how the figures are made, sources, privacy and where to report a problem. */
import './about-page.css';
import type { SiteData } from '../contract/site';
import { langTag, t, type Lang } from '../i18n';
import { serializeViewState, type ViewState } from '../state/view-state';
import { buildAboutContent, type AboutDocument, type AboutSection, type Block, type Inline } from './about-content';
import { h } from './dom';

export interface AboutPageDeps {
  site: SiteData;
  /** True when this copy is the public build (small household counts withheld). */
  isPublic: boolean;
  /** False where no open dataset is published beside the page (the meeting package). */
  hasOpenData?: boolean;
}

export interface AboutPageView {
  /** Renders the page in the state's language. */
  update(state: ViewState): void;
  unmount(): void;
}

/** Mounts `<article id="about">` into `el`; it fills on the first update. */
export function mountAboutPage(el: HTMLElement, deps: AboutPageDeps): AboutPageView {
  const article = h('article', 'about');
  article.id = 'about';
  article.setAttribute('aria-labelledby', 'about-title');
  el.append(article);
  let shownKey = '';
  return {
    update(state) {
      const projectsHref = serializeViewState({ ...state, view: 'projects', tour: null }) || '#';
      const key = `${state.lang}|${projectsHref}`;
      if (key === shownKey) return;
      shownKey = key;
      render(article, buildAboutContent(deps.site, { lang: state.lang, isPublic: deps.isPublic, projectsHref, hasOpenData: deps.hasOpenData ?? true }));
    },
    unmount() {
      article.remove();
    },
  };
}

function render(article: HTMLElement, doc: AboutDocument): void {
  article.lang = langTag(doc.lang);
  const title = h('h2', 'about-title', doc.title);
  title.id = 'about-title';
  article.replaceChildren(title, ...doc.sections.map((s) => renderSection(s, doc.lang)));
}

function renderSection(section: AboutSection, lang: Lang): HTMLElement {
  const el = h('section', 'about-section');
  el.dataset.section = section.id;
  const headingId = `about-${section.id}`;
  el.setAttribute('aria-labelledby', headingId);
  const heading = h('h3', 'about-heading', section.heading);
  heading.id = headingId;
  el.append(heading, ...section.blocks.map((block) => renderBlock(block, section.id, lang)));
  return el;
}

function renderBlock(block: Block, sectionId: string, lang: Lang): HTMLElement {
  switch (block.kind) {
    case 'paragraph': {
      const p = h('p', block.isNotice ? 'about-notice' : 'about-text');
      if (block.isNotice) p.setAttribute('role', 'note');
      p.append(...block.content.map(renderInline));
      return p;
    }
    case 'list': {
      const ul = h('ul', `about-list about-list--${block.name}`);
      for (const item of block.items) {
        const li = h('li', '');
        li.append(...item.map(renderInline));
        ul.append(li);
      }
      return ul;
    }
    case 'facts': {
      const dl = h('dl', 'about-facts');
      for (const item of block.items) {
        const row = h('div', 'about-fact');
        row.dataset.fact = item.name;
        const dd = h('dd', '');
        dd.append(...item.value.map(renderInline));
        row.append(h('dt', '', item.term), dd);
        dl.append(row);
      }
      return dl;
    }
    case 'table':
      return renderTable(block, `about-${sectionId}-${block.name}`, lang);
  }
}

/**
 * A table that becomes one block per row on a phone (about-page.css). Its roles are set explicitly,
 * since some browsers drop a table's semantics once its CSS display changes; each cell carries its
 * column's label for the stacked layout.
 */
function renderTable(block: Extract<Block, { kind: 'table' }>, id: string, lang: Lang): HTMLElement {
  const box = h('div', 'about-table-box');
  const table = h('table', 'about-table');
  table.id = id;
  table.setAttribute('role', 'table');
  const caption = h('caption', 'about-caption', block.caption);
  table.append(caption);
  const thead = table.createTHead();
  thead.setAttribute('role', 'rowgroup');
  const head = thead.insertRow();
  head.setAttribute('role', 'row');
  for (const label of block.header) {
    const th = h('th', '', label);
    th.scope = 'col';
    th.setAttribute('role', 'columnheader');
    head.append(th);
  }
  const body = table.createTBody();
  body.setAttribute('role', 'rowgroup');
  for (const row of block.rows) {
    const tr = body.insertRow();
    tr.setAttribute('role', 'row');
    tr.dataset.key = row.key;
    row.cells.forEach((cell, i) => {
      const td = h(i === 0 ? 'th' : 'td', '');
      if (i === 0) {
        td.setAttribute('scope', 'row');
        td.setAttribute('role', 'rowheader');
      } else {
        td.setAttribute('role', 'cell');
        td.dataset.label = `${block.header[i] ?? ''}${t(lang, 'colon')}`;
      }
      td.append(...cell.map(renderInline));
      tr.append(td);
    });
  }
  box.append(table);
  return box;
}

/** One run of text, as text nodes only: data never goes through innerHTML. */
function renderInline(run: Inline): Node {
  switch (run.kind) {
    case 'swatch': {
      const swatch = h('span', 'about-swatch');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.backgroundColor = run.colour;
      return swatch;
    }
    case 'link': {
      const a = h('a', 'about-link', run.text);
      a.href = run.href;
      if (/^https?:/.test(run.href)) a.rel = 'noopener noreferrer';
      return a;
    }
    case 'text': {
      let node: Node = document.createTextNode(run.text);
      if (run.lang !== undefined) {
        const span = h('span', '');
        span.lang = langTag(run.lang);
        span.append(node);
        node = span;
      }
      if (run.isStrong) {
        const strong = h('strong', '');
        strong.append(node);
        node = strong;
      }
      return node;
    }
  }
}

