/**
 * `npm run bench:pipeline`: the data build on a synthetic province (scripts/bench/province.ts:
 * 30,000 villages in 1,000 towns, 1,000,000 projects, one progress row each), timed against
 * mapshaper's join of the same projects CSV onto the same town polygons with the same aggregates,
 * and against a bare papaparse pass over that CSV (the floor). Each runs in its own child process,
 * so its wall time, CPU time and peak memory (process.resourceUsage() at its exit) are its own.
 * On a machine shared with other work the wall times stretch unevenly; the CPU times stretch less,
 * so the ratios are printed both ways (`_cpu` in CPU time).
 * Prints `name: value` lines: the output's size by kind, then the three targets side by side (issue
 * 23): the speed-up on mapshaper (goal ≥ 2), the peak memory (goal ≤ 400 MB) and the ratio to
 * the parse floor (goal ≤ 2), the last line.
 *
 *   npm run bench:pipeline [-- --villages N --towns N --projects N --seed N]
 *
 * The province is generated once per set of options (and version of the generator) into
 * node_modules/.cache/cunhu-bench/ and reused.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isEntryPoint } from '../lib/entry-point';
import { DEFAULT_PROVINCE, parseProvinceArgs, writeProvince, type ProvinceOptions } from './province';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/cunhu-bench');
const MAX_RSS = pathToFileURL(join(import.meta.dirname, 'max-rss.mjs')).href;
const MAPSHAPER = join(ROOT, 'node_modules/mapshaper/bin/mapshaper');

export interface Measured {
  wallS: number;
  /** User + system CPU time of the child. */
  cpuS: number;
  peakMb: number;
  stdout: string;
}

/** Runs `node ARGS` in a child process; wall time from spawn to exit, and the child's own peak RSS. */
export async function measure(args: string[], cwd = ROOT): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'cunhu-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', MAX_RSS, ...args], { cwd, env: { ...process.env, CUNHU_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const wallS = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
    const [kb = Number.NaN, cpuMicros = Number.NaN] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
    return { wallS, cpuS: cpuMicros / 1e6, peakMb: kb / 1024, stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The province for these options, generated into the cache unless it is there already. */
export function cachedProvince(options: ProvinceOptions): { dir: string; isCached: boolean; generateS: number } {
  const generator = createHash('sha256').update(readFileSync(join(import.meta.dirname, 'province.ts'))).digest('hex').slice(0, 12);
  const key = `province-${options.villages}v-${options.towns}t-${options.projects}p-${options.seed}-${options.headers}-${generator}`;
  const dir = join(CACHE, key);
  const done = join(dir, '.complete');
  if (existsSync(done)) return { dir, isCached: true, generateS: 0 };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  writeProvince(dir, options);
  writeFileSync(done, `${JSON.stringify(options)}\n`);
  return { dir, isCached: false, generateS: (performance.now() - started) / 1000 };
}

function line(name: string, value: number | string, digits = 1): void {
  console.log(`${name}: ${typeof value === 'number' ? value.toFixed(digits) : value}`);
}

async function main(): Promise<number> {
  const parsed = parseProvinceArgs(process.argv.slice(2));
  if (typeof parsed === 'string' || parsed.rest.length > 0) {
    console.error(`${typeof parsed === 'string' ? parsed : `unknown argument ${parsed.rest[0]}`}\nusage: pipeline.ts [--villages N] [--towns N] [--projects N] [--seed N]`);
    return 2;
  }
  // English headers: mapshaper's expressions name the columns (town_code, budget_wan).
  const options: ProvinceOptions = { ...DEFAULT_PROVINCE, ...parsed.options, headers: 'en' };
  const province = cachedProvince(options);
  line('province_villages', options.villages, 0);
  line('province_towns', options.towns, 0);
  line('province_projects', options.projects, 0);
  line('province_generate_s', province.isCached ? 'cached' : province.generateS.toFixed(1));

  const scratch = mkdtempSync(join(tmpdir(), 'cunhu-bench-pipeline-'));
  try {
    // (a) The data build, as `npm run data:build` runs it (tsx), writing the site data to a temporary folder.
    const pipeline = await measure(['--import', 'tsx', join(ROOT, 'scripts/data.ts'), 'build', province.dir, '--out', join(scratch, 'site')]);
    if (!/^0 error\(s\)/m.test(pipeline.stdout)) throw new Error(`the build of the province reported errors:\n${pipeline.stdout.slice(-2000)}`);
    const written = outputSizes(join(scratch, 'site'));
    rmSync(join(scratch, 'site'), { recursive: true, force: true });
    line('pipeline_wall_s', pipeline.wallS);
    line('pipeline_cpu_s', pipeline.cpuS);
    line('pipeline_peak_mb', pipeline.peakMb, 0);
    line('pipeline_output_mb', mb(written.total), 0);
    line('pipeline_output_projects_json_mb', mb(written.projectsJson), 0);
    line('pipeline_output_open_data_csv_mb', mb(written.openDataCsv), 0);
    line('pipeline_output_open_data_parquet_mb', mb(written.openDataParquet), 0);
    line('pipeline_output_open_data_files', written.openData.map(([name, bytes]) => `${name} ${mb(bytes).toFixed(0)} MB`).join(', '));

    // (b) mapshaper: projects per town counted and their budgets summed onto the town polygons.
    // town_code is read as text, so it matches the towns' text codes.
    const joined = join(scratch, 'towns-joined.json');
    const mapshaper = await measure([
      MAPSHAPER,
      join(province.dir, 'boundaries/towns.geojson'),
      '-join', join(province.dir, 'projects.csv'), 'keys=code,town_code', 'string-fields=town_code', 'calc=n=count(), budget=sum(budget_wan)',
      '-o', joined,
    ]);
    checkJoin(joined, options.towns);
    line('mapshaper_wall_s', mapshaper.wallS);
    line('mapshaper_cpu_s', mapshaper.cpuS);
    line('mapshaper_peak_mb', mapshaper.peakMb, 0);

    // (c) The floor: a bare streaming papaparse pass over the same projects.csv.
    const floor = await measure(['--import', 'tsx', join(import.meta.dirname, 'parse-floor.ts'), join(province.dir, 'projects.csv')]);
    line('parse_floor_wall_s', floor.wallS);
    line('parse_floor_cpu_s', floor.cpuS);
    line('parse_floor_peak_mb', floor.peakMb, 0);

    // The targets side by side: ≥ 2× mapshaper's speed, ≤ 400 MB, ≤ 2× the parse floor.
    line('pipeline_vs_mapshaper_speedup_cpu', mapshaper.cpuS / pipeline.cpuS, 2);
    line('pipeline_vs_parse_floor_cpu', pipeline.cpuS / floor.cpuS, 2);
    line('pipeline_vs_mapshaper_speedup', mapshaper.wallS / pipeline.wallS, 2);
    line('pipeline_peak_vs_400mb', pipeline.peakMb / 400, 2);
    line('pipeline_vs_parse_floor', pipeline.wallS / floor.wallS, 2);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return 0;
}

const mb = (bytes: number): number => bytes / 1e6;

/** What the build wrote, in bytes: in all, the towns' projects files, and the open data by format and file (largest first). */
function outputSizes(dir: string): { total: number; projectsJson: number; openDataCsv: number; openDataParquet: number; openData: [string, number][] } {
  const files = (readdirSync(dir, { recursive: true }) as string[]).flatMap((path) => {
    const stat = statSync(join(dir, path));
    return stat.isFile() ? [{ name: path.split('\\').join('/'), bytes: stat.size }] : [];
  });
  const sum = (test: (name: string) => boolean) => files.filter((f) => test(f.name)).reduce((n, f) => n + f.bytes, 0);
  const openData = files.filter((f) => f.name.startsWith('open-data/')).map((f): [string, number] => [f.name.slice('open-data/'.length), f.bytes]);
  return {
    total: sum(() => true),
    projectsJson: sum((n) => n.startsWith('projects/')),
    openDataCsv: sum((n) => n.startsWith('open-data/') && n.endsWith('.csv')),
    openDataParquet: sum((n) => n.startsWith('open-data/') && n.endsWith('.parquet')),
    openData: openData.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

/** mapshaper's output must have every town, each with its count: otherwise the keys did not match and it timed nothing. */
function checkJoin(path: string, towns: number): void {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: { n?: number } }[] };
  const matched = fc.features.filter((f) => typeof f.properties.n === 'number' && f.properties.n > 0).length;
  if (fc.features.length !== towns || matched === 0) throw new Error(`mapshaper joined ${matched} of ${fc.features.length} towns: the keys did not match`);
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  process.exitCode = await main();
}
