/**
 * One view at a time, from the table of views (src/app/views.ts): each view but the map gets its
 * own element under <main>, shown while the state names it; its code loads the first time it is
 * shown. The map stays laid out (hidden) behind the other views, so it keeps its size and can be
 * drawn for a snapshot.
 */
import { VIEW_NAMES, type ViewName, type ViewState } from '../state/view-state';
import { VIEWS, type PageDeps, type PageView } from './views';

export interface ViewSwitch {
  /** Shows the state's view (mounting it the first time) and gives the mounted views the state. */
  update(state: ViewState): void;
  /** Resolves once every view being mounted is mounted (a page opened at view=projects is drawn before it says it is ready). */
  whenMounted(): Promise<unknown>;
}

/** Adds the views' elements to `main` (after the map's layout), hidden. */
export function mountViews(main: HTMLElement, deps: PageDeps): ViewSwitch {
  const layout = main.querySelector('.layout');
  const pages = VIEW_NAMES.flatMap((name) => {
    const { slot, mount } = VIEWS[name];
    if (slot === null || mount === null) return [];
    const el = document.createElement('div');
    el.id = `${name}-slot`;
    el.className = slot;
    el.hidden = true;
    main.append(el);
    return [{ name, el, view: lazyView(name, () => mount(el, deps)) }];
  });
  return {
    update(state) {
      for (const { name, el } of pages) el.hidden = state.view !== name;
      layout?.classList.toggle('is-behind', state.view !== 'map');
      document.body.dataset.view = state.view;
      for (const { view } of pages) view.update(state);
    },
    whenMounted: () => Promise.all(pages.map(({ view }) => view.whenMounted())),
  };
}

/**
 * A view whose code loads the first time it is shown (a dynamic import, its own chunk); after that
 * it gets the states that show it, and hears when it is shown again after another view.
 */
function lazyView(name: ViewName, load: () => Promise<PageView>): { update(state: ViewState): void; whenMounted(): Promise<unknown> } {
  let mounted: Promise<PageView> | null = null;
  let latest: ViewState | null = null;
  let isShown = false;
  /** Shown again since the view last rendered: it hears so before the next state. */
  let isEntering = false;
  return {
    update(state) {
      if (!isShown && state.view === name) isEntering = true;
      isShown = state.view === name;
      if (!isShown) return;
      latest = state;
      mounted ??= load();
      void mounted.then((v) => {
        // Only the newest state: a slow first load must not replay the states it missed.
        if (latest !== state) return;
        if (isEntering) v.shown?.();
        isEntering = false;
        void v.update(state);
      });
    },
    whenMounted: async () => (mounted ? (await mounted, undefined) : undefined),
  };
}
