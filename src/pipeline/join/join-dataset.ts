import { problem, type Problem } from '../../i18n/problems';
import { bbox as turfBbox, booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import type { TownBoundary } from '../../contract/boundaries';
import type { JoinSettings } from '../../contract/config';
import type { Issue, IssueLevel } from '../../contract/issues';
import type { HouseholdRecord, ProgressRecord, ProjectRecord, VillageRecord } from '../../contract/records';
import type { BBox, LonLat } from '../../contract/site';
import { toWgs84 } from '../geo/crs';
import { AreaIndex } from '../geo/geometry';
import { PlaceIndex } from './place-index';
import { joinHouseholds } from './households';
import { JoinLog, rejectedBefore, zeroJoins, type JoinCounts } from './join-log';
import { joinProgress, monthAxis } from './progress';
import type { Household, JoinedData, Town, Village } from '../model';
import { layOutProjects } from '../project-columns';
import { ProjectRecordColumns } from '../read/project-records';
import { squash } from '../normalize';
import { noProgress } from '../progress-columns';
import { checkBoundaryBox, warnAboveLimits } from './ranges';
import type { TableResult } from '../read/table-result';

export type { JoinCounts } from './join-log';

export interface JoinInput {
  /** The config's crs, region, categories, data date and limits (an AtlasConfig will do). */
  settings: JoinSettings;
  towns: TownBoundary[];
  county: MultiPolygon | null;
  villages: TableResult<VillageRecord>;
  projects: TableResult<ProjectRecord>;
  progress: TableResult<ProgressRecord> | null;
  households: TableResult<HouseholdRecord> | null;
}

export interface JoinResult {
  dataset: JoinedData;
  issues: Issue[];
  joins: Record<'villages' | 'projects' | 'progress' | 'households', JoinCounts>;
}

/**
 * Joins the tables into one dataset: villages to towns, projects to villages and towns,
 * progress and households to projects. Rows that cannot be joined are rejected (their
 * table's counts move from used to rejected), each with an issue naming row and column.
 */
export function joinDataset(input: JoinInput): JoinResult {
  const { settings } = input;
  const log = new JoinLog();
  checkBoundaryBox(log, settings, input.towns, input.county);
  warnAboveLimits(log, settings.limits, input);
  const joins: JoinResult['joins'] = { villages: zeroJoins(), projects: zeroJoins(), progress: zeroJoins(), households: zeroJoins() };
  const towns: Town[] = [...input.towns]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((t, index) => ({ index, code: t.code, name: t.name, geometry: t.geometry, bbox: turfBbox(t.geometry) as BBox }));
  const townIndex = new PlaceIndex('town', towns);
  const townByCode = new Map(towns.map((t) => [t.code, t]));
  // Inside the county outline, or (without one) inside some town: asked for every point of every row.
  const county = new AreaIndex(input.county ? [input.county] : towns.map((t) => t.geometry));
  const inCounty = (p: LonLat): boolean => county.contains(p);
  const locate = (table: TableResult<unknown>, row: number, lonCol: string, lon: number | null, lat: number | null): LonLat | null | false => {
    if (lon === null || lat === null) return null;
    const p = toWgs84(lon, lat, settings.crs);
    if (inCounty(p)) return p;
    log.say(table, row, lonCol, 'error', problem('pointOutside', { lon, lat, region: settings.region.name, isSwapped: inCounty(toWgs84(lat, lon, settings.crs)) }));
    return false;
  };

  // Villages → towns.
  const villages: Village[] = [];
  const seenVillage = new Map<string, number>();
  const vt = input.villages;
  for (const r of vt.records) {
    if (r.villageCode === null) {
      log.say(vt, r.row, 'village_code', 'error', problem('villageCodeRequired'));
      log.reject(vt, r.row);
      continue;
    }
    const first = seenVillage.get(r.villageCode) ?? rejectedBefore(vt, r.villageCode, r.row);
    if (first !== undefined) {
      log.say(vt, r.row, 'village_code', 'error', problem('villageCodeTwice', { code: r.villageCode, row: first, isRejected: !seenVillage.has(r.villageCode) }));
      log.reject(vt, r.row);
      continue;
    }
    const town = joinTown(townIndex, r.townCode, r.townName, joins.villages, (level, what) => log.say(vt, r.row, r.townCode === null ? 'town_name' : 'town_code', level, what));
    const point = locate(vt, r.row, 'lon', r.lon, r.lat);
    if (town === null || point === false) {
      log.reject(vt, r.row, r.villageCode);
      continue;
    }
    const t = townByCode.get(town.code)!;
    if (!r.villageCode.startsWith(t.code)) log.say(vt, r.row, 'village_code', 'warning', problem('villageCodeTown', { code: r.villageCode, townCode: t.code, townName: t.name }));
    if (point && !booleanPointInPolygon(turfPoint(point), t.geometry)) log.say(vt, r.row, 'lon', 'warning', problem('pointOutsideTown', { town: t.name }));
    seenVillage.set(r.villageCode, r.row);
    villages.push({ index: villages.length, town: t.index, point, record: r, code: r.villageCode, isJoinedByCode: town.isByCode });
  }
  villages.sort((a, b) => (a.code < b.code ? -1 : 1)).forEach((v, i) => (v.index = i));
  const townsWithVillages = new Set(villages.map((v) => v.town));
  for (const t of towns) {
    if (!townsWithVillages.has(t.index)) log.note(vt.file, '', 'warning', problem('townNoVillages', { name: t.name, code: t.code }));
  }
  const villageIndex = new PlaceIndex('village', villages.map((v) => ({ code: v.code, name: v.record.villageName })));
  const villageByCode = new Map(villages.map((v) => [v.code, v]));

  // Projects → categories, towns, villages.
  const pt = input.projects;
  const seenProject = new Map<string, number>();
  const categoryOf = new Map<string, number>();
  const records = ProjectRecordColumns.of(pt.records);
  // The rows kept, in the table's order: each one's position in the table, id and what the join
  // found (NaN for no point); laid out as columns in id order below. Typed arrays of the table's
  // length, so keeping a row allocates nothing.
  const n = records.length;
  const kept = { record: new Int32Array(n), id: new Array<string>(n), category: new Int32Array(n), town: new Int32Array(n), village: new Int32Array(n), lon: new Float64Array(n), lat: new Float64Array(n), hasOwnPoint: new Uint8Array(n), toLon: new Float64Array(n), toLat: new Float64Array(n), isJoinedByCode: new Uint8Array(n) };
  let keptCount = 0;
  // Each row with the fields the join reads, not the whole record (a province's million rows).
  const rowAt = records.picker(['row', 'projectId', 'category', 'townCode', 'townName', 'villageCode', 'villageName', 'lon', 'lat', 'toLon', 'toLat', 'beneficiaryHouseholds']);
  for (let at = 0; at < n; at++) {
    const r = rowAt(at);
    const bad = (column: string, what: Problem): void => log.say(pt, r.row, column, 'error', what);
    let ok = true;
    const dup = seenProject.get(r.projectId) ?? rejectedBefore(pt, r.projectId, r.row);
    if (dup !== undefined) {
      bad('project_id', problem('projectIdTwice', { id: r.projectId, row: dup, isRejected: !seenProject.has(r.projectId) }));
      log.reject(pt, r.row);
      continue;
    }
    seenProject.set(r.projectId, r.row);
    let category = categoryOf.get(r.category);
    if (category === undefined) categoryOf.set(r.category, (category = findCategory(settings.categories, r.category)));
    if (category < 0) {
      bad('category', problem('categoryUnknown', { category: r.category, count: settings.categories.length, names: settings.categories.map((c) => c.zh) }));
      ok = false;
    }
    let town: Town | null = null;
    // A project's join is counted once: by its village when it names one, else by its town.
    const hasVillage = r.villageCode !== null || r.villageName !== null;
    let isJoinedByCode = false;
    if (r.townCode !== null || r.townName !== null) {
      const joined = joinTown(townIndex, r.townCode, r.townName, hasVillage ? zeroJoins() : joins.projects, (level, what) => log.say(pt, r.row, r.townCode === null ? 'town_name' : 'town_code', level, what));
      town = joined === null ? null : townByCode.get(joined.code)!;
      isJoinedByCode = joined?.isByCode ?? false;
      if (joined === null) {
        if (hasVillage) joins.projects.unmatched++;
        ok = false;
      }
    }
    let village: Village | null = null;
    const rejectedVillage = r.villageCode !== null && !villageByCode.has(r.villageCode) ? vt.rejectedKeys.get(r.villageCode) : undefined;
    if (rejectedVillage !== undefined) {
      bad('village_code', problem('villageRejected', { code: r.villageCode!, row: rejectedVillage }));
      joins.projects.unmatched++;
      ok = false;
    } else if (hasVillage && (town !== null || (r.townCode === null && r.townName === null))) {
      const j = villageIndex.resolve(r.villageCode, r.villageName, town ? (p) => villageByCode.get(p.code)?.town === town!.index : undefined);
      const column = r.villageCode === null ? 'village_name' : 'village_code';
      if (j.kind === 'none') {
        bad(column, j.why);
        joins.projects.unmatched++;
        ok = false;
      } else {
        village = villageByCode.get(j.code)!;
        joins.projects[j.kind === 'code' ? 'byCode' : 'byName']++;
        isJoinedByCode = j.kind === 'code';
        if (j.kind === 'name') log.say(pt, r.row, column, 'warning', j.note);
        if (town && village.town !== town.index) {
          bad(column, problem('villageNotInTown', { name: village.record.villageName, code: village.code, town: town.name }));
          ok = false;
        }
        town = towns[village.town]!;
      }
    }
    const own = locate(pt, r.row, 'lon', r.lon, r.lat);
    const to = locate(pt, r.row, 'to_lon', r.toLon, r.toLat);
    if (!ok || own === false || to === false || town === null) {
      log.reject(pt, r.row, r.projectId);
      continue;
    }
    if (village && r.beneficiaryHouseholds !== null && r.beneficiaryHouseholds > village.record.households) {
      log.say(pt, r.row, 'beneficiary_households', 'warning', problem('beneficiaryOverVillage', { count: r.beneficiaryHouseholds, households: village.record.households }));
    }
    // Drawn at its own point, else at its village's.
    const point = own ?? village?.point ?? null;
    const k = keptCount++;
    kept.record[k] = at;
    kept.id[k] = r.projectId;
    kept.category[k] = category;
    kept.town[k] = town.index;
    kept.village[k] = village?.index ?? -1;
    kept.lon[k] = point ? point[0] : Number.NaN;
    kept.lat[k] = point ? point[1] : Number.NaN;
    kept.hasOwnPoint[k] = own ? 1 : 0;
    kept.toLon[k] = to ? to[0] : Number.NaN;
    kept.toLat[k] = to ? to[1] : Number.NaN;
    kept.isJoinedByCode[k] = isJoinedByCode ? 1 : 0;
  }
  // In id order: the kept rows sorted by id (the ids are distinct), each column laid out in that order.
  const order = new Int32Array(keptCount).map((_, k) => k).sort((a, b) => (kept.id[a]! < kept.id[b]! ? -1 : 1));
  const projects = layOutProjects(records, gather(kept.record, order), {
    category: gather(kept.category, order),
    town: gather(kept.town, order),
    village: gather(kept.village, order),
    lon: gather(kept.lon, order),
    lat: gather(kept.lat, order),
    hasOwnPoint: gather(kept.hasOwnPoint, order),
    toLon: gather(kept.toLon, order),
    toLat: gather(kept.toLat, order),
    isJoinedByCode: gather(kept.isJoinedByCode, order),
  });

  const gt = input.progress;
  const progress = gt ? joinProgress(log, gt, projects, pt, settings.dataDate, joins.progress) : noProgress(projects.length);
  const ht = input.households;
  // Aggregated only; never emitted.
  const households: Household[] | null = ht ? joinHouseholds(log, ht, villages, vt, projects, joins.households) : null;
  const months = monthAxis(log, progress, projects, settings.dataDate);
  return { dataset: { towns, villages, projects, progress, households, months }, issues: log.issues, joins };
}

/**
 * `source`'s values at `order`'s indexes, in a new array of its kind: a plain loop, where
 * `Float64Array.from(order, fn)` went through the iterator protocol and a call a value (about 1 s
 * of a province's join for its nine columns).
 */
function gather<T extends Int32Array | Float64Array | Uint8Array>(source: T, order: Int32Array): T {
  const out = new (source.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = source[order[i]!]!;
  return out;
}

/** The town a row names, and whether it was found by its code (else by its name); null when none. */
function joinTown(index: PlaceIndex, code: string | null, name: string | null, counts: JoinCounts, say: (level: IssueLevel, what: Problem) => void): { code: string; isByCode: boolean } | null {
  const j = index.resolve(code, name);
  if (j.kind === 'code') {
    counts.byCode++;
    return { code: j.code, isByCode: true };
  }
  if (j.kind === 'name') {
    counts.byName++;
    say('warning', j.note);
    return { code: j.code, isByCode: false };
  }
  counts.unmatched++;
  say('error', j.why);
  return null;
}

/** A name without bracketed parts: `基础设施（水电路）` → `基础设施` (after squash, brackets are half-width). */
const withoutBrackets = (s: string): string => s.replace(/\([^()]*\)/g, '');

/**
 * A category by id, Chinese or English name; -1 when none. The name as written wins; then the
 * names compared without their bracketed parts, so DESIGN.md's `基础设施（水电路）` matches a
 * config's `基础设施` and the other way round, when that leaves exactly one category.
 */
export function findCategory(categories: JoinSettings['categories'], raw: string): number {
  const key = squash(raw);
  const names = (c: JoinSettings['categories'][number]): string[] => [c.id, c.zh, c.en].map(squash);
  const exact = categories.findIndex((c) => names(c).includes(key));
  if (exact >= 0) return exact;
  const short = withoutBrackets(key);
  if (short === '') return -1;
  const loose = categories.flatMap((c, i) => (names(c).some((n) => withoutBrackets(n) === short) ? [i] : []));
  return loose.length === 1 ? loose[0]! : -1;
}
