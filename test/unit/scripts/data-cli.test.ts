import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDataCli } from '../../../scripts/data';
import { datasetWith } from '../../helpers/fixtures';


async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCli(args, (l) => lines.push(l));
  return { code, lines };
}

// One bad dataset per error class: the first line names the exact file, row and column.
const ERROR_CASES: { overlay: string; line: string }[] = [
  { overlay: 'missing-column', line: 'projects.csv:1:budget_wan: error: required column budget_wan (资金规模(万元)) is missing' },
  { overlay: 'not-a-number', line: 'villages.csv:3:总户数: error: "二百" is not a whole number' },
  { overlay: 'negative-budget', line: 'projects.csv:4:资金规模(万元): error: -30 is below 0' },
  { overlay: 'progress-range', line: 'progress.csv:10:形象进度(%): error: 170 is outside 0–100' },
  { overlay: 'bad-month', line: 'progress.csv:5:月份: error: "2016/01/xx" is not a month written YYYY-MM' },
  { overlay: 'bad-date', line: 'projects.csv:5:计划完工时间: error: "2016-02-30" is not a date written YYYY-MM-DD' },
  { overlay: 'duplicate-id', line: 'projects.csv:7:项目编号: error: project id T-001 already appears on row 2' },
  { overlay: 'bad-category', line: 'projects.csv:3:项目类别: error: "外星项目" is not one of the 3 categories (产业发展、美丽乡村、健康医疗)' },
  { overlay: 'outside-county', line: 'villages.csv:2:经度: error: point 111.6, 32.2 is outside 竹溪县' },
  { overlay: 'unknown-project', line: 'progress.csv:4:项目编号: error: project T-999 is not in projects.csv' },
  { overlay: 'personal-data', line: 'projects.csv:4:备注: error: column looks like it holds 身份证号 ID numbers (row 4; 1 cell): personal data must never be published; delete the column or the values' },
  { overlay: 'unknown-town', line: 'villages.csv:4:乡镇代码: error: town code 420324199 is unknown; no town is named "中锋山" (nearest: 中峰镇 (420324102), 蒋家堰镇 (420324101))' },
];

describe('data:check exit codes and located errors', () => {
  it('passes the clean fixture with exit 0', async () => {
    const { code, lines } = await run(['check', await datasetWith()]);
    expect(lines.at(-1)).toBe('0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it.each(ERROR_CASES)('$overlay → exit 1 and names row and column', async ({ overlay, line }) => {
    const { code, lines } = await run(['check', await datasetWith(overlay)]);
    expect(code).toBe(1);
    expect(lines).toContain(line);
  });

  it('joins by a unique name with a warning, and still exits 0', async () => {
    const { code, lines } = await run(['check', await datasetWith('join-by-name')]);
    expect(code).toBe(0);
    expect(lines).toContain('villages.csv:4:乡镇名称: warning: no town code; joined by name "中峰" to 中峰镇 (420324102)');
  });

  it('exits 2 when the folder or its config is missing', async () => {
    expect((await run(['check', join(tmpdir(), 'no-such-dataset')])).code).toBe(2);
    const empty = await mkdtemp(join(tmpdir(), 'cunhu-empty-'));
    const { code, lines } = await run(['check', empty]);
    expect(code).toBe(2);
    expect(lines.at(-1)).toMatch(/atlas\.config\.json is missing/);
    expect((await run(['check', empty, '--bogus'])).code).toBe(2);
  });
});

describe('data:build', () => {
  it('writes the site data, byte-identical on a second run', async () => {
    const dir = await datasetWith();
    const out1 = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'site');
    const out2 = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'site');
    expect((await run(['build', dir, '--out', out1])).code).toBe(0);
    expect((await run(['build', dir, '--out', out2])).code).toBe(0);
    const files = (await readdir(out1, { recursive: true })).sort();
    const openData = [...['changes', 'dictionary', 'indicators', 'progress', 'projects', 'towns', 'villages'].map((f) => `${f}.csv`), ...['indicators', 'progress', 'projects', 'towns', 'villages'].map((f) => `${f}.parquet`)].sort();
    expect(files).toEqual(['county.geojson', 'manifest.json', 'months.json', 'open-data', ...openData.map((f) => join('open-data', f)), 'projects', ...['420324101', '420324102'].map((code) => join('projects', `${code}.json`)), 'release.json', 'report.json', 'site.json', 'towns.geojson']);
    for (const f of files.filter((x) => x.includes('.'))) expect(Buffer.compare(await readFile(join(out2, f)), await readFile(join(out1, f))), f).toBe(0);
  });

  it('leaves the output folder as it was when the dataset has errors', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'site');
    await mkdir(out);
    await writeFile(join(out, 'site.json'), 'previous');
    const { code, lines } = await run(['build', await datasetWith('duplicate-id'), '--out', out]);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/nothing written/);
    expect(await readdir(out)).toEqual(['site.json']);
    expect(await readFile(join(out, 'site.json'), 'utf8')).toBe('previous');
  });

  it('says what it read and wrote in Chinese with --lang zh, and in English without', async () => {
    const dir = await datasetWith();
    const out = join(await mkdtemp(join(tmpdir(), 'cunhu-out-')), 'site');
    const zh = await run(['build', dir, '--out', out, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.lines).toContain('  projects.csv: 读入 6 行，采用 6 行，拒收 0 行，跳过 0 行（utf-8）');
    expect(zh.lines.find((l) => l.includes('towns.geojson:'))).toMatch(/^ {2}boundaries\/towns\.geojson: \d+ 字节，\d+ 个顶点，绘制 \d+ 个（按第 16 级的一个像素简化）$/);
    expect(zh.lines.at(-2)).toBe('0 个错误，0 个警告');
    expect(zh.lines.at(-1)).toMatch(new RegExp(`^已写入 ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：site\\.json、projects/<乡镇代码>\\.json（2 个乡镇）、months\\.json、`));
    // No English left in the lines the CLI says itself (the output folder, file names, units and the encoding aside).
    for (const line of zh.lines) expect(line.replace(out, '').replace('projects/<乡镇代码>.json', '').replace(/[\w./<>-]+\.(json|csv|geojson|parquet)|KB|utf-8|photos\//g, ''), line).not.toMatch(/[A-Za-z]{3,}/);
    const en = await run(['build', dir, '--out', out]);
    expect(en.lines).toContain('  projects.csv: 6 rows read, 6 used, 0 rejected, 0 skipped (utf-8)');
    expect(en.lines.at(-2)).toBe('0 error(s), 0 warning(s)');
    expect(en.lines.at(-1)).toMatch(/^wrote site\.json, projects\/<town code>\.json \(2 towns\), /);
    expect((await run(['build', join(tmpdir(), 'no-such-dataset'), '--lang', 'zh'])).lines).toEqual([`${join(tmpdir(), 'no-such-dataset')}: 错误: 数据文件夹不存在`]);
  });
});
