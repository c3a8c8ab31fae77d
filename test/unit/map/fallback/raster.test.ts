import { describe, expect, it } from 'vitest';
import { svgDataUrl, svgTextAt } from '../../../../src/map/fallback/raster';
import { h, serializeSvg } from '../../../../src/map/fallback/svg-node';

describe('the SVG as an image', () => {
  const svg = h('svg', { width: 300, height: 200, viewBox: '0 0 300 200' }, [h('text', {}, '城关镇 #1')]);

  it('is drawn larger for a higher pixel ratio, in the same view box', () => {
    const text = svgTextAt(svg, 2);
    expect(text).toContain('width="600" height="400" viewBox="0 0 300 200"');
  });

  it('loads from a data: URL (allowed by the page CSP, and from file://) with every special character encoded', () => {
    const url = svgDataUrl(svgTextAt(svg, 1));
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[#<>"\s]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(serializeSvg(svg));
  });
});
