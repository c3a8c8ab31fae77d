import { printedScaleBar, type MapImage } from '../domain/export-layout';
import { t, type Lang } from '../i18n';

/** Paper sizes the map view prints on, both landscape. */
export type Paper = 'A4' | 'A3';
export const PAPERS: readonly Paper[] = ['A4', 'A3'];

/**
 * The printed map's box on each paper, in millimetres (landscape, 10 mm margins: A4 leaves
 * 277 × 190 mm, A3 400 × 277 mm). The map takes the left 56% beside the panel's figures, under the
 * title and above the sources. The print rules are written from these, and the 打印 button draws the
 * map in this shape, so the image fills its box.
 */
export const PRINT_MAP_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 155, height: 158 },
  A3: { width: 224, height: 245 },
};
/** The printed page's root type size in points: the panel and legend are sized in rem. */
export const PRINT_ROOT_PT: Record<Paper, number> = { A4: 8, A3: 10 };
/** Device pixels per CSS pixel of the printed map image: about 190 dpi on paper. */
export const PRINT_PIXEL_RATIO = 2;
const CSS_PX_PER_MM = 96 / 25.4;

export interface PrintViewDeps {
  /** The map as it is now (the canvas, drawn with preserveDrawingBuffer): for the browser's own print command. */
  mapImage(): MapImage;
  /**
   * The current view drawn in a box of this CSS size at this pixel ratio: for the 打印 button.
   * `legendScale` is the printed legend's size over the screen's, to keep the area clear of it.
   */
  mapImageAt(width: number, height: number, ratio: number, legendScale: number): Promise<MapImage>;
  lang: Lang;
}

/** The print rules that depend on the paper: page size and the map's box. */
export function printRules(paper: Paper): string {
  const box = PRINT_MAP_MM[paper];
  return [
    `@page { size: ${paper} landscape; margin: 10mm; }`,
    `@media print { html:has(body[data-view='map']) { font-size: ${PRINT_ROOT_PT[paper]}pt; } body[data-view='map'] .layout { height: ${box.height}mm; } body[data-view='map'] .map-area { flex: 0 0 ${box.width}mm; } }`,
  ].join('\n');
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
  const paperOf = (): Paper => (paper.value === 'A3' ? 'A3' : 'A4');
  const image = document.createElement('img');
  image.id = 'print-map';
  image.className = 'print-map';
  image.alt = '';
  // The printed image's own scale bar: the map's live one describes the screen, not the paper.
  const scale = document.createElement('div');
  scale.className = 'print-scale';
  const scaleBar = document.createElement('span');
  scaleBar.className = 'print-scale-bar';
  const scaleLabel = document.createElement('span');
  scale.append(scaleBar, scaleLabel);
  const show = (map: MapImage): void => {
    image.src = map.src;
    const bar = printedScaleBar(map, PRINT_MAP_MM[paperOf()]);
    scaleBar.style.width = `${bar.widthMm.toFixed(2)}mm`;
    scaleLabel.textContent = bar.label;
  };

  // Set by the 打印 button once it has drawn the map in the paper's shape; the browser's own print
  // command (Ctrl+P) gets the map as it is on screen, fitted into the box.
  let isPrepared = false;
  const place = (): void => {
    document.getElementById('map')?.after(image, scale);
    document.documentElement.dataset.paper = paperOf();
    pageStyle.textContent = printRules(paperOf());
  };
  const beforePrint = (): void => {
    if (!isPrepared) show(deps.mapImage());
    place();
  };
  const afterPrint = (): void => {
    isPrepared = false;
    image.remove();
    scale.remove();
  };
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  button.addEventListener('click', () => {
    const box = PRINT_MAP_MM[paperOf()];
    const screenRootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const legendScale = (PRINT_ROOT_PT[paperOf()] * (96 / 72)) / screenRootPx;
    // Busy, not disabled: a disabled button drops the keyboard's focus to the page.
    if (group.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    group.setAttribute('aria-busy', 'true');
    deps
      .mapImageAt(box.width * CSS_PX_PER_MM, box.height * CSS_PX_PER_MM, PRINT_PIXEL_RATIO, legendScale)
      .then((map) => {
        show(map);
        isPrepared = true;
        return image.decode().catch(() => undefined);
      })
      .catch((e: unknown) => console.error('print: the map could not be drawn for paper; printing it as on screen', e))
      .finally(() => {
        button.removeAttribute('aria-disabled');
        group.removeAttribute('aria-busy');
        window.print();
      });
  });

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
      scale.remove();
    },
  };
}
