import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../contract/config';
import { expandTileUrl } from '../contract/tile-url';

/** 天地图 (Tianditu) vector map and its Chinese annotation, Web Mercator tiles on CGCS2000. */
const TIANDITU_LAYERS = ['vec', 'cva'] as const;
const TIANDITU_SUBDOMAINS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];

export interface BasemapStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** Attribution to show with the map, or '' when there are no tiles. */
  attribution: string;
  /** Origins the page must be allowed to fetch from (for the CSP), none for `none`. */
  origins: string[];
  /** True when overlays (WGS-84) and the basemap (GCJ-02) do not line up. */
  isShifted: boolean;
}

const NO_BASEMAP: BasemapStyle = { sources: {}, layers: [], attribution: '', origins: [], isShifted: false };

/**
 * The raster basemap a config asks for; `none` (the default) adds nothing and requests nothing.
 * An XYZ template's tiles and the CSP's origins come from one expansion of its subdomains; a
 * template the config contract would refuse draws no basemap.
 */
export function basemapStyle(basemap: Basemap): BasemapStyle {
  if (basemap.type === 'none') return { ...NO_BASEMAP };
  if (basemap.type === 'xyz') {
    const expanded = expandTileUrl(basemap.url, basemap.subdomains);
    if (!expanded.ok) return { ...NO_BASEMAP };
    return {
      sources: { basemap: { type: 'raster', tiles: expanded.tiles, tileSize: 256, attribution: basemap.attribution } },
      layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
      attribution: basemap.attribution,
      origins: expanded.origins,
      isShifted: basemap.crs === 'GCJ02',
    };
  }
  const tiandituUrl = (layer: string, sub: string): string =>
    `https://${sub}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(basemap.key)}`;
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  for (const layer of TIANDITU_LAYERS) {
    sources[`tianditu-${layer}`] = { type: 'raster', tiles: TIANDITU_SUBDOMAINS.map((s) => tiandituUrl(layer, s)), tileSize: 256, attribution: '© 天地图 Tianditu' };
    layers.push({ id: `tianditu-${layer}`, type: 'raster', source: `tianditu-${layer}` });
  }
  return { sources, layers, attribution: '© 天地图 Tianditu', origins: TIANDITU_SUBDOMAINS.map((s) => `https://${s}.tianditu.gov.cn`), isShifted: false };
}
