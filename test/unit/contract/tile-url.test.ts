import { describe, expect, it } from 'vitest';
import { expandTileUrl, isPlainHttpsOrigin } from '../../../src/contract/tile-url';

describe('expandTileUrl', () => {
  it('takes a plain template as it is', () => {
    expect(expandTileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual({
      ok: true,
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      origins: ['https://tile.openstreetmap.org'],
    });
  });

  it('expands {s} to a, b, c by default: exactly those hosts, no wildcard', () => {
    expect(expandTileUrl('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toEqual({
      ok: true,
      tiles: ['https://a.tile.example.org/{z}/{x}/{y}.png', 'https://b.tile.example.org/{z}/{x}/{y}.png', 'https://c.tile.example.org/{z}/{x}/{y}.png'],
      origins: ['https://a.tile.example.org', 'https://b.tile.example.org', 'https://c.tile.example.org'],
    });
  });

  it('expands {s} to the configured subdomains', () => {
    const r = expandTileUrl('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', ['1', '2', '3', '4']);
    expect(r.ok && r.origins).toEqual(['https://webrd01.is.autonavi.com', 'https://webrd02.is.autonavi.com', 'https://webrd03.is.autonavi.com', 'https://webrd04.is.autonavi.com']);
    expect(r.ok && r.tiles[0]).toBe('https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8');
  });

  it.each([
    ['{a-c}', 'https://{a-c}.tiles.example.com/{z}/{x}/{y}.png', ['a', 'b', 'c']],
    ['{0-7}', 'https://t{0-7}.example.cn/{z}/{x}/{y}{ratio}.png', ['0', '1', '2', '3', '4', '5', '6', '7']],
  ])('expands the range %s', (_name, url, subs) => {
    const r = expandTileUrl(url);
    expect(r.ok && r.tiles).toHaveLength(subs.length);
    expect(r.ok && r.origins.map((o) => /^https:\/\/t?(.)\./.exec(o)?.[1])).toEqual(subs);
  });

  it('keeps a port other than 443 and lower-cases the host', () => {
    expect(expandTileUrl('https://Tiles.Example.org:8443/{z}/{x}/{y}.png').ok && expandTileUrl('https://Tiles.Example.org:8443/{z}/{x}/{y}.png')).toMatchObject({ origins: ['https://tiles.example.org:8443'] });
    expect(expandTileUrl('https://tiles.example.org:443/{z}/{x}/{y}.png')).toMatchObject({ origins: ['https://tiles.example.org'] });
  });

  it.each([
    ['an attribute break-out into a <meta http-equiv="refresh">', 'https://a.example/{z}/{x}/{y}.png" http-equiv="refresh', 'may not contain a double quote (")'],
    ['a tag break-out', 'https://a.example/{z}/{x}/{y}.png><script>', `may not contain '>'`],
    ['a semicolon (a new CSP directive)', "https://a.example/{z}/{x}/{y}.png;script-src 'unsafe-inline'", `may not contain ';'`],
    ['a quote', "https://a.example/{z}/{x}/{y}.png'", "may not contain a single quote (')"],
    ['a semicolon alone', 'https://a.example/{z}/{x}/{y}.png;x', `may not contain ';'`],
    ['a space (a second CSP source)', 'https://a.example/{z}/{x}/{y}.png https://evil.example', 'may not contain a space'],
    ['a backslash', 'https://a.example\\@evil.example/{z}/{x}/{y}.png', `may not contain '\\'`],
    ['a line break', 'https://a.example/{z}/{x}/{y}.png\nx', 'may not contain the control character U+000A'],
    ['a non-ASCII host', 'https://地图.中国/{z}/{x}/{y}.png', 'write a Chinese domain in its xn-- form'],
    ['plain http', 'http://tile.example.org/{z}/{x}/{y}.png', 'must start with https://'],
    ['a protocol-relative URL', '//tile.example.org/{z}/{x}/{y}.png', 'must start with https://'],
    ['a javascript: URL', 'javascript:alert(1)//{z}/{x}/{y}', 'must start with https://'],
    ['{s} as the whole host (https://* in the CSP)', 'https://{s}/{z}/{x}/{y}.png', 'the host "a" is not a full host name like tile.example.org'],
    ['a wildcard host', 'https://*.example.org/{z}/{x}/{y}.png', 'has a wildcard'],
    ['a user name', 'https://user:pw@tile.example.org/{z}/{x}/{y}.png', 'may not carry a user name or password'],
    ['an IPv4 address', 'https://10.0.0.1/{z}/{x}/{y}.png', 'is an IP address'],
    ['an IPv6 address', 'https://[::1]/{z}/{x}/{y}.png', 'is an IP address'],
    ['a host of one label', 'https://localhost/{z}/{x}/{y}.png', 'is not a full host name'],
    ['a port out of range', 'https://tile.example.org:99999/{z}/{x}/{y}.png', 'with port 99999 is not a plain host name'],
    ['no {z}', 'https://tile.example.org/{x}/{y}.png', 'has no {z}'],
    ['no {y}', 'https://tile.example.org/{z}/{x}/1.png', 'has no {y}'],
    ['an unknown placeholder', 'https://tile.example.org/{z}/{x}/{y}.png?k={key}', 'unknown placeholder {key}'],
    ['an unmatched brace', 'https://tile.example.org/{z}/{x}/{y.png', 'unmatched { or }'],
    ['two subdomain placeholders', 'https://{s}.{a-c}.example.org/{z}/{x}/{y}.png', 'two subdomain placeholders'],
    ['a backwards range', 'https://{c-a}.example.org/{z}/{x}/{y}.png', 'runs backwards'],
    ['a placeholder in the host other than the subdomain', 'https://{z}.example.org/{z}/{x}/{y}.png', 'a placeholder other than the subdomain'],
  ])('refuses %s', (_name, url, message) => {
    const r = expandTileUrl(url);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it.each([
    ['subdomains without {s}', 'https://tile.example.org/{z}/{x}/{y}.png', ['a'], 'subdomains are given but the tile URL has no {s}'],
    ['subdomains with a range', 'https://{a-c}.example.org/{z}/{x}/{y}.png', ['a'], 'uses the range {a-c}'],
    ['no subdomains', 'https://{s}.example.org/{z}/{x}/{y}.png', [], 'subdomains is empty'],
    ['a subdomain that is a whole host', 'https://{s}.example.org/{z}/{x}/{y}.png', ['evil.com/'], 'is not a host name label'],
    ['a subdomain that breaks out', 'https://{s}.example.org/{z}/{x}/{y}.png', ['a" http-equiv="refresh'], 'is not a host name label'],
    ['a subdomain listed twice', 'https://{s}.example.org/{z}/{x}/{y}.png', ['a', 'a'], 'repeat'],
  ])('refuses %s', (_name, url, subdomains, message) => {
    const r = expandTileUrl(url, subdomains);
    expect(!r.ok && r.message).toContain(message);
  });
});

describe('isPlainHttpsOrigin', () => {
  it.each(['https://tile.openstreetmap.org', 'https://t0.tianditu.gov.cn', 'https://tiles.example.org:8443', 'https://xn--fiqs8s.xn--fiqs8s'])('takes %s', (o) => {
    expect(isPlainHttpsOrigin(o)).toBe(true);
  });
  it.each(['https://*', 'https://*.example.org', 'http://tile.example.org', 'https://tile.example.org/', 'https://tile.example.org:0', 'https://10.0.0.1', "https://a.example 'unsafe-inline'", 'https://a.example;script-src', 'https://a.example">', 'https://Tile.example.org', ''])('refuses %s', (o) => {
    expect(isPlainHttpsOrigin(o)).toBe(false);
  });
});
