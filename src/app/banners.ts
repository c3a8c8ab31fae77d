/**
 * The notices under the masthead: what this copy is (a preview built in the browser, or the
 * meeting package with the public data or the county's own) and, for the sample, that its figures
 * are made up.
 */
import type { SiteData } from '../contract/site';
import { t, type Lang } from '../i18n';

/** Which copy of the atlas this page is. */
export interface PageKind {
  /** `?preview=1`: the page inside the check view's frame, drawing the data its parent built. */
  isPreview: boolean;
  /** The single-file meeting package (src/app/embedded.ts). */
  isPackage: boolean;
}

/** Fills #preview-banner and #sample-banner for a language, hiding those that do not apply. */
export function renderBanners(site: SiteData, kind: PageKind, lang: Lang): void {
  const { isPreview, isPackage } = kind;
  const copy = document.getElementById('preview-banner');
  if (copy) {
    copy.hidden = !isPreview && !isPackage;
    // A package says on its first screen whether it holds the public data or the county's own.
    copy.textContent = t(lang, isPreview ? 'previewBanner' : site.publication.isPublic ? 'packagePublic' : 'packagePrivate');
    copy.classList.toggle('is-private', isPackage && !site.publication.isPublic);
  }
  const sample = document.getElementById('sample-banner');
  if (sample) {
    sample.hidden = !site.config.isSample;
    // Folded to one line on a phone (one-line.ts), the notice shows its short form, which still says
    // both things a reader must not miss (示例数据, 示意边界); the whole text when opened or wider.
    const short = document.createElement('span');
    short.className = 'notice-short';
    short.textContent = t(lang, 'sampleBannerShort');
    const full = document.createElement('span');
    full.className = 'notice-full';
    full.textContent = t(lang, 'sampleBanner');
    sample.replaceChildren(short, full);
  }
}
