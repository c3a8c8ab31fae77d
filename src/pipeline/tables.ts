import { HOUSEHOLDS, PROGRESS, PROJECTS, VILLAGES } from '../contract/columns';
import type { HouseholdRecord, ProgressRecord, ProjectRecord, VillageRecord } from '../contract/records';
import { householdKeyProblem } from './privacy';
import { readTable, type RowReader, type TableResult } from './table';
import { parseDegrees } from './values';

/** Row-level parsing of each CSV of the contract; cross-file checks happen in link.ts. */

export function readVillages(bytes: Uint8Array, file = VILLAGES.file): TableResult<VillageRecord> {
  return readTable(VILLAGES, bytes, (r) => {
    const villageCode = r.code('village_code');
    const villageName = r.text('village_name');
    const households = r.count('households');
    const population = r.count('population');
    const poorHouseholds = r.count('poor_households');
    const poorPopulation = r.count('poor_population');
    const record = {
      row: r.row,
      villageCode,
      townCode: r.code('town_code'),
      townName: r.text('town_name'),
      ...lonLat(r, 'lon', 'lat'),
      isPoorVillage: r.boolean('poor_village'),
      exitedHouseholds: r.count('exited_households'),
      exitedPopulation: r.count('exited_population'),
      exitYear: year(r, 'exit_year'),
      laborers: r.count('laborers'),
      employed: r.count('employed'),
    };
    if (villageName === null || households === null || population === null || poorHouseholds === null || poorPopulation === null) return null;
    if (record.townCode === null && record.townName === null) r.report('error', 'town_code', 'the town is needed: give town_code or town_name');
    if (poorHouseholds > households) r.report('error', 'poor_households', `${poorHouseholds} poor households is more than the ${households} households`);
    if (poorPopulation > population) r.report('error', 'poor_population', `${poorPopulation} poor people is more than the population of ${population}`);
    if (record.exitedHouseholds !== null && record.exitedHouseholds > poorHouseholds) r.report('error', 'exited_households', `${record.exitedHouseholds} exited households is more than the ${poorHouseholds} registered`);
    if (record.exitedPopulation !== null && record.exitedPopulation > poorPopulation) r.report('error', 'exited_population', `${record.exitedPopulation} exited people is more than the ${poorPopulation} registered`);
    if (record.employed !== null && record.laborers !== null && record.employed > record.laborers) r.report('error', 'employed', `${record.employed} employed is more than the ${record.laborers} laborers`);
    return { ...record, villageName, households, population, poorHouseholds, poorPopulation };
  }, file);
}

export function readProjects(bytes: Uint8Array, file = PROJECTS.file): TableResult<ProjectRecord> {
  return readTable(PROJECTS, bytes, (r) => {
    const projectId = r.code('project_id');
    const projectName = r.text('project_name');
    const category = r.text('category');
    const budgetWan = r.number('budget_wan', { min: 0 });
    const start = date(r, 'start');
    const due = date(r, 'due');
    const rest = {
      row: r.row,
      townCode: r.code('town_code'),
      townName: r.text('town_name'),
      villageCode: r.code('village_code'),
      villageName: r.text('village_name'),
      ...lonLat(r, 'lon', 'lat'),
      content: r.text('content'),
      fundSource: r.text('fund_source'),
      unit: r.text('unit'),
      hotline: r.text('hotline'),
      beneficiaryHouseholds: r.count('beneficiary_households'),
      beneficiaryPoorHouseholds: r.count('beneficiary_poor_households'),
      jobs: r.count('jobs'),
      target: r.text('target'),
    };
    const to = lonLat(r, 'to_lon', 'to_lat');
    if (projectId === null || projectName === null || category === null || budgetWan === null || start === null || due === null) return null;
    if (due < start) r.report('error', 'due', `the planned completion ${due} is before the start ${start}`);
    if (rest.townCode === null && rest.townName === null && rest.villageCode === null && rest.villageName === null) {
      r.report('error', 'town_code', 'the place is needed: give town_code, village_code or their names');
    }
    const { beneficiaryHouseholds: all, beneficiaryPoorHouseholds: poor } = rest;
    if (all !== null && poor !== null && poor > all) r.report('error', 'beneficiary_poor_households', `${poor} poor beneficiary households is more than the ${all} beneficiary households`);
    return { ...rest, projectId, projectName, category, budgetWan, start, due, toLon: to.lon, toLat: to.lat };
  }, file);
}

export function readProgress(bytes: Uint8Array, file = PROGRESS.file): TableResult<ProgressRecord> {
  return readTable(PROGRESS, bytes, (r) => {
    const month = r.month('month');
    const projectId = r.code('project_id');
    const status = r.status('status');
    const progressPct = r.number('progress_pct', { min: 0, max: 100 });
    const spentWan = r.number('spent_wan', { min: 0 });
    if (month === null || projectId === null || status === null) return null;
    return { row: r.row, month, projectId, status, progressPct, spentWan };
  }, file);
}

export function readHouseholds(bytes: Uint8Array, file = HOUSEHOLDS.file): TableResult<HouseholdRecord> {
  return readTable(HOUSEHOLDS, bytes, (r) => {
    const key = r.raw('household_key');
    const villageCode = r.code('village_code');
    const isPoor = r.boolean('poor');
    const record = { row: r.row, isExited: r.boolean('exited'), projectIds: r.list('project_ids'), laborers: r.count('laborers'), employed: r.count('employed') };
    if (key === null || villageCode === null || isPoor === null) return null;
    const keyProblem = householdKeyProblem(key);
    if (keyProblem !== null) r.report('error', 'household_key', keyProblem);
    // Private file: the message never quotes a cell.
    if (record.employed !== null && record.laborers !== null && record.employed > record.laborers) r.report('error', 'employed', 'employed is more than laborers');
    return { ...record, key, villageCode, isPoor };
  }, file);
}

/** A calendar year, 1978 (reform and opening) to 2100. */
function year(r: RowReader, name: string): number | null {
  const y = r.count(name);
  if (y !== null && (y < 1978 || y > 2100)) {
    r.report('error', name, `${y} is not a year from 1978 to 2100`);
    return null;
  }
  return y;
}

/** A date in a year from 1978 to 2100: a year outside is a typo (1916 for 2016) that would stretch the month axis. */
function date(r: RowReader, name: string): string | null {
  const d = r.date(name);
  const y = d === null ? null : Number(d.slice(0, 4));
  if (y !== null && (y < 1978 || y > 2100)) {
    r.report('error', name, `${d} is not a date from 1978 to 2100`);
    return null;
  }
  return d;
}

/** Longitude and latitude, both or neither, within the globe's ranges; degrees-minutes-seconds are read and reported. */
function lonLat(r: RowReader, lonName: string, latName: string): { lon: number | null; lat: number | null } {
  const lon = degreesOrNumber(r, lonName, 180);
  let lat = degreesOrNumber(r, latName, 180);
  if (lat !== null && Math.abs(lat) > 90) {
    // China's longitudes (73–135) do not fit a latitude: the two columns were most likely swapped.
    const hint = lon !== null && Math.abs(lon) <= 90 ? '; longitude and latitude look swapped' : '';
    r.report('error', latName, `${r.quote(lat)} is outside -90–90${hint}`);
    lat = null;
  }
  if ((lon === null) !== (lat === null)) {
    if (r.isValid) r.report('warning', lon === null ? lonName : latName, 'longitude and latitude go together; the point is ignored');
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
    r.report('error', name, `${r.quote(raw)} is outside -${limit}–${limit} degrees`);
    return null;
  }
  const value = Math.round(dms * 1e6) / 1e6;
  r.report('warning', name, `${r.quote(raw)} is written in degrees, minutes and seconds; read as ${value}`);
  return value;
}
