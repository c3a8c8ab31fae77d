import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src/pipeline/read/decode';

const TEXT = '村名称,总户数\r\n双竹村,400\r\n';

function utf16le(s: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[(bom ? 2 : 0) + 2 * i] = c & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = c >> 8;
  }
  return out;
}

// GBK bytes of 村名称,总户数\r\n双竹村,400\r\n (as Excel on Chinese Windows saves them).
const GBK = new Uint8Array([0xb4, 0xe5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd7, 0xdc, 0xbb, 0xa7, 0xca, 0xfd, 0x0d, 0x0a, 0xcb, 0xab, 0xd6, 0xf1, 0xb4, 0xe5, 0x2c, 0x34, 0x30, 0x30, 0x0d, 0x0a]);

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), 'utf-8'],
    ['UTF-16LE with BOM', utf16le(TEXT, true), 'utf-16le'],
    ['GBK', GBK, 'gb18030'],
  ] as const)('%s', (_name, bytes, encoding) => {
    const d = decodeBytes(bytes);
    expect(d).toEqual({ ok: true, text: TEXT, encoding });
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    const d = decodeBytes(new Uint8Array([0x41, 0x81, 0x20, 0x42]));
    expect(d.ok).toBe(false);
  });

  it.each([
    ['an Excel workbook renamed .csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), 'Excel workbook (.xlsx)'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old Excel workbook (.xls)'],
    ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary file'],
  ])('refuses %s, saying what it is', (_name, bytes, says) => {
    const d = decodeBytes(bytes);
    expect(d.ok).toBe(false);
    expect(d.ok ? '' : d.message).toContain(says);
  });
});
