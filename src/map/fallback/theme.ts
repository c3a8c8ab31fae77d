import { BASE_COLOURS, LAYER, themeProperties, type MapTheme } from '../style';

/**
 * The fallback's line widths, label sizes and colours, read from the live map's theme
 * (style.ts `themeProperties`) at the zoom the fallback draws at: one theme, two renderers, so
 * the projector theme thickens and enlarges both alike.
 */

export interface LineLook {
  colour: string;
  widthPx: number;
}

export interface LabelLook {
  colour: string;
  sizePx: number;
  haloPx: number;
}

export interface FallbackLook {
  townLine: LineLook;
  countyLine: LineLook;
  /** Width of the selected town's outline. */
  selectedPx: number;
  /** Width of a lagging town's dashed outline. */
  laggingPx: number;
  townLabel: LabelLook;
  villageLabel: LabelLook;
}

/**
 * The value of one of the theme's style expressions at a zoom, for the shapes themeProperties
 * uses: a constant, a linear interpolation over the zoom, or a `case` on a feature's flag (its
 * first branch: the value of a feature that has the flag, e.g. the selected town's outline).
 * Any other shape throws, so a new kind of expression in the theme is noticed here.
 */
export function valueAtZoom(value: unknown, zoom: number): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value) && value[0] === 'interpolate' && Array.isArray(value[1]) && value[1][0] === 'linear' && Array.isArray(value[2]) && value[2][0] === 'zoom') {
    const stops = value.slice(3) as unknown[];
    const pairs: [number, number][] = [];
    for (let k = 0; k + 1 < stops.length; k += 2) pairs.push([Number(stops[k]), Number(valueAtZoom(stops[k + 1], zoom))]);
    const first = pairs[0];
    const last = pairs[pairs.length - 1];
    if (!first || !last) throw new Error(`an interpolation without stops: ${JSON.stringify(value)}`);
    if (zoom <= first[0]) return first[1];
    if (zoom >= last[0]) return last[1];
    for (let k = 1; k < pairs.length; k++) {
      const [z0, v0] = pairs[k - 1]!;
      const [z1, v1] = pairs[k]!;
      if (zoom <= z1) return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
    }
    return last[1];
  }
  if (Array.isArray(value) && value[0] === 'case' && value.length >= 4) return valueAtZoom(value[2], zoom);
  throw new Error(`a theme value the fallback map cannot read: ${JSON.stringify(value)}`);
}

/** The look of `theme` at a zoom, from the live map's theme properties. */
export function fallbackLook(theme: MapTheme, zoom: number): FallbackLook {
  const props = themeProperties(theme);
  const read = (layer: string, name: string): number | string => {
    const p = props.find((q) => q.layer === layer && q.name === name);
    if (!p) throw new Error(`the map theme sets no ${name} on ${layer}`);
    return valueAtZoom(p.value, zoom);
  };
  const n = (layer: string, name: string): number => Number(read(layer, name));
  const s = (layer: string, name: string): string => String(read(layer, name));
  return {
    townLine: { colour: s(LAYER.townLine, 'line-color'), widthPx: n(LAYER.townLine, 'line-width') },
    countyLine: { colour: s(LAYER.countyLine, 'line-color'), widthPx: n(LAYER.countyLine, 'line-width') },
    selectedPx: n(LAYER.townSelected, 'line-width'),
    laggingPx: n(LAYER.townLagging, 'line-width'),
    townLabel: { colour: s(LAYER.townLabel, 'text-color'), sizePx: n(LAYER.townLabel, 'text-size'), haloPx: n(LAYER.townLabel, 'text-halo-width') },
    villageLabel: { colour: s(LAYER.villageLabel, 'text-color'), sizePx: n(LAYER.villageLabel, 'text-size'), haloPx: n(LAYER.villageLabel, 'text-halo-width') },
  };
}

/** The paper, the county and the halo, as the live map's plain basemap. */
export const PAPER = { background: BASE_COLOURS.background, county: BASE_COLOURS.county, selected: BASE_COLOURS.selected, halo: BASE_COLOURS.halo } as const;
