import { t, type Lang } from './i18n';

/** Paper sizes the map view prints on, both landscape. */
export type Paper = 'A4' | 'A3';
export const PAPERS: readonly Paper[] = ['A4', 'A3'];

export interface PrintViewDeps {
  /** A PNG data URL of the map as it is now (the canvas, drawn with preserveDrawingBuffer). */
  mapImage(): string;
  lang: Lang;
}

/**
 * 打印: the current view on A4 or A3 landscape, for handouts: the map (as an image, so the printed
 * page does not depend on WebGL re-laying out at paper size), its legend, and the panel's figures.
 */
export function mountPrintView(el: HTMLElement, deps: PrintViewDeps): { setLang(lang: Lang): void; unmount(): void } {
  const group = document.createElement('span');
  group.className = 'print-controls';
  const label = document.createElement('label');
  const caption = document.createElement('span');
  caption.className = 'visually-hidden';
  const paper = document.createElement('select');
  paper.id = 'print-paper';
  for (const p of PAPERS) {
    const option = document.createElement('option');
    option.value = p;
    option.textContent = p;
    paper.append(option);
  }
  label.append(caption, paper);
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'print-view';
  button.className = 'lang-toggle';
  group.append(label, button);
  el.append(group);

  const pageStyle = document.createElement('style');
  pageStyle.id = 'print-page-size';
  document.head.append(pageStyle);
  const image = document.createElement('img');
  image.id = 'print-map';
  image.className = 'print-map';
  image.alt = '';

  const beforePrint = (): void => {
    image.src = deps.mapImage();
    document.getElementById('map')?.after(image);
    document.documentElement.dataset.paper = paper.value;
    pageStyle.textContent = `@page { size: ${paper.value} landscape; margin: 10mm; }`;
  };
  const afterPrint = (): void => image.remove();
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  button.addEventListener('click', () => window.print());

  const setLang = (lang: Lang): void => {
    caption.textContent = t(lang, 'paper');
    button.textContent = t(lang, 'print');
    image.alt = t(lang, 'printMapAlt');
  };
  setLang(deps.lang);
  return {
    setLang,
    unmount: () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      group.remove();
      pageStyle.remove();
      image.remove();
    },
  };
}
