import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, readZipPart, type ZipPartLimits } from '../../../../src/pipeline/read/zip-parts';
import { craftZip, deflatedSpaces } from './crafted-zip';

const limits: ZipPartLimits = { maxBytes: 1 << 20, maxRatio: 100, ratioFromBytes: 1 << 16 };
const read = (zip: Uint8Array, name: string, partLimits = limits): ReturnType<typeof readZipPart> => {
  const entry = readZipDirectory(zip)?.get(name);
  if (!entry) throw new Error(`no ${name}`);
  return readZipPart(zip, entry, partLimits);
};
const text = (part: ReturnType<typeof readZipPart>): string | null => (part.ok ? new TextDecoder().decode(part.bytes) : null);

describe('readZipDirectory', () => {
  it('lists the parts with their sizes, from fflate, a hand-made zip and a zip64 one', () => {
    const content = strToU8('x'.repeat(1000));
    for (const zip of [zipSync({ 'a.xml': content, 'b/c.xml': strToU8('') }), craftZip({ 'a.xml': content, 'b/c.xml': strToU8('') }), craftZip({ 'a.xml': content, 'b/c.xml': strToU8('') }, { zip64: true })]) {
      const entries = readZipDirectory(zip);
      expect([...(entries?.keys() ?? [])]).toEqual(['a.xml', 'b/c.xml']);
      expect(entries?.get('a.xml')?.declaredBytes).toBe(1000);
      expect(text(read(zip, 'a.xml'))).toBe('x'.repeat(1000));
      expect(text(read(zip, 'b/c.xml'))).toBe('');
    }
  });

  it('finds the directory behind a comment, and refuses what has none', () => {
    const bare = zipSync({ 'a.xml': strToU8('a') });
    const zip = new Uint8Array(bare.length + 1000).fill(0x63);
    zip.set(bare);
    new DataView(zip.buffer).setUint16(bare.length - 2, 1000, true); // the zip's comment: 1000 bytes after the directory's end
    expect(readZipDirectory(zip)?.has('a.xml')).toBe(true);
    expect(readZipDirectory(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 8, 0, 0, 0]))).toBeNull();
    expect(readZipDirectory(zip.subarray(0, zip.length - 1030))).toBeNull();
    const cut = zip.slice();
    new DataView(cut.buffer).setUint32(cut.length - 1000 - 22 + 16, 0xfffff, true); // the directory's offset, past the end
    expect(readZipDirectory(cut)).toBeNull();
  });
});

describe('readZipPart', () => {
  it('reads stored parts, and refuses one whose sizes disagree', () => {
    expect(text(read(zipSync({ 'a.xml': strToU8('stored') }, { level: 0 }), 'a.xml'))).toBe('stored');
    expect(read(craftZip({ 'a.xml': { compressed: strToU8('stored'), declaredBytes: 99, method: 0 } }), 'a.xml')).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });

  it('refuses other methods and encrypted parts unread', () => {
    expect(read(craftZip({ 'a.xml': { compressed: strToU8('x'), declaredBytes: 1, method: 14 } }), 'a.xml')).toEqual({ ok: false, problem: { kind: 'unsupported', method: 14, isEncrypted: false } });
  });

  it.each([
    ['claims more than the limit', 2 << 20, 1 << 20, { kind: 'too-big', declaredBytes: 2 << 20, maxBytes: 1 << 20 }],
    ['claims its size but is compressed over 100-fold', 1 << 20, 1 << 20, { kind: 'too-compressed', declaredBytes: 1 << 20, compressedBytes: expect.any(Number), maxRatio: 100 }],
    ['holds more than it claims', 1000, 1 << 30, { kind: 'larger-than-declared', declaredBytes: 1000 }],
  ])('a part that %s is refused', (_, declaredBytes, realBytes, problem) => {
    const zip = craftZip({ 'a.xml': { compressed: deflatedSpaces('<a>', realBytes), declaredBytes } });
    const started = performance.now();
    expect(read(zip, 'a.xml')).toEqual({ ok: false, problem });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a small part may be compressed far; one holding less than it claims is read as far as it goes', () => {
    expect(text(read(craftZip({ 'a.xml': { compressed: deflatedSpaces('<a>', 60_000), declaredBytes: 60_000 } }), 'a.xml'))).toBe(`<a>${' '.repeat(59_997)}`);
    expect(text(read(craftZip({ 'a.xml': { compressed: deflatedSpaces('<a>', 100), declaredBytes: 5000 } }), 'a.xml'))).toBe(`<a>${' '.repeat(97)}`);
  });

  it('a damaged deflate stream or local header is damaged', () => {
    expect(read(craftZip({ 'a.xml': { compressed: new Uint8Array([0xff, 0xff]), declaredBytes: 10 } }), 'a.xml')).toEqual({ ok: false, problem: { kind: 'damaged' } });
    const zip = craftZip({ 'a.xml': strToU8('abc') });
    zip[0] = 0;
    expect(read(zip, 'a.xml')).toEqual({ ok: false, problem: { kind: 'damaged' } });
  });
});
