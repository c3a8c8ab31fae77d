/**
 * The page's Content-Security-Policy: everything from the page's own origin, plus the tile
 * origins of a configured basemap (none by default, so nothing leaves the origin). Workers
 * may come from blob: (MapLibre's worker), images from data:/blob: (exports, patterns).
 */
export function contentSecurityPolicy(basemapOrigins: readonly string[]): string {
  const extra = basemapOrigins.length > 0 ? ` ${basemapOrigins.join(' ')}` : '';
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
