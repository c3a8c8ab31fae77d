/**
 * The photo dialog: a site photo at its display size with its caption, stage, date and distance
 * from the project's point; previous and next through the project's photos. A modal <dialog>
 * (the rest of the page inert), Tab kept inside it, Escape closes it and focus goes back to the
 * thumbnail that opened it. On a phone it fills the screen.
 */
import './site-photos.css';
import type { SitePhoto } from '../contract/photos';
import { fillText, t, type Lang } from '../i18n';
import { h } from './dom';
import { distanceText, photoAlt, photoUrl, stageName } from './photo-text';

/** A photo as the dialog shows it: with the name of the project it documents. */
export interface ViewedPhoto {
  photo: SitePhoto;
  projectName: string;
}

export interface PhotoViewerOptions {
  lang: Lang;
  /** The site data is the sample: every photo is marked 示例照片. */
  isSample: boolean;
}

/** The page's one photo dialog, made when first opened. */
let viewer: ReturnType<typeof makeViewer> | null = null;

/** Opens the dialog at `photos[start]`; closing it returns focus to `opener`. */
export function openPhotoViewer(photos: readonly ViewedPhoto[], start: number, options: PhotoViewerOptions, opener: HTMLElement | null): void {
  if (photos.length === 0) return;
  viewer ??= makeViewer();
  viewer.open(photos, Math.min(Math.max(0, start), photos.length - 1), options, opener);
}

function makeViewer() {
  const dialog = h('dialog', 'photo-viewer');
  dialog.id = 'photo-viewer';
  const title = h('h2', 'photo-viewer-title');
  title.id = 'photo-viewer-title';
  const count = h('p', 'photo-viewer-count');
  const close = button('photo-viewer-close', '×', () => dialog.close());
  const bar = h('header', 'photo-viewer-bar');
  bar.append(title, count, close);
  const image = h('img', 'photo-viewer-image');
  image.decoding = 'async';
  const mark = h('span', 'photo-sample-mark photo-viewer-sample');
  mark.setAttribute('aria-hidden', 'true');
  // The mark sits on the picture's corner, whatever its shape.
  const picture = h('span', 'photo-viewer-picture');
  picture.append(image, mark);
  const frame = h('div', 'photo-viewer-frame');
  frame.append(picture);
  const caption = h('p', 'photo-viewer-caption');
  const facts = h('dl', 'photo-viewer-facts');
  const figcaption = h('figcaption', 'photo-viewer-text');
  figcaption.append(caption, facts);
  const figure = h('figure', 'photo-viewer-figure');
  figure.append(frame, figcaption);
  const previous = button('photo-viewer-previous', '', () => show(index - 1));
  const next = button('photo-viewer-next', '', () => show(index + 1));
  const nav = h('nav', 'photo-viewer-nav');
  nav.append(previous, next);
  dialog.append(bar, figure, nav);
  document.body.append(dialog);

  let photos: readonly ViewedPhoto[] = [];
  let index = 0;
  let options: PhotoViewerOptions = { lang: 'zh', isSample: false };
  let opener: HTMLElement | null = null;

  function show(i: number): void {
    const item = photos[i];
    if (!item) return;
    index = i;
    const { lang, isSample } = options;
    const { photo, projectName } = item;
    dialog.dataset.stage = photo.stage;
    dialog.dataset.index = String(i);
    title.textContent = projectName;
    count.textContent = fillText(lang, 'photoCount', { n: i + 1, total: photos.length });
    count.hidden = photos.length === 1;
    image.alt = photoAlt(photo, projectName, lang, isSample);
    image.width = photo.width;
    image.height = photo.height;
    image.src = photoUrl(photo.full);
    mark.textContent = t(lang, 'photoSampleMark');
    mark.hidden = !isSample;
    caption.textContent = photo.caption ?? '';
    caption.hidden = !photo.caption;
    const notRecorded = t(lang, 'photoNotRecorded');
    facts.replaceChildren(
      ...[
        [t(lang, 'photoStage'), stageName(photo.stage, lang)],
        [t(lang, 'photoTakenAt'), photo.takenAt ?? notRecorded],
        [t(lang, 'photoPlace'), distanceText(photo.distanceM, lang) ?? notRecorded],
        // The meeting package names no display size (src/contract/photos.ts): what is shown is the thumbnail.
        ...(photo.full === photo.thumb ? [[t(lang, 'photoSize'), t(lang, 'photoThumbOnly')]] : []),
      ].flatMap(([k = '', v = '']) => [h('dt', '', k), h('dd', '', v)]),
    );
    previous.textContent = `◀ ${t(lang, 'photoPrevious')}`;
    next.textContent = `${t(lang, 'photoNext')} ▶`;
    previous.disabled = i === 0;
    next.disabled = i === photos.length - 1;
    nav.hidden = photos.length === 1;
    // A disabled button loses focus: keep it in the dialog.
    if (!dialog.contains(document.activeElement) || (document.activeElement as HTMLButtonElement).disabled) close.focus();
  }

  /** Tab and Shift+Tab go round the dialog's own controls. */
  function keepFocus(e: KeyboardEvent): void {
    const stops = [close, previous, next].filter((b) => !b.disabled && !b.hidden && !(b.parentElement as HTMLElement).hidden);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const at = stops.indexOf(document.activeElement as HTMLButtonElement);
    if (e.shiftKey && at <= 0) last.focus();
    else if (!e.shiftKey && (at === -1 || at === stops.length - 1)) first.focus();
    else return;
    e.preventDefault();
  }

  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dialog.close();
    else if (e.key === 'ArrowLeft') show(index - 1);
    else if (e.key === 'ArrowRight') show(index + 1);
    else if (e.key === 'Tab') {
      keepFocus(e);
      e.stopPropagation();
      return;
    } else {
      // The page's own keys (the tour's stops, the map's Escape) are not for a press inside the dialog.
      e.stopPropagation();
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
  });
  dialog.addEventListener('close', () => {
    image.removeAttribute('src');
    const back = opener;
    opener = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  });

  return {
    open(list: readonly ViewedPhoto[], start: number, opts: PhotoViewerOptions, from: HTMLElement | null): void {
      photos = list;
      options = opts;
      opener = from;
      dialog.setAttribute('aria-label', fillText(opts.lang, 'photoViewerLabel', { name: list[start]?.projectName ?? '' }));
      close.setAttribute('aria-label', t(opts.lang, 'photoClose'));
      close.title = t(opts.lang, 'photoClose');
      if (!dialog.open) dialog.showModal();
      show(start);
      close.focus();
    },
  };
}

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
