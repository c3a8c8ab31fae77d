import { describe, expect, it } from 'vitest';
import { clearPadding, mercatorAspect, paddingBeside, type Box, type Padding } from '../../../src/map/frame-padding';

const box = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });
/** The area's drawn box inside the map for this padding (centred, as fitBounds does). */
function drawn(map: Box, padding: Padding, aspect: number): Box {
  const w = map.right - map.left - padding.left - padding.right;
  const h = map.bottom - map.top - padding.top - padding.bottom;
  const height = Math.min(h, w / aspect);
  const width = height * aspect;
  const cx = map.left + padding.left + w / 2;
  const cy = map.top + padding.top + h / 2;
  return box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2);
}
const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('clearPadding', () => {
  it('keeps a tall county clear of the controls, the legend, the time bar and the zoom buttons on a laptop', () => {
    const map = box(0, 145, 966, 735);
    const overlays = [box(10, 155, 800, 190), box(10, 460, 282, 725), box(305, 660, 661, 706), box(928, 155, 956, 215), box(868, 702, 956, 722)];
    const aspect = 0.55;
    const padding = clearPadding({ map, overlays }, aspect);
    const area = drawn(map, padding, aspect);
    for (const o of overlays) expect(overlaps(area, o), JSON.stringify(o)).toBe(false);
    // As large as the room allows: the county keeps most of the map's height.
    expect(area.bottom - area.top).toBeGreaterThan(400);
  });

  it('keeps the county near the middle rather than squeezed beside the time bar (the fallback at 1366×768)', () => {
    const map = box(0, 129.8, 966, 735);
    const overlays = [box(10, 458.8, 282, 725), box(10, 139.8, 793.9, 176.4), box(304, 657.8, 662, 707)];
    const padding = clearPadding({ map, overlays }, 0.5585);
    expect(padding.left).toBe(302);
    expect(padding.bottom).toBeCloseTo(735 - 657.8 + 20, 5);
    const area = drawn(map, padding, 0.5585);
    for (const o of overlays) expect(overlaps(area, o), JSON.stringify(o)).toBe(false);
  });

  it('draws under an overlay only where keeping clear would leave the area much smaller', () => {
    const map = box(0, 0, 360, 480);
    // A legend unfolded over most of a phone's map.
    const legend = box(0, 60, 340, 470);
    const padding = clearPadding({ map, overlays: [legend] }, 0.55);
    expect(padding).toEqual({ top: 20, bottom: 20, left: 20, right: 20 });
  });

  it('ignores what lies beside the map (a panel, a masthead)', () => {
    const map = box(0, 100, 800, 700);
    expect(clearPadding({ map, overlays: [box(800, 100, 1200, 700), box(0, 0, 1200, 100)] }, 1)).toEqual({ top: 20, bottom: 20, left: 20, right: 20 });
  });

  it('gives a margin on an empty map, even one not laid out yet', () => {
    expect(clearPadding({ map: box(0, 0, 0, 0), overlays: [] }, 1)).toEqual({ top: 20, bottom: 20, left: 20, right: 20 });
  });
});

describe('mercatorAspect', () => {
  it('is wider than tall near the equator for a square in degrees, taller at higher latitude', () => {
    expect(mercatorAspect([0, -1, 2, 1])).toBeCloseTo(1, 2);
    // Zhuxi county: about 0.76° by 0.93°, at 32°N.
    const a = mercatorAspect([109.47, 31.53, 110.23, 32.46]);
    expect(a).toBeGreaterThan(0.6);
    expect(a).toBeLessThan(0.76 / 0.93);
  });
});

describe('paddingBeside (print)', () => {
  it.each([
    ['no legend', 1000, 700, null, { top: 20, bottom: 20, left: 20, right: 20 }],
    ['a wide box: beside the legend', 1000, 700, { width: 200, height: 300 }, { top: 20, bottom: 20, left: 220, right: 20 }],
    ['a narrow box: above it', 500, 900, { width: 300, height: 200 }, { top: 20, bottom: 220, left: 20, right: 20 }],
  ])('%s', (_, width, height, legend, padding) => {
    expect(paddingBeside(width, height, legend)).toEqual(padding);
  });
});
