/** projects.csv's records kept as columns while read (read/record-columns.ts). */
import { PROJECT_FIELDS } from '../../contract/project-fields';
import type { ProjectRecord } from '../../contract/records';
import { RecordColumns, type NumberKeys } from './record-columns';

/** Every key of a record, in the order the reader lays a record out (read/records.ts). */
const KEYS = ['row', 'projectId', 'projectName', 'category', ...PROJECT_FIELDS.map((f) => f.key), 'townCode', 'townName', 'villageCode', 'villageName', 'lon', 'lat', 'toLon', 'toLat'] as const satisfies readonly (keyof ProjectRecord)[];
const NUMBER_KEYS: readonly NumberKeys<ProjectRecord>[] = ['row', 'lon', 'lat', 'toLon', 'toLat', ...PROJECT_FIELDS.flatMap((f) => (f.kind === 'money' || f.kind === 'count' ? [f.key as NumberKeys<ProjectRecord>] : []))];

/** The store of projects.csv's records. */
export class ProjectRecordColumns extends RecordColumns<ProjectRecord> {
  constructor() {
    super(KEYS, NUMBER_KEYS);
  }

  /** A store of these records (a table made by hand in a test); a store is itself. */
  static of(records: Iterable<ProjectRecord>): ProjectRecordColumns {
    if (records instanceof ProjectRecordColumns) return records;
    const store = new ProjectRecordColumns();
    for (const r of records) store.push(r);
    return store;
  }
}
