/**
 * The page's wiring: one store, every part of the page subscribed to it. What each part does is in
 * its own module: the masthead and its notices, the views (views.ts, one entry each), the map and
 * what is around it, the tour, the exports and the footer.
 */
import type { SiteData } from '../contract/site';
import type { AtlasMap } from '../map/atlas-map';
import { createStore, type Store } from '../state/store';
import { DEFAULT_VIEW, viewContextOf, type ViewState } from '../state/view-state';
import { mountAtlasMap } from './atlas';
import type { PageKind } from './banners';
import { byId } from './dom';
import { EMBEDDED_DATA_ID, embeddedData } from './embedded';
import { mountExports } from './exports';
import { syncHash } from './hash-sync';
import { loadSiteData, previewData, type LoadedData } from './load';
import { preloadLiveMap } from './map-engine-choice';
import { needsEveryMonth } from './site-months';
import { mountMapSide } from './map-side';
import { mountMasthead } from './masthead';
import { mountPageFooter } from './page-footer';
import { mountShareButton } from './share-wiring';
import { hideStatus, pageLang, showLoadError } from './status';
import { t } from '../i18n';
import { mountTour } from './tour';
import { mountViews } from './view-switch';
import './app.css';

declare global {
  interface Window {
    cunhu?: {
      /**
       * The live map's MapLibre map. Undefined on the fallback (isFallback), also after a lost
       * WebGL context. Typed as present for the live map's tests, which read it unguarded.
       */
      map: AtlasMap['handle'];
      /** True when the fallback (SVG) draws the map. */
      isFallback: boolean;
      store: Store<ViewState>;
      /** The id of the project whose marker is at a map point. */
      pickProject(x: number, y: number): string | null;
    };
  }
}

/** Builds the page from the site data. */
async function start(data: LoadedData, kind: PageKind): Promise<void> {
  const { site, projects } = data;
  const store = createStore<ViewState>({ ...DEFAULT_VIEW });
  // A link to a project (proj=) names its town: load that town's projects before reading the hash.
  await projects.ensure(townsNamedBy(site, location.hash)).catch((e: unknown) => console.error(e));
  syncHash(store, viewContextOf(site, projects.ids));
  // A link to anything but the county's latest month needs the villages' other months before it is drawn.
  if (needsEveryMonth(site, store.get())) await data.everyMonth();

  // Everything that sets the layout the map measures comes first: the masthead with its notices,
  // the footer, the tour (before the page's Escape, which is the tour's while presenting), the
  // export buttons, the parts around the map.
  const masthead = mountMasthead(site, store, kind);
  mountShareButton(store, kind);
  const footer = mountPageFooter(site, { hasChanges: !kind.isPackage });
  footer.update(store.get());
  const tour = await mountTour(site, store, projects);
  const exports = mountExports(site, store, () => atlas, tour.actions);
  const mapSide = mountMapSide({ site, projects, store });
  const views = mountViews(byId('main'), { site, projects, store, mapSnapshot: async () => ({ url: await atlas.snapshot(), key: atlas.legendContent() }), isPackage: kind.isPackage, boundaries: data.boundaries });
  const notice = byId('map-notice');
  const showNotice = (): void => {
    notice.hidden = false;
    notice.textContent = t(store.get().lang, 'mapFallbackNotice');
  };
  performance.mark('cunhu:page-mounted');
  const atlas = await mountAtlasMap(byId('map'), data, store, () => store.get().isShowingProjects, showNotice);
  performance.mark('cunhu:map-made');
  if (atlas.isFallback) showNotice();

  const render = (state: ViewState): void => {
    masthead.update(state);
    footer.update(state);
    mapSide.update(state);
    exports.setLang(state.lang);
    views.update(state);
    if (!notice.hidden) notice.textContent = t(state.lang, 'mapFallbackNotice');
  };
  const draw = (state: ViewState): void => {
    tour.update(state);
    render(state);
    void atlas.render();
  };
  let isWaitingForMonths = false;
  store.subscribe((state) => {
    if (!needsEveryMonth(site, state) || !site.monthsFile) {
      draw(state);
      return;
    }
    // The villages' other months are still on their way (months.json, asked for at data-ready):
    // the view is drawn when they are here, in the state the page is in by then.
    if (isWaitingForMonths) return;
    isWaitingForMonths = true;
    data.everyMonth().then(
      () => {
        isWaitingForMonths = false;
        draw(store.get());
      },
      (e: unknown) => {
        isWaitingForMonths = false;
        console.error(e);
        showLoadError(e, store.get().lang);
      },
    );
  });
  // A state set while the map was made (Back, an edited link) came before the subscriber above:
  // it too waits for the villages' other months it reads.
  if (needsEveryMonth(site, store.get())) await data.everyMonth();
  render(store.get());
  tour.startMap(atlas);
  // The masthead and panel have their final size now: measure the map again before the first frame.
  atlas.map.resize();
  await atlas.render();
  // A page opened by its link (view=projects…) is drawn before the page says it is ready.
  await views.whenMounted();
  // A handle for browser tests and tools: the map (to project points) and the store.
  // Read when asked: after a lost WebGL context the fallback draws, and the handle says so.
  const handle = {
    get isFallback() {
      return atlas.isFallback;
    },
    get map() {
      return atlas.liveHandle ?? undefined;
    },
    store,
    pickProject: (x: number, y: number) => atlas.pickProject(x, y),
  };
  window.cunhu = handle as NonNullable<Window['cunhu']>;
  document.documentElement.dataset.ready = 'true';
  // The same moment for timing tools (npm run bench:page), from navigation start.
  performance.mark('cunhu:data-ready');
  // The villages' other months, now that the first view is drawn (the time slider, a town, a village).
  data.everyMonth().catch((e: unknown) => console.error(e));
}

/** The towns whose projects a hash needs before it is read: the town of `town=` or of `village=`, when it names a project. */
function townsNamedBy(site: SiteData, hash: string): number[] {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('proj')) return [];
  const village = site.villages.find((v) => v.code === params.get('village'));
  const town = village ? site.towns[village.townId] : site.towns.find((t) => t.code === params.get('town'));
  return town ? [town.id] : [];
}

async function main(): Promise<void> {
  performance.mark('cunhu:main');
  // The map's code and worker load beside the site data (a browser without WebGL2 fetches neither).
  preloadLiveMap();
  const kind: PageKind = {
    isPreview: new URLSearchParams(location.search).has('preview'),
    // The single-file meeting package: its site data is in the page (src/app/embedded.ts).
    isPackage: document.getElementById(EMBEDDED_DATA_ID) !== null,
  };
  try {
    const data = kind.isPreview ? await previewData() : (embeddedData(document) ?? (await loadSiteData('data/')));
    performance.mark('cunhu:data-parsed');
    hideStatus();
    await start(data, kind);
  } catch (e) {
    showLoadError(e, pageLang());
    document.documentElement.dataset.error = 'true';
    console.error(e);
  }
}

void main();
