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

export type TileUrls = { ok: true; tiles: string[]; origins: string[] } | { ok: false; message: string };

/**
 * Checks a tile URL template (https, a real host name, `{z}` `{x}` `{y}`, nothing that could
 * leave an HTML attribute or a CSP directive) and expands its subdomain template into the tile
 * URLs and their origins.
 */
export function expandTileUrl(url: string, subdomains?: readonly string[]): TileUrls {
  const fail = (message: string): TileUrls => ({ ok: false, message });
  if (url.length > MAX_URL_LENGTH) return fail(`the tile URL is longer than ${MAX_URL_LENGTH} characters`);
  const bad = /[^\x21-\x7e]|["'`<>;\\^|]/.exec(url);
  if (bad) return fail(`the tile URL may not contain ${describeChar(bad[0])} (quotes, < >, ;, \\, spaces and control characters are refused)`);
  if (!/^https:\/\//i.test(url)) return fail('the tile URL must start with https:// (the page allows no plain http)');

  const tokens = [...url.matchAll(/\{([^{}]*)\}/g)];
  const leftover = url.replace(/\{[^{}]*\}/g, '');
  if (/[{}]/.test(leftover)) return fail('the tile URL has an unmatched { or }');
  let subdomainToken: string | null = null;
  let hosts: string[] = [];
  for (const [token, name = ''] of tokens) {
    if (MAPLIBRE_TOKENS.includes(name)) continue;
    const range = /^([a-z])-([a-z])$|^([0-9])-([0-9])$/.exec(name);
    if (name !== 's' && !range) return fail(`unknown placeholder ${token} in the tile URL (the map fills in {z}, {x}, {y}, {ratio}, {prefix}; subdomains are {s} or a range like {a-c})`);
    if (subdomainToken !== null && subdomainToken !== token) return fail(`the tile URL has two subdomain placeholders, ${subdomainToken} and ${token}`);
    subdomainToken = token;
    if (range) {
      const from = (range[1] ?? range[3] ?? '').charCodeAt(0);
      const to = (range[2] ?? range[4] ?? '').charCodeAt(0);
      if (from > to) return fail(`the range ${token} runs backwards`);
      if (subdomains !== undefined) return fail(`subdomains are given but the tile URL uses the range ${token}; use {s} with subdomains, or the range alone`);
      hosts = Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
    } else {
      hosts = [...(subdomains ?? DEFAULT_SUBDOMAINS)];
    }
  }
  for (const token of REQUIRED_TOKENS) if (!tokens.some((t) => t[1] === token)) return fail(`the tile URL has no {${token}}: the map needs {z}, {x} and {y}`);
  if (subdomains !== undefined && subdomainToken === null) return fail('subdomains are given but the tile URL has no {s}');
  if (subdomainToken !== null) {
    if (hosts.length === 0) return fail('subdomains is empty: list the subdomains {s} stands for, e.g. ["a", "b", "c"]');
    if (hosts.length > MAX_HOSTS) return fail(`more than ${MAX_HOSTS} subdomains`);
    const wrong = hosts.find((h) => !LABEL_ONLY.test(h));
    if (wrong !== undefined) return fail(`the subdomain ${JSON.stringify(wrong)} is not a host name label (letters, digits, hyphens)`);
    if (new Set(hosts).size !== hosts.length) return fail('the subdomains repeat one another');
  }

  const tiles = subdomainToken === null ? [url] : hosts.map((h) => url.split(subdomainToken).join(h));
  const origins: string[] = [];
  for (const tile of tiles) {
    const origin = originOfTile(tile);
    if (typeof origin !== 'string') return fail(origin.message);
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, tiles, origins };
}

/** `https://Tile.Example.org:8443/…` → `https://tile.example.org:8443` (443 dropped), or why it is not a plain host. */
function originOfTile(tile: string): string | { message: string } {
  const authority = /^https:\/\/([^/?#]*)/i.exec(tile)?.[1] ?? '';
  if (authority.includes('@')) return { message: 'the tile URL may not carry a user name or password (user@host)' };
  if (authority.startsWith('[')) return { message: `the host "${authority}" is an IP address: use the tile server's host name` };
  const m = /^([^:]*)(?::([0-9]{1,5}))?$/.exec(authority);
  const host = (m?.[1] ?? '').toLowerCase();
  const port = m?.[2];
  if (!m || host === '') return { message: `"${authority}" is not a host name with an optional port` };
  if (host.includes('*')) return { message: `the host "${host}" has a wildcard: name the real hosts (use {s} with subdomains)` };
  if (/^[0-9.]+$/.test(host)) return { message: `the host "${host}" is an IP address: use the tile server's host name` };
  if (/[{}]/.test(host)) return { message: `the host "${host}" has a placeholder other than the subdomain` };
  const origin = `https://${host}${port === undefined || port === '443' ? '' : `:${port}`}`;
  if (!isPlainHttpsOrigin(origin)) {
    if (!host.includes('.')) return { message: `the host "${host}" is not a full host name like tile.example.org` };
    return { message: `the host "${host}"${port ? ` with port ${port}` : ''} is not a plain host name (letters, digits, hyphens and dots; a Chinese domain in its xn-- form)` };
  }
  return origin;
}

function describeChar(ch: string): string {
  const named: Record<string, string> = { ' ': 'a space', '"': 'a double quote (")', "'": "a single quote (')", '`': 'a backquote (`)' };
  if (named[ch]) return named[ch];
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if (code > 0x7e) return `the character ${JSON.stringify(ch)} (U+${code.toString(16).padStart(4, '0').toUpperCase()}; percent-encode it, and write a Chinese domain in its xn-- form)`;
  return `'${ch}'`;
}
