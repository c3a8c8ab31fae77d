import { problem } from '../../i18n/problems';
import { HOUSEHOLDS, PROGRESS, PROJECTS, VILLAGES } from '../../contract/columns';
import { MAX_COUNT, MAX_MONEY_WAN } from '../../contract/config';
import { PROJECT_FIELDS, type FieldKind } from '../../contract/project-fields';
import type { HouseholdRecord, ProgressRecord, ProjectRecord, VillageRecord } from '../../contract/records';
import { householdKeyProblem } from '../privacy/headers';
import { readTable } from './read-table';
import type { RowReader } from './row-reader';
import { detach } from './string-pool';
import { PROJECT_RECORD_KEYS, ProjectRecordColumns } from './project-records';
import { RecordColumns } from './record-columns';
import type { TableResult } from './table-result';
import { parseDegrees } from './values';

/**
 * Row-level parsing of each CSV of the contract; cross-file checks happen in join/join-dataset.ts, and so do the
 * config's per-row ceilings (join/ranges.ts). The hard caps on money and counts are checked here.
 */

/** Every key of a progress record, in the order progressRow lays one out; every key, or the store would drop one without a word. */
const PROGRESS_RECORD_KEYS = ['row', 'month', 'projectId', 'status', 'progressPct', 'spentWan'] as const satisfies readonly (keyof ProgressRecord)[];
const IS_EVERY_PROGRESS_KEY: [Exclude<keyof ProgressRecord, (typeof PROGRESS_RECORD_KEYS)[number]>] extends [never] ? true : never = true;

/** Each table of the contract: its columns and how one of its rows becomes a record. */
export const TABLES = {
  villages: { spec: VILLAGES, build: (r: RowReader) => villageRow(r) },
  // Kept as columns while read (read/record-columns.ts): a province has a million of each.
  projects: { spec: PROJECTS, build: Object.assign((r: RowReader) => projectRow(r), { store: () => new ProjectRecordColumns() }) },
  progress: { spec: PROGRESS, build: Object.assign((r: RowReader) => progressRow(r), { store: () => new RecordColumns<ProgressRecord>(PROGRESS_RECORD_KEYS, ['row', 'progressPct', 'spentWan']) }) },
  households: { spec: HOUSEHOLDS, build: (r: RowReader) => householdRow(r) },
} as const;

/** One row of villages.csv as a record, or null (with the reasons reported) to reject it. */
export function villageRow(r: RowReader): VillageRecord | null {
  const villageCode = r.code('village_code');
  const villageName = r.text('village_name');
  const households = count(r, 'households');
  const population = count(r, 'population');
  const poorHouseholds = count(r, 'poor_households');
  const poorPopulation = count(r, 'poor_population');
  const row = r.row;
  const townCode = r.code('town_code');
  const townName = r.text('town_name');
  const point = lonLat(r, 'lon', 'lat');
  const isPoorVillage = r.boolean('poor_village');
  const exitedHouseholds = count(r, 'exited_households');
  const exitedPopulation = count(r, 'exited_population');
  const exitYear = year(r, 'exit_year');
  const laborers = count(r, 'laborers');
  const employed = count(r, 'employed');
  if (villageName === null || households === null || population === null || poorHouseholds === null || poorPopulation === null) return null;
  if (townCode === null && townName === null) r.report('error', 'town_code', problem('townNeeded'));
  if (poorHouseholds > households) r.report('error', 'poor_households', problem('poorHouseholdsOver', { poor: poorHouseholds, all: households }));
  if (poorPopulation > population) r.report('error', 'poor_population', problem('poorPopulationOver', { poor: poorPopulation, all: population }));
  if (exitedHouseholds !== null && exitedHouseholds > poorHouseholds) r.report('error', 'exited_households', problem('exitedHouseholdsOver', { exited: exitedHouseholds, poor: poorHouseholds }));
  if (exitedPopulation !== null && exitedPopulation > poorPopulation) r.report('error', 'exited_population', problem('exitedPopulationOver', { exited: exitedPopulation, poor: poorPopulation }));
  if (employed !== null && laborers !== null && employed > laborers) r.report('error', 'employed', problem('employedOver', { employed, laborers }));
  return { row, villageCode, townCode, townName, lon: point.lon, lat: point.lat, isPoorVillage, exitedHouseholds, exitedPopulation, exitYear, laborers, employed, villageName, households, population, poorHouseholds, poorPopulation };
}

export function readVillages(bytes: Uint8Array, file = VILLAGES.file): TableResult<VillageRecord> {
  return readTable(VILLAGES, bytes, villageRow, file);
}

/** How the cell of a public field is read, by its kind: money, counts and dates within their caps. */
const READ_FIELD: Readonly<Record<FieldKind, (r: RowReader, name: string) => string | number | null>> = {
  text: (r, name) => r.text(name),
  date,
  money,
  count,
};
/** The public fields' keys, columns and readers, in list order. */
const FIELD_KEYS: readonly string[] = PROJECT_FIELDS.map((f) => f.key);
const FIELD_COLUMNS = PROJECT_FIELDS.map((f) => f.column.name);
const FIELD_READERS = PROJECT_FIELDS.map((f) => READ_FIELD[f.kind]);
const REQUIRED_FIELDS = PROJECT_FIELDS.flatMap((f, k) => (f.isRequired ? [k] : []));
const OPTIONAL_FIELDS = PROJECT_FIELDS.flatMap((f, k) => (f.isRequired ? [] : [k]));

/**
 * A project record with every key, each null, copied for each row: every record then has one
 * shape, its fields inside the object (JSON.parse lays them out so) rather than in a store added
 * beside it key by key, which at a million rows costs 4% more memory.
 */
const RECORD_SHAPE = JSON.parse(JSON.stringify(Object.fromEntries(PROJECT_RECORD_KEYS.map((k) => [k, null])))) as object;

/** One row of projects.csv as a record, or null (with the reasons reported) to reject it. */
export function projectRow(r: RowReader): ProjectRecord | null {
  const record = { ...RECORD_SHAPE } as ProjectRecord;
  // The public fields (project-fields.ts) by key, each read by its kind: the list's types.
  const fields = record as unknown as Record<string, string | number | null>;
  // Read in the order of the row's issues: the required columns, then the rest, each in column order.
  const projectId = r.code('project_id');
  const projectName = r.text('project_name');
  const category = r.text('category');
  let isMissing = false;
  for (const k of REQUIRED_FIELDS) if ((fields[FIELD_KEYS[k]!] = FIELD_READERS[k]!(r, FIELD_COLUMNS[k]!)) === null) isMissing = true;
  const townCode = r.code('town_code');
  const townName = r.text('town_name');
  const villageCode = r.code('village_code');
  const villageName = r.text('village_name');
  const own = lonLat(r, 'lon', 'lat');
  for (const k of OPTIONAL_FIELDS) fields[FIELD_KEYS[k]!] = FIELD_READERS[k]!(r, FIELD_COLUMNS[k]!);
  const to = lonLat(r, 'to_lon', 'to_lat');
  if (projectId === null || projectName === null || category === null || isMissing) return null;
  if (record.due < record.start) r.report('error', 'due', problem('dueBeforeStart', { due: record.due, start: record.start }));
  if (townCode === null && townName === null && villageCode === null && villageName === null) {
    r.report('error', 'town_code', problem('placeNeeded'));
  }
  const all = record.beneficiaryHouseholds;
  const poor = record.beneficiaryPoorHouseholds;
  if (all !== null && poor !== null && poor > all) r.report('error', 'beneficiary_poor_households', problem('beneficiaryPoorOver', { poor, all }));
  record.row = r.row;
  record.projectId = projectId;
  record.projectName = projectName;
  record.category = category;
  record.townCode = townCode;
  record.townName = townName;
  record.villageCode = villageCode;
  record.villageName = villageName;
  record.lon = own.lon;
  record.lat = own.lat;
  record.toLon = to.lon;
  record.toLat = to.lat;
  return record;
}

export function readProjects(bytes: Uint8Array, file = PROJECTS.file): TableResult<ProjectRecord> {
  return readTable(PROJECTS, bytes, TABLES.projects.build, file);
}

/** One row of progress.csv as a record, or null (with the reasons reported) to reject it. */
export function progressRow(r: RowReader): ProgressRecord | null {
  const month = r.month('month');
  const projectId = r.code('project_id');
  const status = r.status('status');
  const progressPct = r.number('progress_pct', { min: 0, max: 100 });
  const spentWan = money(r, 'spent_wan');
  if (month === null || projectId === null || status === null) return null;
  return { row: r.row, month, projectId, status, progressPct, spentWan };
}

export function readProgress(bytes: Uint8Array, file = PROGRESS.file): TableResult<ProgressRecord> {
  return readTable(PROGRESS, bytes, TABLES.progress.build, file);
}

/** One row of households.csv as a record, or null (with the reasons reported) to reject it. */
export function householdRow(r: RowReader): HouseholdRecord | null {
  const rawKey = r.raw('household_key');
  const key = rawKey === null ? null : detach(rawKey);
  const villageCode = r.code('village_code');
  const isPoor = r.boolean('poor');
  const record = { row: r.row, isExited: r.boolean('exited'), projectIds: r.list('project_ids'), laborers: count(r, 'laborers'), employed: count(r, 'employed') };
  if (key === null || villageCode === null || isPoor === null) return null;
  const keyProblem = householdKeyProblem(key);
  if (keyProblem !== null) r.report('error', 'household_key', keyProblem);
  // Private file: the message never quotes a cell.
  if (record.employed !== null && record.laborers !== null && record.employed > record.laborers) r.report('error', 'employed', problem('employedOverPrivate'));
  return { ...record, key, villageCode, isPoor };
}

export function readHouseholds(bytes: Uint8Array, file = HOUSEHOLDS.file): TableResult<HouseholdRecord> {
  return readTable(HOUSEHOLDS, bytes, householdRow, file);
}

/**
 * An amount of 万元, not negative and at most MAX_MONEY_WAN: a bigger figure is no budget but a
 * typo, and enough of them would sum to Infinity (a total of null in the site data).
 */
function money(r: RowReader, name: string): number | null {
  const v = r.number(name, { min: 0 });
  if (v === null || v <= MAX_MONEY_WAN) return v;
  r.report('error', name, problem('moneyTooLarge', { value: r.quote(r.raw(name) ?? v), max: MAX_MONEY_WAN }));
  return null;
}

/**
 * A count of households, people or jobs, not negative and at most MAX_COUNT: more is beyond any
 * place in China, and sums of such figures would no longer be exact whole numbers.
 */
function count(r: RowReader, name: string): number | null {
  const v = r.count(name);
  if (v === null || v <= MAX_COUNT) return v;
  r.report('error', name, problem('countTooLarge', { value: r.quote(r.raw(name) ?? v), max: MAX_COUNT }));
  return null;
}

/** A calendar year, 1978 (reform and opening) to 2100. */
function year(r: RowReader, name: string): number | null {
  const y = r.count(name);
  if (y !== null && (y < 1978 || y > 2100)) {
    r.report('error', name, problem('yearOutside', { year: y }));
    return null;
  }
  return y;
}

/** A date in a year from 1978 to 2100: a year outside is a typo (1916 for 2016) that would stretch the month axis. */
function date(r: RowReader, name: string): string | null {
  const d = r.date(name);
  const y = d === null ? null : Number(d.slice(0, 4));
  if (y !== null && (y < 1978 || y > 2100)) {
    r.report('error', name, problem('dateOutside', { date: d ?? '' }));
    return null;
  }
  return d;
}

/** Longitude and latitude, both or neither, within the globe's ranges; degrees-minutes-seconds are read and reported. */
export function lonLat(r: RowReader, lonName: string, latName: string): { lon: number | null; lat: number | null } {
  const lon = degreesOrNumber(r, lonName, 180);
  let lat = degreesOrNumber(r, latName, 180);
  if (lat !== null && Math.abs(lat) > 90) {
    // China's longitudes (73–135) do not fit a latitude: the two columns were most likely swapped.
    r.report('error', latName, problem('latOutside', { value: r.quote(lat), isSwapped: lon !== null && Math.abs(lon) <= 90 }));
    lat = null;
  }
  if ((lon === null) !== (lat === null)) {
    if (r.isValid) r.report('warning', lon === null ? lonName : latName, problem('lonLatTogether'));
    return { lon: null, lat: null };
  }
  return { lon, lat };
}

/** A coordinate as a decimal number, or written in degrees, minutes and seconds (converted, with a warning). */
function degreesOrNumber(r: RowReader, name: string, limit: number): number | null {
  const raw = r.raw(name);
  const dms = raw === null ? null : parseDegrees(raw);
  if (dms === null || raw === null) return r.number(name, { min: -limit, max: limit });
  if (Math.abs(dms) > limit) {
    r.report('error', name, problem('degreesOutside', { value: r.quote(raw), limit }));
    return null;
  }
  const value = Math.round(dms * 1e6) / 1e6;
  r.report('warning', name, problem('degreesRead', { value: r.quote(raw), degrees: value }));
  return value;
}
