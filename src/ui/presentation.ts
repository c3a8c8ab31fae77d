/**
 * Presentation mode for on-site meetings (现场会): the tour stop in large type beside the map, a
 * progress indicator, clicker/keyboard control and a projector theme (class `presenting` on
 * <html>). A thin view over the headless tour controller (src/state/tour.ts): the keys move the
 * controller, the controller calls deps.onStop, and the store's next state comes back via update.
 */
import './presentation.css';
import type { SiteData } from '../contract/site';
import { t, type Lang, type StringKey } from '../i18n';
import { createTour } from '../state/tour';
import type { ViewState } from '../state/view-state';
import { h } from './dom';
import type { ViewedPhoto } from './photo-viewer';
import { photoStrip } from './site-photos';

/** The figures shown large for a stop; computed by the caller from the stop's area, indicator and month. */
export interface StopFigures {
  /** The stop's area: a town, or the county. */
  townName: string;
  indicatorName: string;
  /** The main figure, formatted (e.g. `62.5%`). */
  value: string;
  /** The month shown, formatted (e.g. `2016年5月`). */
  month: string;
  extra: { label: string; value: string }[];
  /** Photos of the stop's town (each project's latest by the stop's month), shown as a strip that opens the photo dialog; none for the county. */
  photos?: readonly ViewedPhoto[];
}

export interface PresentationDeps {
  site: SiteData;
  /** Asked to move to a stop (1-based): the caller sets the view the stop implies (tourStopState). */
  onStop(stop: number): void;
  /** Asked to leave presentation mode (the caller sets `tour: null`). */
  onExit(): void;
  /** The overlay closed with the keyboard's focus in it (now nowhere): where it goes (the button that starts 演示, or its menu's). */
  focusAfterExit(): void;
}

export interface PresentationView {
  /** Where the caller mounts actions on the stop (the PNG export), above the navigation. */
  actions: HTMLElement;
  /** Shows the overlay at `state.tour` (hides it when null). */
  update(state: ViewState, figures: StopFigures): void;
  unmount(): void;
}

/** The class on <html> that switches the page to the projector theme. */
export const PRESENTING_CLASS = 'presenting';

/** Mounts `#presentation` into `el` (hidden until a state with a tour stop arrives). */
export function mountPresentation(el: HTMLElement, deps: PresentationDeps): PresentationView {
  const stops = deps.site.config.tour;
  const root = h('section', 'presentation');
  root.id = 'presentation';
  root.setAttribute('aria-live', 'polite');
  root.hidden = true;

  const progress = h('div', 'presentation-progress');
  progress.setAttribute('role', 'group');
  const count = h('p', 'presentation-count');
  count.id = 'presentation-count';
  const dots = h('ol', 'presentation-dots');
  progress.append(count, dots);

  const title = h('h2', 'presentation-title');
  title.id = 'presentation-title';
  // Focused when the overlay opens, so the keyboard starts in it and a screen reader reads the stop.
  title.tabIndex = -1;
  const town = h('p', 'presentation-town');
  town.id = 'presentation-town';
  const subject = h('p', 'presentation-subject');
  const value = h('p', 'presentation-value');
  value.id = 'presentation-value';
  const figure = h('div', 'presentation-figure');
  figure.append(town, subject, value);
  const extra = h('dl', 'presentation-extra');
  const text = h('ul', 'presentation-text');
  const photos = h('section', 'presentation-photos');
  photos.id = 'presentation-photos';
  photos.hidden = true;

  const previous = button('presentation-previous', () => tour?.previous());
  const next = button('presentation-next', () => tour?.next());
  const fullScreen = button('presentation-fullscreen', () => enterFullScreen());
  const exit = button('presentation-exit', () => deps.onExit());
  const keys = h('p', 'presentation-keys');
  const nav = h('nav', 'presentation-nav');
  nav.append(previous, next, fullScreen, exit);

  const actions = h('div', 'presentation-actions');
  root.append(progress, title, figure, extra, text, photos, actions, nav, keys);
  el.append(root);

  const tour = stops.length > 0 ? createTour(stops.length, { onChange: (n) => deps.onStop(n) }) : null;
  let isShown = false;
  let didEnterFullScreen = false;
  let shownKey = '';
  let lang: Lang = 'zh';

  function enterFullScreen(): void {
    if (document.fullscreenElement) return;
    try {
      // Refused without a user gesture (a page opened at #tour=1): that is fine, the page still presents.
      const request = document.documentElement.requestFullscreen?.();
      didEnterFullScreen = true;
      void request?.catch(() => {
        didEnterFullScreen = false;
      });
    } catch {
      didEnterFullScreen = false;
    }
  }

  function leaveFullScreen(): void {
    if (!didEnterFullScreen) return;
    didEnterFullScreen = false;
    if (!document.fullscreenElement) return;
    try {
      void document.exitFullscreen?.().catch(() => undefined);
    } catch {
      // Already left (the browser's own Esc).
    }
  }

  function show(isOn: boolean): void {
    if (isOn === isShown) return;
    isShown = isOn;
    root.hidden = !isOn;
    document.documentElement.classList.toggle(PRESENTING_CLASS, isOn);
    // Entered by a click or key (the 演示 button): full screen is allowed now, and only now.
    if (isOn && !document.fullscreenElement && hasUserActivation()) enterFullScreen();
    if (!isOn) leaveFullScreen();
    // The 演示 button's menu closed behind it: the focus goes into the overlay, and out again after.
    const active = document.activeElement;
    const isFocusLost = active === null || active === document.body || root.contains(active);
    if (isOn && !root.contains(active)) title.focus({ preventScroll: true });
    else if (!isOn && isFocusLost) deps.focusAfterExit();
  }

  function render(stop: number, figures: StopFigures): void {
    const s = stops[stop - 1];
    if (!s) return;
    const total = stops.length;
    const stopTitle = s.title[lang];
    root.setAttribute('aria-label', fill(lang, 'presentationLabel', { title: stopTitle }));
    root.dataset.stop = String(stop);
    count.textContent = `${stop} / ${total}`;
    count.setAttribute('aria-hidden', 'true');
    progress.setAttribute('aria-label', fill(lang, 'presentationProgress', { n: stop, total }));
    dots.replaceChildren(
      ...stops.map((other, i) => {
        const li = h('li', '');
        const dot = button('presentation-dot', () => tour?.jump(i + 1));
        dot.setAttribute('aria-label', fill(lang, 'presentationStop', { n: i + 1, title: other.title[lang] }));
        if (i + 1 === stop) dot.setAttribute('aria-current', 'step');
        if (i + 1 < stop) dot.classList.add('is-past');
        li.append(dot);
        return li;
      }),
    );
    title.textContent = stopTitle;
    town.textContent = figures.townName;
    subject.textContent = `${figures.indicatorName} · ${figures.month}`;
    value.textContent = figures.value;
    extra.replaceChildren(...figures.extra.flatMap((x) => [h('dt', '', x.label), h('dd', '', x.value)]));
    extra.hidden = figures.extra.length === 0;
    text.replaceChildren(...s.text[lang].map((line) => h('li', '', line)));
    text.hidden = s.text[lang].length === 0;
    renderPhotos(figures);
    previous.textContent = `◀ ${t(lang, 'presentationPrevious')}`;
    next.textContent = `${t(lang, 'presentationNext')} ▶`;
    fullScreen.textContent = t(lang, 'presentationFullScreen');
    exit.textContent = t(lang, 'presentationExit');
    previous.disabled = stop === 1;
    next.disabled = stop === total;
    keys.textContent = t(lang, 'presentationKeys');
    fullScreen.hidden = !document.fullscreenEnabled;
  }

  function renderPhotos(figures: StopFigures): void {
    const list = figures.photos ?? [];
    photos.hidden = list.length === 0;
    if (list.length === 0) {
      photos.replaceChildren();
      return;
    }
    const heading = h('h3', 'presentation-photos-title', fill(lang, 'presentationPhotos', { town: figures.townName }));
    photos.setAttribute('aria-label', heading.textContent ?? '');
    if (deps.site.config.isSample) heading.append(' ', h('span', 'photo-sample-mark', t(lang, 'photoSampleMark')));
    photos.replaceChildren(heading, photoStrip(list, { lang, isSample: deps.site.config.isSample }, 'presentation-photo-strip'));
  }

  function onKey(e: KeyboardEvent): void {
    if (!isShown || !tour || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    // A focused button handles its own Space and Enter (a click).
    const isOnButton = e.target instanceof HTMLElement && e.target.closest('button, a[href], summary') !== null;
    const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : null;
    if (digit !== null) tour.jump(digit);
    else if (e.key === 'ArrowRight' || e.key === 'PageDown' || (e.key === ' ' && !isOnButton)) tour.next();
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') tour.previous();
    else if (e.key === 'Home') tour.first();
    else if (e.key === 'End') tour.last();
    else if (e.key === 'Escape') deps.onExit();
    else if (e.key === 'Enter' && !isOnButton) enterFullScreen();
    else return;
    e.preventDefault();
  }
  document.addEventListener('keydown', onKey);

  return {
    actions,
    update(state, figures) {
      lang = state.lang;
      const stop = state.tour;
      if (stop === null || !tour || stop < 1 || stop > stops.length) {
        show(false);
        shownKey = '';
        return;
      }
      tour.sync(stop);
      show(true);
      const key = JSON.stringify([stop, lang, figures]);
      if (key === shownKey) return;
      shownKey = key;
      render(stop, figures);
    },
    unmount() {
      document.removeEventListener('keydown', onKey);
      show(false);
      root.remove();
    },
  };
}

/** Whether the page is inside a click or key press, when requestFullscreen is allowed. */
function hasUserActivation(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
  return activation?.isActive ?? false;
}

/** A field that takes the key itself: text inputs, selects, and sliders (their arrows). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'reset', 'submit'].includes(target.type);
}

function fill(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

function button(className: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', className);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

