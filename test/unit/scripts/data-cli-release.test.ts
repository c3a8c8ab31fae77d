import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDataCli } from '../../../scripts/data';
import { datasetWith } from '../../helpers/fixtures';

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCli(args, (l) => lines.push(l));
  return { code, lines };
}

const scratch = async (): Promise<string> => mkdtemp(join(tmpdir(), 'cunhu-release-'));

describe('data:build --previous PREV', () => {
  it('compares with the release in PREV, which may be OUT itself', async () => {
    const dir = await datasetWith();
    const out = join(await scratch(), 'data');
    expect((await run(['build', dir, '--out', out])).code).toBe(0);
    const first = JSON.parse(await readFile(join(out, 'release.json'), 'utf8')) as { id: string };
    // The next month's ledger: one budget raised.
    const next = join(await scratch(), 'dataset');
    await cp(dir, next, { recursive: true });
    const projects = await readFile(join(next, 'projects.csv'), 'utf8');
    await writeFile(join(next, 'projects.csv'), projects.replace('新建茶园200亩,100,', '新建茶园200亩,110,'));
    const { code, lines } = await run(['build', next, '--out', out, '--previous', out]);
    expect(code, lines.join('\n')).toBe(0);
    const second = JSON.parse(await readFile(join(out, 'release.json'), 'utf8')) as { id: string; previous: string; history: { id: string }[]; summary: { changedFields: number } };
    expect(second.previous).toBe(first.id);
    expect(second.history.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(second.summary.changedFields).toBe(1);
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).release).toEqual({ id: second.id, date: expect.any(String), previous: first.id });
  });

  it('a PREV that does not exist, is not a build output, or is of another region is an error (exit 2) naming what is wrong', async () => {
    const dir = await datasetWith();
    const out = join(await scratch(), 'data');
    const missing = join(await scratch(), 'nothing-here');
    let r = await run(['build', dir, '--out', out, '--previous', missing]);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`${missing}: error: the previous release's folder (--previous) does not exist`]);

    const notOutput = await scratch();
    r = await run(['build', dir, '--out', out, '--previous', notOutput]);
    expect(r.code).toBe(2);
    expect(r.lines).toContain(`${dir}: error: --previous ${notOutput}: not the output folder of a build (no manifest.json); give the folder of the last published build, e.g. public/data as it was published`);

    const other = join(await scratch(), 'other');
    expect((await run(['build', dir, '--out', other])).code).toBe(0);
    const site = await readFile(join(other, 'site.json'), 'utf8');
    await writeFile(join(other, 'site.json'), site.replace(/"region":\{"code":"420324"/, '"region":{"code":"420325"'));
    r = await run(['build', dir, '--out', out, '--previous', other]);
    expect(r.code).toBe(2);
    expect(r.lines.find((l) => l.includes('another region'))).toMatch(/--previous .*other: it is the data of another region, .* \(420325\), not .* \(420324\)$/);
  });
});
