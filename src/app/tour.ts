/**
 * Presentation mode (tour=N, 演示): the presenter's overlay (src/ui/presentation.ts) with the
 * stop's figures (src/ui/tour-figures.ts), the 演示 button that starts it, and the map's part:
 * measured again when the layout changes, its keys given to the tour, the projector theme.
 */
import type { SiteData } from '../contract/site';
import { deriveView, type LoadedProjects } from '../state/derived-view';
import type { Store } from '../state/store';
import { tourStopState } from '../state/tour';
import type { ViewState } from '../state/view-state';
import { mountPresentation } from '../ui/presentation';
import { stopFigures, stopPhotos } from '../ui/tour-figures';
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
 * view). Mount it before the map (it changes the layout the map measures) and before the page's
 * Escape handler (its Escape leaves the tour, not the town).
 */
export function mountTour(site: SiteData, store: Store<ViewState>, projects: LoadedProjects & { onChange(listener: () => void): unknown }): Tour {
  const figures = (state: ViewState) => {
    const view = deriveView(site, projects, state);
    return { ...stopFigures(site, view, state.lang), photos: stopPhotos(projects.current, view) };
  };
  const slot = document.createElement('div');
  document.body.append(slot);
  const presentation = mountPresentation(slot, { site, onStop: (n) => store.set(tourStopState(site, n)), onExit: () => store.set({ tour: null }) });
  const opened = store.get().tour;
  if (opened !== null) store.set(tourStopState(site, opened));
  presentation.update(store.get(), figures(store.get()));
  byId('present-toggle').addEventListener('click', () => store.set(tourStopState(site, 1)));
  // The stop's town loaded after the stop was shown: its photos join the stop.
  projects.onChange(() => presentation.update(store.get(), figures(store.get())));
  let atlas: MountedAtlas | null = null;
  let isPresenting = store.get().tour !== null;
  return {
    actions: presentation.actions,
    update(state) {
      presentation.update(state, figures(state));
      if ((state.tour !== null) === isPresenting) return;
      isPresenting = state.tour !== null;
      // The layout changed under the map: measure again before framing; arrows belong to the tour.
      atlas?.map.resize();
      atlas?.setPresenting(isPresenting);
    },
    startMap(mounted) {
      atlas = mounted;
      isPresenting = store.get().tour !== null;
      if (isPresenting) mounted.setPresenting(true);
    },
  };
}
