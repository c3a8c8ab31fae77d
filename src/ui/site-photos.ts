/**
 * Site photos (现场照片, 形象进度) as thumbnails: a project's photos by stage, side by side in stage
 * order (施工前 … 验收), each opening the photo dialog (photo-viewer.ts); and a strip of several
 * projects' photos (the tour's completion photos). Loaded lazily, text through textContent.
 */
import './site-photos.css';
import type { SitePhoto } from '../contract/photos';
import { fillText, t, type Lang } from '../i18n';
import { h } from './dom';
import { photoAlt, photoUrl, stageName } from './photo-text';
import { openPhotoViewer, type PhotoViewerOptions, type ViewedPhoto } from './photo-viewer';

/** One project's photos, as its popup or its row of the projects table shows them. */
export interface ProjectPhotos {
  /** Published, in stage order. */
  photos: readonly SitePhoto[];
  /** Photos this build did not publish (privacy). */
  withheld: number;
  projectName: string;
}

/**
 * A project's photos: the first of each stage as a thumbnail (a badge counts the stage's others,
 * which the dialog pages through), and a note of the photos withheld. Null when there is neither.
 */
export function projectPhotos(p: ProjectPhotos, options: PhotoViewerOptions, headingTag: 'h3' | 'h4' = 'h4'): HTMLElement | null {
  if (p.photos.length === 0 && p.withheld === 0) return null;
  const { lang } = options;
  const box = h('section', 'site-photos');
  const heading = h(headingTag, 'site-photos-title', t(lang, 'photosTitle'));
  box.append(heading);
  if (options.isSample && p.photos.length > 0) heading.append(' ', h('span', 'photo-sample-mark', t(lang, 'photoSampleMark')));
  box.setAttribute('aria-label', t(lang, 'photosTitle'));
  const all: ViewedPhoto[] = p.photos.map((photo) => ({ photo, projectName: p.projectName }));
  const firsts = all.flatMap((item, i) => (i === 0 || all[i - 1]?.photo.stage !== item.photo.stage ? [i] : []));
  if (firsts.length > 0) {
    const list = h('ul', 'site-photos-list');
    for (const [k, i] of firsts.entries()) {
      const item = all[i];
      if (!item) continue;
      const more = (firsts[k + 1] ?? all.length) - i - 1;
      list.append(thumbnail(item, more, lang, options, (opener) => openPhotoViewer(all, i, options, opener)));
    }
    box.append(list);
  }
  if (p.withheld > 0) box.append(h('p', 'site-photos-withheld', fillText(lang, 'photosWithheld', { n: p.withheld })));
  return box;
}

/** A strip of photos, each captioned with its stage and project, opening the dialog over the strip's photos (its heading, the caller's, says 示例照片 for the sample). */
export function photoStrip(items: readonly ViewedPhoto[], options: PhotoViewerOptions, className: string): HTMLUListElement {
  const list = h('ul', `site-photos-list ${className}`);
  items.forEach((item, i) => list.append(thumbnail(item, 0, options.lang, options, (opener) => openPhotoViewer(items, i, options, opener), fillText(options.lang, 'photoStripLabel', { stage: stageName(item.photo.stage, options.lang), name: item.projectName }))));
  return list;
}

/** A thumbnail button, with its stage (and, in a strip of several projects, the project) beneath. */
function thumbnail(item: ViewedPhoto, more: number, lang: Lang, options: PhotoViewerOptions, open: (opener: HTMLElement) => void, label?: string): HTMLLIElement {
  const { photo } = item;
  const li = h('li', 'site-photo');
  li.dataset.stage = photo.stage;
  const b = h('button', 'site-photo-open');
  b.type = 'button';
  b.title = photo.caption ?? stageName(photo.stage, lang);
  const img = h('img', 'site-photo-thumb');
  img.loading = 'lazy';
  img.decoding = 'async';
  img.alt = photoAlt(photo, item.projectName, lang, options.isSample);
  img.src = photoUrl(photo.thumb);
  b.append(img);
  if (more > 0) {
    const badge = h('span', 'site-photo-more', fillText(lang, 'photoMore', { n: more }));
    badge.title = fillText(lang, 'photoMoreLabel', { n: more });
    badge.setAttribute('aria-hidden', 'true');
    b.append(badge);
    img.alt = fillText(lang, 'photoAltMore', { alt: img.alt, n: more });
  }
  b.addEventListener('click', () => open(b));
  const caption = h('span', 'site-photo-stage', label ?? stageName(photo.stage, lang));
  caption.setAttribute('aria-hidden', 'true');
  li.append(b, caption);
  if (photo.takenAt && label === undefined) {
    const date = h('span', 'site-photo-date', photo.takenAt);
    date.setAttribute('aria-hidden', 'true');
    li.append(date);
  }
  return li;
}
