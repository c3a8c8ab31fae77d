/**
 * A notice kept to one line on a phone (the sample notice, the sources), opened in full by a tap,
 * or by Enter or Space from the keyboard. Wider screens show it whole and it is plain text there.
 */
import { t, type Lang } from '../i18n';

const PHONE = '(max-width: 700px)';

export interface OneLine {
  setLang(lang: Lang): void;
}

export function mountOneLine(el: HTMLElement, lang: Lang): OneLine {
  let shownLang = lang;
  const query = globalThis.matchMedia?.(PHONE) ?? null;
  const apply = (): void => {
    const isPhone = query?.matches ?? false;
    el.classList.toggle('is-one-line', isPhone);
    if (isPhone) {
      el.tabIndex = 0;
      el.setAttribute('role', 'button');
      el.setAttribute('aria-expanded', String(el.classList.contains('is-open')));
      el.title = t(shownLang, 'noticeMore');
    } else {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-expanded');
      el.removeAttribute('title');
    }
  };
  const toggle = (): void => {
    if (!el.classList.contains('is-one-line')) return;
    el.classList.toggle('is-open');
    el.setAttribute('aria-expanded', String(el.classList.contains('is-open')));
  };
  el.addEventListener('click', toggle);
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    if (!el.classList.contains('is-one-line')) return;
    e.preventDefault();
    toggle();
  });
  query?.addEventListener('change', apply);
  apply();
  return {
    setLang(next) {
      shownLang = next;
      apply();
    },
  };
}
