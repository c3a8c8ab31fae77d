/** The masthead's 分享 button, bound to the dialog of src/ui/share.ts with the page's own link and kept in the page's language. */
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { mountShare, type LinkReach } from '../ui/share';
import type { PageKind } from './banners';
import { byId } from './dom';

/** Mounts the share dialog on #share-toggle. */
export function mountShareButton(store: Store<ViewState>, kind: PageKind): void {
  const reach = linkReach(kind, location);
  const share = mountShare(byId('share-toggle'), { getUrl: () => canonicalUrl(location.href), getTitle: () => document.title, reach }, store.get().lang);
  store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) share.setLang(state.lang);
  });
}

/** A page's link as another device should open it: origin, path and hash (the view); the query (`?preview=1`) belongs to this copy. */
export function canonicalUrl(href: string): string {
  const url = new URL(href);
  url.search = '';
  return url.href;
}

/**
 * Where the page's link opens: the meeting package and the check view's preview are files of this
 * computer (their link opens nowhere else); a page served from this computer (npm start) opens only here.
 */
export function linkReach(kind: PageKind, where: Pick<Location, 'protocol' | 'hostname'>): LinkReach {
  if (kind.isPackage || kind.isPreview || where.protocol === 'file:') return 'file';
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(where.hostname) ? 'this-computer' : 'anywhere';
}
