/** The masthead's 分享 button, bound to the dialog of src/ui/share.ts with the page's own link and kept in the page's language. */
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import type { LinkReach } from '../ui/share';
import type { PageKind } from './banners';
import { byId } from './dom';

/**
 * Mounts the share dialog on #share-toggle. Its code (src/ui/share.ts) is a chunk of its own,
 * fetched as a pointer or the focus reaches the button; the first click opens the dialog once it is there.
 */
export function mountShareButton(store: Store<ViewState>, kind: PageKind): void {
  const reach = linkReach(kind, location);
  const toggle = byId('share-toggle');
  let mounted: Promise<void> | null = null;
  const mount = (): Promise<void> =>
    (mounted ??= import('../ui/share').then(({ mountShare }) => {
      const share = mountShare(toggle, { getUrl: () => canonicalUrl(location.href), getTitle: () => document.title, reach }, store.get().lang);
      store.subscribe((state, previous) => {
        if (state.lang !== previous.lang) share.setLang(state.lang);
      });
      toggle.removeEventListener('click', firstClick);
    }));
  const preload = (): void => {
    mount().catch((e: unknown) => {
      console.error(e);
      mounted = null;
    });
  };
  // Until the dialog is mounted, a click mounts it and then clicks again: the dialog's own handler opens it.
  function firstClick(): void {
    void mount().then(
      () => toggle.click(),
      (e: unknown) => {
        console.error(e);
        mounted = null;
      },
    );
  }
  toggle.addEventListener('click', firstClick);
  toggle.addEventListener('pointerenter', preload, { once: true });
  toggle.addEventListener('focus', preload, { once: true });
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
