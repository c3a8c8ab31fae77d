/**
 * A QR code drawn in the page as an SVG, by uqr (loaded on first use, so the first view's code does
 * not carry it; no network): dark modules on white with the standard's quiet zone, each row's runs
 * as one path. The share dialog and the village notice draw their codes with it.
 */

/** The light margin around a QR code, in modules: four, as the standard asks, so a phone finds its edges on a dark slide or a busy board. */
const QUIET_ZONE_MODULES = 4;

/** Error correction: M recovers 15 % of the code, Q 25 %, H 30 % (a stamp or a crease on paper). */
export type QrLevel = 'M' | 'Q' | 'H';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The QR code of a text at an error-correction level, as an SVG whose viewBox counts modules (quiet zone included). */
export async function qrSvg(text: string, level: QrLevel): Promise<SVGSVGElement> {
  const { encode } = await import('uqr');
  const { data } = encode(text, { ecc: level, border: 0 });
  const size = data.length + 2 * QUIET_ZONE_MODULES;
  const d: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d.push(`M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h${run}v1h-${run}z`);
      x += run;
    }
  });
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.modules = String(data.length);
  const paper = document.createElementNS(SVG_NS, 'rect');
  paper.setAttribute('width', String(size));
  paper.setAttribute('height', String(size));
  paper.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG_NS, 'path');
  modules.setAttribute('d', d.join(''));
  modules.setAttribute('fill', '#000');
  svg.append(paper, modules);
  return svg;
}
