import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_WORKBOOK } from '../../../scripts/lib/template-workbook';
import { describe, expect, it } from 'vitest';
import { CODE_PROPERTIES, NAME_PROPERTIES } from '../../../src/contract/boundaries';
import { TABLES, type TableSpec } from '../../../src/contract/columns';
import { readHouseholds, readProgress, readProjects, readVillages } from '../../../src/pipeline/read/records';
import { readTable } from '../../../src/pipeline/read/read-table';
import type { TableResult } from '../../../src/pipeline/read/table-result';
import { parseBoolean, parseDate, parseMonth, parseStatus } from '../../../src/pipeline/read/values';
import {
  BOM,
  README_PATH,
  ROOT,
  csvLine,
  readBlock,
  readmeBlocks,
  renderColumnTable,
  renderExample,
  renderReadme,
  renderTemplate,
  replaceBlocks,
  runMakeTemplates,
  templateHeaders,
  templatePath,
} from '../../../scripts/make-templates';

const STALE = 'is stale: run `npm run make-templates` after changing src/contract/columns.ts, and commit the result';

const readme = readFileSync(join(ROOT, README_PATH), 'utf8');
const committedBytes = (spec: TableSpec): Buffer => readFileSync(join(ROOT, templatePath(spec)));

/** Each table with the header row its template must have and the reader the build uses for it. */
const CASES: { spec: TableSpec; headers: string[]; read: (b: Uint8Array) => TableResult<unknown> }[] = TABLES.map((spec) => ({
  spec,
  headers: spec.id === 'households' ? spec.columns.map((c) => c.name) : spec.columns.map((c) => c.zh),
  read: ({ villages: readVillages, projects: readProjects, progress: readProgress, households: readHouseholds } as Partial<Record<TableSpec['id'], unknown>>)[spec.id] as (b: Uint8Array) => TableResult<unknown>,
}));

describe.each(CASES)('data/templates/$spec.file', ({ spec, headers, read }) => {
  it('is what make-templates renders now', () => {
    const committed = committedBytes(spec).toString('utf8');
    expect(committed, `${templatePath(spec)} ${STALE}`).toBe(renderTemplate(spec));
  });

  it('starts with the UTF-8 BOM, ends with CRLF and has exactly one header row', () => {
    const bytes = committedBytes(spec);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(BOM.length).split('\r\n')).toEqual([csvLine(headers), '']);
  });

  it('has exactly the spec headers (Chinese, English for households.csv)', () => {
    expect(templateHeaders(spec)).toEqual(headers);
    const cells = committedBytes(spec).toString('utf8').slice(BOM.length).trimEnd().split(',');
    expect(cells).toEqual(headers);
    expect(new Set(cells).size).toBe(spec.columns.length);
  });

  it('is read by the build without a single issue, every column recognised', () => {
    const result = readTable(spec, new Uint8Array(committedBytes(spec)), () => null);
    expect(result.issues).toEqual([]);
    expect(result.isReadable).toBe(true);
    expect(result.encoding).toBe('utf-8');
    expect([...result.headers.keys()]).toEqual(spec.columns.map((c) => c.name));
    expect(result.counts).toEqual({ read: 0, used: 0, rejected: 0, skipped: 0 });
  });

  it('has an example row the build accepts', () => {
    const csv = renderExample(spec).split('\n').slice(1, -1).join('\r\n');
    const result = read(new TextEncoder().encode(`${csv}\r\n`));
    expect(result.issues).toEqual([]);
    expect(result.counts).toEqual({ read: 1, used: 1, rejected: 0, skipped: 0 });
  });
});

describe.each(TABLES.map((spec) => ({ spec, id: spec.id })))('data/README.md blocks of $id', ({ spec }) => {
  it('has the column table make-templates renders now', () => {
    const block = readBlock(readme, `columns:${spec.id}`);
    expect(block, `${README_PATH} has no columns:${spec.id} markers`).not.toBeNull();
    expect(block, `the ${spec.file} table in ${README_PATH} ${STALE}`).toBe(readmeBlocks().get(`columns:${spec.id}`));
    expect(block).toContain(renderColumnTable(spec));
  });

  it('has the example row make-templates renders now', () => {
    const block = readBlock(readme, `example:${spec.id}`);
    expect(block, `${README_PATH} has no example:${spec.id} markers`).not.toBeNull();
    expect(block, `the ${spec.file} example in ${README_PATH} ${STALE}`).toBe(readmeBlocks().get(`example:${spec.id}`));
  });

  it('lists every column, its Chinese header and every alias', () => {
    const table = renderColumnTable(spec);
    const lines = table.split('\n');
    expect(lines).toHaveLength(spec.columns.length + 2);
    spec.columns.forEach((c, i) => {
      const line = lines[i + 2]!;
      expect(line.startsWith(`| \`${c.name}\` | ${c.zh} |`)).toBe(true);
      for (const a of c.aliases) expect(line).toContain(a);
      if (c.isRequired) expect(line).toContain('✓ 必填');
      if (c.unit) expect(line).toContain(` ${c.unit} `);
    });
  });
});

describe('data/README.md as a whole', () => {
  it('is what make-templates renders now', () => {
    expect(readme, `${README_PATH} ${STALE}`).toBe(renderReadme(readme));
  });

  it('names the one-of groups in the required column', () => {
    for (const spec of TABLES) {
      for (const group of spec.oneOf) {
        for (const name of group) {
          const line = renderColumnTable(spec).split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
          expect(line).toContain(`at least one of: ${group.map((n) => `\`${n}\``).join(' / ')}`);
        }
      }
    }
  });

  it('lists every boundary property name the build accepts', () => {
    for (const p of [...CODE_PROPERTIES, ...NAME_PROPERTIES]) expect(readme).toContain(`\`${p}\``);
  });

  // The value forms the README promises must stay accepted by the parsers.
  it.each([
    ['2016-05-31', '2016-05-31'],
    ['2016/5/31', '2016-05-31'],
    ['2016.5.31', '2016-05-31'],
    ['2016年5月31日', '2016-05-31'],
  ])('promises the date form %j', (raw, iso) => {
    expect(readme).toContain(raw);
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ['2016-05', '2016-05'],
    ['2016-5', '2016-05'],
    ['2016/5', '2016-05'],
    ['2016.5', '2016-05'],
    ['2016年5月', '2016-05'],
    ['201605', '2016-05'],
  ])('promises the month form %j → %j', (raw, month) => {
    expect(readme).toContain(raw);
    expect(parseMonth(raw)).toBe(month);
  });

  it.each([
    ['未开工', 'planned'], ['待建', 'planned'], ['计划', 'planned'],
    ['在建', 'building'], ['施工中', 'building'], ['实施中', 'building'],
    ['已完工', 'done'], ['完工', 'done'], ['竣工', 'done'],
    ['已验收', 'accepted'], ['验收', 'accepted'], ['通过验收', 'accepted'],
    ['停工', null],
  ])('promises the status word %j → %j', (word, status) => {
    expect(readme).toContain(word);
    expect(parseStatus(word)).toBe(status);
  });

  it.each([
    ['是', true], ['否', false], ['1', true], ['0', false], ['Y', true], ['N', false],
    ['yes', true], ['no', false], ['true', true], ['false', false], ['√', true], ['×', false],
  ])('promises the yes/no form %j', (raw, value) => {
    expect(readme).toContain(`\`${raw}\``);
    expect(parseBoolean(raw)).toBe(value);
  });
});

describe('replaceBlocks', () => {
  const blocks = new Map([['columns:x', 'NEW']]);

  it('rewrites only what is between the markers', () => {
    const text = 'before\n<!-- columns:x:start -->\nOLD\nlines\n<!-- columns:x:end -->\nafter\n';
    expect(replaceBlocks(text, blocks)).toBe('before\n<!-- columns:x:start -->\nNEW\n<!-- columns:x:end -->\nafter\n');
  });

  it('is idempotent', () => {
    const once = replaceBlocks('<!-- columns:x:start --><!-- columns:x:end -->', blocks);
    expect(replaceBlocks(once, blocks)).toBe(once);
    expect(readBlock(once, 'columns:x')).toBe('NEW');
  });

  it.each([
    ['missing', 'no markers here', /missing/],
    ['repeated', '<!-- columns:x:start --><!-- columns:x:end --><!-- columns:x:start --><!-- columns:x:end -->', /more than once/],
    ['out of order', '<!-- columns:x:end --><!-- columns:x:start -->', /comes before/],
  ])('throws when the markers are %s', (_, text, message) => {
    expect(() => replaceBlocks(text, blocks)).toThrow(message);
  });
});

describe('csvLine', () => {
  it('quotes only cells that need it', () => {
    expect(csvLine(['a', 'b,c', 'd"e', ''])).toBe('a,"b,c","d""e",');
  });
});

describe('make-templates CLI', () => {
  it('--check names stale files and writes nothing; a plain run writes them; then --check passes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cunhu-templates-'));
    await mkdir(join(root, 'data'), { recursive: true });
    const handWritten = replaceBlocks(readme, new Map([...readmeBlocks()].map(([k]) => [k, 'old'])));
    await writeFile(join(root, README_PATH), handWritten);
    const lines: string[] = [];
    expect(await runMakeTemplates(['--check'], root, (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual([...TABLES.map((t) => `${templatePath(t)} is stale: run npm run make-templates`), `${README_PATH} is stale: run npm run make-templates`, `${TEMPLATE_WORKBOOK} is stale: run npm run make-templates`]);
    expect(await readFile(join(root, README_PATH), 'utf8')).toBe(handWritten);

    expect(await runMakeTemplates([], root, () => {})).toBe(0);
    expect(await readFile(join(root, README_PATH), 'utf8')).toBe(readme);
    for (const t of TABLES) expect(await readFile(join(root, templatePath(t)), 'utf8')).toBe(renderTemplate(t));
    expect(await runMakeTemplates(['--check'], root, () => {})).toBe(0);
  });

  it('exits 2 on an unknown argument or a README without markers', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cunhu-templates-'));
    expect(await runMakeTemplates(['--bogus'], root, () => {})).toBe(2);
    await mkdir(join(root, 'data'), { recursive: true });
    await writeFile(join(root, README_PATH), '# no markers\n');
    const lines: string[] = [];
    expect(await runMakeTemplates(['--check'], root, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/markers .* are missing/);
  });
});
