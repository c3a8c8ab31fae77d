/** On a phone the panel is a bottom sheet over the map (app.css): its handle opens and closes it. */
import { t, type Lang } from '../i18n';

export interface PhoneSheet {
  /** Labels the handle in a language. */
  setLang(lang: Lang): void;
}

/** Binds the handle (`toggle`, #sheet-toggle) to the sheet (`panel`, #panel). */
export function mountPhoneSheet(toggle: HTMLElement, panel: HTMLElement, lang: Lang): PhoneSheet {
  let shownLang = lang;
  const render = (): void => {
    const isExpanded = panel.classList.contains('is-expanded');
    toggle.setAttribute('aria-expanded', String(isExpanded));
    toggle.textContent = t(shownLang, isExpanded ? 'sheetCollapse' : 'sheetExpand');
  };
  toggle.addEventListener('click', () => {
    panel.classList.toggle('is-expanded');
    render();
  });
  return {
    setLang(next) {
      shownLang = next;
      render();
    },
  };
}
