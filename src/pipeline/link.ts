import { bbox as turfBbox, booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import type { TownBoundary } from '../contract/boundaries';
import type { AtlasConfig } from '../contract/config';
import type { Issue, IssueLevel } from '../contract/issues';
import type { HouseholdRecord, ProgressRecord, ProjectRecord, VillageRecord } from '../contract/records';
import { INDICATOR_IDS, type BBox, type LonLat } from '../contract/site';
import { monthRange } from '../domain/months';
import { toWgs84 } from './crs';
import { PlaceIndex } from './join';
import type { Dataset, Household, Project, Town, Village } from './model';
import { squash } from './normalize';
import type { TableResult } from './table';

export interface LinkInput {
  config: AtlasConfig;
  towns: TownBoundary[];
  county: MultiPolygon | null;
  villages: TableResult<VillageRecord>;
  projects: TableResult<ProjectRecord>;
  progress: TableResult<ProgressRecord> | null;
  households: TableResult<HouseholdRecord> | null;
}

export interface JoinCounts {
  byCode: number;
  byName: number;
  unmatched: number;
}

export interface LinkResult {
  dataset: Dataset;
  issues: Issue[];
  joins: Record<'villages' | 'projects' | 'progress' | 'households', JoinCounts>;
}

/**
 * Joins the tables into one dataset: villages to towns, projects to villages and towns,
 * progress and households to projects. Rows that cannot be joined are rejected (their
 * table's counts move from used to rejected), each with an issue naming row and column.
 */
export function linkDataset(input: LinkInput): LinkResult {
  const { config } = input;
  const issues: Issue[] = [];
  const joins: LinkResult['joins'] = { villages: zero(), projects: zero(), progress: zero(), households: zero() };
  const towns: Town[] = [...input.towns]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((t, index) => ({ index, code: t.code, name: t.name, geometry: t.geometry, bbox: turfBbox(t.geometry) as BBox }));
  const townIndex = new PlaceIndex('town', towns);
  const townByCode = new Map(towns.map((t) => [t.code, t]));
  const inCounty = (p: LonLat): boolean =>
    input.county ? booleanPointInPolygon(turfPoint(p), input.county) : towns.some((t) => booleanPointInPolygon(turfPoint(p), t.geometry));

  const say = (table: TableResult<unknown>, file: string, row: number, column: string, level: IssueLevel, message: string): void => {
    issues.push({ file, row, column: table.headers.get(column) ?? column, level, message });
  };
  const reject = (table: TableResult<unknown>): void => {
    table.counts.used--;
    table.counts.rejected++;
  };
  const locate = (table: TableResult<unknown>, file: string, row: number, lonCol: string, lon: number | null, lat: number | null): LonLat | null | false => {
    if (lon === null || lat === null) return null;
    const p = toWgs84(lon, lat, config.crs);
    if (inCounty(p)) return p;
    const swapped = inCounty(toWgs84(lat, lon, config.crs)) ? ' (longitude and latitude look swapped)' : '';
    say(table, file, row, lonCol, 'error', `point ${lon}, ${lat} is outside ${config.region.name}${swapped}`);
    return false;
  };

  // Villages → towns.
  const villages: Village[] = [];
  const seenVillage = new Map<string, number>();
  const vt = input.villages;
  for (const r of vt.records) {
    const file = 'villages.csv';
    if (r.villageCode === null) {
      say(vt, file, r.row, 'village_code', 'error', 'a village code is required');
      reject(vt);
      continue;
    }
    const first = seenVillage.get(r.villageCode);
    if (first !== undefined) {
      say(vt, file, r.row, 'village_code', 'error', `village code ${r.villageCode} already appears on row ${first}`);
      reject(vt);
      continue;
    }
    const town = joinTown(townIndex, r.townCode, r.townName, joins.villages, (level, msg) => say(vt, file, r.row, r.townCode === null ? 'town_name' : 'town_code', level, msg));
    const point = locate(vt, file, r.row, 'lon', r.lon, r.lat);
    if (town === null || point === false) {
      reject(vt);
      continue;
    }
    const t = townByCode.get(town)!;
    if (!r.villageCode.startsWith(t.code)) say(vt, file, r.row, 'village_code', 'warning', `village code ${r.villageCode} does not begin with its town's code ${t.code} (${t.name})`);
    if (point && !booleanPointInPolygon(turfPoint(point), t.geometry)) say(vt, file, r.row, 'lon', 'warning', `the point is outside its town ${t.name}`);
    seenVillage.set(r.villageCode, r.row);
    villages.push({ index: villages.length, town: t.index, point, record: r, code: r.villageCode });
  }
  villages.sort((a, b) => (a.code < b.code ? -1 : 1)).forEach((v, i) => (v.index = i));
  for (const t of towns) {
    if (!villages.some((v) => v.town === t.index)) issues.push({ file: 'villages.csv', row: 0, column: '', level: 'warning', message: `town ${t.name} (${t.code}) has no villages` });
  }
  const villageIndex = new PlaceIndex('village', villages.map((v) => ({ code: v.code, name: v.record.villageName })));
  const villageByCode = new Map(villages.map((v) => [v.code, v]));

  // Projects → categories, towns, villages.
  const projects: Project[] = [];
  const pt = input.projects;
  const seenProject = new Map<string, number>();
  for (const r of pt.records) {
    const file = 'projects.csv';
    const bad = (column: string, message: string): void => say(pt, file, r.row, column, 'error', message);
    let ok = true;
    const dup = seenProject.get(r.projectId);
    if (dup !== undefined) {
      bad('project_id', `project id ${r.projectId} already appears on row ${dup}`);
      reject(pt);
      continue;
    }
    seenProject.set(r.projectId, r.row);
    const category = findCategory(config, r.category);
    if (category < 0) {
      bad('category', `"${r.category}" is not one of the ${config.categories.length} categories (${config.categories.map((c) => c.zh).join('、')})`);
      ok = false;
    }
    let town: Town | null = null;
    // A project's join is counted once: by its village when it names one, else by its town.
    const hasVillage = r.villageCode !== null || r.villageName !== null;
    if (r.townCode !== null || r.townName !== null) {
      const code = joinTown(townIndex, r.townCode, r.townName, hasVillage ? zero() : joins.projects, (level, msg) => say(pt, file, r.row, r.townCode === null ? 'town_name' : 'town_code', level, msg));
      town = code === null ? null : townByCode.get(code)!;
      if (code === null) {
        if (hasVillage) joins.projects.unmatched++;
        ok = false;
      }
    }
    let village: Village | null = null;
    if (hasVillage && (town !== null || (r.townCode === null && r.townName === null))) {
      const j = villageIndex.resolve(r.villageCode, r.villageName, town ? (p) => villageByCode.get(p.code)?.town === town!.index : undefined);
      const column = r.villageCode === null ? 'village_name' : 'village_code';
      if (j.kind === 'none') {
        bad(column, j.message);
        joins.projects.unmatched++;
        ok = false;
      } else {
        village = villageByCode.get(j.code)!;
        if (town !== null || (r.townCode === null && r.townName === null)) joins.projects[j.kind === 'code' ? 'byCode' : 'byName']++;
        if (j.kind === 'name') say(pt, file, r.row, column, 'warning', j.note);
        if (town && village.town !== town.index) {
          bad(column, `village ${village.record.villageName} (${village.code}) is not in ${town.name}`);
          ok = false;
        }
        town = towns[village.town]!;
      }
    }
    const own = locate(pt, file, r.row, 'lon', r.lon, r.lat);
    const to = locate(pt, file, r.row, 'to_lon', r.toLon, r.toLat);
    if (!ok || own === false || to === false || town === null) {
      reject(pt);
      continue;
    }
    if (village && r.beneficiaryHouseholds !== null && r.beneficiaryHouseholds > village.record.households) {
      say(pt, file, r.row, 'beneficiary_households', 'warning', `${r.beneficiaryHouseholds} beneficiary households is more than the village's ${village.record.households}`);
    }
    projects.push({ index: 0, record: r, category, town: town.index, village: village?.index ?? -1, point: own ?? village?.point ?? null, hasOwnPoint: own !== null, to });
  }
  projects.sort((a, b) => (a.record.projectId < b.record.projectId ? -1 : 1)).forEach((p, i) => (p.index = i));
  const projectById = new Map(projects.map((p) => [p.record.projectId, p]));

  // Progress → projects.
  const progress: ProgressRecord[][] = projects.map(() => []);
  const gt = input.progress;
  if (gt) {
    const seen = new Map<string, number>();
    for (const r of gt.records) {
      const p = projectById.get(r.projectId);
      if (!p) {
        say(gt, 'progress.csv', r.row, 'project_id', 'error', `project ${r.projectId} is not in projects.csv`);
        joins.progress.unmatched++;
        reject(gt);
        continue;
      }
      const key = `${r.month} ${r.projectId}`;
      const dup = seen.get(key);
      if (dup !== undefined) {
        say(gt, 'progress.csv', r.row, 'month', 'error', `project ${r.projectId} already has a report for ${r.month} on row ${dup}`);
        reject(gt);
        continue;
      }
      seen.set(key, r.row);
      if (r.spentWan !== null && r.spentWan > p.record.budgetWan) say(gt, 'progress.csv', r.row, 'spent_wan', 'warning', `spent ${r.spentWan} 万元 is more than the budget of ${p.record.budgetWan} 万元`);
      joins.progress.byCode++;
      progress[p.index]!.push(r);
    }
    for (const rows of progress) rows.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  } else {
    issues.push({ file: 'progress.csv', row: 0, column: '', level: 'warning', message: 'no progress.csv: every project is shown as not started' });
  }

  // Households → villages and projects (aggregated only; never emitted).
  let households: Household[] | null = null;
  const ht = input.households;
  if (ht) {
    households = [];
    const seenKey = new Map<string, number>();
    for (const r of ht.records) {
      const dup = seenKey.get(r.key);
      if (dup !== undefined) {
        say(ht, 'households.csv', r.row, 'household_key', 'error', `household key already appears on row ${dup}; a household is counted once`);
        reject(ht);
        continue;
      }
      seenKey.set(r.key, r.row);
      const v = villageByCode.get(r.villageCode);
      if (!v) {
        say(ht, 'households.csv', r.row, 'village_code', 'error', `village code ${r.villageCode} is not in villages.csv`);
        joins.households.unmatched++;
        reject(ht);
        continue;
      }
      joins.households.byCode++;
      const ids: number[] = [];
      for (const id of r.projectIds) {
        const p = projectById.get(id);
        if (p) ids.push(p.index);
        else say(ht, 'households.csv', r.row, 'project_ids', 'warning', `project ${id} is not in projects.csv; ignored`);
      }
      households.push({ village: v.index, record: r, projects: ids });
    }
  }

  const reported = gt ? gt.records.map((r) => r.month).sort() : [];
  const lastMonth = reported[reported.length - 1] ?? config.dataDate?.slice(0, 7) ?? projects.map((p) => p.record.start.slice(0, 7)).sort().pop() ?? '2016-01';
  const months = monthRange(reported[0] ?? lastMonth, lastMonth);
  issues.push(...checkTour(config, townByCode, months));
  return { dataset: { config, towns, villages, projects, progress, households, months }, issues, joins };
}

/** Each tour stop must name a known town, indicator and month; issues name the stop by number. */
function checkTour(config: AtlasConfig, towns: ReadonlyMap<string, Town>, months: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  config.tour.forEach((stop, i) => {
    const bad = (key: string, message: string): void => {
      issues.push({ file: 'atlas.config.json', row: 0, column: `tour[${i}].${key}`, level: 'error', message: `tour stop ${i + 1}: ${message}` });
    };
    if (stop.town !== null && !towns.has(stop.town)) bad('town', `town ${stop.town} is not in boundaries/towns.geojson`);
    if (stop.indicator !== null && !(INDICATOR_IDS as readonly string[]).includes(stop.indicator)) bad('indicator', `"${stop.indicator}" is not an indicator (${INDICATOR_IDS.join(', ')})`);
    if (stop.month !== null && !months.includes(stop.month)) bad('month', `${stop.month} is not a month of the data (${months[0]} to ${months[months.length - 1]})`);
  });
  return issues;
}

function zero(): JoinCounts {
  return { byCode: 0, byName: 0, unmatched: 0 };
}

function joinTown(index: PlaceIndex, code: string | null, name: string | null, counts: JoinCounts, say: (level: IssueLevel, message: string) => void): string | null {
  const j = index.resolve(code, name);
  if (j.kind === 'code') {
    counts.byCode++;
    return j.code;
  }
  if (j.kind === 'name') {
    counts.byName++;
    say('warning', j.note);
    return j.code;
  }
  counts.unmatched++;
  say('error', j.message);
  return null;
}

/** A category by id, Chinese or English name; -1 when none. */
function findCategory(config: AtlasConfig, raw: string): number {
  const key = squash(raw);
  return config.categories.findIndex((c) => [c.id, c.zh, c.en].some((n) => squash(n) === key));
}

