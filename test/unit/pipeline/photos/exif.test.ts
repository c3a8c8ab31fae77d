import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExif } from '../../../../src/pipeline/photos/exif';
import { sniffFormat } from '../../../../src/pipeline/photos/photo-format';

// Fixtures made with sharp (test/fixtures/photos/README.md): taken 2016-05-12 at 32°19′12″N 109°35′30″E.
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/photos/${name}`, import.meta.url)));

describe('a photo’s EXIF time and position', () => {
  it.each([
    ['exif.jpg', 'jpeg'],
    ['exif.png', 'png'],
    ['exif.webp', 'webp'],
  ] as const)('are read from %s', async (name, format) => {
    const bytes = fixture(name);
    expect(sniffFormat(bytes)).toBe(format);
    const exif = await readExif(bytes, format);
    expect(exif.takenAt).toBe('2016-05-12');
    expect(exif.lat).toBeCloseTo(32.32, 5);
    expect(exif.lon).toBeCloseTo(109.591667, 5);
  });

  it('are null for a photo without them, never an error', async () => {
    expect(await readExif(fixture('plain.jpg'), 'jpeg')).toEqual({ takenAt: null, lon: null, lat: null });
    expect(await readExif(new Uint8Array([0xff, 0xd8, 0xff, 0x00]), 'jpeg')).toEqual({ takenAt: null, lon: null, lat: null });
  });

  it('know HEIC and AVIF from their first bytes, and text is no image', () => {
    const ftyp = (brand: string): Uint8Array => new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode(`ftyp${brand}`), 0, 0, 0, 0]);
    expect(sniffFormat(ftyp('heic'))).toBe('heic');
    expect(sniffFormat(ftyp('mif1'))).toBe('heic');
    expect(sniffFormat(ftyp('avif'))).toBe('avif');
    expect(sniffFormat(new TextEncoder().encode('项目编号,文件'))).toBeNull();
  });
});
