/**
 * Presentation mode (tour=N, 演示): the presenter's overlay (src/ui/presentation.ts) with the
 * stop's figures (src/ui/tour-figures.ts), the 演示 button that starts it, and the map's part:
 * measured again when the layout changes, its keys given to the tour, the projector theme. The
 * overlay's code is a chunk of its own, fetched as a pointer or the focus reaches 演示 (or when a
 * link opens a stop): the county's first view does not run it.
 */
import type { SiteData } from '../contract/site';
import { deriveView, type LoadedProjects } from '../state/derived-view';
import type { Store } from '../state/store';
import { tourStopState } from '../state/tour';
import type { ViewState } from '../state/view-state';
import type { MountedAtlas } from './atlas';
import { byId } from './dom';

export interface Tour {
  /** Where the presenter's actions go (the PNG export), above the stop's navigation. */
  actions: HTMLElement;
  /** Shows the state's stop, or hides the overlay. */
  update(state: ViewState): void;
  /** Readies the map for the state's mode: call once the map is made (the layout it measures is the tour's). */
  startMap(atlas: MountedAtlas): void;
}

/**
 * Mounts the overlay and shows the stop the page was opened at (a link to tour=N gets that stop's
 * view, its overlay loaded first). Mount it before the map (it changes the layout the map measures).
 * While presenting, Escape is the tour's (src/app/map-side.ts leaves it alone).
 */
export async function mountTour(site: SiteData, store: Store<ViewState>, projects: LoadedProjects & { onChange(listener: () => void): unknown }): Promise<Tour> {
  const slot = document.createElement('div');
  document.body.append(slot);
  // The presenter's actions are mounted here now and go into the overlay when it is made.
  const actions = document.createElement('div');
  // Typed by a cast: it is set inside load(), which the compiler does not follow.
  let presentation = null as { update(state: ViewState): void } | null;
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> =>
    (loading ??= Promise.all([import('../ui/presentation'), import('../ui/tour-figures')]).then(
      ([{ mountPresentation }, { stopFigures, stopPhotos }]) => {
        const figures = (state: ViewState) => {
          const view = deriveView(site, projects, state);
          return { ...stopFigures(site, view, state.lang), photos: stopPhotos(projects.current, view) };
        };
        const view = mountPresentation(slot, { site, onStop: (n) => store.set(tourStopState(site, n)), onExit: leave, focusAfterExit: () => focusFirstShown(['present-toggle', 'tools-toggle', 'menu-toggle']) });
        view.actions.append(actions);
        presentation = { update: (state) => view.update(state, figures(state)) };
        // The stop's town loaded after the stop was shown: its photos join the stop.
        projects.onChange(() => presentation?.update(store.get()));
      },
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  const preload = (): void => {
    load().catch((e: unknown) => console.error(e));
  };
  const toggle = byId('present-toggle');
  // The view 演示 was started from, given back when the presenter leaves (a page opened at a stop has none: it stays).
  let before: Partial<ViewState> | null = null;
  toggle.addEventListener('click', () => {
    const s = store.get();
    before = { view: s.view, town: s.town, village: s.village, project: s.project, ind: s.ind, month: s.month, cls: s.cls, isDelta: s.isDelta };
    store.set(tourStopState(site, 1));
  });
  const leave = (): void => {
    const back = before;
    before = null;
    store.set({ ...back, tour: null });
  };
  toggle.addEventListener('pointerenter', preload, { once: true });
  toggle.addEventListener('focus', preload, { once: true });
  const opened = store.get().tour;
  if (opened !== null) {
    store.set(tourStopState(site, opened));
    await load();
    presentation?.update(store.get());
  }
  let atlas: MountedAtlas | null = null;
  let isPresenting = store.get().tour !== null;
  const update = (state: ViewState): void => {
    if (!presentation) {
      // A stop asked for before the overlay's code is here: shown (and the map measured) once it is.
      if (state.tour !== null) load().then(() => update(store.get()), (e: unknown) => console.error(e));
      return;
    }
    presentation.update(state);
    // Left some other way (the browser's back, a link): the view it started from is no longer the one to give back.
    if (state.tour === null) before = null;
    if ((state.tour !== null) === isPresenting) return;
    isPresenting = state.tour !== null;
    // The layout changed under the map: measure again before framing; arrows belong to the tour.
    atlas?.map.resize();
    atlas?.setPresenting(isPresenting);
  };
  return {
    actions,
    update,
    startMap(mounted) {
      atlas = mounted;
      isPresenting = store.get().tour !== null;
      if (isPresenting) mounted.setPresenting(true);
    },
  };
}

/** Focuses the first of these elements that is shown (the 演示 button sits in a menu that may be closed, or on a phone in another). */
function focusFirstShown(ids: readonly string[]): void {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el && el.getClientRects().length > 0) {
      el.focus({ preventScroll: true });
      return;
    }
  }
}
