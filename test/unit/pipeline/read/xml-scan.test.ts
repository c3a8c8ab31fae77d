import { problemText } from '../../../../src/i18n/problems';
import { describe, expect, it } from 'vitest';
import { InvalidReference, XmlScanner, decodeXmlText } from '../../../../src/pipeline/read/xml-scan';

/** Every token as `kind:name` or `kind:"text"`, then the problem if any. */
function tokens(xml: string): string[] {
  const scan = new XmlScanner(xml);
  const out: string[] = [];
  while (scan.next()) out.push(scan.kind === 'open' || scan.kind === 'close' ? `${scan.kind}:${scan.name}${scan.isSelfClosing ? '/' : ''}` : `${scan.kind}:${JSON.stringify(scan.text())}`);
  if (scan.problem) out.push(`problem: ${problemText('en', scan.problem)}`);
  return out;
}

describe('XmlScanner', () => {
  it.each([
    ['<a x="1>2">t</a>', ['open:a', 'text:"t"', 'close:a']],
    ['<?xml version="1.0"?><!-- c --><!DOCTYPE d><p:a/><b\n/>', ['open:a/', 'open:b/']],
    ['<t><![CDATA[<&>]]></t>', ['open:t', 'cdata:"<&>"', 'close:t']],
    ['text only', ['text:"text only"']],
    ['<a', ['problem: a tag is not closed with >']],
    ['<a x="1>', ['problem: a tag is not closed with >']],
    ['</a', ['problem: a closing tag is not closed with >']],
    ['<a/><!-- x', ['open:a/', 'problem: a comment (<!--) is not closed']],
    ['<![CDATA[ x', ['problem: a CDATA section is not closed']],
    ['<? x', ['problem: a processing instruction (<?) is not closed']],
  ])('%s', (xml, expected) => {
    expect(tokens(xml)).toEqual(expected);
  });

  it('reads attributes by full or local name, either quote, spaces around =', () => {
    const scan = new XmlScanner(`<sheet name = 'A "B"' sheetId="1" r:id="rId3" r="x"/>`);
    scan.next();
    expect([scan.attribute('name'), scan.attribute('r:id'), scan.attribute('id'), scan.attributeByLocalName('id'), scan.attribute('r'), scan.attribute('sheet')]).toEqual(['A "B"', 'rId3', null, 'rId3', 'x', null]);
  });

  it.each([
    ['1 MB of "<"', '<'.repeat(1 << 20)],
    ['1 MB of "<a"', '<a'.repeat(1 << 19)],
    ['1 MB of "</"', '</'.repeat(1 << 19)],
    ['1 MB of "<!--"', '<!--'.repeat(1 << 18)],
    ['1 MB of "<a:b:c" names', '<a:b:c>'.repeat(1 << 17)],
    ['1 MB of quotes in a tag', `<a ${'"x" '.repeat(1 << 18)}`],
    ['1 MB of text between tags', '<a>x</a>'.repeat(1 << 17)],
  ])('%s scans in linear time', (_, xml) => {
    const started = performance.now();
    const scan = new XmlScanner(xml);
    let count = 0;
    while (scan.next()) count++;
    expect(count).toBeGreaterThanOrEqual(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('decodeXmlText', () => {
  it.each([
    ['plain', 'plain'],
    ['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['&#x6751;&#26449;&#x1F600;&#9;', '村村😀\t'],
    ['&nbsp; &unknown &amp &#x; &#xZZ; &#X41; a&b;c', '&nbsp; &unknown &amp &#x; &#xZZ; &#X41; a&b;c'],
    ['&&&amp;', '&&&'],
  ])('%s', (raw, text) => {
    expect(decodeXmlText(raw)).toBe(text);
  });

  it.each(['&#0;', '&#x0;', '&#1;', '&#xB;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;', '&#99999999999999999999;'])('%s is no character', (reference) => {
    expect(decodeXmlText(`a${reference}b`)).toEqual(new InvalidReference(reference));
  });

  it('1 MB of "&" or "&#" decodes in linear time', () => {
    const started = performance.now();
    expect(decodeXmlText('&'.repeat(1 << 20))).toBe('&'.repeat(1 << 20));
    expect(decodeXmlText('&#1'.repeat(1 << 18))).toBe('&#1'.repeat(1 << 18));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
