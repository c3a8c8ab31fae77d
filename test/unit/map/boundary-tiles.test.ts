import { describe, expect, it } from 'vitest';
import { boundaryTilesSourceUrl, parseBoundaryTiles } from '../../../src/map/boundary-tiles';

describe('the boundary archive index.html names', () => {
  const page = 'https://example.gov.cn/atlas/zhuxi/index.html';
  it('resolves against the page, so the site works under any path', () => {
    expect(parseBoundaryTiles('data/boundaries.pmtiles', page)).toEqual({ url: 'https://example.gov.cn/atlas/zhuxi/data/boundaries.pmtiles' });
    expect(boundaryTilesSourceUrl({ url: 'https://cdn.example.gov.cn/b.pmtiles' })).toBe('pmtiles://https://cdn.example.gov.cn/b.pmtiles');
  });
  it('is none without a meta or with an empty one (a county draws its GeoJSON)', () => {
    expect(parseBoundaryTiles(null, page)).toBeNull();
    expect(parseBoundaryTiles('  ', page)).toBeNull();
  });
  it('refuses what the map could not read', () => {
    expect(() => parseBoundaryTiles('file:///c:/b.pmtiles', page)).toThrow('not an http(s) URL');
    expect(() => parseBoundaryTiles('http://[bad', page)).toThrow('is not a URL');
  });
});
