/**
 * The masthead: the atlas's title (also the page's), the links to the views (from the table of
 * views), the 演示, 大字 (large type) and language buttons and the notices under them.
 */
import type { SiteData } from '../contract/site';
import { LANGS, langTag, pick, t, type Lang } from '../i18n';
import type { Store } from '../state/store';
import { VIEW_NAMES, type ViewState } from '../state/view-state';
import { mountViewNav } from '../ui/view-nav';
import { renderBanners, type PageKind } from './banners';
import { byId } from './dom';
import { mountMenu } from './menu';
import { mountOneLine } from './one-line';
import { pageTitleOf, writePageTitle } from './page-title';
import { VIEWS } from './views';

export interface Masthead {
  update(state: ViewState): void;
}

/** The language after `lang`, which the language button switches to (and names). */
export function nextLang(lang: Lang): Lang {
  return LANGS[(LANGS.indexOf(lang) + 1) % LANGS.length] ?? lang;
}

/** Binds the masthead of index.html to the store and draws it for the store's state (its height is final before the map measures its container). */
export function mountMasthead(site: SiteData, store: Store<ViewState>, kind: PageKind): Masthead {
  // The meeting package lists only the views it has (views.ts, isInPackage); the notice sheets open from the panel.
  const links = VIEW_NAMES.filter((view) => VIEWS[view].isInMasthead !== false && (!kind.isPackage || VIEWS[view].isInPackage)).map((view) => ({ view, label: VIEWS[view].label }));
  const nav = mountViewNav(byId('view-nav'), links, (view) => store.set({ view, tour: null }));
  const title = byId('title');
  const langButton = byId('lang-toggle');
  const presentButton = byId('present-toggle');
  const shareButton = byId('share-toggle');
  const largeTypeButton = mountLargeTypeButton(langButton, store);
  langButton.addEventListener('click', () => store.set({ lang: nextLang(store.get().lang) }));
  // A phone: everything after the title behind one menu button. Wider: the map's tools behind one.
  const menuButton = byId('menu-toggle');
  const toolsButton = byId('tools-toggle');
  const menu = mountMenu(menuButton, byId('masthead-menu'), { openClass: 'is-menu-open', host: byId('masthead-menu').closest('.masthead') ?? document.body, closesOn: 'a, #present-toggle, #share-toggle' });
  const tools = mountMenu(toolsButton, byId('tools-panel'), { openClass: 'is-tools-open', host: byId('masthead-tools'), closesOn: '#present-toggle, #share-toggle' });
  let place = '';
  // On a phone the notices are one line each (the sample notice; the map's, without WebGL), opened by a tap.
  const noticeLines = [mountOneLine(byId('sample-banner'), store.get().lang), mountOneLine(byId('map-notice'), store.get().lang)];
  const update = (state: ViewState): void => {
    const { lang } = state;
    document.documentElement.lang = langTag(lang);
    title.textContent = pick(site.config.title, lang);
    // Where the row is narrow the title is cut after two lines: the whole of it on hover.
    title.title = title.textContent;
    writePageTitle(document, pageTitleOf(site, state));
    renderBanners(site, kind, lang);
    for (const line of noticeLines) line.setLang(lang);
    // The button is written in the language it switches to.
    langButton.textContent = t(lang, 'language');
    langButton.setAttribute('lang', langTag(nextLang(lang)));
    presentButton.textContent = t(lang, 'present');
    // Written here, not by the share dialog's chunk, which loads only when the button is first pointed at.
    shareButton.textContent = t(lang, 'share');
    largeTypeButton.textContent = t(lang, 'largeType');
    largeTypeButton.title = t(lang, 'largeTypeHint');
    largeTypeButton.setAttribute('aria-pressed', String(state.isLargeType));
    document.documentElement.classList.toggle('is-large-type', state.isLargeType);
    menuButton.textContent = t(lang, 'menu');
    toolsButton.textContent = t(lang, 'tools');
    // Somewhere else chosen (a view, a search result): the menus have done their work.
    const now = `${state.view}/${state.town}/${state.village}/${state.project}`;
    if (now !== place) {
      if (place) {
        menu.close();
        tools.close();
      }
      place = now;
    }
    nav.update(state);
  };
  update(store.get());
  return { update };
}

/** Where the reader's choice of large type is remembered between visits. */
const LARGE_TYPE_KEY = 'cunhu.largeType';

/**
 * The 大字 button, before the language button. Large type is in the link (`big=1`) and
 * remembered: a page opened without it in the link takes the reader's last choice. The button's
 * own press is what is remembered, so a shared link with big=1 does not change a reader's default.
 */
function mountLargeTypeButton(before: HTMLElement, store: Store<ViewState>): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'large-type-toggle';
  button.className = 'lang-toggle large-type-toggle';
  before.before(button);
  if (!store.get().isLargeType && readStored() === '1') store.set({ isLargeType: true });
  button.addEventListener('click', () => {
    const isLargeType = !store.get().isLargeType;
    writeStored(isLargeType ? '1' : '0');
    store.set({ isLargeType });
  });
  return button;
}

/** Storage can be missing or refused (a file:// page, private mode): then nothing is remembered. */
function readStored(): string | null {
  try {
    return localStorage.getItem(LARGE_TYPE_KEY);
  } catch {
    return null;
  }
}

function writeStored(value: string): void {
  try {
    localStorage.setItem(LARGE_TYPE_KEY, value);
  } catch {
    // Not remembered; the link still carries it.
  }
}
