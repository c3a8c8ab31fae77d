import { parseAtlasConfig } from '../contract/config';
import { isPlainHttpsOrigin } from '../contract/tile-url';
import { basemapStyle } from '../map/basemap';

/**
 * The page's Content-Security-Policy: everything from the page's own origin, plus the tile
 * origins of a configured basemap (none by default, so nothing leaves the origin). Workers
 * may come from blob: (MapLibre's worker), images from data:/blob: (exports, patterns).
 * Throws on an origin that is not a plain `https://host[:port]`: the config contract refuses
 * such a basemap already, and a wildcard, a quote or a `;` must never reach the policy.
 */
export function contentSecurityPolicy(basemapOrigins: readonly string[]): string {
  const wrong = basemapOrigins.find((o) => !isPlainHttpsOrigin(o));
  if (wrong !== undefined) throw new Error(`not a plain https://host[:port] origin for the Content-Security-Policy: ${JSON.stringify(wrong)}`);
  const origins = [...new Set(basemapOrigins)];
  const extra = origins.length > 0 ? ` ${origins.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self' data: blob:${extra}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/**
 * Text safe inside a double-quoted HTML attribute (`content="…"`): `&`, `"`, `<`, `>` as character
 * references. `'` stays as it is (harmless between double quotes), so the policy reads as written.
 */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (ch) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[ch] ?? ch);
}

/**
 * What index.html's `<meta http-equiv="Content-Security-Policy" content="…">` holds for the site
 * data's config (site.json's `config`), escaped for the attribute: the basemap's origins when the
 * config parses, the strictest policy when it does not (or there is no site data yet).
 */
export function cspMetaContent(siteConfig: unknown): string {
  const config = siteConfig === undefined ? null : parseAtlasConfig(siteConfig, 'site.json#config');
  const origins = config?.ok ? basemapStyle(config.value.basemap).origins : [];
  return escapeHtmlAttribute(contentSecurityPolicy(origins));
}
