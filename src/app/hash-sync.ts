import type { Store } from '../state/store';
import { parseViewState, serializeViewState, type ViewContext, type ViewState } from '../state/view-state';

/**
 * Keeps the store and the URL hash in step: a change of area or of view pushes a history entry
 * (so Back goes up a level, or back to the page the reader came from, as a link's would); other
 * changes replace the current one. Bad hash values fall back to defaults with a console warning,
 * never a blank page.
 */
export function syncHash(store: Store<ViewState>, ctx: ViewContext): () => void {
  const read = (): ViewState => {
    const { state, warnings } = parseViewState(location.hash, ctx);
    for (const w of warnings) console.warn(`[cunhu] ${w}`);
    return state;
  };
  store.set(read());
  const unsubscribe = store.subscribe((state, previous) => {
    const hash = serializeViewState(state);
    if (hash === serializeViewState(read0())) return;
    const url = `${location.pathname}${location.search}${hash}`;
    const isNewPage = state.view !== previous.view || state.town !== previous.town || state.village !== previous.village;
    if (isNewPage) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  });
  const onPop = (): void => store.set(read());
  window.addEventListener('hashchange', onPop);
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onPop);
    window.removeEventListener('popstate', onPop);
  };

  /** The state the current hash describes, without warnings (they were shown when it was read). */
  function read0(): ViewState {
    return parseViewState(location.hash, ctx).state;
  }
}
