import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRelease, type ReleaseFile } from '../../../../src/contract/release';
import { parseSiteData, type SiteData } from '../../../../src/contract/site';
import { buildSite, type BuildResult, type DatasetSource } from '../../../../src/pipeline/build';
import type { PreviousSource } from '../../../../src/pipeline/release/previous';

/** The embedded sample (data/), with some files' text changed in memory. */
const SAMPLE = join(import.meta.dirname, '../../../../data');
function sampleWith(edit: Record<string, (text: string) => string> = {}): DatasetSource {
  return {
    async read(path) {
      const bytes = await readFile(join(SAMPLE, path)).catch(() => null);
      if (!bytes) return null;
      const change = edit[path];
      return change ? new TextEncoder().encode(change(new TextDecoder().decode(bytes))) : new Uint8Array(bytes);
    },
  };
}

/** A build's outputs as the folder --previous reads. */
function outputsOf(result: BuildResult, label = 'prev', patch: Record<string, (text: string) => string> = {}): PreviousSource {
  const files = result.outputs!;
  return {
    label,
    async read(path) {
      const text = files.get(path);
      if (text === undefined) return null;
      return new TextEncoder().encode(patch[path] ? patch[path](text) : text);
    },
  };
}

const replaceLine = (from: string, to: string) => (text: string): string => {
  if (!text.includes(from)) throw new Error(`the sample no longer has ${from}`);
  return text.replace(from, to);
};
const dropLines = (mark: string) => (text: string): string => text.split('\n').filter((l) => !l.includes(mark)).join('\n');

/**
 * The changes planted in the second release: ZX2016-0001 removed (with its reports), ZX2016-9001
 * added, ZX2016-0002's budget raised, three past reports rewritten (progress of ZX2016-0009 in
 * March; status and money of ZX2016-0012 in April), and one village's household count.
 */
const PLANTED: Record<string, (text: string) => string> = {
  'projects.csv': (text) => {
    const raised = replaceLine(',139.37,整合涉农资金,', ',150,整合涉农资金,')(dropLines('ZX2016-0001,')(text));
    const copy = raised.split('\n').find((l) => l.startsWith('ZX2016-0002,'))!;
    // The sample's files end their lines with CRLF, as Excel writes them; the copied line keeps its CR.
    return `${raised.trimEnd()}\r\n${copy.replace('ZX2016-0002,城关镇集镇道路改造', 'ZX2016-9001,城关镇集镇路灯安装')}\n`;
  },
  'progress.csv': (text) =>
    [replaceLine('2016-03,ZX2016-0009,在建,40,54.58', '2016-03,ZX2016-0009,在建,45,54.58'), replaceLine('2016-04,ZX2016-0012,在建,61,15.21', '2016-04,ZX2016-0012,已完工,61,16')].reduce((t, f) => f(t), dropLines(',ZX2016-0001,')(text)),
  'villages.csv': replaceLine('420324100002,鼓楼社区居委会,420324100,城关镇,109.73420,32.33111,1951,', '420324100002,鼓楼社区居委会,420324100,城关镇,109.73420,32.33111,1953,'),
};

const site = (r: BuildResult): SiteData => {
  const parsed = parseSiteData(JSON.parse(r.outputs!.get('site.json')!));
  if (!parsed.ok) throw new Error('site.json does not parse');
  return parsed.value;
};
const release = (r: BuildResult): ReleaseFile => {
  const parsed = parseRelease(JSON.parse(r.outputs!.get('release.json')!));
  if (!parsed.ok) throw new Error('release.json does not parse');
  return parsed.value;
};

describe('a release compared with the previous one (--previous)', () => {
  let first: BuildResult;
  let second: BuildResult;
  let secondAlone: BuildResult;
  beforeAll(async () => {
    first = await buildSite(sampleWith());
    second = await buildSite(sampleWith(PLANTED), { isPublic: false, previous: outputsOf(first) });
    secondAlone = await buildSite(sampleWith(PLANTED));
  }, 120_000);

  it('the first release has an id, no change list, and a history of one', () => {
    const r = release(first);
    expect(r.id).toMatch(/^2016-12-31-[0-9a-f]{8}$/);
    expect(r.previous).toBeNull();
    expect(r.changes).toBeNull();
    expect(r.history).toEqual([{ id: r.id, date: '2016-12-31', previous: null, counts: { towns: 15, villages: 320, projects: 2782, months: 12 }, summary: null }]);
    expect(JSON.parse(first.outputs!.get('manifest.json')!).release).toEqual({ id: r.id, date: '2016-12-31', previous: null });
    expect(site(first).release).toEqual({ id: r.id, date: '2016-12-31', previous: null, changedProjects: [], revisedProjects: [] });
    expect(first.outputs!.get('open-data/changes.csv')).toBe('\uFEFF变更类型,项目编号或村代码,名称,乡镇代码,村代码,月份,字段,字段名称,原值,新值\r\n');
  });

  it('finds every planted change with its old and new value, and nothing else', () => {
    const r = release(second);
    expect(r.previous).toBe(release(first).id);
    const town = '420324100';
    expect(r.changes).toEqual({
      added: [{ id: 'ZX2016-9001', name: '城关镇集镇路灯安装', townCode: town, villageCode: null }],
      removed: [{ id: 'ZX2016-0001', name: '城关镇就业技能培训', townCode: town, villageCode: null }],
      fields: [{ id: 'ZX2016-0002', name: '城关镇集镇道路改造', townCode: town, villageCode: null, field: 'budgetWan', old: 139.37, new: 150 }],
      revisions: [
        { id: 'ZX2016-0009', name: '鼓楼社区产业路硬化', townCode: town, villageCode: '420324100002', month: '2016-03', field: 'progressPct', old: 40, new: 45 },
        expect.objectContaining({ id: 'ZX2016-0012', month: '2016-04', field: 'status', old: 'building', new: 'done' }),
        expect.objectContaining({ id: 'ZX2016-0012', month: '2016-04', field: 'spentWan', old: 15.21, new: 16 }),
      ],
      villages: [{ code: '420324100002', name: '鼓楼社区居委会', townCode: town, field: 'households', old: 1951, new: 1953 }],
    });
    expect(r.summary).toEqual({ added: 1, removed: 1, changedProjects: 1, changedFields: 1, revisions: 3, revisedProjects: 2, villages: 1 });
    expect(r.history.map((h) => h.id)).toEqual([r.id, release(first).id]);
    expect(site(second).release).toEqual({ id: r.id, date: '2016-12-31', previous: release(first).id, changedProjects: ['ZX2016-0002', 'ZX2016-9001'], revisedProjects: ['ZX2016-0009', 'ZX2016-0012'] });
  });

  it('changes.csv has one row per change, in the order of release.json', () => {
    const lines = second.outputs!.get('open-data/changes.csv')!.split('\r\n').filter(Boolean);
    expect(lines.slice(1)).toEqual([
      '新增项目,ZX2016-9001,城关镇集镇路灯安装,420324100,,,,,,',
      '删除项目,ZX2016-0001,城关镇就业技能培训,420324100,,,,,,',
      '项目字段变更,ZX2016-0002,城关镇集镇道路改造,420324100,,,budgetWan,资金规模(万元),139.37,150',
      '往月月报改写,ZX2016-0009,鼓楼社区产业路硬化,420324100,420324100002,2016-03,progressPct,形象进度(%),40,45',
      expect.stringMatching(/^往月月报改写,ZX2016-0012,.*,2016-04,status,状态,在建,已完工$/),
      expect.stringMatching(/^往月月报改写,ZX2016-0012,.*,2016-04,spentWan,已拨付\(万元\),15.21,16$/),
      '村户数变更,420324100002,鼓楼社区居委会,420324100,420324100002,,households,总户数,1951,1953',
    ]);
  });

  it('a revision is a 数据实 finding with both values, and lowers its town’s and village’s score', () => {
    const s = site(second);
    const revised = s.integrity.findings.filter((f) => f.rule === 'pastRevised');
    expect(revised.map((f) => [f.projects[0]!.id, f.month, f.figures])).toEqual([
      ['ZX2016-0009', '2016-03', { fromPct: 40, toPct: 45 }],
      ['ZX2016-0012', '2016-04', { fromStatus: 1, toStatus: 2, fromSpentWan: 15.21, toSpentWan: 16 }],
    ]);
    const town = s.towns.findIndex((t) => t.code === '420324100');
    const village = s.villages.findIndex((v) => v.code === '420324100002');
    const alone = site(secondAlone);
    expect(alone.integrity.findings.some((f) => f.rule === 'pastRevised')).toBe(false);
    expect(s.integrity.townCounts[town]).toBe(alone.integrity.townCounts[town]! + 2);
    expect(s.integrity.towns[town]!).toBeLessThan(alone.integrity.towns[town]!);
    expect(s.integrity.villages[village]!).toBeLessThan(alone.integrity.villages[village]!);
    // Counted from the month revised: the town's score before March is untouched.
    const feb = s.months.indexOf('2016-02');
    expect(s.series.quality.towns[feb]![town]).toBe(alone.series.quality.towns[feb]![town]);
  });

  it('the same inputs and previous release give byte-identical release files', async () => {
    const again = await buildSite(sampleWith(PLANTED), { isPublic: false, previous: outputsOf(first) });
    for (const file of ['release.json', 'open-data/changes.csv', 'site.json', 'manifest.json']) expect(again.outputs!.get(file), file).toBe(second.outputs!.get(file));
  }, 60_000);

  it('a third release carries the whole history forward', async () => {
    const third = await buildSite(sampleWith({ ...PLANTED, 'progress.csv': (t) => PLANTED['progress.csv']!(t).replace('2016-04,ZX2016-0012,已完工,61,16', '2016-04,ZX2016-0012,已完工,62,16') }), { isPublic: false, previous: outputsOf(second) });
    const r = release(third);
    expect(r.history.map((h) => h.id)).toEqual([r.id, release(second).id, release(first).id]);
    expect(r.history[1]!.summary).toEqual(release(second).summary);
    expect(r.changes!.revisions).toEqual([expect.objectContaining({ id: 'ZX2016-0012', month: '2016-04', field: 'progressPct', old: 61, new: 62 })]);
  }, 60_000);

  it.each([
    ['an empty folder', {}, '', 'not the output folder of a build (no manifest.json)'],
    ['another region', { 'site.json': (t: string) => t.replace('"region":{"code":"420324"', '"region":{"code":"420325"') }, '', 'it is the data of another region, 竹溪县 (420325), not 竹溪县 (420324)'],
    ['a build without release.json', { 'release.json': null }, '', 'no release.json: it was built before releases were recorded'],
    ['a public build', { 'release.json': (t: string) => t.replace('"isPublic":false', '"isPublic":true') }, '', 'it is a public build (--public) and this is a county build'],
    ['a town’s projects file missing', { 'projects/420324100.json': null }, '', 'projects/420324100.json is missing: the folder is not a whole build output'],
  ] as const)('a wrong PREV is a clear error: %s', async (_, patch, __, message) => {
    const files = first.outputs!;
    const prev: PreviousSource = {
      label: 'old',
      async read(path) {
        if (Object.keys(patch).length === 0) return null;
        const p = (patch as Record<string, ((t: string) => string) | null>)[path];
        const text = files.get(path);
        if (p === null || text === undefined) return null;
        return new TextEncoder().encode(p ? p(text) : text);
      },
    };
    const r = await buildSite(sampleWith(PLANTED), { isPublic: false, previous: prev });
    expect(r.fatal?.message).toContain(`--previous old: ${message}`);
    expect(r.outputs).toBeNull();
  }, 60_000);

  it('the very same release as PREV is an error', async () => {
    const r = await buildSite(sampleWith(), { isPublic: false, previous: outputsOf(first, 'public/data') });
    expect(r.fatal?.message).toBe(`--previous public/data: it is this very release (${release(first).id}: the same inputs); give the folder of the release before it`);
  }, 60_000);
});
