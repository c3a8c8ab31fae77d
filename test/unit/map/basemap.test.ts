import { describe, expect, it } from 'vitest';
import { basemapStyle, originOf } from '../../../src/map/basemap';

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

  it('flags a GCJ-02 basemap as shifted against the WGS-84 layers', () => {
    expect(basemapStyle({ type: 'xyz', url: 'https://webrd0{s}.is.autonavi.com/x={x}&y={y}&z={z}', attribution: '高德', crs: 'GCJ02' }).isShifted).toBe(true);
  });

  it('asks Tianditu for the vector map and its annotation with the key', () => {
    const b = basemapStyle({ type: 'tianditu', key: 'abc123' });
    expect(b.layers.map((l) => l.id)).toEqual(['tianditu-vec', 'tianditu-cva']);
    const tiles = Object.values(b.sources).flatMap((s) => ('tiles' in s ? (s.tiles ?? []) : []));
    expect(tiles.every((u) => u.includes('tk=abc123') && u.startsWith('https://t'))).toBe(true);
    expect(b.origins).toContain('https://t0.tianditu.gov.cn');
  });
});

describe('originOf', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['tiles/{z}/{x}/{y}.png', ''],
  ])('%s → %s', (url, origin) => expect(originOf(url)).toBe(origin));
});
