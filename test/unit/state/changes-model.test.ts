import { beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseFile } from '../../../src/contract/release';
import type { SiteData } from '../../../src/contract/site';
import { changesDocument, summaryText } from '../../../src/state/changes-model';
import type { ViewContext } from '../../../src/state/hash-codecs';
import { DEFAULT_VIEW, parseViewState } from '../../../src/state/view-state';
import { loadMiniSite } from '../../helpers/site';

const TOWN = '420324101';
const VILLAGE = '420324101201';
const project = (id: string, name: string) => ({ id, name, townCode: TOWN, villageCode: VILLAGE });

const RELEASE: ReleaseFile = {
  schemaVersion: 1,
  id: '2016-03-31-bbbbbbbb',
  date: '2016-03-31',
  previous: '2016-02-29-aaaaaaaa',
  counts: { towns: 2, villages: 3, projects: 5, months: 3 },
  summary: { added: 1, removed: 1, changedProjects: 1, changedFields: 1, revisions: 2, revisedProjects: 1, villages: 1 },
  region: { code: '420324', name: '竹溪县' },
  isPublic: false,
  changes: {
    added: [project('T-001', '双竹村茶叶基地')],
    removed: [project('T-900', '已撤销项目')],
    fields: [{ ...project('T-002', '双竹村垃圾收集'), field: 'budgetWan', old: 20, new: 25.5 }],
    revisions: [
      { ...project('T-001', '双竹村茶叶基地'), month: '2016-02', field: 'status', old: 'building', new: 'done' },
      { ...project('T-001', '双竹村茶叶基地'), month: '2016-02', field: 'progressPct', old: 40, new: 100 },
    ],
    villages: [{ code: VILLAGE, name: '双竹村委会', townCode: TOWN, field: 'isPoorVillage', old: true, new: false }],
  },
  history: [],
};
RELEASE.history = [
  { id: RELEASE.id, date: RELEASE.date, previous: RELEASE.previous, counts: RELEASE.counts, summary: RELEASE.summary },
  { id: '2016-02-29-aaaaaaaa', date: '2016-02-29', previous: null, counts: { towns: 2, villages: 3, projects: 5, months: 2 }, summary: null },
];

describe('changesDocument (更新记录)', () => {
  let site: SiteData;
  beforeAll(async () => {
    site = (await loadMiniSite()).site;
  });

  it('lists the revisions first, then added, changed, removed and villages, each value in words', () => {
    const doc = changesDocument(site, RELEASE, DEFAULT_VIEW);
    expect(doc.release).toBe('数据版本 2016-03-31-bbbbbbbb（数据截至 2016-03-31）');
    expect(doc.compared).toBe('与上一版本 2016-02-29-aaaaaaaa 相比：');
    expect(doc.sections.map((s) => [s.id, s.heading])).toEqual([
      ['revised', '往月月报被改写（2 处）'],
      ['added', '新增项目（1 个）'],
      ['fields', '项目信息变更（1 处）'],
      ['removed', '删除项目（1 个）'],
      ['villages', '村户数变更（1 处）'],
    ]);
    const [status, progress] = doc.sections[0]!.rows;
    expect(status).toMatchObject({ id: 'T-001', place: '蒋家堰镇 · 双竹村委会', month: '2016年2月', field: '状态', old: '在建', new: '已完工' });
    expect(progress).toMatchObject({ field: '形象进度(%)', old: '40', new: '100' });
    expect(doc.sections[2]!.rows[0]).toMatchObject({ field: '资金规模(万元)', old: '20', new: '25.5' });
    expect(doc.sections[4]!.rows[0]).toMatchObject({ field: '是否贫困村', old: '是', new: '否', tableHref: null });
    expect(doc.revisedNote).toContain('数据质量分');
  });

  it('links each project to the map and to its row in the projects table; a removed project to neither', () => {
    const doc = changesDocument(site, RELEASE, { ...DEFAULT_VIEW, lang: 'en' });
    const added = doc.sections.find((s) => s.id === 'added')!.rows[0]!;
    const ctx: ViewContext = { towns: new Set([TOWN]), villages: new Map([[VILLAGE, TOWN]]), projects: new Set(['T-001']), months: site.months, categories: [], tourStops: 0 };
    const parse = (hash: string) => parseViewState(hash, ctx).state;
    expect(parse(added.mapHref!)).toMatchObject({ view: 'map', town: TOWN, village: VILLAGE, project: 'T-001', lang: 'en' });
    expect(parse(added.tableHref!)).toMatchObject({ view: 'projects', town: TOWN, village: VILLAGE, project: 'T-001' });
    const removed = doc.sections.find((s) => s.id === 'removed')!.rows[0]!;
    expect([removed.mapHref, removed.tableHref]).toEqual([null, null]);
    expect(doc.sections[0]!.rows[0]).toMatchObject({ month: 'Feb 2016', field: 'Status', old: 'Building', new: 'Done' });
  });

  it('the history newest first, each with its summary in words; the first release says so', () => {
    const doc = changesDocument(site, RELEASE, DEFAULT_VIEW);
    expect(doc.history).toEqual([
      { id: '2016-03-31-bbbbbbbb', date: '2016-03-31', projects: 5, summary: '新增 1 个项目，删除 1 个项目，1 个项目信息变更，往月月报改写 2 处，1 个村户数变更', isLatest: true },
      { id: '2016-02-29-aaaaaaaa', date: '2016-02-29', projects: 5, summary: '第一个版本', isLatest: false },
    ]);
    expect(summaryText(RELEASE.history[0]!, 'en')).toBe('1 projects added, 1 removed, 1 projects changed, 2 past reports rewritten, 1 villages’ figures changed');
    const first = changesDocument(site, { ...RELEASE, previous: null, changes: null, summary: null }, DEFAULT_VIEW);
    expect([first.compared, first.sections, first.revisedNote]).toEqual(['这是第一个版本，没有更早的版本可比。', [], null]);
  });
});
