import { problem } from '../../i18n/problems';
import type { HouseholdRecord, VillageRecord } from '../../contract/records';
import type { JoinCounts, JoinLog } from './join-log';
import type { Household, Village } from '../model';
import { indexById, type ProjectColumns } from '../project-columns';
import type { TableResult } from '../read/table-result';

/**
 * Joins households.csv to villages and projects. The file is private and report.json is
 * published, so no message about one of its rows quotes a cell: not the key, the village code
 * or a project id. Per village, the count of poor households is compared with villages.csv.
 */
export function joinHouseholds(
  log: JoinLog,
  table: TableResult<HouseholdRecord>,
  villages: readonly Village[],
  villageTable: TableResult<VillageRecord>,
  projects: ProjectColumns,
  joins: JoinCounts,
): Household[] {
  const villageByCode = new Map(villages.map((v) => [v.code, v]));
  const projectById = indexById(projects);
  const households: Household[] = [];
  const seenKey = new Map<string, number>();
  if (table.isReadable && table.counts.read === table.counts.skipped) log.note(table.file, '', 'warning', problem('noHouseholdRows'));
  for (const r of table.records) {
    const dup = seenKey.get(r.key);
    if (dup !== undefined) {
      log.say(table, r.row, 'household_key', 'error', problem('householdKeyTwice', { row: dup }));
      log.reject(table, r.row);
      continue;
    }
    seenKey.set(r.key, r.row);
    const v = villageByCode.get(r.villageCode);
    if (!v) {
      const why = villageTable.rejectedKeys.has(r.villageCode) ? problem('householdVillageRejected') : problem('householdVillageUnknown');
      log.say(table, r.row, 'village_code', 'error', why);
      joins.unmatched++;
      log.reject(table, r.row);
      continue;
    }
    joins.byCode++;
    const ids: number[] = [];
    let unknown = 0;
    for (const id of r.projectIds) {
      const p = projectById.get(id);
      if (p !== undefined) ids.push(p);
      else unknown++;
    }
    if (unknown > 0) log.say(table, r.row, 'project_ids', 'warning', problem('householdUnknownProjects', { count: unknown }));
    households.push({ village: v.index, record: r, projects: ids });
  }
  warnCountMismatch(log, table, households, villages);
  return households;
}

/** A village listed in households.csv should list as many poor households as villages.csv registers. */
function warnCountMismatch(log: JoinLog, table: TableResult<HouseholdRecord>, households: readonly Household[], villages: readonly Village[]): void {
  const listed = new Map<number, number>();
  for (const h of households) listed.set(h.village, (listed.get(h.village) ?? 0) + (h.record.isPoor ? 1 : 0));
  for (const v of villages) {
    const poor = listed.get(v.index);
    if (poor === undefined || poor === v.record.poorHouseholds) continue;
    const column = table.headers.get('village_code') ?? 'village_code';
    log.note(table.file, column, 'warning', problem('householdPoorMismatch', { code: v.code, name: v.record.villageName, listed: poor, said: v.record.poorHouseholds }));
  }
}
