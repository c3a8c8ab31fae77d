import { TOWN_LABEL_ANCHORS, TOWN_LABEL_RADIAL_OFFSET_EM } from '../style';
import { h, type SvgNode } from './svg-node';
import type { LabelLook } from './theme';

/**
 * Labels as the live map places them: town names centred on their label points, or beside them
 * where that clashes (the live map's text-variable-anchor and text-radial-offset), village names
 * under their circles; a label that would overlap one already placed is left out (towns are
 * placed first), and one outside the view is not drawn.
 */

/** The page's CJK font stack (as the live map's local ideograph fonts), so labels read like the page. */
export const LABEL_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** Room kept around each label, in CSS pixels (the live map's text-padding). */
const LABEL_PADDING_PX = 2;
/** A village name hangs this many ems below its point (the live map's text-offset). */
const VILLAGE_LABEL_OFFSET_EM = 1.1;
/** Where the alphabetic baseline sits below the top of a line of CJK text, in ems. */
const BASELINE_EM = 0.88;

export interface LabelRequest {
  text: string;
  /** The anchor point in CSS pixels. */
  x: number;
  y: number;
  /** 'center': the text centred on the point; 'below': hanging under it. */
  anchor: 'center' | 'below';
  look: LabelLook;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** An estimate of a text's width in ems: a Chinese character is square, Latin letters about 0.6 wide. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return em;
}

/** The box a label covers, with its padding. */
export function labelBox(l: LabelRequest): Box {
  const size = l.look.sizePx;
  const halfWidth = (textWidthEm(l.text) * size) / 2 + LABEL_PADDING_PX;
  const top = l.anchor === 'center' ? l.y - size / 2 : l.y + VILLAGE_LABEL_OFFSET_EM * size - size * 0.1;
  return { x0: l.x - halfWidth, y0: top - LABEL_PADDING_PX, x1: l.x + halfWidth, y1: top + size * 1.2 + LABEL_PADDING_PX };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A centred label's places in the live map's order (style.ts), its own first: the label moved beside its point. */
function candidates(l: LabelRequest): LabelRequest[] {
  if (l.anchor !== 'center') return [l];
  const size = l.look.sizePx;
  const halfWidth = (textWidthEm(l.text) * size) / 2;
  const halfHeight = size / 2;
  return TOWN_LABEL_ANCHORS.map((anchor) => {
    // The anchor names the side of the text at the point: its left side there puts the text to the right.
    const sx = anchor.includes('left') ? 1 : anchor.includes('right') ? -1 : 0;
    const sy = anchor.includes('top') ? 1 : anchor.includes('bottom') ? -1 : 0;
    if (sx === 0 && sy === 0) return l;
    // A corner stands off by the radial offset over √2 in each axis, as MapLibre places it.
    const off = (sx !== 0 && sy !== 0 ? TOWN_LABEL_RADIAL_OFFSET_EM / Math.SQRT2 : TOWN_LABEL_RADIAL_OFFSET_EM) * size;
    return { ...l, x: l.x + sx * (off + halfWidth), y: l.y + sy * (off + halfHeight) };
  });
}

/**
 * The labels that get drawn, in the order given: inside the view and clear of those placed
 * before, a town name at the first of its places that is (a label drawn beside its point comes
 * back moved there).
 */
export function placeLabels(requests: readonly LabelRequest[], width: number, height: number): LabelRequest[] {
  const placed: Box[] = [];
  const out: LabelRequest[] = [];
  for (const request of requests) {
    for (const l of candidates(request)) {
      const box = labelBox(l);
      if (box.x1 < 0 || box.y1 < 0 || box.x0 > width || box.y0 > height) continue;
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      out.push(l);
      break;
    }
  }
  return out;
}

/** One label: the text over a halo of the paper's colour drawn under it (paint-order). */
export function labelNode(l: LabelRequest, halo: string): SvgNode {
  const size = l.look.sizePx;
  const baseline = l.anchor === 'center' ? l.y + (BASELINE_EM - 0.5) * size : l.y + (VILLAGE_LABEL_OFFSET_EM + BASELINE_EM - 0.1) * size;
  return h(
    'text',
    {
      x: l.x,
      y: baseline,
      'text-anchor': 'middle',
      'font-family': LABEL_FONTS,
      'font-size': size,
      fill: l.look.colour,
      stroke: halo,
      'stroke-width': l.look.haloPx * 2,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    l.text,
  );
}
