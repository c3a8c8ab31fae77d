/** The page's status line (#status): "loading" until the data is in, then hidden unless something failed to load. */
import { t } from '../i18n';
import { DEFAULT_VIEW } from '../state/view-state';

/** Hides the loading line once the site data is in. */
export function hideStatus(): void {
  const status = document.getElementById('status');
  if (status) status.hidden = true;
}

/**
 * Says that data failed to load where the page says it is loading, with the reason, in the page's
 * first language (it may fail before any state has a language); the rest of the page stays usable.
 */
export function showLoadError(e: unknown): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.hidden = false;
  status.className = 'load-error';
  status.textContent = `${t(DEFAULT_VIEW.lang, 'loadFailed')}：${e instanceof Error ? e.message : String(e)}`;
}
