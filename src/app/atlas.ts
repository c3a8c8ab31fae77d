import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { STATUSES } from '../contract/columns';
import { laggingProjects } from '../domain/lag';
import { formatCount, formatWan } from '../domain/format';
import type { AreaRef, MapEngine, MapEngineEvents, MapPopup, PlacedArea } from '../map/map-engine';
import { LegendControl, type LegendContent } from '../map/legend-control';
import { hasRelocationArcs, monthIndexOf, visibleProjects, type Selection } from '../state/derive';
import type { Store } from '../state/store';
import { mapThemeFor } from '../map/style';
import { serializeViewState, type ViewState } from '../state/view-state';
import { fillText, pick, t } from '../i18n';
import type { LoadedData } from './load';
import { chooseEngine, createFallback } from './map-engine-choice';
import { mountMapKeyboard } from './map-keyboard';
import { mapViewOf } from './map-view';
import { showLoadError, showMapError } from './status';
import { watchOverlays } from './overlay-watch';

/** Half-size of the frame around a village point, in degrees (about 3 km). */
const VILLAGE_FRAME_DEG = 0.03;

/** The map bound to the store; the rest of the app reaches the map through this and the MapEngine's methods. */
export interface MountedAtlas {
  /** Draws the store's state: colours, markers, legend, camera and popup; resolves once drawn. */
  render(): Promise<void>;
  /** A PNG of the county coloured for the state's indicator and month, without markers (for the report). */
  snapshot(): Promise<string>;
  /** The engine drawing now: the live map, or the fallback (from the start, or since the live map lost its WebGL context). */
  readonly map: MapEngine;
  /** True when the fallback draws the map. */
  readonly isFallback: boolean;
  /** The live map's MapLibre map, for browser tests (window.cunhu.map); null on the fallback. */
  readonly liveHandle: unknown;
  /** The legend as last drawn (null before the first frame): an export draws the same one. */
  legendContent(): LegendContent | null;
  /** Presentation mode on or off: the arrows belong to the tour, and the projector theme. */
  setPresenting(isOn: boolean): void;
  /** The id of the project whose marker is at a map point (for tests and tools). */
  pickProject(x: number, y: number): string | null;
}

/** The map part of the atlas, bound to the store: areas, markers, legend, popup and camera. */
export async function mountAtlasMap(container: HTMLElement, data: LoadedData, store: Store<ViewState>, showsProjects: () => boolean, onFallback: () => void): Promise<MountedAtlas> {
  const { site, projects } = data;
  let drawn = projects.current;
  const events: MapEngineEvents = {
    onTown: (id) => {
      const code = site.towns[id]?.code ?? null;
      const s = store.get();
      // A click on the town already drilled into (outside any village) closes the popup only.
      store.set(s.town === code && s.village === null ? { project: null } : { town: code, village: null, project: null });
    },
    onVillage: (id) => {
      const v = site.villages[id];
      if (v) store.set({ town: site.towns[v.townId]?.code ?? null, village: v.code, project: null });
    },
    onBackground: () => store.set({ project: null }),
    // Marker indexes point into the projects last given to the markers (more may have loaded since).
    onClick: (i) => store.set({ project: drawn.id[i] ?? null }),
    tooltip: (i) => tooltipText(site, drawn, i, monthIndexOf(site, store.get()), store.get().lang),
    clusterTooltip: (count, budgetWan) => fillText(store.get().lang, 'clusterTooltip', { n: formatCount(count, store.get().lang), budget: formatWan(budgetWan) }),
    clusterLabel: (count) => formatCount(count, store.get().lang),
  };
  const legend = new LegendControl();
  let isPresenting = false;
  let chosen = await chooseEngine(container, data, events, store.get().lang);
  /** The switch to the fallback, once begun; the live map it replaced is in `lost`. */
  let switching: Promise<void> | null = null;
  const lost = new WeakSet<MapEngine>();
  let atlas: MapEngine = chosen.engine;
  let popup: MapPopup = install(atlas);
  let popupOpener: HTMLElement | null = null;
  // The area is framed again, clear of the legend, the controls and the time bar, when they change size.
  watchOverlays(container, () => {
    if (!isSnapshot) atlas.refit();
  });
  /** The engine's widgets and the popup, and the switch to the fallback if the live map loses its context or does not start. */
  function install(engine: MapEngine): MapPopup {
    engine.addControl(legend, 'bottom-left');
    engine.onLost(() => {
      switching ??= toFallback();
    });
    return engine.createPopup(() => store.set({ project: null }));
  }
  /** The live map lost its WebGL context, or failed before its first complete frame: the fallback takes its place, in the same state. */
  async function toFallback(): Promise<void> {
    popup.hide();
    lost.add(atlas);
    atlas.remove();
    container.replaceChildren();
    try {
      const engine = await createFallback(container, data, events, store.get().lang);
      chosen = { engine, isFallback: true, handle: null };
      atlas = engine;
      popup = install(engine);
      if (isPresenting) setPresenting(true);
      lastPlace = undefined;
      lastPopup = null;
      keyboard.reset();
      onFallback();
      await render();
    } catch (e) {
      console.error(e);
      showMapError(store.get().lang);
    }
  }
  const liveRegion = document.createElement('p');
  liveRegion.className = 'visually-hidden map-announce';
  liveRegion.id = 'map-announce';
  liveRegion.setAttribute('aria-live', 'polite');
  container.after(liveRegion);
  let describeArea: (area: PlacedArea, i: number, n: number) => string = (area) => area.name;
  const keyboard = mountMapKeyboard(container, liveRegion, {
    engine: () => atlas,
    describe: (area) => {
      const areas = atlas.areasInReadingOrder();
      const i = areas.findIndex((a) => a.kind === area.kind && a.id === area.id);
      return describeArea(area, i + 1, areas.length);
    },
    open: (area: AreaRef) => (area.kind === 'town' ? events.onTown(area.id) : events.onVillage(area.id)),
    isOn: () => !isPresenting,
  });
  let lastLevel: number | null | undefined;
  let lastPlace: string | null | undefined;
  let lastPopup: string | null = null;
  let isSnapshot = false;
  let lastLegend: LegendContent | null = null;

  let renders = 0;
  /**
   * Draws the store's state on the map. While the live map is being replaced by the fallback (it
   * failed to start or lost its context: removed at once, the fallback made after an await), a
   * render draws nothing on the removed map and ends when the fallback has drawn the state.
   */
  async function render(): Promise<void> {
    const engine = atlas;
    if (!lost.has(engine)) await drawState();
    if (switching && lost.has(engine)) await switching;
  }
  /** True when the engine being drawn on has been removed (the fallback is on its way): stop drawing. */
  const isStale = (seq: number): boolean => seq !== renders || lost.has(atlas);
  async function drawState(): Promise<void> {
    const seq = ++renders;
    const state = store.get();
    // Large type grows the map's labels too (setTheme does nothing when the theme is unchanged).
    atlas.setTheme(mapThemeFor(isPresenting, state.isLargeType));
    const view = mapViewOf(site, projects, state, showsProjects());
    const { monthIndex: m, selection, drawsProjects } = view;
    describeArea = view.describeArea;
    // A town opened or closed: the keyboard's areas are another level's.
    if ((selection.town?.id ?? null) !== lastLevel) {
      lastLevel = selection.town?.id ?? null;
      keyboard.reset();
    }
    atlas.setLang(state.lang);
    atlas.setAreas(view.areas);
    // The legend first: the camera's frame keeps clear of it, as of every overlay on the map.
    lastLegend = view.legend;
    legend.update(lastLegend);
    const place = `${state.town}/${state.village}/${state.tour}`;
    // The camera moves at once: the town's projects file and the markers' code load while it flies.
    if (place !== lastPlace && !isSnapshot) {
      const camera = state.tour === null ? null : (site.config.tour[state.tour - 1]?.camera ?? null);
      // A tour stop's camera is data (STYLE.md: it goes straight to the map); otherwise frame the area.
      if (camera) atlas.flyTo(camera, frameOf(site, selection), lastPlace !== undefined);
      else atlas.frame(frameOf(site, selection), lastPlace !== undefined);
      lastPlace = place;
    }
    if (selection.town) {
      try {
        await projects.ensure([selection.town.id]);
      } catch (e) {
        // The areas are drawn; markers of a town whose file did not load are left out, and say so.
        console.error(e);
        showLoadError(e, store.get().lang);
      }
      // A newer state was drawn while this town loaded: that one is the page's.
      if (isStale(seq)) return;
    }
    const p = projects.current;
    const visible = drawsProjects && !isSnapshot ? visibleProjects(site, p, state, m, selection) : [];
    // Which projects are drawn is known once the town's are loaded (a town already loaded resolves at once, before the page paints): the legend's line for the relocations' arcs, if any are drawn.
    const showsArcs = hasRelocationArcs(p, visible);
    if (!isSnapshot && showsArcs) {
      lastLegend = { ...lastLegend, showsArcs };
      legend.update(lastLegend);
    }
    const selectedProject = state.project === null ? -1 : p.id.indexOf(state.project);
    const lagging = new Set(laggingProjects(p, m, site.config.thresholds.lagPoints, visible).map((l) => l.index));
    drawn = p;
    // The popup's code comes with the first markers, before a click needs it.
    if (visible.length > 0) preloadDisclosure();
    await atlas.setMarkers(p, { visible, monthIndex: m, selected: selectedProject >= 0 ? selectedProject : null, lagging, isOverview: false });
    if (isStale(seq)) return;
    if (state.project !== lastPopup || state.project !== null) {
      const i = state.project === null ? -1 : p.id.indexOf(state.project);
      // A project without a point of its own or a village's (a town-wide one) opens at its town's label.
      const fallback = site.towns[p.town[i] ?? -1]?.labelPoint ?? null;
      const lon = p.lon[i] ?? fallback?.[0];
      const lat = p.lat[i] ?? fallback?.[1];
      const code = i >= 0 ? await loadDisclosure().catch((e: unknown) => fail(e)) : null;
      // A newer state was drawn while the popup's code loaded: that one is the page's.
      if (isStale(seq)) return;
      if (code && lon != null && lat != null) {
        const box = code.projectDisclosure(site, p, i, m, state.lang);
        // The other way of the link between map and table: this project's row on the projects page.
        const link = document.createElement('a');
        link.className = 'project-table-link';
        link.href = serializeViewState({ ...state, view: 'projects', tour: null });
        link.textContent = t(state.lang, 'openInProjects');
        box.append(link);
        // Where the focus was as the first popup opened (a lag link, the map): it goes back there after.
        if (lastPopup === null) popupOpener = focusedElement();
        popup.show([lon, lat], box);
      } else {
        popup.hide();
        if (lastPopup !== null) giveFocusBack(popupOpener, container);
      }
      lastPopup = state.project;
    }
    // A removed map's idle comes at once (render then waits for the fallback's drawing).
    await atlas.whenIdle();
  }
  /** A PNG of the county coloured for the state's indicator and month, without markers (for the report). */
  async function snapshot(): Promise<string> {
    isSnapshot = true;
    try {
      atlas.resize();
      atlas.frame(site.bbox, false);
      await render();
      await atlas.whenIdle();
      // Drawn in a box of its own, not the screen's map: a phone's map (or one laid out behind the
      // report) is too small for a picture read at the report's width.
      return (await atlas.imageAt(SNAPSHOT_BOX.width, SNAPSHOT_BOX.height, SNAPSHOT_BOX.ratio, { area: site.bbox, legendScale: 0 })).src;
    } finally {
      isSnapshot = false;
      lastPlace = null;
    }
  }
  /** The id of the project whose marker is at a point of the map (for tests and tools). */
  const pickProject = (x: number, y: number): string | null => {
    const i = atlas.pickProject(x, y);
    return i === null ? null : (drawn.id[i] ?? null);
  };
  function setPresenting(isOn: boolean): void {
    isPresenting = isOn;
    if (isOn) keyboard.reset();
    atlas.setKeyboard(!isOn);
    atlas.setTheme(mapThemeFor(isOn, store.get().isLargeType));
  }
  return {
    render,
    snapshot,
    get map() {
      return atlas;
    },
    get isFallback() {
      return chosen.isFallback;
    },
    get liveHandle() {
      return chosen.handle;
    },
    legendContent: () => lastLegend,
    setPresenting,
    pickProject,
  };
}

let disclosure: Promise<typeof import('../ui/project-disclosure')> | null = null;

/** A project's disclosure (the popup's content, src/ui/project-disclosure.ts): a chunk of its own, loaded once. */
function loadDisclosure(): Promise<typeof import('../ui/project-disclosure')> {
  disclosure ??= import('../ui/project-disclosure');
  return disclosure;
}

function preloadDisclosure(): void {
  loadDisclosure().catch(() => {
    // Asked for again when a popup opens, which reports the failure.
    disclosure = null;
  });
}

/** The popup's code did not load (the network went): said as a file that did not load is, and asked for again next time. */
function fail(e: unknown): null {
  disclosure = null;
  console.error(e);
  return null;
}

/** The report's picture of the county: a portrait box about the size it is read at (its labels at the screen's size), at 3 device pixels per CSS pixel so it stays sharp on a phone and on paper; the report trims its plain margins. */
const SNAPSHOT_BOX = { width: 340, height: 440, ratio: 3 };

export function frameOf(site: SiteData, selection: Selection): [number, number, number, number] {
  const p = selection.village?.point;
  if (p) return [p[0] - VILLAGE_FRAME_DEG, p[1] - VILLAGE_FRAME_DEG, p[0] + VILLAGE_FRAME_DEG, p[1] + VILLAGE_FRAME_DEG];
  return selection.town?.bbox ?? site.bbox;
}

function tooltipText(site: SiteData, p: SiteProjects, i: number, m: number, lang: ViewState['lang']): string {
  const c = site.config.categories[p.category[i] ?? -1];
  const status = STATUSES[p.status[m]?.[i] ?? 0] ?? 'planned';
  return [
    p.name[i] ?? '',
    `${c ? pick(c, lang) : ''} · ${t(lang, status)} · ${t(lang, 'progress')} ${p.progressPct[m]?.[i] ?? 0}%`,
    `${t(lang, 'budgetWan')} ${formatWan(p.budgetWan[i] ?? 0)} ${t(lang, 'wan')}`,
  ].join('\n');
}

/** The element with the keyboard's focus; null when it is the page itself. */
function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * A popup closed with the focus in it (Escape, its ✕), which leaves the focus on the page itself:
 * the focus goes back to `opener` when it is still shown, else to the map's surface. Focus the
 * reader put elsewhere stays there.
 */
function giveFocusBack(opener: HTMLElement | null, map: HTMLElement): void {
  if (focusedElement() !== null) return;
  const target = opener?.isConnected && opener.getClientRects().length > 0 ? opener : map.querySelector<HTMLElement>('canvas[tabindex], svg[tabindex]');
  target?.focus({ preventScroll: true });
}
