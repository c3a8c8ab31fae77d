/**
 * A small site with site photos for the photo tests: the built page with the mini dataset
 * (test/fixtures/mini, marked as the sample), a tour stop at 中峰镇, and photos written straight into
 * its projects files (tiny solid-colour PNGs under data/photos/, named as the build names them),
 * so the page's side is tested whatever the photo pipeline does.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';
import { runDataCli } from '../../scripts/data';
import type { PhotoStage, SitePhoto } from '../../src/contract/photos';
import { MINI } from '../helpers/fixtures';
import { DIST } from './test-dirs';

export const JIANGJIAYAN = '420324101';
export const ZHONGFENG = '420324102';

/** A photo of the fixture: its stage, day, distance and caption; its files are made from its colour. */
interface FixturePhoto {
  stage: PhotoStage;
  takenAt: string | null;
  distanceM: number | null;
  caption: string | null;
  rgb: [number, number, number];
}

const photo = (stage: PhotoStage, takenAt: string | null, distanceM: number | null, caption: string | null, rgb: [number, number, number]): FixturePhoto => ({ stage, takenAt, distanceM, caption, rgb });

/**
 * The photos by project id: T-001 (building) has every stage, two during; T-002 (finished in
 * 2016-02) has only a 施工前 photo; T-005 a 竣工 photo (the tour's stop at 中峰镇 in 2016-03 shows it);
 * T-006 (finished in 2016-03) has its photos withheld.
 */
export const PHOTOS: Readonly<Record<string, FixturePhoto[]>> = {
  'T-001': [
    photo('before', '2016-01-03', 35, '茶园开垦前的荒坡', [150, 110, 70]),
    photo('during', '2016-02-15', 120, '整地栽苗', [120, 140, 60]),
    photo('during', '2016-03-02', null, null, [100, 150, 60]),
    photo('done', '2016-03-20', 1800, '茶园建成', [40, 140, 60]),
    photo('accepted', '2016-03-28', 60, '验收现场', [20, 110, 50]),
  ],
  'T-002': [photo('before', '2016-01-02', 10, '垃圾收集点选址', [140, 140, 140])],
  'T-005': [photo('done', '2016-03-01', 250, '产业路硬化完成', [90, 90, 120])],
};
export const WITHHELD: Readonly<Record<string, number>> = { 'T-006': 2 };

/** A solid-colour PNG of a size (an 8-bit RGB image, one IDAT). */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** The display size of the fixture's photos (4:3, as large as the build writes them). */
export const FULL_SIZE = { width: 1280, height: 960 };

export interface PhotoSite {
  baseUrl: string;
  close(): Promise<void>;
}

/** Builds and serves the photo site in a temporary folder. */
export async function servePhotoSite(): Promise<PhotoSite> {
  const dir = await mkdtemp(join(tmpdir(), 'cunhu-photos-'));
  const input = join(dir, 'input');
  await cp(MINI, input, { recursive: true });
  const config = JSON.parse(await readFile(join(input, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
  const stop = {
    town: ZHONGFENG,
    camera: { center: [109.8, 32.25], zoom: 11, bearing: 0, pitch: 0 },
    indicator: 'completion',
    month: '2016-03',
    title: { zh: '中峰镇：项目完工情况', en: 'Zhongfeng: projects completed' },
    text: { zh: ['看竣工照片'], en: ['The completion photos'] },
  };
  await writeFile(join(input, 'atlas.config.json'), JSON.stringify({ ...config, sample: true, tour: [stop] }, null, 2));
  const outDir = join(dir, 'dist');
  await cp(DIST, outDir, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'data')) });
  const data = join(outDir, 'data');
  const lines: string[] = [];
  const code = await runDataCli(['build', input, '--out', data], (l) => lines.push(l));
  if (code !== 0) throw new Error(`data:build of the photo site failed:\n${lines.join('\n')}`);
  await mkdir(join(data, 'photos'), { recursive: true });
  let n = 0;
  for (const town of [JIANGJIAYAN, ZHONGFENG]) {
    const file = join(data, 'projects', `${town}.json`);
    const projects = JSON.parse(await readFile(file, 'utf8')) as { id: string[]; photos?: SitePhoto[][]; photosWithheld?: number[] };
    const lists: SitePhoto[][] = [];
    for (const id of projects.id) {
      const list: SitePhoto[] = [];
      for (const p of PHOTOS[id] ?? []) {
        const hash = (++n).toString(16).padStart(16, '0');
        await writeFile(join(data, 'photos', `${hash}.t.jpg`), solidPng(64, 48, p.rgb));
        await writeFile(join(data, 'photos', `${hash}.jpg`), solidPng(FULL_SIZE.width, FULL_SIZE.height, p.rgb));
        list.push({ stage: p.stage, thumb: `photos/${hash}.t.jpg`, full: `photos/${hash}.jpg`, ...FULL_SIZE, takenAt: p.takenAt, distanceM: p.distanceM, caption: p.caption });
      }
      lists.push(list);
    }
    projects.photos = lists;
    projects.photosWithheld = projects.id.map((id) => WITHHELD[id] ?? 0);
    await writeFile(file, JSON.stringify(projects));
  }
  const server: PreviewServer = await preview({ build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
