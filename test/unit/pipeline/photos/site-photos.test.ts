import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../../../src/contract/issues';
import { parseSiteProjects, type SiteProjects } from '../../../../src/contract/projects';
import { PHOTO_RULES } from '../../../../src/contract/integrity';
import type { BuildResult } from '../../../../src/pipeline/build';
import { buildMiniPhotos, drawnPhoto, miniPhotos } from './mini-photos';

const TOWN = 'projects/420324101.json';
let photos: Record<string, Uint8Array | string>;
let built: BuildResult;
const projectsOf = (r: BuildResult, file = TOWN): SiteProjects => {
  const parsed = parseSiteProjects(JSON.parse(r.outputs!.get(file)!));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return parsed.value;
};
const lines = (r: BuildResult): string[] => r.issues.map(formatIssue);

beforeAll(async () => {
  photos = await miniPhotos();
  built = await buildMiniPhotos(photos);
}, 60_000);

// Each build draws and writes photos with sharp: seconds on a busy machine.
describe('site photos in a build', { timeout: 60_000 }, () => {
  it('are listed per project in stage order, with day, distance and caption, and written in two sizes', async () => {
    expect(built.errorCount, lines(built).join('\n')).toBe(0);
    const p = projectsOf(built);
    const t001 = p.photos![p.id.indexOf('T-001')]!;
    expect(t001.map((x) => [x.stage, x.takenAt, x.caption])).toEqual([
      ['before', '2015-12-28', '茶园平整前'],
      ['during', '2016-03-10', null],
    ]);
    expect(t001[0]!.distanceM).toBeLessThan(100);
    // T-002 has no point of its own: the distance is from its village seat; its day and place came from the table.
    expect(p.photos![p.id.indexOf('T-002')]!.map((x) => [x.stage, x.takenAt])).toEqual([['done', '2016-02-20']]);
    for (const photo of p.photos!.flat()) {
      const full = await sharp(built.images!.get(photo.full)!).metadata();
      const thumb = await sharp(built.images!.get(photo.thumb)!).metadata();
      expect([full.format, full.width, full.height]).toEqual(['jpeg', photo.width, photo.height]);
      expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(320);
      expect(Math.max(full.width, full.height)).toBeLessThanOrEqual(1280);
    }
    expect(p.photosWithheld).toBeUndefined();
    expect(built.photos).toMatchObject({ listed: 4, published: 4, withheld: 0 });
    expect(JSON.parse(built.outputs!.get('manifest.json')!).photos).toEqual(built.photos);
  });

  it('carry no metadata: no EXIF time or GPS, no ICC, XMP or IPTC', async () => {
    expect(built.images!.size).toBe(8);
    for (const [name, bytes] of built.images!) {
      const meta = await sharp(bytes).metadata();
      expect([meta.exif, meta.icc, meta.xmp, meta.iptc], name).toEqual([undefined, undefined, undefined, undefined]);
      expect(await exifr.parse(bytes, { gps: true, tiff: true, exif: true }), name).toBeUndefined();
    }
  });

  it('are byte-identical when built again, named by their hash', async () => {
    const again = await buildMiniPhotos(photos);
    expect([...again.images!.keys()]).toEqual([...built.images!.keys()]);
    for (const [name, bytes] of built.images!) {
      expect(Buffer.compare(Buffer.from(again.images!.get(name)!), Buffer.from(bytes)), name).toBe(0);
      expect(name).toMatch(/^photos\/[0-9a-f]{20}(\.t)?\.jpg$/);
    }
    expect(again.outputs!.get(TOWN)).toBe(built.outputs!.get(TOWN));
  });

  it('of a category that is not public are withheld from a public build, and counted', async () => {
    const pub = await buildMiniPhotos(photos, { isPublic: true });
    const p = projectsOf(pub);
    const health = p.id.indexOf('T-003');
    expect(p.photos![health]).toEqual([]);
    expect(p.photosWithheld).toEqual(p.id.map((_, i) => (i === health ? 1 : 0)));
    const privateHealth = projectsOf(built).photos![health]!.flatMap((x) => [x.full, x.thumb]);
    for (const file of privateHealth) expect(pub.images!.has(file)).toBe(false);
    expect(pub.images!.size).toBe(6);
    expect(pub.photos).toMatchObject({ published: 3, withheld: 1 });
  });

  it('of a category that is not public give a public build no finding either (their time and place are metadata)', async () => {
    // T-003's (健康医疗) photo placed far from its project.
    const far = { ...photos, 'photos.csv': (photos['photos.csv'] as string).replace('T-003,T-003/during.jpg,在建,,,,', 'T-003,T-003/during.jpg,在建,2016-03-05,110.4,32.9,') };
    const rules = (r: Awaited<ReturnType<typeof buildMiniPhotos>>): string[] => (JSON.parse(r.outputs!.get('site.json')!) as { integrity: { findings: { rule: string }[] } }).integrity.findings.map((f) => f.rule);
    expect(rules(await buildMiniPhotos(far))).toContain('photoFar');
    // A public build counts its findings by rule and town: the same counts as without the far photo.
    const counts = async (files: typeof photos) => (JSON.parse((await buildMiniPhotos(files, { isPublic: true })).outputs!.get('site.json')!) as { integrity: { ruleCounts: number[]; townCounts: number[] } }).integrity;
    const [pub, clean] = [await counts(far), await counts(photos)];
    expect(pub.ruleCounts).toEqual(clean.ruleCounts);
    expect(pub.townCounts).toEqual(clean.townCounts);
  });

  it('leave a dataset without photos as it was: no photo columns, no photo keys in the config', async () => {
    const none = await buildMiniPhotos({});
    expect(none.errorCount).toBe(0);
    for (const [name, text] of none.outputs!) if (name.startsWith('projects/')) expect(text, name).not.toMatch(/"photos/);
    expect(none.outputs!.get('site.json')).not.toMatch(/photoDistanceM|publicCategories/);
    expect(JSON.parse(none.outputs!.get('manifest.json')!).photos).toBeUndefined();
    expect(none.images!.size).toBe(0);
  });

  it('trip no photo rule when clean', () => {
    const site = JSON.parse(built.outputs!.get('site.json')!) as { integrity: { findings: { rule: string }[] } };
    expect(site.integrity.findings.filter((f) => (PHOTO_RULES as readonly string[]).includes(f.rule))).toEqual([]);
  });
});

describe('photos.csv and photos/ problems', { timeout: 60_000 }, () => {
  const withRows = (...rows: string[]): string => `${(photos['photos.csv'] as string).split('\n')[0]}\n${rows.join('\n')}`;

  it.each([
    ['a listed file that is missing', { 'photos.csv': () => withRows('T-001,T-001/gone.jpg,施工中,,,,') }, 'photos.csv:2:文件: error: photos/T-001/gone.jpg is missing'],
    ['a file that is no image', { 'photos.csv': () => withRows('T-001,T-001/notes.jpg,施工中,,,,'), 'photos/T-001/notes.jpg': () => '施工日志' }, 'photos.csv:2:文件: error: photos/T-001/notes.jpg is not a photo the build reads (JPEG, PNG or WebP)'],
    ['a HEIC photo', { 'photos.csv': () => withRows('T-001,T-001/a.heic,施工中,,,,'), 'photos/T-001/a.heic': () => new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]) }, 'photos.csv:2:文件: error: photos/T-001/a.heic is a HEIC photo, which the build cannot read'],
    ['a path out of photos/', { 'photos.csv': () => withRows('T-001,../villages.csv,施工中,,,,') }, 'photos.csv:2:文件: error: "../villages.csv" is not a plain path inside the photos/ folder'],
    ['an unknown project', { 'photos.csv': () => withRows('T-999,T-001/before.jpg,施工前,,,,') }, 'photos.csv:2:项目编号: error: project "T-999" is not in projects.csv'],
    ['an unknown stage', { 'photos.csv': () => withRows('T-001,T-001/before.jpg,规划,,,,') }, 'photos.csv:2:阶段: error: "规划" is not a stage'],
    ['an unlisted file', { 'photos.csv': () => withRows('T-001,T-001/before.jpg,施工前,,,,') }, 'photos/T-001/during.jpg:0:: warning: photos/T-001/during.jpg is in the photos/ folder but no row of photos.csv lists it'],
  ] as const)('%s is named', async (_, change, expected) => {
    const files: Record<string, Uint8Array | string | null> = { ...photos };
    for (const [k, f] of Object.entries(change)) files[k] = f();
    const r = await buildMiniPhotos(files);
    expect(lines(r).some((l) => l.startsWith(expected)), `${expected}\n${lines(r).join('\n')}`).toBe(true);
  });

  it('a public build counts the unlisted files and names none (a file name may name a person)', async () => {
    const files = { ...photos, 'photos.csv': withRows('T-001,T-001/before.jpg,施工前,,,,'), 'photos/王小明家/危房改造前.jpg': photos['photos/T-001/during.jpg']! };
    // The county's own build names each, for the clerk.
    const own = (await buildMiniPhotos(files)).issues.filter((i) => i.key === 'photoUnlisted').map((i) => i.file);
    expect(own).toContain('photos/王小明家/危房改造前.jpg');
    const r = await buildMiniPhotos(files, { isPublic: true });
    expect(lines(r).filter((l) => l.includes('no row of photos.csv'))).toEqual([expect.stringMatching(new RegExp(`^photos/:0:: warning: ${own.length} file\\(s\\) in the photos/ folder are listed by no row of photos\\.csv`))]);
    for (const [name, text] of r.outputs!) expect(text, name).not.toMatch(/王小明|危房/);
  });

  it('count a rejected row: rows read = used + rejected + skipped', async () => {
    const r = await buildMiniPhotos({ ...photos, 'photos.csv': withRows('T-001,T-001/before.jpg,施工前,,,,', 'T-001,T-001/gone.jpg,施工中,,,,', 'T-999,T-001/during.jpg,施工中,,,,') });
    expect(r.inputs['photos.csv']!.rows).toEqual({ read: 3, used: 1, rejected: 2, skipped: 0 });
  });

  it('are checked from the table alone in the check view, which has no photo files', async () => {
    const r = await buildMiniPhotos({ 'photos.csv': photos['photos.csv']! }, { readsPhotoFiles: false });
    expect(r.errorCount, lines(r).join('\n')).toBe(0);
    expect(lines(r).some((l) => l.includes('the check view reads photos.csv but not the photos themselves'))).toBe(true);
  });

  it('a re-saved copy of one project’s photo given to another is found', async () => {
    const copy = new Uint8Array(await sharp(photos['photos/T-001/during.jpg'] as Uint8Array).jpeg({ quality: 35 }).toBuffer());
    const r = await buildMiniPhotos({ ...photos, 'photos/T-004/during.jpg': copy, 'photos.csv': `${photos['photos.csv'] as string}\nT-004,T-004/during.jpg,施工中,2016-03-20,109.8101,32.2101,` });
    const site = JSON.parse(r.outputs!.get('site.json')!) as { integrity: { findings: { rule: string; projects: { id: string }[]; figures: Record<string, number> }[] } };
    const found = site.integrity.findings.filter((f) => (PHOTO_RULES as readonly string[]).includes(f.rule));
    expect(found.map((f) => [f.rule, f.projects.map((p) => p.id), f.figures.identical])).toEqual([['photoReused', ['T-001', 'T-004'], 0]]);
    expect(await drawnPhoto('other', 'during', null)).not.toEqual(copy);
  });
});
