import { describe, expect, it } from 'vitest';
import { basemapStyle } from '../../../src/map/basemap';

describe('basemapStyle', () => {
  it('adds nothing and allows no other origin for none (the default)', () => {
    expect(basemapStyle({ type: 'none' })).toEqual({ sources: {}, layers: [], attribution: '', origins: [], isShifted: false });
  });

  it('draws a custom XYZ raster under the data, with its attribution and origin', () => {
    const b = basemapStyle({ type: 'xyz', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', crs: 'WGS84' });
    expect(b.sources).toEqual({ basemap: { type: 'raster', tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, attribution: '© OpenStreetMap contributors' } });
    expect(b.layers).toEqual([{ id: 'basemap', type: 'raster', source: 'basemap' }]);
    expect(b.origins).toEqual(['https://tile.openstreetmap.org']);
    expect(b.isShifted).toBe(false);
  });

  it('expands {s} into the tile URLs MapLibre spreads requests over, and names exactly those hosts', () => {
    const b = basemapStyle({ type: 'xyz', url: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', subdomains: ['1', '2', '3', '4'], attribution: '高德', crs: 'GCJ02' });
    const tiles = b.sources.basemap && 'tiles' in b.sources.basemap ? b.sources.basemap.tiles : [];
    expect(tiles).toEqual(['1', '2', '3', '4'].map((s) => `https://webrd0${s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8`));
    expect(b.origins).toEqual(['1', '2', '3', '4'].map((s) => `https://webrd0${s}.is.autonavi.com`));
    expect(b.isShifted).toBe(true);
  });

  it('expands a range and the a, b, c default the same way', () => {
    expect(basemapStyle({ type: 'xyz', url: 'https://{a-c}.tile.example.org/{z}/{x}/{y}.png', attribution: 'x', crs: 'WGS84' }).origins).toEqual(['https://a.tile.example.org', 'https://b.tile.example.org', 'https://c.tile.example.org']);
    expect(basemapStyle({ type: 'xyz', url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', attribution: 'x', crs: 'WGS84' }).origins).toEqual(['https://a.tile.example.org', 'https://b.tile.example.org', 'https://c.tile.example.org']);
  });

  it.each([
    ['an attribute break-out', 'https://a.example/{z}/{x}/{y}.png" http-equiv="refresh'],
    ['{s} as the whole host', 'https://{s}/{z}/{x}/{y}.png'],
  ])('draws no basemap and allows no origin for a template the contract refuses: %s', (_name, url) => {
    expect(basemapStyle({ type: 'xyz', url, attribution: 'x', crs: 'WGS84' })).toEqual({ sources: {}, layers: [], attribution: '', origins: [], isShifted: false });
  });

  it('asks Tianditu for the vector map and its annotation with the key', () => {
    const b = basemapStyle({ type: 'tianditu', key: 'abc123' });
    expect(b.layers.map((l) => l.id)).toEqual(['tianditu-vec', 'tianditu-cva']);
    const tiles = Object.values(b.sources).flatMap((s) => ('tiles' in s ? (s.tiles ?? []) : []));
    expect(tiles.every((u) => u.includes('tk=abc123') && u.startsWith('https://t'))).toBe(true);
    expect(b.origins).toContain('https://t0.tianditu.gov.cn');
  });
});
