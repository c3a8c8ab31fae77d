import { describe, expect, it } from 'vitest';
import { escapeXml, h, num, serializeSvg, walk } from '../../../../src/map/fallback/svg-node';

describe('serializeSvg', () => {
  it('writes a standalone SVG: the namespace on the root, elements nested, empty ones closed', () => {
    const svg = h('svg', { width: 10, height: 5 }, [h('g', {}, [h('rect', { width: 1, height: 2 })]), h('title', {}, 'map')]);
    expect(serializeSvg(svg)).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><g><rect width="1" height="2"/></g><title>map</title></svg>');
  });

  it.each([
    ['a town named with markup', '<script>&"\'', '&lt;script&gt;&amp;&quot;&#39;'],
    ['plain Chinese text', '蒋家堰镇', '蒋家堰镇'],
  ])('escapes %s in text and attributes', (_, text, escaped) => {
    expect(serializeSvg(h('text', { 'aria-label': text }, text), false)).toBe(`<text aria-label="${escaped}">${escaped}</text>`);
    expect(escapeXml(text)).toBe(escaped);
  });

  it('leaves out null and undefined attributes and rounds numbers to hundredths of a pixel', () => {
    expect(serializeSvg(h('circle', { cx: 1.23456, cy: -0.004, r: null, fill: undefined }), false)).toBe('<circle cx="1.23" cy="0"/>');
    expect(num(12.345678)).toBe('12.35');
  });

  it('walks every node, depth first', () => {
    const tree = h('svg', {}, [h('g', {}, [h('path'), h('circle')]), h('text', {}, 'x')]);
    expect([...walk(tree)].map((n) => n.tag)).toEqual(['svg', 'g', 'path', 'circle', 'text']);
  });
});
