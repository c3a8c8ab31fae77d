/**
 * On a phone the panel is a bottom sheet over the page (app.css). Its handle is a peek: the
 * selected area's name and the indicator's figure there. A tap on it steps the sheet from the
 * peek to half the screen, to the full screen and back; a drag moves it and it settles at the
 * nearest of the three. The keyboard has the handle as a button (Enter and Space step it).
 */
import type { SiteData } from '../contract/site';
import { formatIndicator, indicatorSpec } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { pick, t, type Lang } from '../i18n';
import { monthIndexOf, selectionOf, valuesAt } from '../state/derive';
import type { ViewState } from '../state/view-state';

export interface PhoneSheet {
  /** Writes the peek for a state (its area, indicator and month) in its language. */
  update(state: ViewState): void;
}

type Height = 'peek' | 'half' | 'full';
const HEIGHTS: readonly Height[] = ['peek', 'half', 'full'];
/** A pointer that moves less than this is a tap, not a drag. */
const DRAG_THRESHOLD_PX = 8;

/** What the peek says: the area and its figure for the indicator in view, e.g. 龙坝镇 · 产业覆盖率 90.9%. */
export function peekText(site: SiteData, state: ViewState): { area: string; figure: string } {
  const selection = selectionOf(site, state);
  const m = monthIndexOf(site, state);
  const spec = indicatorSpec(state.ind);
  const values = valuesAt(site, state.ind, m);
  const value = selection.village ? values.villages[selection.village.id] : selection.town ? values.towns[selection.town.id] : values.county;
  const area = selection.village?.name ?? selection.town?.name ?? regionName(site.config.region, state.lang);
  return { area, figure: `${pick(spec, state.lang)} ${formatIndicator(spec, value ?? null, state.lang)}` };
}

/**
 * The masthead's foot (its notices included), from the top of the page, however far a scrolling
 * view is scrolled: the full sheet and a project's card, which the map view shows unscrolled, reach
 * up to it, never under it.
 */
function measureMasthead(): void {
  const masthead = document.querySelector('.masthead');
  if (masthead) document.documentElement.style.setProperty('--masthead-bottom', `${Math.round(masthead.getBoundingClientRect().bottom + window.scrollY)}px`);
}

/** Binds the handle (`toggle`, #sheet-toggle) to the sheet (`panel`, #panel). */
export function mountPhoneSheet(toggle: HTMLElement, panel: HTMLElement, site: SiteData): PhoneSheet {
  let height: Height = 'peek';
  let lang: Lang = 'zh';
  const area = document.createElement('span');
  area.className = 'sheet-peek-area';
  const figure = document.createElement('span');
  figure.className = 'sheet-peek-figure';
  const hint = document.createElement('span');
  hint.className = 'sheet-peek-hint';
  toggle.replaceChildren(area, figure, hint);
  const set = (next: Height, isFirst = false): void => {
    height = next;
    // At mount the ResizeObserver below measures once the page is laid out: no layout forced here.
    if (!isFirst) measureMasthead();
    panel.classList.toggle('is-expanded', next !== 'peek');
    panel.dataset.sheet = next;
    panel.style.removeProperty('height');
    render();
  };
  const render = (): void => {
    toggle.setAttribute('aria-expanded', String(height !== 'peek'));
    hint.textContent = t(lang, height === 'full' ? 'sheetCollapse' : 'sheetExpand');
  };
  // A drag: the sheet follows the finger, then settles at the nearest height.
  let drag: { startY: number; startHeight: number; isMoving: boolean } | null = null;
  toggle.addEventListener('pointerdown', (e) => {
    drag = { startY: e.clientY, startHeight: panel.getBoundingClientRect().height, isMoving: false };
    toggle.setPointerCapture?.(e.pointerId);
  });
  toggle.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dy = drag.startY - e.clientY;
    if (!drag.isMoving && Math.abs(dy) < DRAG_THRESHOLD_PX) return;
    drag.isMoving = true;
    panel.classList.add('is-dragging');
    panel.style.height = `${Math.max(toggle.offsetHeight, Math.min(innerHeight, drag.startHeight + dy))}px`;
  });
  const endDrag = (): void => {
    if (!drag?.isMoving) {
      drag = null;
      return;
    }
    drag = null;
    panel.classList.remove('is-dragging');
    const h = panel.getBoundingClientRect().height;
    const targets: Record<Height, number> = { peek: toggle.offsetHeight, half: innerHeight * 0.5, full: innerHeight - (document.querySelector('.masthead')?.getBoundingClientRect().bottom ?? 52) };
    const nearest = HEIGHTS.reduce((a, b) => (Math.abs(targets[b] - h) < Math.abs(targets[a] - h) ? b : a));
    set(nearest);
    // The click that follows a drag is not a tap.
    toggle.dataset.dragged = '1';
  };
  toggle.addEventListener('pointerup', endDrag);
  toggle.addEventListener('pointercancel', endDrag);
  toggle.addEventListener('click', () => {
    if (toggle.dataset.dragged) {
      delete toggle.dataset.dragged;
      return;
    }
    set(HEIGHTS[(HEIGHTS.indexOf(height) + 1) % HEIGHTS.length] ?? 'peek');
  });
  set('peek', true);
  // The masthead's foot when the page is first laid out, and again whenever its size changes (a
  // notice shown or gone, the text wrapping on a turned phone): read after the browser's own
  // layout, not forced in the middle of the page's mount or an update.
  const masthead = document.querySelector('.masthead');
  if (masthead && typeof ResizeObserver !== 'undefined') new ResizeObserver(measureMasthead).observe(masthead, { box: 'border-box' });
  return {
    update(state) {
      lang = state.lang;
      const peek = peekText(site, state);
      area.textContent = peek.area;
      figure.textContent = peek.figure;
      render();
    },
  };
}
