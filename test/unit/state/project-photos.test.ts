import { beforeAll, describe, expect, it } from 'vitest';
import type { PhotoStage, SitePhoto } from '../../../src/contract/photos';
import type { SiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import { hasCompletionPhoto, hasPhotoColumns, mergePhotoColumns, photosOf, stopPhotosOf, withheldOf } from '../../../src/state/project-photos';
import { reportPhotos } from '../../../src/state/report-photos';
import { loadMiniSite } from '../../helpers/site';

// test/fixtures/mini: projects T-001…T-006 (towns 0,0,0,1,1,1; budgets 100,20,30,50,150,40);
// T-002 is finished in 2016-02 (month 1), T-006 in 2016-03 (month 2).
let site: SiteData;
let projects: SiteProjects;
beforeAll(async () => {
  ({ site, projects } = await loadMiniSite());
});

const photo = (stage: PhotoStage, takenAt: string | null = null, name: string = stage): SitePhoto => ({ stage, thumb: `photos/${name}.t.jpg`, full: `photos/${name}.jpg`, width: 1280, height: 960, takenAt, distanceM: null, caption: null });
/** The mini projects with these photos (by project index) and withheld counts. */
const withPhotos = (byIndex: Record<number, SitePhoto[]>, withheld?: Record<number, number>): SiteProjects => ({
  ...projects,
  photos: projects.id.map((_, i) => byIndex[i] ?? []),
  ...(withheld ? { photosWithheld: projects.id.map((_, i) => withheld[i] ?? 0) } : {}),
});

describe('a project’s photos', () => {
  it('are listed in stage order, a stage’s photos in the build’s order', () => {
    const p = withPhotos({ 0: [photo('done', null, 'd1'), photo('before'), photo('accepted'), photo('done', null, 'd2'), photo('during')] });
    expect(photosOf(p, 0).map((ph) => ph.thumb)).toEqual(['photos/before.t.jpg', 'photos/during.t.jpg', 'photos/d1.t.jpg', 'photos/d2.t.jpg', 'photos/accepted.t.jpg']);
    expect(photosOf(p, 1)).toEqual([]);
    expect(photosOf(projects, 0)).toEqual([]);
  });

  it('count as completion photos only at 竣工 or 验收', () => {
    const p = withPhotos({ 0: [photo('before'), photo('during')], 1: [photo('done')], 2: [photo('accepted')] });
    expect([0, 1, 2, 3].map((i) => hasCompletionPhoto(p, i))).toEqual([false, true, true, false]);
  });

  it('say how many were withheld, and whether the data has photos at all', () => {
    expect(withheldOf(withPhotos({}, { 2: 3 }), 2)).toBe(3);
    expect(withheldOf(projects, 2)).toBe(0);
    expect(hasPhotoColumns(projects)).toBe(false);
    expect(hasPhotoColumns(withPhotos({}))).toBe(true);
    expect(hasPhotoColumns({ photosWithheld: [1] })).toBe(true);
  });
});

describe('merging towns’ photo columns', () => {
  const town = (n: number, photos?: SitePhoto[][], withheld?: number[]): SiteProjects => ({ ...projects, id: Array.from({ length: n }, (_, i) => `P${i}`), ...(photos ? { photos } : {}), ...(withheld ? { photosWithheld: withheld } : {}) });
  it('leaves them out when no town has them', () => expect(mergePhotoColumns([town(2), town(1)])).toEqual({}));
  it('fills a town without them with none per project', () => {
    expect(mergePhotoColumns([town(2), town(1, [[photo('done')]], [2])])).toEqual({ photos: [[], [], [photo('done')]], photosWithheld: [0, 0, 2] });
  });
});

describe('a tour stop’s photos', () => {
  it('take each project’s latest photo by the month, finished projects first, then the largest, at most the limit', () => {
    const p = withPhotos({ 3: [photo('before', '2016-01-05', 'b3'), photo('done', '2016-02-10', 'd3')], 4: [photo('before', '2016-01-20', 'b4'), photo('done', '2016-03-02', 'late')], 5: [photo('done', null, 'd5'), photo('accepted', '2016-02-20', 'a5')] });
    expect(stopPhotosOf(p, 1, '2016-01', 5).map((x) => [x.index, x.photo.thumb])).toEqual([[5, 'photos/d5.t.jpg'], [4, 'photos/b4.t.jpg'], [3, 'photos/b3.t.jpg']]);
    expect(stopPhotosOf(p, 1, '2016-02', 5).map((x) => [x.index, x.photo.thumb])).toEqual([[3, 'photos/d3.t.jpg'], [5, 'photos/a5.t.jpg'], [4, 'photos/b4.t.jpg']]);
    expect(stopPhotosOf(p, 1, '2016-03', 5).map((x) => x.index)).toEqual([4, 3, 5]);
    expect(stopPhotosOf(p, 1, '2016-03', 1).map((x) => x.index)).toEqual([4]);
    expect(stopPhotosOf(p, 0, '2016-03', 5)).toEqual([]);
  });
});

describe('the report’s projects finished without a completion photo', () => {
  it('is null when the data has no photos', () => expect(reportPhotos(site, projects, 1)).toBeNull());

  it('lists a project finished in the month with no completion photo', () => {
    const r = reportPhotos(site, withPhotos({ 1: [photo('before')] }), 1);
    expect(r?.finished).toBe(1);
    expect(r?.missing.map((m) => [m.id, m.name, m.townName, m.villageName, m.status])).toEqual([['T-002', '双竹村垃圾收集', '蒋家堰镇', expect.any(String), 'done']]);
    expect(r?.withheld).toBe(0);
  });

  it('leaves out one with a completion photo, and counts apart one whose photos were withheld', () => {
    expect(reportPhotos(site, withPhotos({ 1: [photo('done')] }), 1)).toEqual({ finished: 1, missing: [], withheld: 0 });
    expect(reportPhotos(site, withPhotos({}, { 1: 2 }), 1)).toEqual({ finished: 1, missing: [], withheld: 1 });
  });

  it('counts only projects that finished in the month, not those finished before', () => {
    const r = reportPhotos(site, withPhotos({}), 2);
    expect(r?.missing.map((m) => m.id)).toEqual(['T-006']);
    expect(r?.finished).toBe(1);
  });
});
