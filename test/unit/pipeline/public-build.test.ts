import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseBuiltSite } from '../../helpers/site';
import { buildSite } from '../../../src/pipeline/build';
import { isMobileNumber, isResidentIdNumber } from '../../../src/pipeline/privacy/number-checks';
import { folderSource } from '../../../scripts/lib/folder-source';
import { datasetWith } from '../../helpers/fixtures';


/** The mini dataset with 周湾村委会 down to two poor households (below the default threshold of 3). */
async function miniWithSmallVillage(): Promise<string> {
  const dir = await datasetWith();
  const path = join(dir, 'villages.csv');
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace('420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,200,600,否,5,60,4,60,2015', '420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,200,600,否,2,6,2,6,2015'));
  return dir;
}

async function build(dir: string, isPublic: boolean) {
  const result = await buildSite(folderSource(dir), { isPublic });
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const outputs = result.outputs;
  return { outputs, site: parseBuiltSite((name) => JSON.parse(outputs.get(name) ?? 'null')) };
}

const csv = (text: string | undefined): string[][] => {
  expect(text?.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>((text ?? '').slice(1), { skipEmptyLines: true }).data;
};

describe('the public build (--public)', () => {
  it('withholds the small village and its partner, keeps the town totals, and says so', async () => {
    const dir = await miniWithSmallVillage();
    const internal = await build(dir, false);
    const pub = await build(dir, true);
    const zhouwan = (s: typeof pub.site) => s.villages.find((v) => v.name === '周湾村委会');
    const shuangzhu = (s: typeof pub.site) => s.villages.find((v) => v.name === '双竹村委会');
    expect(zhouwan(internal.site)?.poorHouseholds).toBe(2);
    expect(zhouwan(pub.site)?.poorHouseholds).toBeNull();
    expect(zhouwan(pub.site)?.poorPopulation).toBeNull();
    // The only other village of 蒋家堰 with poor households goes with it, or 100 − (town − 周湾) would give 周湾 away.
    expect(shuangzhu(pub.site)?.poorHouseholds).toBeNull();
    expect(pub.site.villages.filter((v) => v.townId === 1).every((v) => v.poorHouseholds !== null)).toBe(true);
    expect(pub.site.towns).toEqual(internal.site.towns);
    expect(pub.site.publication).toEqual({ isPublic: true, minHouseholdCount: 3, withheldVillages: 2 });
    expect(internal.site.publication).toEqual({ isPublic: false, minHouseholdCount: 3, withheldVillages: 0 });
    const z = zhouwan(pub.site)?.id ?? -1;
    for (const id of ['household', 'employment', 'incidence'] as const) expect(pub.site.series[id].villages.every((row) => row[z] === null)).toBe(true);
    expect(pub.site.series.industry.villages).toEqual(internal.site.series.industry.villages);

    // The open data says the same: the withheld cells are blank.
    const rows = csv(pub.outputs.get('open-data/villages.csv'));
    const header = rows[0] ?? [];
    const row = rows.find((r) => r[1] === '周湾村委会') ?? [];
    expect(row[header.indexOf('建档立卡户数')]).toBe('');
    expect(row[header.indexOf('建档立卡人口')]).toBe('');
    expect(row[header.indexOf('总户数')]).toBe('200');
    expect(csv(internal.outputs.get('open-data/villages.csv')).find((r) => r[1] === '周湾村委会')?.[header.indexOf('建档立卡户数')]).toBe('2');
  });
});

describe('the open dataset', () => {
  it('has every table as UTF-8 CSV with BOM and as Parquet, and a dictionary row for every column of every CSV', async () => {
    const { outputs, site } = await build(await datasetWith(), true);
    const tables = ['indicators', 'progress', 'projects', 'towns', 'villages'];
    expect([...outputs.keys()].filter((k) => k.startsWith('open-data/') && k.endsWith('.parquet')).sort()).toEqual(tables.map((t) => `open-data/${t}.parquet`));
    const files = [...outputs.keys()].filter((k) => k.startsWith('open-data/') && k.endsWith('.csv'));
    expect(files.sort()).toEqual(['open-data/changes.csv', 'open-data/dictionary.csv', ...tables.map((t) => `open-data/${t}.csv`)]);
    const dictionary = csv(outputs.get('open-data/dictionary.csv'));
    for (const file of files.filter((f) => !f.endsWith('dictionary.csv'))) {
      const [header = [], ...rows] = csv(outputs.get(file));
      const name = file.slice('open-data/'.length);
      expect(dictionary.filter((d) => d[0] === name && d[1] !== '').map((d) => d[1])).toEqual(header);
      expect(rows.every((r) => r.length === header.length), file).toBe(true);
    }
    const projects = csv(outputs.get('open-data/projects.csv'));
    expect(projects.length - 1).toBe(6);
    expect(csv(outputs.get('open-data/villages.csv')).length - 1).toBe(site.villages.length);
    expect(csv(outputs.get('open-data/towns.csv')).length - 1).toBe(site.towns.length);
  });
});

describe('a public build of the sample dataset', () => {
  it('holds no household key, no ID number and no mobile number in any file', async () => {
    const result = await buildSite(folderSource('data'), { isPublic: true });
    expect(result.errorCount).toBe(0);
    const outputs = result.outputs ?? new Map<string, string>();
    const households = Papa.parse<string[]>((await readFile('data/households.csv', 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const keys = households.map((r) => r[0] ?? '').filter((k) => k.length >= 8);
    expect(keys.length).toBeGreaterThan(20_000);
    expect(outputs.size).toBeGreaterThan(10);
    for (const [file, text] of outputs) {
      // Every 12-hex-digit token of the file, against the household keys.
      const tokens = new Set(text.match(/[0-9a-f]{12}/g) ?? []);
      const leaked = keys.filter((k) => tokens.has(k));
      expect(leaked.length, `${file} holds household keys`).toBe(0);
      const ids = (text.match(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g) ?? []).filter(isResidentIdNumber);
      expect(ids, `${file} holds ID numbers`).toEqual([]);
      const mobiles = (text.match(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g) ?? []).filter(isMobileNumber);
      expect(mobiles, `${file} holds mobile numbers`).toEqual([]);
    }
  }, 60_000);
});
