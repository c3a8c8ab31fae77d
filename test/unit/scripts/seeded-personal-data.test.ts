import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSingleFile } from '../../../scripts/lib/single-file';
import { runCli as run, filesOf } from '../../helpers/data-cli';
import { datasetWith } from '../../helpers/fixtures';
import { makeId } from '../../helpers/made-up-ids';

// Issue 24: a public build of a dataset seeded with names, ID numbers and mobiles in every free-text
// column publishes none of them. Made-up values only (region 990102 is no real county).

const ID = makeId('990102', '19800101', '123');
const OLD_ID = '990102800101123';
const MOBILE = '13924681616';

/** One seed per free-text column: the file, the column (its header in the mini fixture), the row (0 = first data row) and the text. */
const SEEDS = [
  { file: 'projects.csv', column: '项目名称', row: 0, text: '张德明户危房改造', value: '张德明' },
  { file: 'projects.csv', column: '建设内容', row: 1, text: `户主身份证${ID}`, value: ID },
  { file: 'projects.csv', column: '资金来源', row: 2, text: '李秀英、王建国、赵大海等3户自筹', value: '李秀英' },
  { file: 'projects.csv', column: '责任单位', row: 3, text: `联系Tel${MOBILE}`, value: MOBILE },
  { file: 'projects.csv', column: '绩效目标', row: 4, text: `ID${ID.slice(0, 10)} ${ID.slice(10)}`, value: ID.slice(0, 10) },
  { file: 'projects.csv', column: '监督电话', row: 5, text: '139.2468.1616', value: '2468.1616' },
  { file: 'projects.csv', column: '建设内容', row: 5, text: `老户主${OLD_ID}`, value: OLD_ID },
  { file: 'villages.csv', column: '村名称', row: 0, text: '为陈小红家', value: '陈小红' },
] as const;

async function seeded(seeds: readonly (typeof SEEDS)[number][]): Promise<string> {
  const dir = await datasetWith();
  for (const file of new Set(seeds.map((s) => s.file))) {
    const path = join(dir, file);
    const table = Papa.parse<string[]>(await readFile(path, 'utf8'), { skipEmptyLines: true }).data;
    const header = table[0]!;
    for (const s of seeds.filter((x) => x.file === file)) {
      const at = header.indexOf(s.column);
      expect(at, s.column).toBeGreaterThanOrEqual(0);
      table[1 + s.row]![at] = s.text;
    }
    await writeFile(path, Papa.unparse(table));
  }
  return dir;
}

describe('a public build seeded with personal data in every free-text column', () => {
  it.each(SEEDS)('refuses $column of $file ($text) and names its row and column, never its value', async (seed) => {
    const { code, lines } = await run(['check', await seeded([seed]), '--public']);
    expect(code).toBe(1);
    const errors = lines.filter((l) => l.includes(': error: '));
    expect(errors.some((l) => l.startsWith(`${seed.file}:${seed.row + 2}:${seed.column}: error: `)), errors.join('\n')).toBe(true);
    for (const l of lines) expect(l).not.toContain(seed.value);
  });

  it('writes nothing, leaves the old output whole, and no output file holds a seeded value', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'data');
    expect((await run(['build', await datasetWith(), '--out', out, '--public'])).code).toBe(0);
    const before = await filesOf(out);
    const { code, lines } = await run(['build', await seeded(SEEDS), '--out', out, '--public']);
    expect(code).toBe(1);
    for (const s of SEEDS) expect(lines.some((l) => l.startsWith(`${s.file}:`) && l.includes(`:${s.column}: error: `)), s.column).toBe(true);
    const after = await filesOf(out);
    expect(after).toEqual(before);
    for (const [name, text] of after) for (const s of SEEDS) expect(text.includes(s.value), `${name} holds ${s.column}`).toBe(false);
  });

  it('the meeting package is refused too', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'cunhu-package-'));
    const lines: string[] = [];
    const result = await buildSingleFile({ isPrivate: false, dataDir: await seeded(SEEDS), outDir, log: (l) => lines.push(l) });
    expect(result).toBe(1);
    expect(await readdir(outDir)).toEqual([]);
    for (const l of lines) for (const s of SEEDS) expect(l).not.toContain(s.value);
  });

  it('a county build refuses the numbers but lists a name in text as a warning, and the config may allow the term', async () => {
    const numbers = await run(['check', await seeded(SEEDS.filter((s) => s.value === ID || s.value === MOBILE))]);
    expect(numbers.code).toBe(1);
    const names = await seeded(SEEDS.filter((s) => s.value === '张德明'));
    const county = await run(['check', names]);
    expect(county.code).toBe(0);
    expect(county.lines.some((l) => l.startsWith('projects.csv:2:项目名称: warning: text looks like it names a person'))).toBe(true);
    const config = JSON.parse(await readFile(join(names, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(names, 'atlas.config.json'), JSON.stringify({ ...config, privacy: { allowedNames: ['张德明户'] } }));
    const allowed = await run(['check', names, '--public']);
    expect(allowed.code).toBe(0);
  });

  it('a name in a town\'s boundary is refused in a public build, named by its feature', async () => {
    const dir = await datasetWith();
    const towns = await readFile(join(dir, 'boundaries/towns.geojson'), 'utf8');
    await writeFile(join(dir, 'boundaries/towns.geojson'), towns.replace('"name":"中峰镇"', '"name":"户主张德明"'));
    const { code, lines } = await run(['check', dir, '--public']);
    expect(code).toBe(1);
    expect(lines.some((l) => l.startsWith('boundaries/towns.geojson:0:features[1].properties.name: error: text looks like it names a person')), lines.join('\n')).toBe(true);
  });

  it('a name in the config\'s own texts is refused in a public build, named by its place', async () => {
    const dir = await datasetWith();
    const config = JSON.parse(await readFile(join(dir, 'atlas.config.json'), 'utf8')) as { title: { zh: string } };
    config.title.zh = '测试县工作图（户主：张德明）';
    await writeFile(join(dir, 'atlas.config.json'), JSON.stringify(config));
    const { code, lines } = await run(['check', dir, '--public']);
    expect(code).toBe(1);
    expect(lines.some((l) => l.startsWith('atlas.config.json:0:title.zh: error: text looks like it names a person'))).toBe(true);
  });
});
