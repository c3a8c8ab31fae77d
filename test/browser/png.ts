/** Reading exported PNGs in browser tests: size from the header, download, decode in the page, colour comparison. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openTools } from './page';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Clicks an export button and returns the downloaded file and its suggested name. */
export async function download(page: Page, selector: string): Promise<{ png: Buffer; name: string }> {
  await openTools(page, selector);
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(selector)]);
  const path = await d.path();
  return { png: readFileSync(path), name: d.suggestedFilename() };
}

export const hex = (rgb: readonly number[]): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
export function near(a: string, b: string, tolerance = 8): boolean {
  const ch = (h: string, i: number) => Number.parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return [0, 1, 2].every((i) => Math.abs(ch(a, i) - ch(b, i)) <= tolerance);
}

/** Decodes the PNG in the page: how many distinct colours (sampled), and the colours at some pixels. */
export function decode(page: Page, png: Buffer, points: { x: number; y: number }[]): Promise<{ width: number; height: number; colours: number; at: string[] }> {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add(((d[i] ?? 0) << 16) | ((d[i + 1] ?? 0) << 8) | (d[i + 2] ?? 0));
      const at = points.map(({ x, y }) => {
        const i = (Math.round(y) * c.width + Math.round(x)) * 4;
        return `#${[d[i], d[i + 1], d[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      });
      return { width: c.width, height: c.height, colours: seen.size, at };
    },
    { base64: png.toString('base64'), points },
  );
}


/**
 * The share of pixels of `one` (a 1× image) that differ by more than `threshold` in some channel from
 * `two` (the same view at 2×) scaled down to its size: small when both draw the same things in the
 * same places, large when something (say, the markers) is drawn elsewhere or missing.
 */
export function differingShare(page: Page, one: Buffer, two: Buffer, threshold = 64): Promise<number> {
  return page.evaluate(
    async ({ a, b, threshold }) => {
      const bitmap = async (base64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const [x, y] = await Promise.all([bitmap(a), bitmap(b)]);
      const pixels = (image: ImageBitmap): Uint8ClampedArray => {
        const c = document.createElement('canvas');
        c.width = x.width;
        c.height = x.height;
        const ctx = c.getContext('2d', { willReadFrequently: true });
        if (!ctx) throw new Error('no 2d context');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(image, 0, 0, x.width, x.height);
        return ctx.getImageData(0, 0, x.width, x.height).data;
      };
      const p = pixels(x);
      const q = pixels(y);
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs((p[i] ?? 0) - (q[i] ?? 0)) > threshold || Math.abs((p[i + 1] ?? 0) - (q[i + 1] ?? 0)) > threshold || Math.abs((p[i + 2] ?? 0) - (q[i + 2] ?? 0)) > threshold) differing++;
      }
      return differing / (p.length / 4);
    },
    { a: one.toString('base64'), b: two.toString('base64'), threshold },
  );
}

/** A PNG's pixels, decoded in the page (the browser reads PNG; Node here has no decoder of its own). */
export async function pngPixels(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { base64, width, height } = await page.evaluate(async (png64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let binary = '';
    for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
    return { base64: btoa(binary), width: bitmap.width, height: bitmap.height };
  }, png.toString('base64'));
  return { data: new Uint8ClampedArray(Buffer.from(base64, 'base64')), width, height };
}
