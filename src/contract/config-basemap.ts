/** atlas.config.json `basemap`: none, an XYZ tile server, or 天地图; and its parser. */
import { JsonChecker, join } from './check';
import { expandTileUrl } from './tile-url';

export type Basemap =
  | { type: 'none' }
  | {
      type: 'xyz';
      /** `https://host/{z}/{x}/{y}.png`; `{s}` or a range like `{a-c}` for subdomains (src/contract/tile-url.ts). */
      url: string;
      /** What `{s}` stands for, as written in the config; absent means a, b, c. */
      subdomains?: string[];
      attribution: string;
      crs: 'WGS84' | 'GCJ02';
    }
  | { type: 'tianditu'; key: string };

/** The `basemap` object; its URL becomes tile requests and the page's CSP, so only a plain https host passes. */
export function parseBasemap(c: JsonChecker, v: unknown): Basemap | null {
  const o = c.object(v, 'basemap');
  if (!o) return null;
  const type = c.oneOf(o.type, 'basemap.type', ['none', 'xyz', 'tianditu'] as const);
  if (type === 'none') {
    c.onlyKeys(o, 'basemap', ['type']);
    return { type };
  }
  if (type === 'xyz') {
    c.onlyKeys(o, 'basemap', ['type', 'url', 'subdomains', 'attribution', 'crs']);
    const url = c.string(o.url, 'basemap.url');
    const subdomains = o.subdomains === undefined ? undefined : (c.array(o.subdomains, 'basemap.subdomains') ?? []).map((s, i) => c.string(s, join('basemap.subdomains', i)) ?? '');
    // The URL becomes the map's tile requests and the page's CSP: only a plain https host, never a wildcard or markup.
    const tiles = url ? expandTileUrl(url, subdomains) : null;
    if (tiles && !tiles.ok) c.errorOf(subdomains !== undefined && /subdomain/.test(tiles.message) ? 'basemap.subdomains' : 'basemap.url', tiles);
    const attribution = c.string(o.attribution, 'basemap.attribution');
    const crs = o.crs === undefined ? 'WGS84' : c.oneOf(o.crs, 'basemap.crs', ['WGS84', 'GCJ02'] as const);
    if (!url || !tiles?.ok || !attribution || !crs) return null;
    return subdomains === undefined ? { type, url, attribution, crs } : { type, url, subdomains, attribution, crs };
  }
  if (type === 'tianditu') {
    c.onlyKeys(o, 'basemap', ['type', 'key']);
    const key = c.string(o.key, 'basemap.key');
    if (key && !TIANDITU_KEY.test(key)) return c.error('basemap.key', 'basemapKey');
    return key ? { type, key } : null;
  }
  return null;
}

/** A 天地图 token: 32 hexadecimal characters today; any 16–64 letters and digits are let through. */
const TIANDITU_KEY = /^[0-9A-Za-z]{16,64}$/;
