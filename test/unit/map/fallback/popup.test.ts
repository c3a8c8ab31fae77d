import { describe, expect, it } from 'vitest';
import { popupPlacement } from '../../../../src/map/fallback/popup';

describe('popupPlacement', () => {
  const map = { width: 800, height: 600 };
  const box = { width: 300, height: 200 };
  it('opens above a point in the lower half and below one in the upper half, centred on it', () => {
    expect(popupPlacement(400, 500, box, map)).toEqual({ left: 250, top: 288 });
    expect(popupPlacement(400, 100, box, map)).toEqual({ left: 250, top: 112 });
  });

  it('keeps inside the map at its edges', () => {
    expect(popupPlacement(10, 100, box, map).left).toBe(0);
    expect(popupPlacement(790, 100, box, map).left).toBe(500);
    expect(popupPlacement(400, 590, { width: 300, height: 700 }, map).top).toBe(0);
  });
});
