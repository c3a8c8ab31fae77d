/**
 * A basemap's tile URL template, checked and expanded once: the tile URLs MapLibre requests and
 * the origins the page's Content-Security-Policy allows both come from the same expansion, so the
 * CSP names exactly the hosts the map fetches from, never a wildcard.
 *
 * MapLibre has no `{s}`: it replaces `{z}`, `{x}`, `{y}`, `{ratio}`, `{prefix}` (and the WMS
 * tokens) and spreads requests over a list of URLs. A Leaflet-style `{s}` (with the config's
 * `subdomains`, default a, b, c) or an OpenLayers-style range (`{a-c}`, `{0-7}`) is expanded here
 * into that list.
 */
import { phrase, problem, type Problem, type ProblemArgs, type ProblemKey, type ProblemRef } from '../i18n/problems';

export const DEFAULT_SUBDOMAINS: readonly string[] = ['a', 'b', 'c'];

/** The tokens MapLibre fills in for a raster tile; `{z}`, `{x}`, `{y}` must all be there. */
const MAPLIBRE_TOKENS = ['z', 'x', 'y', 'ratio', 'prefix'];
const REQUIRED_TOKENS = ['z', 'x', 'y'];
const MAX_URL_LENGTH = 2000;
const MAX_HOSTS = 26;

/** A DNS label: letters, digits, hyphens inside. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A host name of two or more labels whose last (the top-level domain) is letters (so no IPv4 literal) or punycode. */
const HOST = `(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})`;
const PLAIN_HTTPS_ORIGIN = new RegExp(`^https://${HOST}(?::[0-9]{1,5})?$`);
const LABEL_ONLY = new RegExp(`^${LABEL}$`, 'i');

/** True for `https://host[:port]` with a DNS host name, lower case: the only origin form a CSP built here may name. */
export function isPlainHttpsOrigin(origin: string): boolean {
  if (!PLAIN_HTTPS_ORIGIN.test(origin)) return false;
  const port = /:([0-9]+)$/.exec(origin)?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

export type TileUrls = { ok: true; tiles: string[]; origins: string[] } | ({ ok: false } & Problem);

/**
 * Checks a tile URL template (https, a real host name, `{z}` `{x}` `{y}`, nothing that could
 * leave an HTML attribute or a CSP directive) and expands its subdomain template into the tile
 * URLs and their origins.
 */
export function expandTileUrl(url: string, subdomains?: readonly string[]): TileUrls {
  const fail = <K extends ProblemKey>(key: K, ...params: ProblemArgs<K>): TileUrls => ({ ok: false, ...problem(key, ...params) });
  if (url.length > MAX_URL_LENGTH) return fail('tileTooLong', { max: MAX_URL_LENGTH });
  const bad = /[^\x21-\x7e]|["'`<>;\\^|]/.exec(url);
  if (bad) return fail('tileBadChar', { char: describeChar(bad[0]) });
  if (!/^https:\/\//i.test(url)) return fail('tileNotHttps');

  const tokens = [...url.matchAll(/\{([^{}]*)\}/g)];
  const leftover = url.replace(/\{[^{}]*\}/g, '');
  if (/[{}]/.test(leftover)) return fail('tileUnmatchedBrace');
  let subdomainToken: string | null = null;
  let hosts: string[] = [];
  for (const [token, name = ''] of tokens) {
    if (MAPLIBRE_TOKENS.includes(name)) continue;
    const range = /^([a-z])-([a-z])$|^([0-9])-([0-9])$/.exec(name);
    if (name !== 's' && !range) return fail('tileUnknownToken', { token });
    if (subdomainToken !== null && subdomainToken !== token) return fail('tileTwoSubdomainTokens', { first: subdomainToken, second: token });
    subdomainToken = token;
    if (range) {
      const from = (range[1] ?? range[3] ?? '').charCodeAt(0);
      const to = (range[2] ?? range[4] ?? '').charCodeAt(0);
      if (from > to) return fail('tileRangeBackwards', { token });
      if (subdomains !== undefined) return fail('tileSubdomainsWithRange', { token });
      hosts = Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
    } else {
      hosts = [...(subdomains ?? DEFAULT_SUBDOMAINS)];
    }
  }
  for (const token of REQUIRED_TOKENS) if (!tokens.some((t) => t[1] === token)) return fail('tileMissingToken', { token });
  if (subdomains !== undefined && subdomainToken === null) return fail('tileSubdomainsNoS');
  if (subdomainToken !== null) {
    if (hosts.length === 0) return fail('tileSubdomainsEmpty');
    if (hosts.length > MAX_HOSTS) return fail('tileTooManySubdomains', { max: MAX_HOSTS });
    const wrong = hosts.find((h) => !LABEL_ONLY.test(h));
    if (wrong !== undefined) return fail('tileSubdomainLabel', { label: JSON.stringify(wrong) });
    if (new Set(hosts).size !== hosts.length) return fail('tileSubdomainsRepeat');
  }

  const tiles = subdomainToken === null ? [url] : hosts.map((h) => url.split(subdomainToken).join(h));
  const origins: string[] = [];
  for (const tile of tiles) {
    const origin = originOfTile(tile);
    if (typeof origin !== 'string') return { ok: false, ...origin };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, tiles, origins };
}

/** `https://Tile.Example.org:8443/…` → `https://tile.example.org:8443` (443 dropped), or why it is not a plain host. */
function originOfTile(tile: string): string | Problem {
  const authority = /^https:\/\/([^/?#]*)/i.exec(tile)?.[1] ?? '';
  if (authority.includes('@')) return problem('tileUserInfo');
  if (authority.startsWith('[')) return problem('tileHostIp', { host: authority });
  const m = /^([^:]*)(?::([0-9]{1,5}))?$/.exec(authority);
  const host = (m?.[1] ?? '').toLowerCase();
  const port = m?.[2];
  if (!m || host === '') return problem('tileNotHost', { authority });
  if (host.includes('*')) return problem('tileWildcard', { host });
  if (/^[0-9.]+$/.test(host)) return problem('tileHostIp', { host });
  if (/[{}]/.test(host)) return problem('tileHostPlaceholder', { host });
  const origin = `https://${host}${port === undefined || port === '443' ? '' : `:${port}`}`;
  if (!isPlainHttpsOrigin(origin)) {
    if (!host.includes('.')) return problem('tileHostNotFull', { host });
    return problem('tileHostNotPlain', { host, port: port ?? '' });
  }
  return origin;
}

function describeChar(ch: string): string | ProblemRef {
  const named: Record<string, ProblemRef> = { ' ': phrase('charSpace'), '"': phrase('charDoubleQuote'), "'": phrase('charSingleQuote'), '`': phrase('charBackquote') };
  if (named[ch]) return named[ch];
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return phrase('charControl', { code: code.toString(16).padStart(4, '0').toUpperCase() });
  if (code > 0x7e) return phrase('charOther', { char: JSON.stringify(ch), code: code.toString(16).padStart(4, '0').toUpperCase() });
  return `'${ch}'`;
}
