import { phrase, problem, type Problem, type ProblemRef } from '../../i18n/problems';
import type { MultiPolygon, Polygon } from 'geojson';
import { COUNTY_FILE, TOWNS_FILE, type TownBoundary } from '../../contract/boundaries';
import type { CrsId, Limits } from '../../contract/config';
import type { HouseholdRecord, ProgressRecord, ProjectRecord, VillageRecord } from '../../contract/records';
import { plausibleBox, type Box } from '../../contract/region-box';
import { fromWgs84 } from '../geo/crs';
import type { JoinLog } from './join-log';
import { RecordColumns, type NumberKeys } from '../read/record-columns';
import type { TableResult } from '../read/table-result';

/**
 * Range checks that need the config: boundary vertices against the box the region can lie in, and
 * money and counts against the config's per-row ceilings (`limits`). The checks that need no config
 * (positions on the globe, the hard caps on money and counts) are made where the files are read.
 */

/** Where the boundaries' vertices are checked, and what the messages call the region. */
export interface BoxCheck {
  region: { name: string; code?: string };
  crs: CrsId;
}

/**
 * Reports boundary vertices outside the box the region can plausibly lie in (region-box.ts): a
 * mistyped degree (19.6 for 109.6) or a dropped sign puts a vertex on another continent, and the
 * map draws a line across the world to it. One error per town and one for the county outline,
 * naming the first such vertex as the file writes it and how many there are. The positions are
 * WGS-84, as the box is: GCJ-02 and BD-09 move a point by under a kilometre, far within its margin.
 */
export function checkBoundaryBox(log: JoinLog, check: BoxCheck, towns: readonly TownBoundary[], county: MultiPolygon | null): void {
  const box = check.region.code === undefined ? null : plausibleBox(check.region.code);
  if (!box) return;
  for (const t of towns) {
    const out = outsideBox(t.geometry, box);
    if (out) log.note(TOWNS_FILE, `features[${t.feature}]`, 'error', outsideProblem(`${t.name} (${t.code})`, out, box, check));
  }
  const out = county ? outsideBox(county, box) : null;
  if (out) log.note(COUNTY_FILE, '', 'error', outsideProblem(phrase('countyOutline'), out, box, check));
}

interface Outside {
  /** The first vertex outside, WGS-84. */
  first: [number, number];
  count: number;
  total: number;
}

function outsideBox(g: Polygon | MultiPolygon, box: Box): Outside | null {
  const [west, south, east, north] = box;
  let first: [number, number] | null = null;
  let count = 0;
  let total = 0;
  for (const ring of g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()) {
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      total++;
      if (x >= west && x <= east && y >= south && y <= north) continue;
      count++;
      first ??= [x, y];
    }
  }
  return first ? { first, count, total } : null;
}

function outsideProblem(label: string | ProblemRef, out: Outside, box: Box, check: BoxCheck): Problem {
  const isApprox = check.crs === 'GCJ02' || check.crs === 'BD09';
  const [x, y] = fromWgs84(out.first[0], out.first[1], check.crs).map((v) => Number(v.toFixed(6))) as [number, number];
  const [west, south, east, north] = box;
  return problem('boundaryOutsideBox', { label, isApprox, x, y, region: check.region.name, west, south, east, north, count: out.count, total: out.total });
}

/** A column whose figures above a configured ceiling are reported, with what to suspect. */
interface Ceiling<R> {
  /** The contract's column name. */
  column: string;
  key: keyof Limits;
  /** The record's field the column is read into. */
  field: NumberKeys<R>;
  /** What the figure is, in a sentence: `budget`. */
  what: ProblemRef;
  /** The unit written after a figure, `' 万元'` or `''`. */
  unit: string;
  hint: ProblemRef;
}

const IN_YUAN = phrase('hintInYuan');
const TOWN_TOTAL = phrase('hintTownTotal');
const COUNTY_HOUSEHOLDS = phrase('hintCountyHouseholds');
const TYPO = phrase('hintTypo');

const VILLAGE_CEILINGS: readonly Ceiling<VillageRecord>[] = [
  { column: 'households', key: 'villageHouseholds', field: 'households', what: phrase('ceilingHouseholds'), unit: '', hint: TOWN_TOTAL },
  { column: 'population', key: 'villagePopulation', field: 'population', what: phrase('ceilingPopulation'), unit: '', hint: TOWN_TOTAL },
  { column: 'laborers', key: 'villageLaborers', field: 'laborers', what: phrase('ceilingLaborers'), unit: '', hint: TOWN_TOTAL },
  { column: 'employed', key: 'villageLaborers', field: 'employed', what: phrase('ceilingEmployed'), unit: '', hint: TOWN_TOTAL },
];
const PROJECT_CEILINGS: readonly Ceiling<ProjectRecord>[] = [
  { column: 'budget_wan', key: 'budgetWan', field: 'budgetWan', what: phrase('ceilingBudget'), unit: ' 万元', hint: IN_YUAN },
  { column: 'beneficiary_households', key: 'beneficiaryHouseholds', field: 'beneficiaryHouseholds', what: phrase('ceilingBeneficiaries'), unit: '', hint: COUNTY_HOUSEHOLDS },
  { column: 'beneficiary_poor_households', key: 'beneficiaryHouseholds', field: 'beneficiaryPoorHouseholds', what: phrase('ceilingPoorBeneficiaries'), unit: '', hint: COUNTY_HOUSEHOLDS },
  { column: 'jobs', key: 'jobs', field: 'jobs', what: phrase('ceilingJobs'), unit: '', hint: TYPO },
];
const PROGRESS_CEILINGS: readonly Ceiling<ProgressRecord>[] = [{ column: 'spent_wan', key: 'spentWan', field: 'spentWan', what: phrase('ceilingSpent'), unit: ' 万元', hint: IN_YUAN }];
const HOUSEHOLD_CEILINGS: readonly Ceiling<HouseholdRecord>[] = [
  { column: 'laborers', key: 'householdLaborers', field: 'laborers', what: phrase('ceilingLaborers'), unit: '', hint: TYPO },
  { column: 'employed', key: 'householdLaborers', field: 'employed', what: phrase('ceilingEmployed'), unit: '', hint: TYPO },
];

/** Rows named one by one per column; beyond them one line counts the rest (a column in 元 is every row). */
const ROWS_NAMED = 20;

/** The tables whose figures have ceilings; an absent optional table is null. */
export interface LimitedTables {
  villages: TableResult<VillageRecord>;
  projects: TableResult<ProjectRecord>;
  progress: TableResult<ProgressRecord> | null;
  households: TableResult<HouseholdRecord> | null;
}

/**
 * Warns of every figure above its configured ceiling, naming the figure, the ceiling and its key
 * (households.csv is private, so its figures are not quoted). A warning, not an error: a county
 * may have the odd project that big, and says so by raising the limit.
 */
export function warnAboveLimits(log: JoinLog, limits: Limits, tables: LimitedTables): void {
  warnAbove(log, limits, tables.villages, VILLAGE_CEILINGS, false);
  warnAbove(log, limits, tables.projects, PROJECT_CEILINGS, false);
  if (tables.progress) warnAbove(log, limits, tables.progress, PROGRESS_CEILINGS, false);
  if (tables.households) warnAbove(log, limits, tables.households, HOUSEHOLD_CEILINGS, true);
}

function warnAbove<R extends { row: number }>(log: JoinLog, limits: Limits, table: TableResult<R>, ceilings: readonly Ceiling<R>[], isPrivate: boolean): void {
  // The rows above each ceiling (the first ROWS_NAMED of them by their place in the table), then
  // reported ceiling by ceiling. A table kept as columns (projects.csv, progress.csv: a province's
  // million rows) has each ceiling's column read as it is, no record made.
  const above = ceilings.map(() => 0);
  const named = ceilings.map((): { at: number; value: number }[] => []);
  const note = (c: number, value: number | null, at: number): void => {
    if (value === null || value <= limits[ceilings[c]!.key]) return;
    if (++above[c]! <= ROWS_NAMED) named[c]!.push({ at, value });
  };
  const records = table.records;
  if (records instanceof RecordColumns) {
    ceilings.forEach((ceiling, c) => (records as RecordColumns<R>).eachNumber(ceiling.field, (value, at) => note(c, value, at)));
  } else {
    let at = 0;
    for (const r of records) {
      ceilings.forEach((ceiling, c) => note(c, r[ceiling.field] as number | null, at));
      at++;
    }
  }
  ceilings.forEach((c, k) => {
    const limit = limits[c.key];
    for (const { at, value } of named[k]!) log.say(table, records.at(at)!.row, c.column, 'warning', problem('aboveCeiling', { what: c.what, value: isPrivate ? '' : String(value), unit: c.unit, limit, key: c.key, hint: c.hint }));
    if (above[k]! > ROWS_NAMED) log.note(table.file, table.headers.get(c.column) ?? c.column, 'warning', problem('aboveCeilingMore', { more: above[k]! - ROWS_NAMED, what: c.what, limit, unit: c.unit, key: c.key }));
  });
}
