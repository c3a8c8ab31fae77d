/**
 * The page's status line (#status): "loading" until the data is in, then hidden unless something
 * failed: data that did not load (which file, why, and a retry) or a map that could not start
 * (the rest of the page works). In the page's language, never the engine's English.
 */
import { fillText, t, type Lang } from '../i18n';
import { DEFAULT_VIEW } from '../state/view-state';

/** A site file that did not arrive or did not parse: its name and the reason. */
export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataLoadError';
  }
}

/** Hides the loading line once the site data is in. */
export function hideStatus(): void {
  const status = document.getElementById('status');
  if (status) status.hidden = true;
}

/** The page's language before any state exists: the link's `lang=`, else the default. */
export function pageLang(): Lang {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('lang') === 'en' ? 'en' : DEFAULT_VIEW.lang;
}

/**
 * Says that data failed to load where the page says it is loading: the file and the reason, and a
 * button that tries again (reloads the page); the rest of the page stays usable.
 */
export function showLoadError(e: unknown, lang: Lang = pageLang()): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.hidden = false;
  status.className = 'load-error';
  const text = e instanceof DataLoadError ? fillText(lang, 'loadFailedFile', { file: e.file, reason: e.reason }) : `${t(lang, 'loadFailed')}${t(lang, 'colon')}${e instanceof Error ? e.message : String(e)}`;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'load-retry';
  retry.textContent = t(lang, 'retry');
  retry.addEventListener('click', () => location.reload());
  status.replaceChildren(text, ' ', retry);
}

/** Says the map could not be drawn at all (neither engine started): not a data failure. */
export function showMapError(lang: Lang): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.hidden = false;
  status.className = 'load-error';
  status.textContent = t(lang, 'mapFailed');
}
