import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../../../src/contract/columns';
import type { ProgressRecord, ProjectRecord } from '../../../../src/contract/records';
import { JoinLog, zeroJoins } from '../../../../src/pipeline/join/join-log';
import { joinProgress } from '../../../../src/pipeline/join/progress';
import { projectColumns } from '../../../helpers/project-columns';
import { reportsOf } from '../../../../src/pipeline/progress-columns';
import type { TableResult } from '../../../../src/pipeline/read/table-result';
import { blankFields } from '../../../helpers/project-row';
import { buildMiniWith, miniConfigWith, miniText } from '../mini-source';

const HEADER = '月份,项目编号,状态,形象进度(%),已拨付(万元)';

/** The mini progress.csv with rows appended (rows 15, 16, … in spreadsheet numbering). */
async function progressWith(...rows: string[]): Promise<string> {
  return (await miniText('progress.csv')) + rows.map((r) => `${r}\n`).join('');
}

describe('progress months outside the data period', () => {
  // Mini: projects start from 2016-01, the last is due 2016-12, dataDate is 2016-03-31.
  it.each([
    ['a typo year long before', '1916-01', "progress.csv:15:月份: error: month 1916-01 is outside the data's period 2016-01 … 2016-03 (from the first project start to the data date 2016-03-31)"],
    ['a month before the first start', '2015-12', "progress.csv:15:月份: error: month 2015-12 is outside the data's period 2016-01 … 2016-03 (from the first project start to the data date 2016-03-31)"],
    ['a month after the data date', '2016-04', "progress.csv:15:月份: error: month 2016-04 is outside the data's period 2016-01 … 2016-03 (from the first project start to the data date 2016-03-31)"],
    ['a typo year far after', '2106-03', "progress.csv:15:月份: error: month 2106-03 is outside the data's period 2016-01 … 2016-03 (from the first project start to the data date 2016-03-31)"],
  ])('rejects %s', async (_name, month, line) => {
    const { result, lines } = await buildMiniWith({ 'progress.csv': await progressWith(`${month},T-001,在建,80,70`) });
    expect(lines).toContain(line);
    expect(result.errorCount).toBe(1);
    expect(result.inputs['progress.csv']?.rows).toEqual({ read: 14, used: 13, rejected: 1, skipped: 0 });
  });

  it('without a data date, allows up to 24 months after the last planned completion', async () => {
    const config = await miniConfigWith({ dataDate: undefined });
    const ok = await buildMiniWith({ 'atlas.config.json': config, 'progress.csv': await progressWith('2018-12,T-005,在建,90,100') });
    expect(ok.result.errorCount).toBe(0);
    expect(JSON.parse(ok.result.outputs?.get('manifest.json') ?? '{}').counts.months).toBe(36);
    const late = await buildMiniWith({ 'atlas.config.json': config, 'progress.csv': await progressWith('2019-01,T-005,在建,90,100') });
    expect(late.lines).toContain(
      "progress.csv:15:月份: error: month 2019-01 is outside the data's period 2016-01 … 2018-12 (from the first project start to 24 months after the last planned completion)",
    );
  });

  it('refuses a project date outside 1978–2100 so it cannot stretch the period', async () => {
    const projects = (await miniText('projects.csv')).replace('T-001,双竹村茶叶基地,产业发展,420324101,420324101201,109.61,32.21,新建茶园200亩,100,财政专项扶贫资金,2016-01-01', 'T-001,双竹村茶叶基地,产业发展,420324101,420324101201,109.61,32.21,新建茶园200亩,100,财政专项扶贫资金,1916-01-01');
    const { lines } = await buildMiniWith({ 'projects.csv': projects });
    expect(lines).toContain('projects.csv:2:开工时间: error: 1916-01-01 is not a date from 1978 to 2100');
  });
});

describe('progress for a project rejected in projects.csv', () => {
  it('names the rejected row instead of saying the project does not exist', async () => {
    const projects = (await miniText('projects.csv')).replace('垃圾收集点5处,20,', '垃圾收集点5处,-20,');
    const { lines } = await buildMiniWith({ 'projects.csv': projects });
    expect(lines).toEqual([
      'progress.csv:3:项目编号: error: project T-002 was rejected in projects.csv (row 3); fix that row first',
      'progress.csv:7:项目编号: error: project T-002 was rejected in projects.csv (row 3); fix that row first',
      'projects.csv:3:资金规模(万元): error: -20 is below 0',
    ]);
  });

  it('still says "not in projects.csv" for an id that is nowhere', async () => {
    const { lines } = await buildMiniWith({ 'progress.csv': await progressWith('2016-03,T-999,在建,10,1') });
    expect(lines).toEqual(['progress.csv:15:项目编号: error: project T-999 is not in projects.csv']);
  });
});

describe('progress going down', () => {
  it.each([
    ['progress', [['2016-03,T-001,在建,70,60', '2016-03,T-001,在建,40,60']], 'progress.csv:10:形象进度(%): warning: progress 40% is less than the 50% reported for 2016-02'],
    ['spending', [['2016-03,T-001,在建,70,60', '2016-03,T-001,在建,70,45']], 'progress.csv:10:已拨付(万元): warning: spent 45 万元 is less than the 50 万元 reported for 2016-02'],
    [
      'progress, past a month left blank',
      [['2016-02,T-001,在建,50,50', '2016-02,T-001,在建,,50'], ['2016-03,T-001,在建,70,60', '2016-03,T-001,在建,15,60']],
      'progress.csv:10:形象进度(%): warning: progress 15% is less than the 20% reported for 2016-01',
    ],
  ])('warns at the row when %s goes down, naming the previous month and value', async (_name, edits, line) => {
    let text = await miniText('progress.csv');
    for (const [from, to] of edits) text = text.replace(from!, to!);
    const { result, lines } = await buildMiniWith({ 'progress.csv': text });
    expect(lines).toEqual([line]);
    expect(result.errorCount).toBe(0);
  });
});

describe('optional files that are empty', () => {
  it.each([
    ['a 0-byte progress.csv', 'progress.csv', '', 'progress.csv:0:: warning: progress.csv is empty: every project is shown as not started'],
    ['a progress.csv with only a BOM', 'progress.csv', '\uFEFF', 'progress.csv:0:: warning: progress.csv is empty: every project is shown as not started'],
    ['a header-only progress.csv', 'progress.csv', `\uFEFF${HEADER}\r\n`, 'progress.csv:0:: warning: no progress rows: every project is shown as not started'],
    ['a missing progress.csv', 'progress.csv', null, 'progress.csv:0:: warning: no progress.csv: every project is shown as not started'],
    ['a 0-byte households.csv', 'households.csv', '', "households.csv:0:: warning: households.csv is empty: household coverage is estimated from the projects' beneficiary counts"],
    ['a header-only households.csv', 'households.csv', 'household_key,village_code,poor\n', "households.csv:0:: warning: no household rows: household coverage is estimated from the projects' beneficiary counts"],
  ])('%s is a warning, and the site is still built', async (_name, file, text, line) => {
    const { result, lines } = await buildMiniWith({ [file]: text });
    expect(lines).toEqual([line]);
    expect(result.outputs).not.toBeNull();
  });

  it('a 0-byte required file is an error', async () => {
    const { result, lines } = await buildMiniWith({ 'villages.csv': '' });
    expect(lines).toContain('villages.csv:0:: error: villages.csv is empty');
    expect(result.outputs).toBeNull();
  });
});

describe('joinProgress into columns (issue 23)', () => {
  const record = (id: string, row: number): ProjectRecord => ({ ...blankFields(), row, projectId: id, projectName: id, category: 'industry', townCode: '420324101', townName: null, villageCode: null, villageName: null, lon: null, lat: null, toLon: null, toLat: null, budgetWan: 100, start: '2016-01-01', due: '2016-12-31' });
  const projectRecords = ['P1', 'P2', 'P3'].map((id, index) => record(id, index + 2));
  const projects = projectColumns(projectRecords.map((r) => ({ record: r, category: 0, town: 0, village: -1, point: null, hasOwnPoint: false, to: null, isJoinedByCode: true })));
  const table = <T>(file: string, records: T[]): TableResult<T> => ({ file, records, issues: [], counts: { read: records.length, used: records.length, rejected: 0, skipped: 0 }, encoding: 'utf-8', headers: new Map(), isReadable: true, rejectedKeys: new Map() });
  /** Progress rows from row 2 down: [month, project, status, progressPct, spentWan]. */
  const join = (rows: [string, string, ProgressRecord['status'], number | null, number | null][]) => {
    const log = new JoinLog();
    const records = rows.map(([month, projectId, status, progressPct, spentWan], k): ProgressRecord => ({ row: k + 2, month, projectId, status, progressPct, spentWan }));
    const t = table('progress.csv', records);
    const c = joinProgress(log, t, projects, table('projects.csv', projectRecords), null, zeroJoins());
    return { c, t, messages: log.issues.map((i) => `${i.row}:${i.column}:${i.level}:${i.key}`) };
  };

  it("puts each project's rows in one range, ascending by month, whatever the table's order", () => {
    const { c, messages } = join([
      ['2016-03', 'P2', 'building', 30, 20],
      ['2016-02', 'P1', 'building', 20, 10],
      ['2016-01', 'P1', 'planned', 0, 0],
      ['2016-01', 'P2', 'building', 10, null],
      ['2016-03', 'P1', 'done', null, 60],
    ]);
    expect(messages).toEqual([]);
    expect([...c.offsets]).toEqual([0, 3, 5, 5]);
    expect(c.months).toEqual(['2016-01', '2016-02', '2016-03']);
    expect([...c.month]).toEqual([0, 1, 2, 0, 2]);
    expect([...c.row]).toEqual([4, 3, 6, 5, 2]);
    expect([...c.status].map((s) => STATUSES[s])).toEqual(['planned', 'building', 'done', 'building', 'building']);
    expect([...c.progressPct]).toEqual([0, 20, Number.NaN, 10, 30]);
    expect([...c.spentWan]).toEqual([0, 10, 60, Number.NaN, 20]);
  });

  it('reads a project through its view, a blank cell as null, a project without reports as empty', () => {
    const { c } = join([
      ['2016-02', 'P1', 'building', null, 10],
      ['2016-01', 'P1', 'building', 5, null],
    ]);
    const p1 = reportsOf(c, 0);
    expect(Array.from({ length: p1.length }, (_, k) => [p1.month(k), p1.status(k), p1.progressPct(k), p1.spentWan(k)])).toEqual([
      ['2016-01', 'building', 5, null],
      ['2016-02', 'building', null, 10],
    ]);
    expect(reportsOf(c, 2).length).toBe(0);
  });

  it('rejects a second report of a month, naming the first, and warns on a decrease in month order', () => {
    const { c, t, messages } = join([
      ['2016-02', 'P1', 'building', 40, 10],
      ['2016-01', 'P1', 'building', 50, 5],
      ['2016-02', 'P1', 'building', 45, 12],
    ]);
    expect(messages).toEqual(['4:month:error:reportTwice', '2:progress_pct:warning:progressBackward']);
    expect(t.counts).toEqual({ read: 3, used: 2, rejected: 1, skipped: 0 });
    expect([...c.row]).toEqual([3, 2]);
  });

  it('finds a second report among a project with many months (looked up in a map of its own)', () => {
    const months = Array.from({ length: 30 }, (_, k) => `${2016 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
    const { c, messages } = join([...months.map((m, k): [string, string, 'building', number, number] => [m, 'P3', 'building', k, k]), ['2016-05', 'P3', 'building', 99, 99], [months[29]!, 'P3', 'building', 99, 99]]);
    expect(messages).toEqual(['32:month:error:reportTwice', '33:month:error:reportTwice']);
    expect([...c.offsets]).toEqual([0, 0, 0, 30]);
    expect(c.months).toEqual(months);
  });
});
