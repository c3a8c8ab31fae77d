import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig, serializeAtlasConfig } from '../../../src/contract/config';
import { runCli } from '../../helpers/data-cli';
import { MINI, datasetWith } from '../../helpers/fixtures';

const base = JSON.parse(readFileSync(join(MINI, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
const parsed = (patch: Record<string, unknown>) => parseAtlasConfig({ ...base, ...patch });

describe('publicUrl and notice (the village notice board)', () => {
  it('default to no portal address and a 10-day posting period, left out of the file form', () => {
    const r = parsed({});
    expect(r.ok && r.value.publicUrl).toBeNull();
    expect(r.ok && r.value.notice).toEqual({ postingDays: 10 });
    if (r.ok) expect(Object.keys(serializeAtlasConfig(r.value))).not.toContain('publicUrl');
    if (r.ok) expect(Object.keys(serializeAtlasConfig(r.value))).not.toContain('notice');
  });

  it('keeps an https address and a posting period, and round-trips them', () => {
    const r = parsed({ publicUrl: 'https://fupin.example.gov.cn/atlas/', notice: { postingDays: 15 } });
    expect(r.ok && r.value.publicUrl).toBe('https://fupin.example.gov.cn/atlas/');
    expect(r.ok && r.value.notice.postingDays).toBe(15);
    if (r.ok) expect(parseAtlasConfig(serializeAtlasConfig(r.value))).toEqual(r);
  });

  it.each([
    ['plain http', 'http://fupin.example.gov.cn/', 'expected an https address'],
    ['not an address', 'fupin.example.gov.cn', "expected the portal's https address"],
    ['a view in it', 'https://fupin.example.gov.cn/#town=420324101', 'without "#…"'],
    ['a password in it', 'https://user:secret@fupin.example.gov.cn/', 'without a user name or password'],
    ['empty', '', 'expected a non-empty string'],
  ])('refuses a publicUrl that is %s (data:check reports it)', (_name, publicUrl, message) => {
    const r = parsed({ publicUrl });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.column === 'publicUrl')?.message).toContain(message);
  });

  it.each([
    [0, 'expected a number from 1 to 366, got 0'],
    [7.5, 'expected a whole number of days, got 7.5'],
    ['10', 'expected a number, got'],
  ])('refuses notice.postingDays %s', (postingDays, message) => {
    const r = parsed({ notice: { postingDays } });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.column === 'notice.postingDays')?.message).toContain(message);
  });

  it('refuses an unknown key under notice', () => {
    const r = parsed({ notice: { days: 10 } });
    expect(r.issues.map((i) => i.column)).toContain('notice.days');
  });

  it('is checked by data:check: a plain-http portal address is an error naming the key (exit 1)', async () => {
    const dir = await datasetWith();
    const file = join(dir, 'atlas.config.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...config, publicUrl: 'http://fupin.example.gov.cn/' }));
    const { code, lines } = await runCli(['check', dir]);
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('atlas.config.json:0:publicUrl: error:'))).toContain('expected an https address');
  });
});
