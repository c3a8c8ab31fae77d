import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../../../../src/contract/records';
import { readProgress, readProjects } from '../../../../src/pipeline/read/records';
import { RecordColumns } from '../../../../src/pipeline/read/record-columns';
import { ProjectRecordColumns } from '../../../../src/pipeline/read/project-records';
import { StringPool, detach } from '../../../../src/pipeline/read/string-pool';
import { blankFields } from '../../../helpers/project-row';

const record = (id: string, patch: Partial<ProjectRecord> = {}): ProjectRecord => ({
  ...blankFields(),
  row: 2, projectId: id, projectName: `项目${id}`, category: '产业发展', townCode: '420324101', townName: null, villageCode: null, villageName: null,
  lon: null, lat: null, toLon: null, toLat: null, budgetWan: 10, start: '2016-01-01', due: '2016-12-31',
  ...patch,
});

describe('projects.csv kept as columns (issue 23)', () => {
  it('gives back each record as it was pushed, blanks as null', () => {
    const records = [record('P1', { lon: 109.7, lat: 32.3, beneficiaryHouseholds: 12, content: '新建道路' }), record('P2', { row: 3, jobs: 0, villageCode: '420324101001' })];
    const store = ProjectRecordColumns.of(records);
    expect(store.length).toBe(2);
    expect(store.at(0)).toEqual(records[0]);
    expect(store.at(1)).toEqual(records[1]);
    expect([...store]).toEqual(records);
    expect(store.at(2)).toBeUndefined();
    expect(store.at(-1)).toBeUndefined();
    expect(ProjectRecordColumns.of(store)).toBe(store);
  });

  it('is what the table reader keeps projects.csv in, whatever the reader', () => {
    const t = readProjects(new TextEncoder().encode('project_id,project_name,category,town_code,budget_wan,start,due,jobs\nP1,甲,产业发展,420324101,5,2016-01-01,2016-06-30,\nP2,乙,产业发展,420324101,7.5,2016-02-01,2016-06-30,3\n'));
    expect(t.records).toBeInstanceOf(ProjectRecordColumns);
    expect(t.records.at(0)).toMatchObject({ row: 2, projectId: 'P1', budgetWan: 5, jobs: null });
    expect(t.records.at(1)).toMatchObject({ row: 3, projectId: 'P2', budgetWan: 7.5, jobs: 3 });
  });

  it('reads a number column in turn without making records: what each record would say, a blank as null', () => {
    const records = Array.from({ length: 70_000 }, (_, k) => record(`P${k}`, { row: k + 2, jobs: k % 3 === 0 ? null : k / 2 }));
    const store = ProjectRecordColumns.of(records);
    const seen: (number | null)[] = [];
    // The indexes checked once at the end: 70,000 expect calls took seconds on a loaded machine.
    const outOfTurn: number[] = [];
    store.eachNumber('jobs', (value, k) => {
      if (k !== seen.length) outOfTurn.push(k);
      seen.push(value);
    });
    expect(outOfTurn).toEqual([]);
    expect(seen).toEqual(records.map((r) => r.jobs));
    expect(() => store.eachNumber('projectName' as never, () => undefined)).toThrow(/not kept as numbers/);
    // 70,000 records made and compared: seconds on a loaded machine, more than the default 5.
  }, 30_000);

  it('makes records of chosen fields alone, the same values as the whole record, over more than one chunk', () => {
    const records = Array.from({ length: 70_000 }, (_, k) => record(`P${k}`, { row: k + 2, lon: k % 5 === 0 ? null : 109 + k / 1e6, townName: k % 2 ? '龙坝镇' : null }));
    const store = ProjectRecordColumns.of(records);
    const pick = store.picker(['row', 'projectId', 'lon', 'townName']);
    for (const k of [0, 1, 65_535, 65_536, 69_999]) {
      const r = records[k]!;
      expect(pick(k)).toEqual({ row: r.row, projectId: r.projectId, lon: r.lon, townName: r.townName });
    }
    expect(Object.keys(pick(3))).toEqual(['row', 'projectId', 'lon', 'townName']);
    expect(() => pick(70_000)).toThrow(RangeError);
  }, 30_000);

  it('takes a column in a given order and then no longer makes records', () => {
    const store = ProjectRecordColumns.of([record('P1', { budgetWan: 1 }), record('P2', { budgetWan: 2 }), record('P3', { budgetWan: 3, jobs: 4 })]);
    expect([...store.takeNumbers('budgetWan', [2, 0])]).toEqual([3, 1]);
    expect([...store.takeNumbers('jobs', [2, 1])]).toEqual([4, Number.NaN]);
    expect(store.takeTexts('projectId', [1])).toEqual(['P2']);
    expect(() => store.at(0)).toThrow(/has been taken/);
  });
});

describe('the strings kept from a file', () => {
  it('detach gives an equal string, a lone surrogate included', () => {
    const file = `前缀,${'示例村08238就业创业项目0000001'},\ud800孤立代理项目名称很长很长,后缀`;
    for (const cell of file.split(',')) expect(detach(cell)).toBe(cell);
  });

  it('detach keeps only the cell, not the text it was cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cells = 50_000;
    const kept: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let c = 0; c < cells; c += 1000) {
      // A piece of a file, about 300 KB, and a cell cut from each of its lines.
      const piece = Array.from({ length: 1000 }, (_, k) => `SL2016-${String(c + k).padStart(7, '0')}-示例项目名称,${'甲'.repeat(150)}\n`).join('');
      let at = 0;
      for (let k = 0; k < 1000; k++) {
        kept.push(detach(piece.slice(at, piece.indexOf(',', at))));
        at = piece.indexOf('\n', at) + 1;
      }
    }
    gc();
    gc();
    const perCell = (process.memoryUsage().heapUsed - before) / cells;
    expect(kept[12_345]).toBe('SL2016-0012345-示例项目名称');
    // A flat copy is about 70 bytes and the list's slot 8; a view would keep its piece, about 330 bytes a cell.
    expect(perCell).toBeLessThan(160);
  });

  it('pools a column of tens of thousands of repeated values, and stops pooling one whose values are all distinct', () => {
    const pool = new StringPool();
    const code = (k: number) => `4203241${String(k).padStart(5, '0')}`;
    const first = new Map<string, string>();
    for (let round = 0; round < 3; round++) {
      for (let k = 0; k < 30_000; k++) {
        const kept = pool.keep('village_code', `${code(k)}x`.slice(0, -1));
        if (round === 0) first.set(kept, kept);
        // The same copy every time the value comes again: one string per village.
        else expect(Object.is(kept, first.get(kept))).toBe(true);
      }
    }
    const ids: string[] = [];
    for (let k = 0; k < 70_000; k++) ids.push(pool.keep('project_id', `SL2016-${String(k).padStart(7, '0')}`));
    expect(new Set(ids).size).toBe(70_000);
    expect((pool as unknown as { columns: Map<string, { map: unknown }> }).columns.get('project_id')!.map).toBeNull();
    expect((pool as unknown as { columns: Map<string, { map: unknown }> }).columns.get('village_code')!.map).not.toBeNull();
  });
});

describe('progress.csv kept as columns', () => {
  it('gives back each row as read, over more than one chunk of 65,536', () => {
    const rows = Array.from({ length: 70_000 }, (_, k) => `2016-0${(k % 6) + 1},SL2016-${String(k).padStart(7, '0')},在建,${k % 100},${k % 7 === 0 ? '' : (k % 50) / 4}`);
    const t = readProgress(new TextEncoder().encode(`month,project_id,status,progress_pct,spent_wan\n${rows.join('\n')}\n`));
    expect(t.records).toBeInstanceOf(RecordColumns);
    expect(t.records.length).toBe(70_000);
    for (const k of [0, 7, 65_535, 65_536, 69_999]) {
      expect(t.records.at(k)).toEqual({ row: k + 2, month: `2016-0${(k % 6) + 1}`, projectId: `SL2016-${String(k).padStart(7, '0')}`, status: 'building', progressPct: k % 100, spentWan: k % 7 === 0 ? null : (k % 50) / 4 });
    }
  });
});
