/**
 * How different two colours look: CIEDE2000 (ΔE00, CIE 142-2001) on CIELAB from sRGB under D65.
 * Used to keep the project categories' colours apart from every class colour of the choropleth
 * ramps, so a marker never reads as a class. About 1 is a just-noticeable difference; 10 and more
 * two colours nobody mixes up side by side on a map.
 */

/** A colour in CIELAB (D65 white): lightness 0–100, green–red a, blue–yellow b. */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** D65 reference white (2° observer), Y normalised to 1: the white of sRGB. */
const D65_WHITE = { x: 0.95047, y: 1, z: 1.08883 } as const;
/** CIELAB's linear-segment constants, as exact fractions (CIE 15:2004). */
const LAB_EPSILON = 216 / 24389;
const LAB_KAPPA = 24389 / 27;
const POW_25_7 = 25 ** 7;

/** The CIELAB of a #rrggbb colour (sRGB, IEC 61966-2-1). Throws on anything else. */
export function hexToLab(hex: string): Lab {
  const [r, g, b] = linearRgb(hex);
  // sRGB primaries to XYZ (D65), IEC 61966-2-1's matrix.
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / D65_WHITE.x;
  const y = (0.2126729 * r + 0.7151522 * g + 0.072175 * b) / D65_WHITE.y;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / D65_WHITE.z;
  const [fx, fy, fz] = [x, y, z].map(labF) as [number, number, number];
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1–21: 3 is the least for a graphic's outline against what is behind it. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** ΔE00 between two #rrggbb colours. */
export function deltaE00Hex(a: string, b: string): number {
  return ciede2000(hexToLab(a), hexToLab(b));
}

/**
 * CIEDE2000 colour difference with unit weights (kL = kC = kH = 1), as in Sharma, Wu & Dalal
 * (2005), "The CIEDE2000 color-difference formula: implementation notes, supplementary test data,
 * and mathematical observations", whose 34 test pairs the unit test checks to four decimals.
 */
export function ciede2000(x: Lab, y: Lab): number {
  const c1 = Math.hypot(x.a, x.b);
  const c2 = Math.hypot(y.a, y.b);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + POW_25_7)));
  const a1 = (1 + g) * x.a;
  const a2 = (1 + g) * y.a;
  const cp1 = Math.hypot(a1, x.b);
  const cp2 = Math.hypot(a2, y.b);
  const hp1 = hueDeg(a1, x.b);
  const hp2 = hueDeg(a2, y.b);

  const dL = y.L - x.L;
  const dC = cp2 - cp1;
  // The hue difference: 0 when either colour is neutral (no hue), else the shorter way round.
  let dh = 0;
  if (cp1 * cp2 !== 0) {
    dh = hp2 - hp1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(radians(dh / 2));

  const lMean = (x.L + y.L) / 2;
  const cpMean = (cp1 + cp2) / 2;
  let hMean = hp1 + hp2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(hp1 - hp2) <= 180) hMean /= 2;
    else hMean = hMean < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2;
  }
  const t = 1 - 0.17 * Math.cos(radians(hMean - 30)) + 0.24 * Math.cos(radians(2 * hMean)) + 0.32 * Math.cos(radians(3 * hMean + 6)) - 0.2 * Math.cos(radians(4 * hMean - 63));
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const cpMean7 = cpMean ** 7;
  const rC = 2 * Math.sqrt(cpMean7 / (cpMean7 + POW_25_7));
  const l50 = (lMean - 50) ** 2;
  const sL = 1 + (0.015 * l50) / Math.sqrt(20 + l50);
  const sC = 1 + 0.045 * cpMean;
  const sH = 1 + 0.015 * cpMean * t;
  const rT = -Math.sin(radians(2 * dTheta)) * rC;
  const l = dL / sL;
  const c = dC / sC;
  const h = dH / sH;
  return Math.sqrt(l * l + c * c + h * h + rT * c * h);
}

/** The linear-light sRGB channels (0–1) of a #rrggbb colour. */
function linearRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`expected #rrggbb, got "${hex}"`);
  const n = Number.parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => linearChannel(c / 255)) as [number, number, number];
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function linearChannel(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function labF(t: number): number {
  return t > LAB_EPSILON ? Math.cbrt(t) : (LAB_KAPPA * t + 16) / 116;
}

/** Hue angle in degrees, 0–360; 0 for a neutral colour. */
function hueDeg(a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  const h = (Math.atan2(b, a) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

function radians(deg: number): number {
  return (deg * Math.PI) / 180;
}
