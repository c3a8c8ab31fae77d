import { booleanPointInPolygon } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS, PROJECTS } from '../../../src/contract/columns';
import type { SiteData } from '../../../src/contract/site';
import { buildSite, sourceFileOf, type DatasetSource } from '../../../src/pipeline/build';
import { CsvStream, parseCsv, type CsvProblem } from '../../../src/pipeline/read/csv-rows';
import { AreaIndex } from '../../../src/pipeline/geo/geometry';
import { readTable, readTableStream } from '../../../src/pipeline/read/read-table';
import type { RowReader } from '../../../src/pipeline/read/row-reader';
import type { TableResult } from '../../../src/pipeline/read/table-result';
import { TABLES } from '../../../src/pipeline/read/records';
import { folderSource } from '../../../scripts/lib/folder-source';
import { writeProvince } from '../../../scripts/bench/province';

const SMALL = { villages: 50, towns: 5, projects: 500 };

/** Every file under `dir`, by relative path, as bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else out.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

/** A dataset folder read into memory: with `read` only, or also streamed in chunks of `chunkBytes`. */
async function memorySource(dir: string, chunkBytes?: number): Promise<DatasetSource> {
  const files = await filesOf(dir);
  const bytesOf = (path: string): Uint8Array | null => {
    const b = files.get(path);
    return b ? new Uint8Array(b) : null;
  };
  const source: DatasetSource = { read: async (path) => bytesOf(path) };
  if (chunkBytes !== undefined) {
    source.open = async (path) => {
      const b = bytesOf(path);
      return b ? sourceFileOf(b, chunkBytes) : null;
    };
  }
  return source;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cunhu-province-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the synthetic province (scripts/bench/province.ts)', () => {
  it('is the same, byte for byte, for the same options, and different for another seed', async () => {
    const a = join(scratch, 'a');
    const b = join(scratch, 'b');
    const c = join(scratch, 'c');
    const summary = writeProvince(a, SMALL);
    writeProvince(b, SMALL);
    writeProvince(c, { ...SMALL, seed: 7 });
    const [fa, fb, fcs] = await Promise.all([filesOf(a), filesOf(b), filesOf(c)]);
    expect([...fa.keys()].sort()).toEqual(['atlas.config.json', 'boundaries/county.geojson', 'boundaries/towns.geojson', 'progress.csv', 'projects.csv', 'villages.csv']);
    for (const [path, bytes] of fa) expect(bytes.equals(fb.get(path)!), path).toBe(true);
    expect(fa.get('projects.csv')!.equals(fcs.get('projects.csv')!)).toBe(false);
    const lines = (path: string): number => fa.get(path)!.toString('utf8').trimEnd().split('\r\n').length;
    expect([lines('villages.csv'), lines('projects.csv'), lines('progress.csv')]).toEqual([51, 501, 501]);
    expect(summary).toMatchObject({ towns: 5, villages: 50, projects: 500, progressRows: 500 });
    expect(summary.bytes['projects.csv']).toBe(fa.get('projects.csv')!.length);
  });

  it('writes the contract headers in English by default, in Chinese on request', async () => {
    const zh = join(scratch, 'zh');
    writeProvince(zh, { ...SMALL, headers: 'zh' });
    const header = (dir: string) => readFile(join(dir, 'projects.csv'), 'utf8').then((t) => t.split('\r\n')[0]);
    expect(await header(join(scratch, 'a'))).toBe(`\uFEFF${PROJECTS.columns.map((col) => col.name).join(',')}`);
    expect(await header(zh)).toBe(`\uFEFF${PROJECTS.columns.map((col) => col.zh).join(',')}`);
  });

  it('builds with no errors, streamed from disk, read whole, or streamed in 13-byte chunks, to the same site data', async () => {
    const dir = join(scratch, 'a');
    const fromDisk = await buildSite(folderSource(dir));
    expect(fromDisk.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(fromDisk.errorCount).toBe(0);
    expect(fromDisk.inputs['projects.csv']?.rows).toEqual({ read: 500, used: 500, rejected: 0, skipped: 0 });
    expect(fromDisk.inputs['progress.csv']?.rows).toEqual({ read: 500, used: 500, rejected: 0, skipped: 0 });
    const outputs = fromDisk.outputs!;
    const manifest = JSON.parse(outputs.get('manifest.json')!) as { counts: Record<string, number> };
    expect(manifest.counts).toEqual({ towns: 5, villages: 50, projects: 500, months: 6 });
    for (const source of [await memorySource(dir), await memorySource(dir, 13)]) {
      const other = await buildSite(source);
      expect(other.outputs).toEqual(outputs);
    }
  });

  it('counts projects and budgets per village and town as one filter per place would', async () => {
    const dir = join(scratch, 'a');
    const site = JSON.parse((await buildSite(folderSource(dir))).outputs!.get('site.json')!) as SiteData;
    // The generated file lists projects by id, which is the order the build adds them in.
    const [header, ...rows] = (await readFile(join(dir, 'projects.csv'), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    for (const v of site.villages) {
      const mine = rows.filter((r) => r[col('village_code')] === v.code);
      expect([v.projectCount, v.budgetWan]).toEqual([mine.length, r2(mine.reduce((n, r) => n + Number(r[col('budget_wan')]), 0))]);
    }
    for (const t of site.towns) {
      const mine = rows.filter((r) => r[col('town_code')] === t.code);
      expect([t.projectCount, t.budgetWan]).toEqual([mine.length, r2(mine.reduce((n, r) => n + Number(r[col('budget_wan')]), 0))]);
      expect(t.villageCount).toBe(site.villages.filter((v) => v.townId === t.id).length);
      expect(t.households).toBe(site.villages.filter((v) => v.townId === t.id).reduce((n, v) => n + (v.households ?? 0), 0));
    }
  });
});

describe('reading a table as it streams', () => {
  const HEADER = '月份,项目编号,状态,形象进度(%),已拨付(万元)';
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `2016-05,P${from + i},在建,${(i * 7) % 100},${i % 13}`).join('\r\n');
  const utf16le = (s: string): Uint8Array => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) [out[2 + 2 * i], out[3 + 2 * i]] = [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8];
    return out;
  };
  const cases: [string, Uint8Array][] = [
    ['a BOM, title rows, blank and summary rows, blank rows at the end', utf8(`\uFEFF竹溪县项目进度\r\n单位：万元,,,,\r\n${HEADER}\r\n${rows(20)}\r\n,,,,\r\n合计,,,,9\r\n${rows(5, 40)}\r\n\r\n,,,,\r\n`)],
    ['cells quoted across lines, with commas and doubled quotes', utf8(`${HEADER},备注\n${rows(3).replaceAll('\r\n', ',"多\n行, ""引号"""\n')}\n2016-06,P9,已完工,100,1,"x"\n`)],
    ['a stray quote late in the file (the file is refused)', utf8(`${HEADER}\n${rows(40)}\n2016-05,P99,"在建"x,1,1\n${rows(3, 100)}\n`)],
    ['a mobile number late in a column the contract does not know (refused)', utf8(`${HEADER},说明\n${rows(35).replaceAll('\r\n', ',无\r\n')},无\r\n2016-05,P77,在建,1,1,13812345678\r\n`)],
    ['GBK, told apart from UTF-8 only by its last bytes', new Uint8Array([...utf8(`month,project_id,status\n${Array.from({ length: 60 }, (_, i) => `2016-05,P${i},planned`).join('\n')}\n2016-05,P`), 0xb4, 0xe5, ...utf8(',planned\n')])],
    ['UTF-16 with its BOM', utf16le(`${HEADER}\r\n${rows(12)}\r\n`)],
    ['a header below the first 30 rows (not found)', utf8(`${'x\n'.repeat(31)}${HEADER}\n${rows(2)}\n`)],
    ['nothing but blank rows', utf8(',,,\r\n\r\n ,\r\n')],
    ['a required column missing', utf8(`月份,项目编号\n${rows(3)}\n`)],
    ['more than a megabyte of rows (parsed in pieces)', utf8(`${HEADER}\n${rows(40_000)}\n`)],
    ['megabytes of Chinese text, its characters cut at every slice', utf8(`${HEADER},备注\n${rows(60_000).replaceAll('\r\n', ',竹溪县蒋家堰镇\r\n')},中\n`)],
    ['megabytes of UTF-16', utf16le(`${HEADER},备注\r\n${rows(30_000).replaceAll('\r\n', ',水坪镇\r\n')},中\r\n`)],
  ];
  const build = (r: RowReader) => TABLES.progress.build(r);

  // A large file is also read in the build's own chunks of a megabyte, each decoded in slices (read-table.ts, DECODE_BYTES).
  it.each(cases)('%s: the same table from chunks of 1, 7 or 4096 bytes (or a megabyte) as from all the bytes', async (_name, bytes) => {
    const whole = readTable(PROGRESS, bytes, build);
    for (const size of bytes.length > 100_000 ? [4096, 65_536, 1 << 20] : [1, 7, 4096]) {
      const { isEmptyText, ...streamed } = await readTableStream(PROGRESS, sourceFileOf(bytes, size), build);
      expect(isEmptyText).toBe(false);
      expect(streamed as TableResult<unknown>).toEqual(whole);
    }
  });

  it('says when a file holds nothing but white space', async () => {
    for (const text of ['', '\uFEFF', ' \r\n\t\r\n']) {
      const t = await readTableStream(PROGRESS, sourceFileOf(utf8(text), 1), build);
      expect(t.isEmptyText).toBe(true);
    }
    expect((await readTableStream(PROGRESS, sourceFileOf(utf8(',\r\n'), 1), build)).isEmptyText).toBe(false);
  });
});

describe('CsvStream', () => {
  // A megabyte of text first (one long cell, then plain rows), so the line break and separator are
  // guessed from the same text in both readings; then text with every kind of trouble, in small pieces.
  const LEAD = `${'x'.repeat(1 << 20)},b,c\n${'a,b,c\n'.repeat(10)}`;
  const piece = fc.string({ unit: fc.constantFrom('x', '中', ',', '"', '\n', '\r', ' ', ';'), maxLength: 120 });

  it('gives the rows and problems of Papa.parse over the whole text, cut anywhere', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (pieces, size) => {
        const text = LEAD + pieces.join('');
        const rows: string[][] = [];
        const problems: CsvProblem[] = [];
        const csv = new CsvStream((cells) => rows.push(cells), (p) => problems.push(p), size);
        csv.push(LEAD);
        for (const p of pieces) for (let at = 0; at < p.length; at += 5) csv.push(p.slice(at, at + 5));
        csv.end();
        const whole = Papa.parse<string[]>(text, { skipEmptyLines: false, header: false });
        expect(rows).toEqual(whole.data);
        expect(problems).toEqual(parseCsv(text).problems);
        expect(new Set(problems.map((p) => `${p.row} ${p.message}`)).size).toBe(problems.length);
        const papaRows = new Set(whole.errors.map((e) => (e.row === undefined ? 0 : e.row + 1)));
        for (const p of problems) expect(papaRows.has(p.row)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('AreaIndex', () => {
  const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4, 4), square(1, 1, 2, 2).reverse()] };
  const parts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(5, 0, 6, 1)], [[[7, 0], [9, 0.5], [7.3, 3.7], [7, 0]]]] };

  it('answers as booleanPointInPolygon does, boundaries and vertices included', () => {
    const areas = [withHole, parts];
    const index = new AreaIndex(areas);
    const points: number[][] = [];
    for (const g of areas) {
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i]!, ring[i + 1]!];
          points.push(a, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], [a[0]! + 1e-12, a[1]!]);
        }
      }
    }
    fc.assert(
      fc.property(fc.double({ min: -1, max: 10, noNaN: true }), fc.double({ min: -1, max: 5, noNaN: true }), (x, y) => {
        expect(index.contains([x, y])).toBe(areas.some((g) => booleanPointInPolygon([x, y], g)));
      }),
      { numRuns: 3000 },
    );
    for (const p of points) expect(index.contains(p), String(p)).toBe(areas.some((g) => booleanPointInPolygon(p, g)));
  });
});
