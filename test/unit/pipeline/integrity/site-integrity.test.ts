import { describe, expect, it } from 'vitest';
import { parseSiteData, type SiteData } from '../../../../src/contract/site';
import { FINDING_RULES } from '../../../../src/domain/integrity-model';
import { buildSite } from '../../../../src/pipeline/build';
import { folderSource } from '../../../../scripts/lib/folder-source';
import { PLANTED as TABLE_PLANTED } from '../../../../scripts/sample/plant';
import { readDataset } from '../../../../scripts/sample/dataset';
import { planSamplePhotos } from '../../../../scripts/sample/photos';
import { sharpImaging } from '../../../../scripts/lib/photo-imaging';

/** The problems planted in the tables and in the photos (scripts/sample/photos.ts). */
const PLANTED = [...TABLE_PLANTED, ...planSamplePhotos(readDataset('data').dataset).planted];

/** The sample built once per kind (its photos drawn in two sizes take a few seconds). */
const builds = new Map<boolean, ReturnType<typeof buildSite>>();

/** site.json's `integrity` of the sample, as the county's build and as the public portal's. */
async function site(isPublic: boolean): Promise<SiteData> {
  if (!builds.has(isPublic)) builds.set(isPublic, buildSite(folderSource('data'), { isPublic, imaging: sharpImaging }));
  const result = await builds.get(isPublic)!;
  const parsed = parseSiteData(JSON.parse(result.outputs?.get('site.json') ?? 'null'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

describe("site.json's integrity", { timeout: 60_000 }, () => {
  it('lists every planted problem in the county build, counted per town and rule, with its projects by id and name', async () => {
    const s = await site(false);
    const q = s.integrity;
    expect(q.isListed).toBe(true);
    expect(q.findings.map((f) => f.rule).sort()).toEqual(PLANTED.map((p) => p.rule).sort());
    expect(q.townCounts.reduce((a, b) => a + b, 0)).toBe(q.findings.length);
    expect(q.ruleCounts).toEqual(FINDING_RULES.map((r) => q.findings.filter((f) => f.rule === r).length));
    for (const p of PLANTED) {
      const f = q.findings.find((x) => x.rule === p.rule)!;
      expect(s.towns[f.town]?.name, p.rule).toBe(p.town);
      expect(f.month).toBe(p.month);
      if (p.rule !== 'frozenTown') expect(f.projects.map((x) => x.id).sort()).toEqual([...p.projects].sort());
      for (const x of f.projects) expect(x.name).not.toBe('');
    }
    // Scores are 0–100, one per village.
    const all = [q.county, ...q.towns, ...q.villages];
    expect(all.every((x) => x >= 0 && x <= 100)).toBe(true);
    expect(q.villages).toHaveLength(s.villages.length);
  });

  it('is a monthly indicator: the latest month is the score, and findings only ever lower it as the months go by', async () => {
    const s = await site(false);
    const q = s.series.quality;
    const last = s.months.length - 1;
    expect(q.county[last]).toBe(s.integrity.county);
    expect(q.towns[last]).toEqual(s.integrity.towns);
    expect(q.villages[last]).toEqual(s.integrity.villages);
    for (let m = 1; m <= last; m++) {
      expect(q.county[m]!).toBeLessThanOrEqual(q.county[m - 1]!);
      q.towns[m]!.forEach((v, t) => expect(v!, `town ${t} month ${m}`).toBeLessThanOrEqual(q.towns[m - 1]![t]!));
    }
    // 天宝乡's frozen reports are found in 2016-03: its score drops that month and not before.
    const tianbao = s.towns.findIndex((t) => t.name === '天宝乡');
    const march = s.months.indexOf('2016-03');
    expect(q.towns[march]![tianbao]!).toBeLessThan(q.towns[march - 1]![tianbao]!);
  });

  it('gives the six precisions of the county and each town, flagging villages by their ids within the area', async () => {
    const s = await site(false);
    const { county, towns } = s.integrity.precisions;
    expect(county.map((p) => p.id)).toEqual(['identification', 'records', 'pairing', 'measures', 'data', 'exit']);
    expect(county.find((p) => p.id === 'pairing')?.basis).toBe('notMeasurable');
    // The planted exit above the line is the county's one failed exit, named by its village.
    const exit = county.find((p) => p.id === 'exit')!;
    const planted = PLANTED.find((p) => p.rule === 'exitedAboveLine')!;
    expect(exit.flagged.map((v) => s.villages[v]?.code)).toEqual([planted.village]);
    towns.forEach((list, t) => {
      for (const p of list) for (const v of p.flagged) expect(s.villages[v]?.townId, `${p.id} of town ${t}`).toBe(t);
    });
    const dataFlagged = towns.flatMap((list) => list.find((p) => p.id === 'data')!.flagged).sort((a, b) => a - b);
    expect(dataFlagged).toEqual([...county.find((p) => p.id === 'data')!.flagged].sort((a, b) => a - b));
  });

  it('counts them per town in a public build, listing none (the config may say otherwise)', async () => {
    const [county, pub] = [await site(false), await site(true)];
    expect(pub.integrity.isListed).toBe(false);
    expect(pub.integrity.findings).toEqual([]);
    expect(pub.integrity.townCounts).toEqual(county.integrity.townCounts);
    expect(pub.integrity.towns).toEqual(county.integrity.towns);
    expect(pub.config.publicFindings).toBe(false);
    // Which villages fail a precision is a finding too: none are named.
    expect(pub.integrity.precisions.county.every((p) => p.flagged.length === 0)).toBe(true);
    expect(pub.integrity.precisions.county.map((p) => p.detail)).toEqual(county.integrity.precisions.county.map((p) => p.detail));
  });
});
