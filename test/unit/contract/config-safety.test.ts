import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig, serializeAtlasConfig } from '../../../src/contract/config';
import type { Issue } from '../../../src/contract/issues';
import { FIXTURES, MINI } from '../../helpers/fixtures';

// Tour cameras, the basemap (it reaches the page's CSP) and privacy.allowedNames (issue 24).
const base = JSON.parse(readFileSync(join(MINI, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
const withChange = (patch: Record<string, unknown>): unknown => ({ ...base, ...patch });
const title = { zh: '蒋家堰', en: 'Jiangjiayan' };
const stop = (camera: Record<string, unknown>) => ({ tour: [{ town: '420324101', title }, { town: '420324101', title }, { town: null, title }, { town: '420324101', camera, title }] });
const issue = (level: Issue['level'], column: string, message: string): Omit<Issue, 'key' | 'params'> => ({ file: 'atlas.config.json', row: 0, column, level, message });

describe('tour cameras', () => {
  it('takes a camera over the county', () => {
    const r = parseAtlasConfig(withChange(stop({ center: [109.55, 32.35], zoom: 10.5, bearing: -20, pitch: 40 })));
    expect(r.ok && r.value.tour[3]?.camera).toEqual({ center: [109.55, 32.35], zoom: 10.5, bearing: -20, pitch: 40 });
    expect(r.issues).toEqual([]);
  });

  it('refuses latitude and longitude swapped, and says they look swapped', () => {
    const r = parseAtlasConfig(withChange(stop({ center: [32.35, 109.55], zoom: 10 })));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      issue('error', 'tour[3].camera.center', '[32.35, 109.55] is not a place: longitude must be within ±180 and latitude within ±90; they look swapped: center is [longitude, latitude], here [109.55, 32.35]'),
    ]);
  });

  it.each([
    ['a latitude beyond 90', { center: [109.5, 95], zoom: 10 }, 'tour[3].camera.center', '[109.5, 95] is not a place: longitude must be within ±180 and latitude within ±90'],
    ['a longitude beyond 180', { center: [200, 32], zoom: 10 }, 'tour[3].camera.center', '[200, 32] is not a place: longitude must be within ±180 and latitude within ±90'],
    ['a center of three numbers', { center: [109.5, 32.3, 0], zoom: 10 }, 'tour[3].camera.center', 'expected [number, number]'],
    ['a center in text', { center: ['109.5', '32.3'], zoom: 10 }, 'tour[3].camera.center', 'expected [number, number]'],
    ['a zoom beyond 24', { center: [109.5, 32.3], zoom: 25 }, 'tour[3].camera.zoom', 'expected a number from 0 to 24, got 25'],
    ['a negative zoom', { center: [109.5, 32.3], zoom: -1 }, 'tour[3].camera.zoom', 'expected a number from 0 to 24, got -1'],
    ['a bearing beyond 360', { center: [109.5, 32.3], zoom: 10, bearing: 720 }, 'tour[3].camera.bearing', 'expected a number from -360 to 360, got 720'],
    ['a pitch beyond 85', { center: [109.5, 32.3], zoom: 10, pitch: 90 }, 'tour[3].camera.pitch', 'expected a number from 0 to 85, got 90'],
    ['a negative pitch', { center: [109.5, 32.3], zoom: 10, pitch: -5 }, 'tour[3].camera.pitch', 'expected a number from 0 to 85, got -5'],
    ['a pitch in text', { center: [109.5, 32.3], zoom: 10, pitch: '30' }, 'tour[3].camera.pitch', 'expected a number, got "30"'],
  ])('refuses %s', (_name, camera, column, message) => {
    const r = parseAtlasConfig(withChange(stop(camera)));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(issue('error', column, message));
  });

  it('refuses a center that is not finite (JSON.parse reads 1e999 as Infinity in site.json)', () => {
    const r = parseAtlasConfig(withChange(stop({ center: [Infinity, 32], zoom: 10 })));
    expect(r.issues).toContainEqual(issue('error', 'tour[3].camera.center', 'expected [longitude, latitude] as finite numbers'));
  });

  it('warns of a center on Earth but far from the region (Hubei: not Xinjiang)', () => {
    const r = parseAtlasConfig(withChange(stop({ center: [87.6, 43.8], zoom: 10 })));
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([issue('warning', 'tour[3].camera.center', '[87.6, 43.8] is far outside the region (longitude 107.3–117.2, latitude 28–34.3): the tour would fly away from it')]);
  });

  it("falls back to China's box for a code of no province", () => {
    const patch = (center: number[]) => withChange({ ...stop({ center, zoom: 10 }), region: { code: '990001', name: '某县' } });
    expect(parseAtlasConfig(patch([87.6, 43.8])).issues).toEqual([]);
    const r = parseAtlasConfig(patch([2.35, 48.85]));
    expect(r.ok && r.issues).toEqual([issue('warning', 'tour[3].camera.center', '[2.35, 48.85] is far outside the region (longitude 72.4–136.1, latitude 2.8–54.6): the tour would fly away from it')]);
  });

  it('accepts the sample config and every fixture config', () => {
    for (const file of [join(FIXTURES, '../../data/atlas.config.json'), join(MINI, 'atlas.config.json'), join(FIXTURES, 'messy/atlas.config.json')]) {
      const r = parseAtlasConfig(JSON.parse(readFileSync(file, 'utf8')));
      expect(r.ok, file).toBe(true);
      expect(r.issues.filter((i) => i.level === 'error'), file).toEqual([]);
    }
  });
});

describe('basemap', () => {
  const xyz = (url: string, extra: Record<string, unknown> = {}) => withChange({ basemap: { type: 'xyz', url, attribution: '© Example', ...extra } });

  it.each([
    ['an attribute break-out (<meta http-equiv="refresh"> into index.html)', 'https://a.example/{z}/{x}/{y}.png" http-equiv="refresh', 'the tile URL may not contain a double quote (")'],
    ['{s} as the whole host (https://* in img-src and connect-src)', 'https://{s}/{z}/{x}/{y}.png', 'the host "a" is not a full host name like tile.example.org'],
    ['a wildcard', 'https://*.example.org/{z}/{x}/{y}.png', 'the host "*.example.org" has a wildcard'],
    ['plain http', 'http://tile.example.org/{z}/{x}/{y}.png', 'the tile URL must start with https://'],
    ['a user name', 'https://me@tile.example.org/{z}/{x}/{y}.png', 'the tile URL may not carry a user name or password'],
    ['a template without {z}', 'https://tile.example.org/{x}/{y}.png', 'the tile URL has no {z}'],
  ])('refuses %s as an error on basemap.url', (_name, url, message) => {
    const r = parseAtlasConfig(xyz(url));
    expect(r.ok).toBe(false);
    const found = r.issues.find((i) => i.column === 'basemap.url');
    expect(found?.level).toBe('error');
    expect(found?.message).toContain(message);
  });

  it('refuses bad subdomains on basemap.subdomains', () => {
    const r = parseAtlasConfig(xyz('https://{s}.tile.example.org/{z}/{x}/{y}.png', { subdomains: ['a', 'evil.com/x'] }));
    expect(r.issues).toEqual([issue('error', 'basemap.subdomains', 'the subdomain "evil.com/x" is not a host name label (letters, digits, hyphens)')]);
  });

  it('takes subdomains and keeps them through site.json', () => {
    const r = parseAtlasConfig(xyz('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', { subdomains: ['1', '2', '3', '4'], crs: 'GCJ02' }));
    expect(r.ok && r.value.basemap).toEqual({ type: 'xyz', url: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', subdomains: ['1', '2', '3', '4'], attribution: '© Example', crs: 'GCJ02' });
    if (!r.ok) return;
    expect(parseAtlasConfig(JSON.parse(JSON.stringify(serializeAtlasConfig(r.value))))).toEqual(r);
  });

  it.each([
    ['a key with a quote', 'abc" onload="x'],
    ['a key with a space', '0123456789abcdef 0123456789abcdef'],
    ['a key too short to be one', 'abc123'],
    ['a key with an ampersand (a second query parameter)', '0123456789abcdef&x=1'],
  ])('refuses a 天地图 key: %s', (_name, key) => {
    const r = parseAtlasConfig(withChange({ basemap: { type: 'tianditu', key } }));
    expect(r.issues).toEqual([issue('error', 'basemap.key', 'expected the 天地图 key as the console shows it: letters and digits only (usually 32 hexadecimal characters)')]);
  });

  it('takes a 天地图 key of 32 hexadecimal characters', () => {
    const r = parseAtlasConfig(withChange({ basemap: { type: 'tianditu', key: '0123456789abcdef0123456789ABCDEF' } }));
    expect(r.ok).toBe(true);
  });
});

describe('privacy.allowedNames', () => {
  it('is empty unless configured, and not written to site.json then', () => {
    const r = parseAtlasConfig(base);
    expect(r.ok && r.value.allowedNames).toEqual([]);
    expect(r.ok && 'privacy' in serializeAtlasConfig(r.value)).toBe(false);
  });

  it('lists the configured terms and round-trips', () => {
    const r = parseAtlasConfig(withChange({ privacy: { allowedNames: ['王家户', '李家坪', 'Zhangjiawan'] } }));
    expect(r.ok && r.value.allowedNames).toEqual(['王家户', '李家坪', 'Zhangjiawan']);
    if (!r.ok) return;
    expect(parseAtlasConfig(JSON.parse(JSON.stringify(serializeAtlasConfig(r.value))))).toEqual(r);
  });

  it('takes an empty privacy object', () => {
    const r = parseAtlasConfig(withChange({ privacy: {} }));
    expect(r.ok && r.value.allowedNames).toEqual([]);
  });

  it.each([
    ['an unknown key', { allowedName: ['王家户'] }, 'privacy.allowedName', 'unknown key "allowedName" (expected one of: allowedNames)'],
    ['a list that is text', { allowedNames: '王家户' }, 'privacy.allowedNames', 'expected an array, got "王家户"'],
    ['an empty term', { allowedNames: ['王家户', ' '] }, 'privacy.allowedNames[1]', 'expected a non-empty string, got " "'],
    ['a term that is a number', { allowedNames: [12] }, 'privacy.allowedNames[0]', 'expected a non-empty string, got 12'],
    ['a term of 21 characters', { allowedNames: ['王家户'.repeat(7)] }, 'privacy.allowedNames[0]', `"${'王家户'.repeat(7).slice(0, 20)}…" is longer than 20 characters: list the name alone, not a sentence`],
    ['a term listed twice', { allowedNames: ['王家户', '李家坪', '王家户'] }, 'privacy.allowedNames[2]', '"王家户" is listed twice'],
  ])('refuses %s', (_name, privacy, column, message) => {
    const r = parseAtlasConfig(withChange({ privacy }));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(issue('error', column, message));
  });

  it('counts characters, not UTF-16 units: 20 characters outside the BMP pass', () => {
    const r = parseAtlasConfig(withChange({ privacy: { allowedNames: ['𠀀'.repeat(20)] } }));
    expect(r.ok).toBe(true);
  });

  it('refuses privacy that is not an object', () => {
    const r = parseAtlasConfig(withChange({ privacy: ['王家户'] }));
    expect(r.issues).toContainEqual(issue('error', 'privacy', 'expected an object, got an array'));
  });
});
