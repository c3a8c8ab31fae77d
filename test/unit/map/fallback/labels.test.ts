import { describe, expect, it } from 'vitest';
import { labelBox, labelNode, placeLabels, textWidthEm, type LabelRequest } from '../../../../src/map/fallback/labels';

const look = { colour: '#1f2933', sizePx: 14, haloPx: 2 };
const label = (text: string, x: number, y: number, anchor: LabelRequest['anchor'] = 'center'): LabelRequest => ({ text, x, y, anchor, look });

describe('labels', () => {
  it.each([
    ['蒋家堰镇', 4],
    ['Town', 2.4],
    ['龙坝 2', 3.2],
  ])('measure %s as %d ems', (text, em) => {
    expect(textWidthEm(text)).toBeCloseTo(em, 9);
  });

  const overlap = (a: LabelRequest, b: LabelRequest): boolean => {
    const p = labelBox(a);
    const q = labelBox(b);
    return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
  };

  it('leave out a label that overlaps one placed before it wherever it may go, and those off the map', () => {
    const first = label('城关镇', 100, 100);
    const samePoint = label('新洲镇', 100, 100);
    const clear = label('兵营镇', 100, 140);
    const outside = label('向坝乡', -200, 100);
    expect(placeLabels([first, samePoint, clear, outside], 400, 300)).toEqual([first, clear]);
  });

  it('place a town name that clashes at its point beside it, as the live map does: below it first, then above it (its foot 0.6 em over the point)', () => {
    const first = label('城关镇', 100, 100);
    const clash = label('新洲镇', 110, 90);
    const [placedFirst, moved, ...rest] = placeLabels([first, clash], 400, 300);
    expect(placedFirst).toBe(first);
    expect(rest).toEqual([]);
    expect(overlap(first, clash)).toBe(true);
    // Below clashes with the first name too, so it goes above: its foot 0.6 em over the point.
    expect(moved).toEqual({ ...clash, y: 90 - 0.6 * 14 - 7 });
    expect(overlap(first, moved!)).toBe(false);
  });

  it('leave a village name where it hangs, or out', () => {
    const town = label('城关镇', 100, 100);
    const village = label('双竹村委会', 100, 85, 'below');
    expect(placeLabels([town, village], 400, 300)).toEqual([town]);
  });

  it('hang a village name under its point', () => {
    const box = labelBox(label('双竹村委会', 50, 50, 'below'));
    expect(box.y0).toBeGreaterThan(50);
    expect((box.x0 + box.x1) / 2).toBeCloseTo(50, 9);
  });

  it('draw text over a halo in the paper colour', () => {
    const node = labelNode(label('中峰镇', 10, 20), '#ffffff');
    expect(node.text).toBe('中峰镇');
    expect(node.attrs).toMatchObject({ stroke: '#ffffff', 'stroke-width': 4, 'paint-order': 'stroke', 'font-size': 14, fill: '#1f2933', 'text-anchor': 'middle' });
  });
});
