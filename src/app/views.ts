/**
 * The page's views, one entry each: the masthead's link, the element it is shown in, whether the
 * meeting package has it, and how it is mounted the first time it is opened (its code is a chunk of
 * its own, so the map's first view does not wait for it). src/app/view-switch.ts shows one at a time.
 *
 * Adding a view: its name in VIEW_NAMES (src/state/view-state.ts, so it can be a link), an entry
 * here (the compiler asks for it), its module in src/ui, and its link's label in the catalogues.
 */
import type { FeatureCollection } from 'geojson';
import type { SiteData } from '../contract/site';
import type { StringKey } from '../i18n';
import type { ProjectSource } from '../state/project-source';
import type { Store } from '../state/store';
import type { ViewName, ViewState } from '../state/view-state';
import type { ReportMapImage } from '../ui/report';
import { openDataLinks } from './open-data-links';
import { loadRelease } from './release-load';

/** What a view may be mounted with. */
export interface PageDeps {
  site: SiteData;
  projects: ProjectSource;
  store: Store<ViewState>;
  /** The county's map in the state's indicator and month, with the key of its colours (the map stays laid out, hidden, behind the other views). */
  mapSnapshot(): Promise<ReportMapImage>;
  /** True in the meeting package (one file from a USB stick, src/app/embedded.ts). */
  isPackage: boolean;
  /** The boundaries as GeoJSON (fetched if the page drew them from tiles). */
  boundaries(): Promise<{ towns: FeatureCollection; county: FeatureCollection }>;
}

/** A mounted view: it renders the states that show it. */
export interface PageView {
  update(state: ViewState): unknown;
  /** Called when the view is shown again after another view, before the state that shows it. */
  shown?(): void;
}

export interface ViewSpec {
  /** The masthead link's label. */
  label: StringKey;
  /** The class of the view's own element under <main> (`#<name>-slot`), or null for the map, which is the page's layout. */
  slot: 'page-slot' | 'report-slot' | null;
  /**
   * False when the meeting package leaves the view out of its masthead: the data check has no files
   * to check there, and the package's CSP runs no worker file.
   */
  isInPackage: boolean;
  /** False when the masthead does not link to the view (the notice sheets open from a town's or village's panel); true unless given. */
  isInMasthead?: boolean;
  /** Mounts the view into its element, the first time it is shown; null for the map, mounted with the page. */
  mount: ((el: HTMLElement, deps: PageDeps) => Promise<PageView>) | null;
}

/** Every view, by name; the masthead lists them in VIEW_NAMES' order. */
export const VIEWS: Readonly<Record<ViewName, ViewSpec>> = {
  map: { label: 'viewMap', slot: null, isInPackage: true, mount: null },
  projects: {
    label: 'viewProjects',
    slot: 'page-slot',
    isInPackage: true,
    // The projects page and the report are about every project: they load all towns' first.
    mount: async (el, { site, projects, store, isPackage }) => {
      const [page] = await Promise.all([import('../ui/projects-page'), projects.ensureAll()]);
      return page.mountProjectsPage(el, { site, projects: projects.current, onChange: (patch) => store.set(patch), openData: isPackage ? [] : openDataLinks() });
    },
  },
  report: {
    label: 'viewReport',
    slot: 'report-slot',
    isInPackage: true,
   
    mount: async (el, { site, projects, store, mapSnapshot }) => {
      const [report] = await Promise.all([import('../ui/report'), projects.ensureAll()]);
      return report.mountReport(el, { site, projects, getMapImage: mapSnapshot, onBack: () => store.set({ view: 'map' }) });
    },
  },
  check: {
    label: 'viewCheck',
    slot: 'page-slot',
    isInPackage: false,
    mount: async (el, { site }) => (await import('../ui/preview-page')).mountPreviewPage(el, { isPublic: site.publication.isPublic }),
  },
  about: {
    label: 'viewAbout',
    slot: 'page-slot',
    isInPackage: true,
   
    mount: async (el, { site, isPackage }) => (await import('../ui/about-page')).mountAboutPage(el, { site, isPublic: site.publication.isPublic, hasOpenData: !isPackage }),
  },
  notice: {
    label: 'viewNotice',
    slot: 'page-slot',
    isInPackage: true,
    isInMasthead: false,
    mount: async (el, { site, projects, store, boundaries }) =>
      (await import('../ui/notice')).mountNotice(el, {
        site,
        projects,
        towns: async () => (await boundaries()).towns,
        // The page's own address, without its query (this copy's `?preview=1`) and view; a file's opens on no phone.
        pageHref: () => (location.protocol === 'file:' ? null : `${location.origin}${location.pathname}`),
        onChange: (patch) => store.set(patch),
      }),
  },
  // The release history (更新记录): release.json, beside the site data; the footer's 数据版本 links to it.
  changes: {
    label: 'viewChanges',
    slot: 'page-slot',
    isInPackage: false,
    isInMasthead: false,
    mount: async (el, { site, projects }) =>
      (await import('../ui/changes-page')).mountChangesPage(el, {
        site,
        release: () => loadRelease('data/'),
        loadTown: (code) => projects.ensure(site.towns.filter((t) => t.code === code).map((t) => t.id)),
      }),
  },
};
