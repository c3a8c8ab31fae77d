/**
 * The projects page's filters on a phone (≤ 700 px): behind a 筛选 button, in a sheet over the
 * page, closed by its button, its "show N projects" button, the backdrop or Escape; focus moves
 * into it and back to the button. On wider screens the button is hidden and the form stands in
 * the page as before (the sheet's CSS applies only while it is open on a phone).
 */
import { fillText, formatNumber, t, type Lang } from '../i18n';
import { h } from './dom';

/** The width at or below which the filters are a sheet (the page's phone layout, projects-page.css). */
export const FILTER_SHEET_MEDIA = '(max-width: 700px)';

export interface FilterSheet {
  /** The button that opens the sheet (shown on a phone only). */
  toggle: HTMLButtonElement;
  /** The sheet: its header, the form, its footer; the page's filter box on wider screens. */
  sheet: HTMLElement;
  backdrop: HTMLElement;
  /** Labels in `lang`; `active` filters counted on the button, `shown` projects on the footer's button. */
  update(lang: Lang, active: number, shown: number): void;
  close(): void;
}

/** Wraps `form` in the sheet. */
export function mountFilterSheet(form: HTMLElement): FilterSheet {
  const toggle = h('button', 'projects-button projects-filter-toggle');
  toggle.type = 'button';
  toggle.id = 'projects-filter-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'projects-filter-sheet');
  const sheet = h('div', 'projects-filter-sheet');
  sheet.id = 'projects-filter-sheet';
  const head = h('div', 'projects-sheet-head');
  const title = h('h3', 'projects-sheet-title');
  title.id = 'projects-sheet-title';
  const close = h('button', 'projects-button projects-sheet-close');
  close.type = 'button';
  close.id = 'projects-filter-close';
  const closeIcon = h('span', '', '×');
  closeIcon.setAttribute('aria-hidden', 'true');
  const closeText = h('span', '');
  close.append(closeIcon, closeText);
  head.append(title, close);
  const foot = h('div', 'projects-sheet-foot');
  const done = h('button', 'projects-button projects-sheet-done');
  done.type = 'button';
  done.id = 'projects-filter-done';
  foot.append(done);
  sheet.append(head, form, foot);
  const backdrop = h('div', 'projects-sheet-backdrop');
  backdrop.hidden = true;

  let isOpen = false;
  function setOpen(open: boolean): void {
    if (open === isOpen) return;
    isOpen = open;
    sheet.classList.toggle('is-open', open);
    backdrop.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.documentElement.classList.toggle('has-projects-sheet', open);
    // A dialog only while it is open on a phone; on wider screens it is the page's filter box.
    if (open) {
      sheet.setAttribute('role', 'dialog');
      sheet.setAttribute('aria-modal', 'true');
      sheet.setAttribute('aria-labelledby', title.id);
      close.focus();
    } else {
      for (const a of ['role', 'aria-modal', 'aria-labelledby']) sheet.removeAttribute(a);
      if (toggle.offsetParent !== null) toggle.focus();
    }
  }
  toggle.addEventListener('click', () => setOpen(true));
  close.addEventListener('click', () => setOpen(false));
  done.addEventListener('click', () => setOpen(false));
  backdrop.addEventListener('click', () => setOpen(false));
  sheet.addEventListener('keydown', (e) => {
    if (!isOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === 'Tab') keepFocusIn(sheet, e);
  });
  // Back or forward (perhaps to another view) closes it, so it never stays over another page.
  window.addEventListener('popstate', () => setOpen(false));
  window.addEventListener('hashchange', () => setOpen(false));
  // Widened past a phone with the sheet open: it is the page's filter box again.
  const wide = typeof matchMedia === 'function' ? matchMedia(FILTER_SHEET_MEDIA) : null;
  wide?.addEventListener('change', (e) => {
    if (!e.matches) setOpen(false);
  });

  return {
    toggle,
    sheet,
    backdrop,
    update(lang, active, shown) {
      toggle.textContent = active > 0 ? fillText(lang, 'projectsFilterButtonActive', { n: formatNumber(lang, active) }) : t(lang, 'projectsFilterButton');
      title.textContent = t(lang, 'projectsFilters');
      closeText.textContent = t(lang, 'projectsFilterClose');
      done.textContent = fillText(lang, 'projectsFilterShow', { n: formatNumber(lang, shown) });
    },
    close: () => setOpen(false),
  };
}

/** Tab and Shift+Tab go round the sheet's controls while it is open. */
function keepFocusIn(sheet: HTMLElement, e: KeyboardEvent): void {
  const focusable = [...sheet.querySelectorAll<HTMLElement>('button, input, select, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
