import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSiteProjects } from '../../../src/contract/projects';
import { embedPhotoThumbnails } from '../../../scripts/lib/single-file-photos';
import { buildMiniPhotos, miniPhotos } from '../pipeline/photos/mini-photos';

const TOWN = 'projects/420324101.json';
let dir: string;
let texts: Record<string, string>;

beforeAll(async () => {
  const built = await buildMiniPhotos(await miniPhotos(), { isPublic: true });
  dir = await mkdtemp(join(tmpdir(), 'cunhu-package-photos-'));
  for (const [name, bytes] of built.images!) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  texts = Object.fromEntries([...built.outputs!].filter(([name]) => name.startsWith('projects/')));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the meeting package’s photos', () => {
  it('are the public build’s thumbnails only, as data: URLs the page reads as it is', async () => {
    const copy = { ...texts };
    const r = await embedPhotoThumbnails(copy, dir);
    expect(r).toMatchObject({ carried: 3, leftOut: 0 });
    const parsed = parseSiteProjects(JSON.parse(copy[TOWN]!));
    expect(parsed.ok).toBe(true);
    const photos = parsed.ok ? parsed.value.photos!.flat() : [];
    expect(photos).toHaveLength(3);
    // Each photo's bytes once in the file: the display size is the thumbnail, not a second copy.
    expect(copy[TOWN]!.match(/data:image\//g)).toHaveLength(new Set(photos.map((p) => p.thumb)).size);
    for (const p of photos) {
      expect(p.thumb).toMatch(/^data:image\/jpeg;base64,/);
      expect(p.full).toBe(p.thumb);
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(320);
    }
    // The withheld count is carried as the public build wrote it.
    expect(parsed.ok && parsed.value.photosWithheld?.some((n) => n > 0)).toBe(true);
  });

  it('stop at the budget, leaving the rest out', async () => {
    const copy = { ...texts };
    const r = await embedPhotoThumbnails(copy, dir, 1);
    expect(r).toMatchObject({ carried: 0, leftOut: 3, bytes: 0 });
    expect(copy[TOWN]).not.toMatch(/photos\/[0-9a-f]/);
  });
});
