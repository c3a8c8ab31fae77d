import { describe, expect, it } from 'vitest';
import { CHINA_BOX, plausibleBox, type Box } from '../../../src/contract/region-box';

const contains = (box: Box, [lon, lat]: [number, number]): boolean => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

describe('plausibleBox', () => {
  it.each([
    ['竹溪县 (Zhuxi, the sample)', '420324', [109.72, 32.32]],
    ['漠河 (Mohe, the far north)', '232701', [122.54, 52.97]],
    ['抚远 (Fuyuan, the far east)', '230883', [134.29, 48.36]],
    ['乌恰 (Wuqia, the far west)', '653024', [75.26, 39.71]],
    ['三沙 (Sansha: Yongxing island)', '460300', [112.34, 16.83]],
    ['三沙 (Sansha: Zengmu Ansha)', '460300', [112.28, 3.97]],
    ['墨脱 (Medog)', '540423', [95.33, 29.33]],
    ['崇明 (Chongming)', '310151', [121.4, 31.62]],
    ['澳门 (Macau)', '820000', [113.54, 22.19]],
  ] as const)('holds %s', (_name, code, point) => {
    const box = plausibleBox(code);
    expect(box && contains(box, [...point])).toBe(true);
    expect(contains(CHINA_BOX, [...point])).toBe(true);
  });

  it('uses the province: a Hubei county is not in Xinjiang', () => {
    const hubei = plausibleBox('420324');
    expect(hubei).toEqual([107.3, 28.0, 117.2, 34.3]);
    expect(hubei && contains(hubei, [87.6, 43.8])).toBe(false);
    // Latitude and longitude swapped lie outside every box.
    expect(hubei && contains(hubei, [32.32, 109.72])).toBe(false);
  });

  it('falls back to China for a code of no province, and to null for a code that is not 6 digits', () => {
    expect(plausibleBox('990000')).toEqual(CHINA_BOX);
    expect(plausibleBox('42032')).toBeNull();
    expect(plausibleBox('4203241')).toBeNull();
    expect(plausibleBox('42032a')).toBeNull();
  });

  it("lies within China's box for every province", () => {
    for (let p = 10; p < 100; p++) {
      const box = plausibleBox(`${p}0000`);
      expect(box && box[0] >= CHINA_BOX[0] && box[1] >= CHINA_BOX[1] && box[2] <= CHINA_BOX[2] && box[3] <= CHINA_BOX[3], String(p)).toBe(true);
    }
  });
});
