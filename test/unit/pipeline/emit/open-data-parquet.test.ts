import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../../../src/pipeline/build';
import { OPEN_DATA_TABLES } from '../../../../src/pipeline/emit/open-data';
import { parquetPieces, parquetValue, type ParquetColumn } from '../../../../src/pipeline/emit/open-data-parquet';
import { outputBytes, type OutputFile } from '../../../../src/pipeline/emit/output-file';
import { folderSource } from '../../../../scripts/lib/folder-source';
import { MINI } from '../../../helpers/fixtures';

type Row = Record<string, unknown>;

const csvRows = (text: string): string[][] => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

/** The file's bytes as the reader takes them. */
const arrayBuffer = (file: OutputFile): ArrayBuffer => {
  const bytes = outputBytes(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

async function readParquet(file: OutputFile): Promise<{ schema: SchemaElement[]; rows: Row[] }> {
  const buffer = arrayBuffer(file);
  return { schema: parquetMetadata(buffer).schema.slice(1), rows: await parquetReadObjects({ file: buffer }) };
}

/** A CSV cell as the Parquet column's type reads it: blank is null, a formula guard's apostrophe is the CSV's alone. */
function fromCsv(element: SchemaElement, cell: string): unknown {
  if (cell === '') return null;
  if (element.converted_type === 'UTF8') return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
  if (element.converted_type === 'DATE') return new Date(`${cell}T00:00:00Z`).getTime();
  if (element.type === 'BOOLEAN') return cell === '是' ? true : cell === '否' ? false : `not 是/否: ${cell}`;
  return Number(cell);
}
const fromParquet = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value ?? null);

/** The type each column has in Parquet, as DuckDB and pandas see it. */
function typeName(element: SchemaElement): string {
  if (element.converted_type === 'UTF8') return 'string';
  if (element.converted_type === 'DATE') return 'date';
  return (element.type ?? 'group').toLowerCase();
}

describe('the open data as Parquet', () => {
  let sample: BuildResult;
  beforeAll(async () => {
    sample = await buildSite(folderSource('data'));
    expect(sample.errorCount).toBe(0);
  }, 60_000);

  it.each(OPEN_DATA_TABLES)('%s.parquet holds the rows of the CSV, cell for cell, typed', async (table) => {
    const [header = [], ...rows] = csvRows(sample.outputs!.get(`open-data/${table}.csv`)!);
    const parquet = await readParquet(sample.files!.get(`open-data/${table}.parquet`)!);
    // Its columns are the CSV's, in order, under the dictionary's English names.
    const dictionary = csvRows(sample.outputs!.get('open-data/dictionary.csv')!).filter((d) => d[0] === `${table}.csv` && d[1] !== '');
    expect(dictionary.map((d) => d[1])).toEqual(header);
    expect(parquet.schema.map((e) => e.name)).toEqual(dictionary.map((d) => d[2]));
    expect(parquet.rows).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    for (let r = 0; r < rows.length; r++) {
      const csv = parquet.schema.map((e, k) => fromCsv(e, rows[r]![k]!));
      const read = parquet.schema.map((e) => fromParquet(parquet.rows[r]![e.name]));
      if (JSON.stringify(read) !== JSON.stringify(csv)) expect(read, `${table} row ${r + 2}`).toEqual(csv);
    }
  });

  it('types codes as text, money and rates as floats, counts as integers, dates as dates and 是/否 as booleans', async () => {
    const types = async (table: string) => Object.fromEntries((await readParquet(sample.files!.get(`open-data/${table}.parquet`)!)).schema.map((e) => [e.name, typeName(e)]));
    expect(await types('projects')).toMatchObject({ project_id: 'string', town_code: 'string', village_code: 'string', lon: 'double', budget_wan: 'double', start: 'date', due: 'date', hotline: 'string', beneficiary_households: 'int32', status: 'string' });
    expect(await types('villages')).toMatchObject({ village_code: 'string', town_code: 'string', households: 'int32', poor_village: 'boolean', exit_year: 'int32', budget_wan: 'double' });
    expect(await types('indicators')).toMatchObject({ month: 'string', level: 'string', code: 'string', industry: 'double', lag: 'double', quality: 'double' });
    expect(await types('progress')).toEqual({ month: 'string', project_id: 'string', status: 'string', progress_pct: 'double', spent_wan: 'double' });
  });

  it('is byte-identical when the same dataset is built again', async () => {
    const [a, b] = await Promise.all([buildSite(folderSource(MINI)), buildSite(folderSource(MINI))]);
    for (const table of OPEN_DATA_TABLES) {
      const name = `open-data/${table}.parquet`;
      expect(Buffer.compare(outputBytes(a.files!.get(name)!), outputBytes(b.files!.get(name)!)), name).toBe(0);
    }
  });
});

describe('parquetPieces', () => {
  const columns: ParquetColumn[] = [
    { name: 'code', kind: 'string' },
    { name: 'n', kind: 'int32' },
    { name: 'x', kind: 'double' },
    { name: 'day', kind: 'date' },
    { name: 'yes', kind: 'boolean' },
  ];
  const rows = [
    ['420324101001', 3, 1.25, '2016-07-01', '是'],
    ['=HYPERLINK("x")', null, null, null, null],
    ['', 0, 0, '2016-12-31', '否'],
    [null, 7, Number.NaN, '', null],
    ['007', -1, -0.5, '1970-01-01', '是'],
  ];
  const file = (rowsPerGroup: number, of = rows) => () => parquetPieces(columns, of, rowsPerGroup);

  it('writes a row group at a time and reads back the same rows, whatever the group size', async () => {
    const whole = await readParquet(file(100));
    const split = await readParquet(file(2));
    expect(parquetMetadata(arrayBuffer(file(2))).row_groups).toHaveLength(3);
    expect(split.rows).toEqual(whole.rows);
    expect(whole.rows.map((r) => ({ ...r, day: fromParquet(r.day) }))).toEqual([
      { code: '420324101001', n: 3, x: 1.25, day: Date.UTC(2016, 6, 1), yes: true },
      // Parquet keeps the text as written: the CSV's formula guard is for spreadsheets.
      { code: '=HYPERLINK("x")', n: null, x: null, day: null, yes: null },
      { code: null, n: 0, x: 0, day: Date.UTC(2016, 11, 31), yes: false },
      { code: null, n: 7, x: null, day: null, yes: null },
      { code: '007', n: -1, x: -0.5, day: 0, yes: true },
    ]);
  });

  it('writes a table with no rows as its columns alone', async () => {
    const empty = await readParquet(file(100, []));
    expect(empty.rows).toEqual([]);
    expect(empty.schema.map((e) => e.name)).toEqual(columns.map((c) => c.name));
  });

  it('reads a cell as its kind', () => {
    expect(parquetValue('string', 12317)).toBe('12317');
    expect(parquetValue('double', Number.POSITIVE_INFINITY)).toBeNull();
    expect(parquetValue('date', '2016-02-29')).toBe(Date.UTC(2016, 1, 29) / 86_400_000);
    expect(parquetValue('date', '2016-7-1')).toBeNull();
    expect(parquetValue('boolean', '不详')).toBeNull();
    // A date is YYYY-MM-DD with ASCII digits; Date.UTC's arithmetic rolls a month or day over, as before.
    for (const text of ['2016-06-30 ', ' 2016-06-30', '2016-06-30\n', '２016-06-30', '2016/06/30', '2016-06-3a', '-016-06-30']) expect(parquetValue('date', text), text).toBeNull();
    expect(parquetValue('date', '2016-13-01')).toBe(Date.UTC(2017, 0, 1) / 86_400_000);
    expect(parquetValue('date', '0099-01-01')).toBe(Date.UTC(99, 0, 1) / 86_400_000);
    expect(parquetValue('date', 20160630)).toBeNull();
    expect(parquetValue('int32', '')).toBeNull();
    expect(parquetValue('string', 0)).toBe('0');
  });

  it('writes the bytes the writer makes of the text as text, when it gives an all-ASCII plain column as bytes', () => {
    const table: ParquetColumn[] = [
      { name: 'id', kind: 'string' },
      { name: 'town', kind: 'string' },
      { name: 'name', kind: 'string', isFreeText: true },
      { name: 'x', kind: 'double' },
    ];
    // Ids of every group plain, some long (past a slab), one group with a Chinese id (kept as text), towns repeated (a dictionary).
    const many = Array.from({ length: 3_000 }, (_, i) => [i === 1_500 ? '项目1500' : i % 97 === 0 ? `P${i}-${'x'.repeat(5_000)}` : `P${String(i).padStart(7, '0')}`, i % 11 === 0 ? null : `4203241${i % 3}`, `项目 ${i} name`, i / 7]);
    // What the writer makes of the values as text, row group by row group, as parquetPieces wrote before it passed bytes.
    const asText = (rowsPerGroup: number): Buffer => {
      const writer = new ByteWriter();
      const schema: SchemaElement[] = [{ name: 'root', num_children: table.length }, ...table.map((c) => ({ name: c.name, type: c.kind === 'string' ? ('BYTE_ARRAY' as const) : ('DOUBLE' as const), ...(c.kind === 'string' ? { converted_type: 'UTF8' as const } : {}), repetition_type: 'OPTIONAL' as const }))];
      const parquet = new ParquetWriter({ writer, schema, codec: 'SNAPPY', createdBy: 'cunhu open data (hyparquet-writer)' });
      for (let start = 0; start < many.length; start += rowsPerGroup) {
        const group = many.slice(start, start + rowsPerGroup);
        void parquet.write({ columnData: table.map((c, k) => ({ name: c.name, data: group.map((r) => parquetValue(c.kind, r[k] ?? null)), statistics: !c.isFreeText })), rowGroupSize: group.length });
      }
      void parquet.finish();
      return Buffer.from(writer.getBytes());
    };
    for (const rowsPerGroup of [100, 1_000, 4_096]) {
      const bytes = Buffer.concat([...parquetPieces(table, many, rowsPerGroup)]);
      expect(bytes.equals(asText(rowsPerGroup)), `${rowsPerGroup} rows a group`).toBe(true);
    }
  });
});
