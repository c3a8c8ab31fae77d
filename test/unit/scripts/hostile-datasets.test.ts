import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli as run, filesOf } from '../../helpers/data-cli';
import { datasetWith } from '../../helpers/fixtures';
import { craftZip, deflatedSpaces } from '../pipeline/read/crafted-zip';

// Issue 24, every crafted or careless dataset as the CLI meets it: each gives a located error (or
// warning), exits 1 or 2, prints no stack trace, and leaves the last good output whole.

type Edit = (dir: string) => Promise<void>;

const text = (dir: string, path: string) => readFile(join(dir, path), 'utf8');
const json = async (dir: string, path: string) => JSON.parse(await text(dir, path)) as Record<string, unknown> & { features: { geometry: { coordinates: number[][][] } }[] };
const replaceIn = (path: string, from: string, to: string): Edit => async (dir) => {
  const before = await text(dir, path);
  expect(before.includes(from), `${path} holds ${from}`).toBe(true);
  await writeFile(join(dir, path), before.replace(from, to));
};
const configWith = (patch: (c: Record<string, unknown>) => void): Edit => async (dir) => {
  const c = await json(dir, 'atlas.config.json');
  patch(c);
  await writeFile(join(dir, 'atlas.config.json'), JSON.stringify(c, null, 2));
};
const vertex = (lonLat: [number, number] | string): Edit => async (dir) => {
  const raw = await text(dir, 'boundaries/towns.geojson');
  await writeFile(join(dir, 'boundaries/towns.geojson'), raw.replace('[109.75,32.0]', typeof lonLat === 'string' ? lonLat : JSON.stringify(lonLat)));
};
const camera = (center: unknown, zoom = 10): Edit => configWith((c) => {
  c.tour = [{ camera: { center, zoom, bearing: 0, pitch: 0 }, indicator: 'industry', month: '2016-02', title: { zh: '全县', en: 'County' }, text: { zh: ['看'], en: ['Look'] } }];
});
const MB = 1024 * 1024;
const GB = 1024 * MB;
const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const book = (sheet: Uint8Array | { compressed: Uint8Array; declaredBytes: number }) =>
  craftZip({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': sheet,
    'xl/sharedStrings.xml': strToU8('<sst></sst>'),
  });
const villagesXlsx = (bytes: Uint8Array): Edit => async (dir) => {
  const { rm } = await import('node:fs/promises');
  await rm(join(dir, 'villages.csv'));
  await writeFile(join(dir, 'villages.xlsx'), bytes);
};

interface Case {
  name: string;
  edit: Edit;
  /** What the located line starts with: FILE:ROW:COLUMN: level: (a prefix is enough). */
  line: RegExp;
  code: 1 | 2;
}

const CASES: Case[] = [
  { name: 'a boundary vertex at longitude 1098.8', edit: vertex([1098.8, 32.0]), line: /^boundaries\/towns\.geojson:\d+:features\[0\][^:]*: error: vertex \d+ of 蒋家堰镇 is at longitude 1098\.8/, code: 1 },
  { name: 'a boundary vertex at [1e308, 1e308]', edit: vertex('[1e308,1e308]'), line: /^boundaries\/towns\.geojson:\d+:features\[0\][^:]*: error: /, code: 1 },
  { name: 'a boundary vertex in the wrong hemisphere', edit: vertex([-109.75, 32.0]), line: /^boundaries\/towns\.geojson:\d+:features\[0\][^:]*: error: /, code: 1 },
  { name: 'a tour camera with latitude and longitude swapped', edit: camera([32.3, 109.7]), line: /^atlas\.config\.json:\d+:tour\[0\]\.camera\.center: error: .*swapped/, code: 1 },
  { name: 'a tour camera out of range', edit: camera([500, 32.3]), line: /^atlas\.config\.json:\d+:tour\[0\]\.camera\.center: error: /, code: 1 },
  { name: 'a tour camera zoomed to 1e9', edit: camera([109.7, 32.3], 1e9), line: /^atlas\.config\.json:\d+:tour\[0\]\.camera\.zoom: error: /, code: 1 },
  { name: 'a budget of 1e308', edit: replaceIn('projects.csv', ',100,财政专项扶贫资金', ',1e308,财政专项扶贫资金'), line: /^projects\.csv:2:资金规模\(万元\): error: /, code: 1 },
  { name: 'a budget that is not finite', edit: replaceIn('projects.csv', ',100,财政专项扶贫资金', ',1e309,财政专项扶贫资金'), line: /^projects\.csv:2:资金规模\(万元\): error: /, code: 1 },
  { name: 'money paid 1e308', edit: replaceIn('progress.csv', '2016-01,T-001,在建,20,20', '2016-01,T-001,在建,20,1e308'), line: /^progress\.csv:2:已拨付\(万元\): error: /, code: 1 },
  { name: 'households 1e300', edit: replaceIn('villages.csv', '109.6,32.2,400,1300', '109.6,32.2,1e300,1300'), line: /^villages\.csv:2:总户数: error: /, code: 1 },
  { name: 'a key written twice in the config', edit: replaceIn('atlas.config.json', '"sample": true,', '"sample": true, "sample": false,'), line: /^atlas\.config\.json:5:sample: error: .*twice|^atlas\.config\.json:5:sample: error: /, code: 1 },
  { name: 'a JSON syntax error in the config', edit: replaceIn('atlas.config.json', '"crs": "WGS84",', '"crs": "WGS84"'), line: /^atlas\.config\.json:7:[^:]*: error: not valid JSON: line 7, column \d+/, code: 2 },
  {
    name: 'a basemap URL that would write a meta refresh into index.html',
    edit: configWith((c) => (c.basemap = { type: 'xyz', url: 'https://tiles.example.com/{z}/{x}/{y}.png" http-equiv="refresh" content="0;url=https://evil.example>', attribution: 'x' })),
    line: /^atlas\.config\.json:\d+:basemap\.url: error: /,
    code: 1,
  },
  { name: 'a basemap URL with a bare {s} host', edit: configWith((c) => (c.basemap = { type: 'xyz', url: 'https://{s}/{z}/{x}/{y}.png', attribution: 'x' })), line: /^atlas\.config\.json:\d+:basemap\.url: error: /, code: 1 },
  { name: 'a workbook whose sheet inflates to 2 GB', edit: villagesXlsx(book({ compressed: deflatedSpaces(SHEET_HEAD, 2 * GB), declaredBytes: 2 * GB })), line: /^villages\.xlsx:0:: error: .*larger than/, code: 1 },
  { name: 'a workbook of unclosed <row> tags', edit: villagesXlsx(book(strToU8(SHEET_HEAD + '<row>'.repeat(20_000)))), line: /^villages\.xlsx:\d+:: error: /, code: 1 },
  { name: 'a workbook with &#x110000;', edit: villagesXlsx(book(strToU8(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>&#x110000;</t></is></c></row></sheetData></worksheet>`))), line: /^villages\.xlsx:1:: error: /, code: 1 },
];

describe('hostile and careless datasets at the CLI', () => {
  it.each(CASES)('$name: a located line, exit $code, the old output whole', async ({ edit, line, code }) => {
    const out = join(await mkdtemp(join(tmpdir(), 'cunhu-hostile-')), 'data');
    expect((await run(['build', await datasetWith(), '--out', out])).code).toBe(0);
    const before = await filesOf(out);
    const dir = await datasetWith();
    await edit(dir);
    const result = await run(['build', dir, '--out', out]);
    if (process.env.SHOW_LINES) console.log(result.lines.filter((l) => !l.startsWith('  ')).join('\n'));
    expect(result.lines.some((l) => line.test(l)), result.lines.join('\n')).toBe(true);
    expect(result.code).toBe(code);
    for (const l of result.lines) expect(l).not.toMatch(/^\s+at |RangeError|TypeError|Maximum call stack/);
    expect(await filesOf(out)).toEqual(before);
  }, 60_000);
});
