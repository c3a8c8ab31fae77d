import { describe, expect, it } from 'vitest';
import { snappyUncompress } from 'hyparquet';
import { snappyCompress as theirs } from 'hyparquet-writer/src/snappy.js';
import { maxCompressedLength, snappyCompress } from '../../../../src/pipeline/emit/snappy';

/** Park–Miller: the same bytes on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Random bytes, then pieces of them again, 4 to 140 long, each followed by a random byte: a copy of every length. */
function repeatsOfEveryLength(randomBytes: (n: number) => Uint8Array): Uint8Array {
  const base = randomBytes(400);
  const parts: number[] = [...base];
  for (let length = 4; length <= 140; length++) parts.push(...base.subarray(length, 2 * length), ...randomBytes(3));
  return Uint8Array.from(parts);
}

/** Inputs of the shapes a Parquet page has, and the edges of the algorithm. */
function inputs(): [string, Uint8Array][] {
  const rand = random(20161231);
  const encoder = new TextEncoder();
  const text = (s: string) => encoder.encode(s);
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const doubles = new Float64Array(4096).map((_, i) => Math.round(rand() * 1e4) / 100 + (i % 7));
  const codes = Uint8Array.from({ length: 70_000 }, () => Math.floor(rand() * 4));
  return [
    ['empty', new Uint8Array(0)],
    ['one byte', new Uint8Array([7])],
    ['shorter than the margin', text('竹溪县')],
    ['exactly the margin', text('0123456789abcde')],
    ['random', randomBytes(10_000)],
    ['one byte repeated (copies longer than 64)', new Uint8Array(100_000).fill(42)],
    ['Chinese text with repeats', text(Array.from({ length: 3_000 }, (_, i) => `新建产业路${i % 17}公里，惠及贫困户${i % 5}户；`).join(''))],
    ['ids', text(Array.from({ length: 4096 }, (_, i) => `420324${String(100000 + i).padStart(9, '0')}`).join(''))],
    ['doubles', new Uint8Array(doubles.buffer)],
    ['small codes over a 65,536-byte window', codes],
    ['copies of every length from 4 to 140', repeatsOfEveryLength(randomBytes)],
    ['a long literal then repeats', new Uint8Array([...randomBytes(70_000), ...new Uint8Array(5_000).fill(1), ...randomBytes(300)])],
  ];
}

describe('snappyCompress', () => {
  it.each(inputs())('writes the bytes hyparquet-writer writes (%s)', (_, input) => {
    expect(Buffer.from(snappyCompress(input)).equals(Buffer.from(theirs(input)))).toBe(true);
  });

  it.each(inputs())('is read back whole (%s), within the largest size Snappy allows', (_, input) => {
    const compressed = snappyCompress(input);
    expect(compressed.length).toBeLessThanOrEqual(maxCompressedLength(input.length));
    const back = new Uint8Array(input.length);
    snappyUncompress(compressed, back);
    expect(Buffer.from(back).equals(Buffer.from(input))).toBe(true);
  });

  it('compresses what repeats', () => {
    expect(snappyCompress(new Uint8Array(100_000).fill(42)).length).toBeLessThan(5_000);
  });
});
