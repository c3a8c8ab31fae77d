import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspMetaContent, escapeHtmlAttribute } from '../../../src/app/csp';
import { MINI } from '../../helpers/fixtures';

const config = JSON.parse(readFileSync(join(MINI, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
const withBasemap = (basemap: unknown): unknown => ({ ...config, basemap });

describe('contentSecurityPolicy', () => {
  it('allows only the page origin (and blob:/data:) without a basemap', () => {
    const csp = contentSecurityPolicy([]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' data: blob:;");
    expect(csp).not.toMatch(/https?:/);
  });

  it('adds a basemap origin to images and fetches only', () => {
    const csp = contentSecurityPolicy(['https://tile.openstreetmap.org']);
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).toContain("connect-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp).toContain("script-src 'self';");
  });

  it.each([
    ['a wildcard', 'https://*'],
    ['a wildcard subdomain', 'https://*.example.org'],
    ['a quote and a tag break-out', 'https://a.example" http-equiv="refresh'],
    ['a >', 'https://a.example>'],
    ['a semicolon (a new directive)', "https://a.example; script-src 'unsafe-inline'"],
    ['a space (a second source)', 'https://a.example https://evil.example'],
    ['a scheme-only source', 'https:'],
    ['plain http', 'http://tile.example.org'],
    ['a path', 'https://tile.example.org/tiles'],
    ['an empty origin', ''],
  ])('refuses %s: it can never reach the policy', (_name, origin) => {
    expect(() => contentSecurityPolicy([origin])).toThrow(/not a plain https:\/\/host\[:port\] origin/);
  });
});

describe('escapeHtmlAttribute', () => {
  it('escapes what could end the attribute or open a tag', () => {
    expect(escapeHtmlAttribute(`a" http-equiv="refresh" content="0;url=https://evil.example"><script>&`)).toBe('a&quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example&quot;&gt;&lt;script&gt;&amp;');
  });
});

describe('cspMetaContent', () => {
  it('names exactly the expanded hosts of a basemap with subdomains', () => {
    const csp = cspMetaContent(withBasemap({ type: 'xyz', url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', attribution: '© Example' }));
    expect(csp).toContain("img-src 'self' data: blob: https://a.tile.example.org https://b.tile.example.org https://c.tile.example.org;");
    expect(csp).not.toContain('*');
  });

  it.each([
    ['an attribute break-out', 'https://a.example/{z}/{x}/{y}.png" http-equiv="refresh'],
    ['{s} as the whole host', 'https://{s}/{z}/{x}/{y}.png'],
    ['a semicolon', "https://a.example/{z}/{x}/{y}.png;script-src 'unsafe-inline'"],
  ])('gives the strictest policy for a config with %s (the contract refuses it)', (_name, url) => {
    const csp = cspMetaContent(withBasemap({ type: 'xyz', url, attribution: '© Example' }));
    expect(csp).toBe(cspMetaContent(undefined));
    expect(csp).not.toMatch(/["<>]|https:/);
  });

  it('gives the strictest policy without site data', () => {
    expect(cspMetaContent(undefined)).toBe(contentSecurityPolicy([]));
    expect(cspMetaContent(null)).toBe(contentSecurityPolicy([]));
  });
});
