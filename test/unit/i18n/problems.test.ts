import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueIn, type Issue } from '../../../src/contract/issues';
import { parseAtlasConfig } from '../../../src/contract/config';
import { isProblemKey, problem, problemText } from '../../../src/i18n/problems';
import { PROBLEMS_EN } from '../../../src/i18n/problems-en';
import { PROBLEMS_ZH } from '../../../src/i18n/problems-zh';
import { buildSite } from '../../../src/pipeline/build';
import { runCli } from '../../helpers/data-cli';
import { FIXTURES, datasetWith } from '../../helpers/fixtures';
import { workbookOfCsv } from '../../helpers/workbooks';
import { miniConfigWith, miniText, miniWith } from '../pipeline/mini-source';

/** Chinese characters (CJK Unified Ideographs): a text in Chinese has some. */
const CJK = /[\u4e00-\u9fff]/;

/** Every file of a fixture folder, by its path in the dataset. */
async function filesOf(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.py') || entry.name.endsWith('.md')) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
  }
  return out;
}

/** What is wrong with an issue's words, or null: a key of the catalogues, a Chinese text in Chinese, the English one as `message`. */
function wordProblem(issue: Issue): string | null {
  const where = formatIssueIn('en', issue);
  if (!isProblemKey(issue.key)) return `${where}: no catalogue key (${String(issue.key)})`;
  const zh = problemText('zh', issue);
  if (zh.trim() === '' || !CJK.test(zh)) return `${where}: the Chinese text is not Chinese: ${zh}`;
  if (problemText('en', issue) !== issue.message) return `${where}: the English text is not the message`;
  // A worker posts issues to the page (structured clone) and report.json holds them (JSON): the words survive both.
  if (problemText('zh', JSON.parse(JSON.stringify(issue)) as Issue) !== zh || problemText('zh', structuredClone(issue)) !== zh) return `${where}: does not survive JSON or a structured clone`;
  return null;
}

/** The issues of a build of the mini dataset with some files replaced. */
async function issuesOf(files: Record<string, string | Uint8Array | null>): Promise<Issue[]> {
  return (await buildSite(miniWith(files))).issues;
}

describe('the problem catalogues (issue 21)', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(PROBLEMS_EN).sort()).toEqual(Object.keys(PROBLEMS_ZH).sort());
  });

  it('refuse, when type-checked (npm run typecheck), a key without texts, parameters of the wrong kind and an issue without a key', () => {
    // @ts-expect-error: no catalogue has this key
    expect(() => problem('noSuchProblem')).toThrow();
    // @ts-expect-error: fileMissing takes { file }
    expect(problem('fileMissing', { name: 'x' }).key).toBe('fileMissing');
    // @ts-expect-error: an Issue says what is wrong by key and parameters, not in English alone
    const bare: Issue = { file: '', row: 0, column: '', level: 'error', message: 'x' };
    expect(isProblemKey(bare.key)).toBe(false);
  });

  it('render a problem and its phrases in either language, values from the data as they are', () => {
    const p = problem('placeNameUnknown', { why: { key: 'placeNoCode', params: { isVillage: true } }, isVillage: true, name: '中峰村', nearest: ['中锋村 (420324101201)'] });
    expect(p.message).toBe('no village code; no village is named "中峰村" (nearest: 中锋村 (420324101201))');
    expect(problemText('zh', p)).toBe('没有村代码；没有叫“中峰村”的村（最接近的：中锋村 (420324101201)）');
  });

  it('give the CLI its line in Chinese when asked', () => {
    const issue: Issue = { file: 'projects.csv', row: 3, column: '受益户数', level: 'error', ...problem('valueIsNot', { value: '"十二"', expected: { key: 'expectedWholeNumber', params: {} } }) };
    expect(formatIssueIn('en', issue)).toBe('projects.csv:3:受益户数: error: "十二" is not a whole number');
    expect(formatIssueIn('zh', issue)).toBe('projects.csv:3:受益户数: 错误: "十二" 不是整数');
  });
});

describe('npm run data:check -- DIR --lang zh', () => {
  it('prints the problems in Chinese; without it, in English', async () => {
    const dir = await datasetWith('not-a-number');
    const zh = await runCli(['check', dir, '--lang', 'zh']);
    const en = await runCli(['check', dir]);
    expect(zh.code).toBe(1);
    expect(zh.lines).toContain('villages.csv:3:总户数: 错误: "二百" 不是整数');
    expect(en.lines).toContain('villages.csv:3:总户数: error: "二百" is not a whole number');
  });
});

describe('every problem the pipeline reports has a key and a Chinese text', () => {
  it('the messy county spreadsheets (test/fixtures/messy)', async () => {
    const issues = await issuesOf(await filesOf(join(FIXTURES, 'messy')));
    expect(issues.length).toBeGreaterThan(2);
    expect(issues.map(wordProblem).filter((p) => p !== null)).toEqual([]);
  });

  it('each broken dataset of test/fixtures/bad', async () => {
    const overlays = await readdir(join(FIXTURES, 'bad'));
    expect(overlays.length).toBeGreaterThan(5);
    for (const overlay of overlays) {
      const issues = await issuesOf(await filesOf(join(FIXTURES, 'bad', overlay)));
      expect(issues.length, overlay).toBeGreaterThan(0);
      expect(issues.map(wordProblem).filter((p) => p !== null), overlay).toEqual([]);
    }
  });

  it('hostile inputs: broken JSON, a workbook or binary file where CSV belongs, quote errors, personal data, a bad config', async () => {
    const villages = await miniText('villages.csv');
    const projects = await miniText('projects.csv');
    const [header, ...rows] = projects.split('\n');
    const cases: Record<string, string | Uint8Array | null>[] = [
      { 'atlas.config.json': '{"schemaVersion": 1, "title": {"zh": "a",}' },
      { 'atlas.config.json': '{"a": 1, "a": 2}' },
      { 'atlas.config.json': await miniConfigWith({ sampel: true, basemap: { type: 'xyz', url: 'http://1.2.3.4/{z}/{x}.png' }, tour: [{ title: 1 }] }) },
      { 'boundaries/towns.geojson': '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[500, 0], [1, 1], [0, 1]]]}}]}' },
      { 'villages.csv': workbookOfCsv({ 村: new TextEncoder().encode(villages) }, 'xlsx') },
      { 'projects.csv': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]) },
      { 'projects.csv': new Uint8Array([0x41, 0, 0x42, 0x2c, 0x43]) },
      { 'projects.csv': new Uint8Array([0xff, 0xfe, 0x41]) },
      { 'projects.csv': '' },
      { 'projects.csv': [header, `${rows[0]!.replace(/,/, ',"高山"茶园,')}`, ...rows.slice(1)].join('\n') },
      { 'projects.csv': `${header},身份证号\n${rows.map((r) => `${r},420324198001011234`).join('\n')}` },
      { 'projects.csv': 'a,b\n1,2\n' },
      { 'progress.csv': 'month,project_id,status\n2099-01,NOPE,在建\n合计,,\n' },
      { 'villages.csv': `${villages.split('\n')[0]}\n420324999999,某村,420324999,某镇,abc,,1,1,是,2,2,,,,,\n` },
      { 'households.csv': 'household_key,village_code,poor,project_ids\n13812345678,420324999999,是,X;Y\n' },
      { '数据.xlsx': workbookOfCsv({ 村表2: new TextEncoder().encode(villages) }, 'xlsx'), 'villages.csv': null },
      { '数据.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
    ];
    let all = 0;
    for (const files of cases) {
      const issues = await issuesOf(files);
      all += issues.length;
      expect(issues.map(wordProblem).filter((p) => p !== null), Object.keys(files).join(', ')).toEqual([]);
    }
    expect(all).toBeGreaterThan(40);
  });

  it('the config checks (JsonChecker) of a config wrong in every part', () => {
    const parsed = parseAtlasConfig({ schemaVersion: 9, title: 'x', region: { code: 420324 }, categories: [{ id: 'Bad Id', colour: 'red' }], goals: [], thresholds: { lagPoints: -1 }, tour: [{ camera: { center: [200, 100] }, month: '2016-13' }], extra: 1 });
    expect(parsed.issues.length).toBeGreaterThan(5);
    expect(parsed.issues.map(wordProblem).filter((p) => p !== null)).toEqual([]);
  });
});
