/** projects.csv's records kept as columns while read (read/record-columns.ts). */
import { PROJECT_FIELDS } from '../../contract/project-fields';
import type { ProjectRecord } from '../../contract/records';
import { NUMBER_FIELD_KEYS } from '../project-columns';
import { RecordColumns, type NumberKeys } from './record-columns';

/** Every key of a project record, in the order the reader lays one out (read/records.ts makes its records' shape from it). */
export const PROJECT_RECORD_KEYS = ['row', 'projectId', 'projectName', 'category', ...PROJECT_FIELDS.map((f) => f.key), 'townCode', 'townName', 'villageCode', 'villageName', 'lon', 'lat', 'toLon', 'toLat'] as const satisfies readonly (keyof ProjectRecord)[];
// Every key, or a field added to the record would be dropped by the store without a word.
const IS_EVERY_KEY: [Exclude<keyof ProjectRecord, (typeof PROJECT_RECORD_KEYS)[number]>] extends [never] ? true : never = true;
const NUMBER_KEYS: readonly NumberKeys<ProjectRecord>[] = ['row', 'lon', 'lat', 'toLon', 'toLat', ...NUMBER_FIELD_KEYS];

/** The store of projects.csv's records. */
export class ProjectRecordColumns extends RecordColumns<ProjectRecord> {
  constructor() {
    super(PROJECT_RECORD_KEYS, NUMBER_KEYS);
  }

  /** A store of these records (a table made by hand in a test); a store is itself. */
  static of(records: Iterable<ProjectRecord>): ProjectRecordColumns {
    if (records instanceof ProjectRecordColumns) return records;
    const store = new ProjectRecordColumns();
    for (const r of records) store.push(r);
    return store;
  }
}
