/**
 * A synthetic province-scale dataset in the dataset contract's format (data/README.md), for
 * benchmarking the data build: towns as squares on a grid around Hubei (sharing their edges),
 * villages inside their towns, projects inside their village's town, one progress row per project.
 * Deterministic: every figure comes from seeded streams (mulberry32), never Math.random, so the
 * same options write the same bytes. Every name is obviously synthetic (示例镇0001, 示例村00001)
 * and no column holds personal data; households.csv is not written (it is optional).
 *
 * Files are written as they are generated, a few thousand rows at a time, never as one string.
 *
 *   npx tsx scripts/bench/province.ts OUTDIR [--villages N] [--towns N] [--projects N] [--seed N] [--zh]
 *
 * Defaults: 30,000 villages in 1,000 towns, 1,000,000 projects, English headers (--zh: the
 * templates' Chinese headers).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRESS, PROJECTS, VILLAGES, type TableSpec } from '../../src/contract/columns';
import { isEntryPoint } from '../lib/entry-point';
import { Rng } from '../sample/rng';

export interface ProvinceOptions {
  villages: number;
  /** At most 1000: a town code is the 6-digit region code and 3 digits. */
  towns: number;
  projects: number;
  seed: number;
  /**
   * The CSV headers: the contract's English names (`town_code`, `budget_wan`: what other tools,
   * mapshaper among them, can name in an expression), or the Chinese headers of the templates.
   */
  headers: 'en' | 'zh';
}

export const DEFAULT_PROVINCE: ProvinceOptions = { villages: 30_000, towns: 1_000, projects: 1_000_000, seed: 20160630, headers: 'en' };

export interface ProvinceSummary {
  towns: number;
  villages: number;
  projects: number;
  progressRows: number;
  months: string[];
  /** Bytes written per file, by its path inside the dataset. */
  bytes: Record<string, number>;
}

const REGION_CODE = '420000';
const REGION_NAME = '示例省';
/** The area the grid covers: around Hubei. */
const WEST = 108;
const EAST = 116;
const SOUTH = 29;
const NORTH = 33;
/** Points along each edge of a town square (beside its corners), so the boundaries have some vertices to simplify. */
const EDGE_STEPS = 4;
/** Reports run over these months; projects start in the first half of them. */
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
const DATA_DATE = '2016-06-30';
const FLUSH_ROWS = 4096;
const BOM = '\uFEFF';
const CRLF = '\r\n';

const CATEGORIES = [
  { id: 'industry', zh: '产业发展', en: 'Industry', colour: '#988800', goal: 'industry' },
  { id: 'tourism', zh: '乡村旅游', en: 'Rural tourism', colour: '#c448c0', goal: 'industry' },
  { id: 'employment', zh: '就业创业', en: 'Employment', colour: '#008890', goal: 'employment' },
  { id: 'infrastructure', zh: '基础设施', en: 'Infrastructure (water, power, roads)', colour: '#405018', goal: null },
  { id: 'relocation', zh: '易地搬迁', en: 'Relocation', colour: '#f84068', goal: 'household' },
  { id: 'education', zh: '教育保障', en: 'Education', colour: '#7070c0', goal: 'household' },
  { id: 'health', zh: '健康医疗', en: 'Health care', colour: '#583c6c', goal: 'household' },
  { id: 'finance', zh: '金融扶持', en: 'Financial support', colour: '#9c6000', goal: 'household' },
  { id: 'environment', zh: '美丽乡村', en: 'Beautiful village (living environment)', colour: '#108438', goal: 'beauty' },
  { id: 'party', zh: '党建引领', en: 'Party building', colour: '#a81054', goal: null },
] as const;
const CONTENT = ['新建', '改造', '扩建', '配套', '培训'];
const FUNDS = ['财政专项扶贫资金', '整合涉农资金', '社会帮扶资金'];
const STATUS_ZH = { planned: '未开工', building: '在建', done: '已完工', accepted: '已验收' } as const;

/** The sample's seeded generator (mulberry32), one stream per purpose, so changing one count leaves the other files alone. */
function streamRng(seed: number, stream: number): Rng {
  return new Rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
}

/** A file written in chunks of rows. */
class ChunkedFile {
  private readonly fd: number;
  private lines: string[] = [];
  bytes = 0;
  constructor(path: string, first = '') {
    this.fd = openSync(path, 'w');
    if (first) this.raw(first);
  }
  line(text: string): void {
    this.lines.push(text);
    if (this.lines.length >= FLUSH_ROWS) this.flush();
  }
  private raw(text: string): void {
    this.bytes += writeSync(this.fd, Buffer.from(text, 'utf8'));
  }
  private flush(): void {
    if (this.lines.length === 0) return;
    this.raw(this.lines.join(''));
    this.lines = [];
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

interface Grid {
  cols: number;
  rows: number;
  dx: number;
  dy: number;
}

interface TownCell {
  code: string;
  name: string;
  col: number;
  row: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** projects.csv's columns, in the contract's order. */
const PROJECT_COLUMNS = PROJECTS.columns.map((c) => c.name);
const header = (spec: TableSpec, headers: ProvinceOptions['headers']): string => spec.columns.map((c) => (headers === 'en' ? c.name : c.zh)).join(',');
const fixed = (x: number, digits: number): string => x.toFixed(digits);

function gridFor(towns: number): Grid {
  const aspect = (EAST - WEST) / (NORTH - SOUTH);
  const cols = Math.max(1, Math.ceil(Math.sqrt(towns * aspect)));
  const rows = Math.max(1, Math.ceil(towns / cols));
  return { cols, rows, dx: (EAST - WEST) / cols, dy: (NORTH - SOUTH) / rows };
}

/** Positions of a grid line from one grid point to the next, the first included, the last not. */
function edge(grid: Grid, [c0, r0]: [number, number], [c1, r1]: [number, number]): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < EDGE_STEPS + 1; k++) {
    const c = c0 + ((c1 - c0) * k) / (EDGE_STEPS + 1);
    const r = r0 + ((r1 - r0) * k) / (EDGE_STEPS + 1);
    out.push([round6(WEST + c * grid.dx), round6(SOUTH + r * grid.dy)]);
  }
  return out;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A ring through grid points (counterclockwise), each side subdivided the same way for every town, so shared edges share vertices. */
function ring(grid: Grid, corners: [number, number][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % corners.length]!;
    // Long sides (the county outline) step one grid cell at a time.
    const steps = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
    for (let s = 0; s < steps; s++) {
      const from: [number, number] = [a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps];
      const to: [number, number] = [a[0] + ((b[0] - a[0]) * (s + 1)) / steps, a[1] + ((b[1] - a[1]) * (s + 1)) / steps];
      out.push(...edge(grid, from, to));
    }
  }
  out.push(out[0]!);
  return out;
}

/** The outline of the filled grid: full rows below, a partial top row (as a staircase), counterclockwise. */
function outlineCorners(grid: Grid, towns: number): [number, number][] {
  const full = Math.floor(towns / grid.cols);
  const rest = towns % grid.cols;
  if (rest === 0) return [[0, 0], [grid.cols, 0], [grid.cols, full], [0, full]];
  if (full === 0) return [[0, 0], [rest, 0], [rest, 1], [0, 1]];
  return [[0, 0], [grid.cols, 0], [grid.cols, full], [rest, full], [rest, full + 1], [0, full + 1]];
}

function config(): unknown {
  return {
    $comment: 'synthetic benchmark dataset: generated by scripts/bench/province.ts; every name and figure is made up',
    schemaVersion: 1,
    title: { zh: '示例省“十个到村到户”工作图（合成数据）', en: 'Synthetic province (benchmark data)' },
    region: { code: REGION_CODE, name: REGION_NAME, nameEn: 'Synthetic Province' },
    sample: true,
    crs: 'WGS84',
    dataDate: DATA_DATE,
    categories: CATEGORIES,
    goals: [
      { id: 'industry', zh: '村村有产业', en: 'Every village has an industry' },
      { id: 'household', zh: '户户有项目', en: 'Every household has a project' },
      { id: 'employment', zh: '人人有事干', en: 'Everyone has work' },
      { id: 'beauty', zh: '处处都美丽', en: 'Everywhere is beautiful' },
    ],
    thresholds: { lagPoints: 15, exitIncidence: 0.02, minHouseholdCount: 3 },
    tour: [],
    basemap: { type: 'none' },
  };
}

function checkOptions(o: ProvinceOptions): void {
  const whole = (n: number, name: string, min: number): void => {
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${n}`);
  };
  whole(o.towns, 'towns', 1);
  whole(o.villages, 'villages', 1);
  whole(o.projects, 'projects', 0);
  whole(o.seed, 'seed', 0);
  if (o.headers !== 'en' && o.headers !== 'zh') throw new Error(`headers: en or zh, got ${String(o.headers)}`);
  if (o.towns > 1000) throw new Error('towns: at most 1000 (a town code is the region code and 3 digits)');
  if (o.villages < o.towns) throw new Error('villages: at least one per town');
  if (Math.ceil(o.villages / o.towns) > 999) throw new Error('villages: at most 999 per town (a village code is the town code and 3 digits)');
}

/** Writes the dataset into `dir` (created if need be) and says what it wrote. */
export function writeProvince(dir: string, options: Partial<ProvinceOptions> = {}): ProvinceSummary {
  const o: ProvinceOptions = { ...DEFAULT_PROVINCE, ...options };
  checkOptions(o);
  mkdirSync(join(dir, 'boundaries'), { recursive: true });
  const bytes: Record<string, number> = {};
  const grid = gridFor(o.towns);

  // Towns: cell i of the grid, row by row from the south-west.
  const towns: TownCell[] = [];
  for (let i = 0; i < o.towns; i++) towns.push({ code: REGION_CODE + pad(i, 3), name: `示例镇${pad(i + 1, 4)}`, col: i % grid.cols, row: Math.floor(i / grid.cols) });
  const townsFile = new ChunkedFile(join(dir, 'boundaries/towns.geojson'), '{"type":"FeatureCollection","features":[\n');
  towns.forEach((t, i) => {
    const coordinates = [ring(grid, [[t.col, t.row], [t.col + 1, t.row], [t.col + 1, t.row + 1], [t.col, t.row + 1]])];
    const f = { type: 'Feature', properties: { code: t.code, name: t.name }, geometry: { type: 'Polygon', coordinates } };
    townsFile.line(`${JSON.stringify(f)}${i < towns.length - 1 ? ',' : ''}\n`);
  });
  townsFile.line(']}\n');
  townsFile.close();
  bytes['boundaries/towns.geojson'] = townsFile.bytes;

  const county = { type: 'Feature', properties: { code: REGION_CODE, name: REGION_NAME }, geometry: { type: 'Polygon', coordinates: [ring(grid, outlineCorners(grid, o.towns))] } };
  const countyFile = new ChunkedFile(join(dir, 'boundaries/county.geojson'));
  countyFile.line(`{"type":"FeatureCollection","features":[\n${JSON.stringify(county)}\n]}\n`);
  countyFile.close();
  bytes['boundaries/county.geojson'] = countyFile.bytes;

  const configFile = new ChunkedFile(join(dir, 'atlas.config.json'));
  configFile.line(`${JSON.stringify(config(), null, 2)}\n`);
  configFile.close();
  bytes['atlas.config.json'] = configFile.bytes;

  // Villages: spread over the towns in turn; a point in the inner part of the town's square.
  const digits = Math.max(5, String(o.villages).length);
  const villageTown = new Int32Array(o.villages);
  const villageHouseholds = new Int32Array(o.villages);
  const villageCode: string[] = [];
  const villageName: string[] = [];
  const perTown = new Int32Array(o.towns);
  const vr = streamRng(o.seed, 1);
  const villagesFile = new ChunkedFile(join(dir, 'villages.csv'), BOM + header(VILLAGES, o.headers) + CRLF);
  for (let i = 0; i < o.villages; i++) {
    const t = towns[i % o.towns]!;
    const code = t.code + pad(++perTown[i % o.towns]!, 3);
    const name = `示例村${pad(i + 1, digits)}`;
    const lon = WEST + (t.col + vr.float(0.1, 0.9)) * grid.dx;
    const lat = SOUTH + (t.row + vr.float(0.1, 0.9)) * grid.dy;
    const households = vr.int(150, 1500);
    const population = households * 3 + vr.int(0, households);
    const isPoor = vr.next() < 0.3;
    const poorHouseholds = Math.floor(households * vr.float(0.02, isPoor ? 0.3 : 0.1));
    const poorPopulation = poorHouseholds * 3;
    const exitedHouseholds = Math.floor(poorHouseholds * vr.next());
    const exitedPopulation = exitedHouseholds * 3;
    const exitYear = isPoor && vr.next() < 0.4 ? 2016 : '';
    const laborers = Math.floor(poorPopulation * 0.5);
    const employed = Math.floor(laborers * vr.next());
    villageTown[i] = i % o.towns;
    villageHouseholds[i] = households;
    villageCode.push(code);
    villageName.push(name);
    villagesFile.line(
      [code, name, t.code, t.name, fixed(lon, 6), fixed(lat, 6), households, population, isPoor ? '是' : '否', poorHouseholds, poorPopulation, exitedHouseholds, exitedPopulation, exitYear, laborers, employed].join(',') + CRLF,
    );
  }
  villagesFile.close();
  bytes['villages.csv'] = villagesFile.bytes;

  // Projects, and their one progress row each (same stream order: project i, then its report).
  const pr = streamRng(o.seed, 2);
  const gr = streamRng(o.seed, 3);
  const projectsFile = new ChunkedFile(join(dir, 'projects.csv'), BOM + header(PROJECTS, o.headers) + CRLF);
  const progressFile = new ChunkedFile(join(dir, 'progress.csv'), BOM + header(PROGRESS, o.headers) + CRLF);
  const idDigits = Math.max(7, String(o.projects).length);
  for (let i = 0; i < o.projects; i++) {
    const v = pr.int(0, o.villages - 1);
    const t = towns[villageTown[v]!]!;
    // One project in twenty is town-wide (no village), as a town's road or training is.
    const isTownWide = pr.next() < 0.05;
    const cat = CATEGORIES[pr.int(0, CATEGORIES.length - 1)]!;
    const id = `SL2016-${pad(i + 1, idDigits)}`;
    const place = isTownWide ? t.name : villageName[v]!;
    const name = `${place}${cat.zh}项目${pad(i + 1, idDigits)}`;
    const lon = WEST + (t.col + pr.float(0.05, 0.95)) * grid.dx;
    const lat = SOUTH + (t.row + pr.float(0.05, 0.95)) * grid.dy;
    const budget = pr.float(2, 300);
    const startMonth = pr.int(1, 3);
    const start = `2016-0${startMonth}-${pad(pr.int(1, 28), 2)}`;
    const due = `2016-${pad(pr.int(startMonth + 4, 12), 2)}-${pad(pr.int(1, 28), 2)}`;
    const beneficiaries = pr.int(5, 120);
    const poorBeneficiaries = pr.int(0, beneficiaries);
    const jobs = pr.next() < 0.5 ? pr.int(1, 40) : '';
    const hasOwnPoint = pr.next() < 0.8;
    const households = isTownWide ? beneficiaries : Math.min(beneficiaries, villageHouseholds[v]!);
    // By column name, in the contract's order: a column the province does not fill is left blank.
    const cells: Readonly<Record<string, string | number>> = {
      project_id: id,
      project_name: name,
      category: cat.zh,
      town_code: t.code,
      town_name: t.name,
      village_code: isTownWide ? '' : villageCode[v]!,
      village_name: isTownWide ? '' : villageName[v]!,
      lon: hasOwnPoint ? fixed(lon, 6) : '',
      lat: hasOwnPoint ? fixed(lat, 6) : '',
      content: `${CONTENT[i % CONTENT.length]}${cat.zh}工程${(i % 97) + 3}处`,
      budget_wan: fixed(budget, 2),
      fund_source: FUNDS[i % FUNDS.length]!,
      start,
      due,
      unit: `${t.name}人民政府`,
      hotline: '12317',
      beneficiary_households: households,
      beneficiary_poor_households: Math.min(poorBeneficiaries, households),
      jobs,
      target: `带动${Math.min(poorBeneficiaries, households)}户贫困户增收`,
    };
    projectsFile.line(PROJECT_COLUMNS.map((c) => cells[c] ?? '').join(',') + CRLF);
    // The latest report: a month at or after the start, progress that fits the status.
    const month = MONTHS[gr.int(startMonth - 1, MONTHS.length - 1)]!;
    const roll = gr.next();
    const status = roll < 0.15 ? 'planned' : roll < 0.7 ? 'building' : roll < 0.9 ? 'done' : 'accepted';
    const pct = status === 'planned' ? 0 : status === 'building' ? gr.int(5, 95) : 100;
    const spent = status === 'planned' ? 0 : (budget * pct) / 100 * gr.float(0.5, 1);
    progressFile.line(`${month},${id},${STATUS_ZH[status]},${pct},${fixed(Math.min(spent, budget), 2)}${CRLF}`);
  }
  projectsFile.close();
  progressFile.close();
  bytes['projects.csv'] = projectsFile.bytes;
  bytes['progress.csv'] = progressFile.bytes;
  return { towns: o.towns, villages: o.villages, projects: o.projects, progressRows: o.projects, months: MONTHS, bytes };
}

const USAGE = 'usage: province.ts OUTDIR [--villages N] [--towns N] [--projects N] [--seed N] [--zh]';

/** Parses `--villages N --towns N --projects N --seed N --zh` (any of them) from an argument list; other arguments are returned as `rest`. */
export function parseProvinceArgs(argv: readonly string[]): { options: Partial<ProvinceOptions>; rest: string[] } | string {
  const options: Partial<ProvinceOptions> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const key = a.startsWith('--') ? a.slice(2) : null;
    if (key === 'zh') options.headers = 'zh';
    else if (key === 'villages' || key === 'towns' || key === 'projects' || key === 'seed') {
      const n = Number(argv[++i]?.replace(/[_,]/g, ''));
      if (!Number.isInteger(n) || n < 0) return `${a} needs a whole number`;
      options[key] = n;
    } else rest.push(a);
  }
  return { options, rest };
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  const parsed = parseProvinceArgs(process.argv.slice(2));
  if (typeof parsed === 'string' || parsed.rest.length !== 1 || parsed.rest[0]!.startsWith('-')) {
    console.error(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    process.exit(2);
  }
  const started = performance.now();
  const s = writeProvince(parsed.rest[0]!, parsed.options);
  const mb = (n: number): string => (n / 1024 ** 2).toFixed(1);
  console.log(`synthetic province written to ${parsed.rest[0]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  ${s.towns} towns, ${s.villages} villages, ${s.projects} projects, ${s.progressRows} progress rows over ${s.months[0]} … ${s.months.at(-1)}`);
  for (const [file, n] of Object.entries(s.bytes)) console.log(`  ${file}: ${mb(n)} MB`);
}
