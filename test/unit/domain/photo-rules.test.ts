import { describe, expect, it } from 'vitest';
import { reportList, type IntegrityReport } from '../../../src/domain/integrity-model';
import { photoFindings, WRONG_TIME, type PhotoFacts, type PhotoRulesInput } from '../../../src/domain/photo-rules';

const r = (month: string, status: IntegrityReport['status'], progressPct: number | null): IntegrityReport => ({ month, status, progressPct, spentWan: 10 });
/** Project 0 started 2016-03-01 and reports 100 % in 2016-06; project 1 is under way; project 2 has no point of its own. */
const PROJECTS: PhotoRulesInput['projects'] = [
  { town: 0, village: 0, budgetWan: 100, start: '2016-03-01', hasOwnPoint: true, reports: reportList([r('2016-03', 'building', 20), r('2016-05', 'building', 80), r('2016-06', 'done', 100), r('2016-07', 'accepted', 100)]) },
  { town: 0, village: 1, budgetWan: 40, start: '2016-04-01', hasOwnPoint: true, reports: reportList([r('2016-04', 'building', 10), r('2016-07', 'building', 60)]) },
  { town: 1, village: 2, budgetWan: 20, start: '2016-04-01', hasOwnPoint: false, reports: reportList([r('2016-05', 'building', 50)]) },
];
let sha = 0;
const photo = (over: Partial<PhotoFacts>): PhotoFacts => ({ project: 0, stage: 'during', takenAt: '2016-05-10', distanceM: 100, isOutsideTown: null, sha256: `sha${sha++}`, dhash: null, ...over });
/** A clean set: every rule quiet. */
const clean = (): PhotoFacts[] => [
  photo({ stage: 'before', takenAt: '2016-02-25', dhash: 'ffff0000ffff0000' }),
  photo({ stage: 'during', takenAt: '2016-05-10', dhash: '00ff00ff00ff00ff' }),
  photo({ stage: 'done', takenAt: '2016-06-20', dhash: '0f0f0f0f0f0f0f0f' }),
  photo({ stage: 'accepted', takenAt: '2016-07-25', dhash: 'f0f0f0f0f0f0f0f0' }),
  photo({ project: 1, stage: 'before', takenAt: '2016-04-20', dhash: '3333333333333333' }),
  photo({ project: 2, stage: 'during', takenAt: '2016-05-15', distanceM: 2600, isOutsideTown: false, dhash: 'cccccccccccccccc' }),
];
const run = (photos: PhotoFacts[]) => photoFindings({ projects: PROJECTS, photos, photoDistanceM: 2000, dataDate: '2016-12-31', lastMonth: '2016-12' });
const brief = (photos: PhotoFacts[]) => run(photos).map((f) => ({ rule: f.rule, projects: f.projects, month: f.month, figures: f.figures }));

describe('the photo rules', () => {
  it('find nothing in a clean set (a project without a point is measured against its town, not the distance)', () => {
    expect(run(clean())).toEqual([]);
  });

  it('photoFar: farther than photoDistanceM from the point, or outside the town without one', () => {
    expect(brief([...clean(), photo({ project: 1, distanceM: 2500, takenAt: '2016-07-02' })])).toEqual([{ rule: 'photoFar', projects: [1], month: '2016-07', figures: { distanceM: 2500, limitM: 2000, photos: 1, outsideTown: 0 } }]);
    expect(brief([...clean(), photo({ project: 2, distanceM: 9000, isOutsideTown: true })])).toEqual([{ rule: 'photoFar', projects: [2], month: '2016-05', figures: { distanceM: 9000, limitM: 2000, photos: 1, outsideTown: 1 } }]);
  });

  it('photoWrongTime: a before photo after the start and its margin, a done photo before 100 %, any photo after the data date', () => {
    expect(brief([...clean(), photo({ project: 1, stage: 'before', takenAt: '2016-05-05' })])).toEqual([{ rule: 'photoWrongTime', projects: [1], month: '2016-05', figures: { kind: WRONG_TIME.beforeAfterStart, taken: 20160505, start: 20160401, marginDays: 31 } }]);
    expect(run([...clean(), photo({ project: 1, stage: 'before', takenAt: '2016-05-02' })])).toEqual([]);
    expect(brief([...clean(), photo({ stage: 'done', takenAt: '2016-05-28' })])).toEqual([{ rule: 'photoWrongTime', projects: [0], month: '2016-05', figures: { kind: WRONG_TIME.doneBeforeComplete, taken: 20160528, doneMonth: 201606 } }]);
    expect(brief([...clean(), photo({ project: 1, stage: 'accepted', takenAt: '2016-07-28' })])).toEqual([{ rule: 'photoWrongTime', projects: [1], month: '2016-07', figures: { kind: WRONG_TIME.doneBeforeComplete, taken: 20160728, doneMonth: 0 } }]);
    expect(brief([...clean(), photo({ project: 1, takenAt: '2017-02-01' })])).toEqual([{ rule: 'photoWrongTime', projects: [1], month: '2016-12', figures: { kind: WRONG_TIME.afterDataDate, taken: 20170201, dataDate: 20161231 } }]);
  });

  it('photoReused: identical bytes, or difference hashes a few bits apart, for two projects; not within one project', () => {
    const photos = clean();
    expect(brief([...photos, photo({ project: 1, sha256: photos[1]!.sha256, takenAt: '2016-07-10' })])).toEqual([{ rule: 'photoReused', projects: [0, 1], month: null, figures: { identical: 1, bits: 0 } }]);
    expect(brief([...photos, photo({ project: 1, takenAt: '2016-07-10', dhash: '00ff00ff00ff00fe' })])).toEqual([{ rule: 'photoReused', projects: [0, 1], month: null, figures: { identical: 0, bits: 1 } }]);
    expect(run([...photos, photo({ project: 1, takenAt: '2016-07-10', dhash: '00ff00ff00ff0000' })])).toEqual([]);
    expect(run([...photos, photo({ project: 0, sha256: photos[1]!.sha256, takenAt: '2016-05-11' })])).toEqual([]);
  });

  it('photoReused compares only candidate pairs, yet finds every pair a comparison of all would (6 bits apart at most)', () => {
    // Hashes spread over a few families, each member a few bits from its family's seed, over many projects.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const flip = (hex: string, bits: number): string => {
      let n = BigInt(`0x${hex}`);
      for (let k = 0; k < bits; k++) n ^= 1n << BigInt(Math.floor(random() * 64));
      return n.toString(16).padStart(16, '0');
    };
    const seeds = Array.from({ length: 6 }, () => Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join(''));
    const projects: PhotoRulesInput['projects'] = Array.from({ length: 40 }, (_, i) => ({ town: 0, village: i, budgetWan: 10, start: '2016-01-01', hasOwnPoint: true, reports: reportList([]) }));
    const photos = Array.from({ length: 200 }, (_, i) => photo({ project: i % 40, stage: 'during', takenAt: '2016-05-10', dhash: flip(seeds[i % 6]!, Math.floor(random() * 9)) }));
    const findings = photoFindings({ projects, photos, photoDistanceM: 2000, dataDate: '2016-12-31', lastMonth: '2016-12' }).filter((f) => f.rule === 'photoReused');
    // The reference: every pair of photos of two projects, their bits apart counted one by one.
    const best = new Map<string, number>();
    for (let i = 0; i < photos.length; i++) {
      for (let j = i + 1; j < photos.length; j++) {
        const [x, y] = [photos[i]!, photos[j]!];
        if (x.project === y.project) continue;
        const bits = [...(BigInt(`0x${x.dhash}`) ^ BigInt(`0x${y.dhash}`)).toString(2)].filter((c) => c === '1').length;
        const key = `${Math.min(x.project, y.project)},${Math.max(x.project, y.project)}`;
        if (bits <= 6 && bits < (best.get(key) ?? 99)) best.set(key, bits);
      }
    }
    expect(best.size).toBeGreaterThan(50);
    expect(new Map(findings.map((f) => [f.projects.join(), f.figures.bits]))).toEqual(best);
  });

  it('photoMissingDone: a done project with photos but no 竣工 or 验收 photo, at its first done month', () => {
    const photos = clean().filter((p) => !(p.project === 0 && (p.stage === 'done' || p.stage === 'accepted')));
    expect(brief(photos)).toEqual([{ rule: 'photoMissingDone', projects: [0], month: '2016-06', figures: { doneMonth: 201606 } }]);
  });

  it('ignore a project without photos, and photos of unknown time or place', () => {
    expect(run([photo({ project: 1, takenAt: null, distanceM: null })])).toEqual([]);
  });
});
