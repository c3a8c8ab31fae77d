/**
 * A synthetic site photo for the sample (issue 22): a simple scene drawn for its stage (bare ground
 * with survey stakes before work, a frame and crane during, the finished works after, a red banner
 * at acceptance), laid out at random per photo so no two photos look alike to the perceptual hash,
 * with 示例照片 ("sample photo") written across it. SVG, rendered by sharp with the CJK fonts.
 */
import type { PhotoStage } from '../../src/contract/photos';
import { PHOTO_STAGE_ZH } from '../../src/contract/photos';
import type { Rng } from './rng';

export const SCENE_WIDTH = 800;
export const SCENE_HEIGHT = 600;

const W = SCENE_WIDTH;
const H = SCENE_HEIGHT;

/** The SVG of one photo: its stage's scene, the project's id and the stage named on it. */
export function sceneSvg(rng: Rng, stage: PhotoStage, projectId: string): string {
  const horizon = rng.int(250, 380);
  const sky = `hsl(${rng.int(190, 220)}, ${rng.int(40, 70)}%, ${rng.int(65, 82)}%)`;
  const ground = `hsl(${rng.int(70, 110)}, ${rng.int(25, 45)}%, ${rng.int(30, 45)}%)`;
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="${sky}"/>`];
  // Hills behind: a ridge of random peaks.
  const peakCount = rng.int(3, 6);
  const peaks = Array.from({ length: peakCount }, (_, k) => `${Math.round((k + 0.5) * (W / peakCount) + rng.int(-40, 40))},${horizon - rng.int(40, 200)}`);
  parts.push(`<polygon points="0,${horizon} ${peaks.join(' ')} ${W},${horizon}" fill="hsl(${rng.int(100, 150)}, 25%, ${rng.int(35, 50)}%)"/>`);
  parts.push(`<rect y="${horizon}" width="${W}" height="${H - horizon}" fill="${ground}"/>`);
  parts.push(`<circle cx="${rng.int(60, W - 60)}" cy="${rng.int(40, Math.max(60, horizon - 160))}" r="${rng.int(25, 45)}" fill="#fff6c8"/>`);
  const x = rng.int(80, W - 380);
  const w = rng.int(220, 320);
  const h = rng.int(120, 200);
  const base = horizon + rng.int(40, 120);
  if (stage === 'before') {
    for (let k = 0; k < 5; k++) parts.push(`<rect x="${x + k * (w / 4)}" y="${base - 30}" width="6" height="34" fill="#d9c39a"/>`);
    parts.push(`<line x1="${x}" y1="${base - 24}" x2="${x + w}" y2="${base - 24}" stroke="#e23" stroke-width="3"/>`);
  } else if (stage === 'during') {
    for (let k = 0; k <= 4; k++) parts.push(`<rect x="${x + k * (w / 4)}" y="${base - h}" width="8" height="${h}" fill="#777"/>`);
    for (let k = 0; k <= 3; k++) parts.push(`<rect x="${x}" y="${base - h + k * (h / 3)}" width="${w}" height="6" fill="#888"/>`);
    const cx = x + w + rng.int(20, 60);
    parts.push(`<rect x="${cx}" y="${base - h - 90}" width="14" height="${h + 90}" fill="#f2b01e"/>`, `<rect x="${cx - 120}" y="${base - h - 90}" width="180" height="12" fill="#f2b01e"/>`);
  } else {
    parts.push(`<rect x="${x}" y="${base - h}" width="${w}" height="${h}" fill="hsl(${rng.int(0, 40)}, 30%, 88%)"/>`, `<polygon points="${x - 15},${base - h} ${x + w / 2},${base - h - 60} ${x + w + 15},${base - h}" fill="#5a6f8a"/>`);
    for (let k = 0; k < 3; k++) parts.push(`<rect x="${x + 25 + k * (w / 3)}" y="${base - h + 35}" width="${w / 6}" height="${h / 4}" fill="#9cc3e6"/>`);
    parts.push(`<polygon points="${x + w / 2 - 60},${H} ${x + w / 2 - 20},${base} ${x + w / 2 + 20},${base} ${x + w / 2 + 60},${H}" fill="#b9b4a8"/>`);
    if (stage === 'accepted') parts.push(`<rect x="${x + 20}" y="${base - h - 110}" width="${w - 40}" height="40" fill="#c8161d"/>`, `<text x="${x + w / 2}" y="${base - h - 82}" font-family="Noto Sans CJK SC" font-size="22" fill="#ffe680" text-anchor="middle">验收合格</text>`);
  }
  parts.push(`<text x="${W / 2}" y="${H / 2}" font-family="Noto Sans CJK SC" font-weight="bold" font-size="96" fill="#ffffff" fill-opacity="0.55" text-anchor="middle" transform="rotate(-18 ${W / 2} ${H / 2})">示例照片</text>`);
  parts.push(`<rect y="${H - 44}" width="${W}" height="44" fill="#000" fill-opacity="0.45"/>`, `<text x="16" y="${H - 14}" font-family="Noto Sans CJK SC" font-size="24" fill="#fff">示例照片 sample photo · ${projectId} · ${PHOTO_STAGE_ZH[stage]}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}
