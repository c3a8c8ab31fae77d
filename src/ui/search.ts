/** The search box: an accessible combobox over towns, villages and projects (ARIA 1.2 list autocomplete). */
import './panel.css';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { fillText, t, type Lang, type StringKey } from '../i18n';
import type { SearchHit, SearchIndex, SearchKind } from './search-index';

export type { SearchHit } from './search-index';

export interface SearchDeps {
  site: SiteData;
  /** The loaded projects; `version` changes when more load. */
  projects: { current: SiteProjects; version: number };
  /** Loads the projects a search covers (on the first focus): their names are not in the first view's data. */
  loadProjects(): Promise<void>;
  /** Called when a hit is chosen (Enter or click); the box closes and keeps the hit's name. */
  onPick(hit: SearchHit): void;
  lang: Lang;
}

export interface SearchView {
  setLang(lang: Lang): void;
  unmount(): void;
}

/** Hits the list shows at most. */
export const SEARCH_LIMIT = 8;

const KIND_KEYS: Record<SearchKind, StringKey> = { town: 'searchKindTown', village: 'searchKindVillage', project: 'searchKindProject' };

/** Mounts the search box (`#search`) into `el`. */
export function mountSearch(el: HTMLElement, deps: SearchDeps): SearchView {
  // The index and its pinyin matcher are a chunk of their own, fetched on the first pointer over or
  // focus of the box (before a query is typed), and built when first searched.
  let engine: typeof import('./search-index') | null = null;
  let loading: Promise<unknown> | null = null;
  const load = (): void => {
    loading ??= import('./search-index').then(
      (module) => {
        engine = module;
        // A query typed while it loaded is searched now (and picked, if Enter was pressed meanwhile).
        if (document.activeElement === input && input.value.trim() !== '') open();
        const hit = isEnterPending ? hits[0] : undefined;
        isEnterPending = false;
        if (hit) pick(hit);
      },
      (e: unknown) => {
        loading = null;
        console.error(e);
      },
    );
  };
  let isEnterPending = false;
  let index: SearchIndex | null = null;
  let indexed = -1;
  let lang = deps.lang;
  let hits: SearchHit[] = [];
  let active = -1;
  let isOpen = false;

  const root = document.createElement('div');
  root.className = 'search';
  root.setAttribute('role', 'search');
  const label = document.createElement('label');
  label.className = 'search-label';
  label.htmlFor = 'search';
  const input = document.createElement('input');
  input.type = 'search';
  input.id = 'search';
  input.className = 'search-input';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'search-listbox');
  const list = document.createElement('ul');
  list.id = 'search-listbox';
  list.className = 'search-list';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  root.append(label, input, list, status);
  el.append(root);

  function setTexts(): void {
    label.textContent = t(lang, 'searchLabel');
    input.placeholder = t(lang, 'search');
    list.setAttribute('aria-label', t(lang, 'search'));
  }

  function open(): void {
    if (!engine) {
      load();
      return;
    }
    if (!index || indexed !== deps.projects.version) {
      index = engine.buildSearchIndex(deps.site, deps.projects.current);
      indexed = deps.projects.version;
    }
    const query = input.value;
    hits = engine.search(index, query, SEARCH_LIMIT);
    active = -1;
    isOpen = query.trim() !== '';
    render();
  }

  function close(): void {
    isOpen = false;
    active = -1;
    render();
  }

  function render(): void {
    const hasHits = isOpen && hits.length > 0;
    list.replaceChildren(...(hasHits ? hits.map(option) : []));
    list.hidden = !hasHits;
    input.setAttribute('aria-expanded', String(hasHits));
    if (hasHits && active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    const isEmpty = isOpen && hits.length === 0;
    status.textContent = !isOpen ? '' : isEmpty ? t(lang, 'noMatch') : fillText(lang, 'searchResults', { n: hits.length });
    status.classList.toggle('search-status--empty', isEmpty);
    list.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  function option(hit: SearchHit, i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = `search-option-${i}`;
    li.className = 'search-option';
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(i === active));
    li.dataset.kind = hit.kind;
    li.dataset.code = hit.code;
    li.title = hit.label;
    const badge = document.createElement('span');
    badge.className = `search-badge search-badge--${hit.kind}`;
    badge.textContent = t(lang, KIND_KEYS[hit.kind]);
    const text = document.createElement('span');
    text.className = 'search-option-label';
    text.textContent = hit.label;
    li.append(badge, text);
    // Keep the focus in the input, so the click picks and the input does not blur first.
    li.addEventListener('mousedown', (e) => e.preventDefault());
    li.addEventListener('click', () => pick(hit));
    return li;
  }

  function pick(hit: SearchHit): void {
    // The name alone, so searching again finds the same place first.
    input.value = hit.label.split(' · ')[0] ?? hit.label;
    close();
    deps.onPick(hit);
  }

  function move(step: number): void {
    if (!isOpen) open();
    if (hits.length === 0) return;
    active = active < 0 ? (step > 0 ? 0 : hits.length - 1) : (active + step + hits.length) % hits.length;
    render();
  }

  function onKeydown(e: KeyboardEvent): void {
    if (e.isComposing) return; // an IME is still composing Chinese: its keys are not ours
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      if (!engine) {
        isEnterPending = true;
        e.preventDefault();
        load();
        return;
      }
      if (!isOpen) open();
      const hit = hits[active] ?? hits[0];
      if (!hit) return;
      e.preventDefault();
      pick(hit);
    } else if (e.key === 'Escape') {
      // Handled here, so the page's Escape (up one level) does not fire while the box is in use.
      if (isOpen) close();
      else if (input.value !== '') input.value = '';
      else return;
      e.preventDefault();
      e.stopPropagation();
    }
  }

  input.addEventListener('input', open);
  // Towns and villages are searchable at once; projects once their names have loaded (a query
  // typed meanwhile is searched again then).
  input.addEventListener('pointerenter', load, { once: true });
  input.addEventListener('focus', () => {
    load();
    void deps.loadProjects().then(
      () => {
        if (document.activeElement === input && input.value.trim() !== '' && indexed !== deps.projects.version) open();
      },
      (e: unknown) => console.error(e),
    );
  });
  input.addEventListener('keydown', onKeydown);
  input.addEventListener('blur', close);
  setTexts();

  return {
    setLang(next) {
      lang = next;
      setTexts();
      render();
    },
    unmount() {
      root.remove();
    },
  };
}
