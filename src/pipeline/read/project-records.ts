/**
 * projects.csv's records kept as columns while the table is read (issue 23): a province's million
 * projects as a million objects are 555 MB live, each a record of 24 fields with its numbers boxed;
 * as columns they are a pointer or a double a field (the strings themselves shared with the pool
 * that read them, read/string-pool.ts), about half of that. The join asks for each record once
 * (`at`, a short-lived object) and then takes the columns it keeps (`takeNumbers`, `takeTexts`).
 */
import { PROJECT_FIELDS } from '../../contract/project-fields';
import type { ProjectRecord } from '../../contract/records';
import type { RecordStore } from './table-result';

type NumberKey = { [K in keyof ProjectRecord]: ProjectRecord[K] extends string | null ? never : K }[keyof ProjectRecord];
type TextKey = Exclude<keyof ProjectRecord, NumberKey>;

/** Every key of a record, in the order the reader lays a record out (read/records.ts). */
const KEYS = ['row', 'projectId', 'projectName', 'category', ...PROJECT_FIELDS.map((f) => f.key), 'townCode', 'townName', 'villageCode', 'villageName', 'lon', 'lat', 'toLon', 'toLat'] as const satisfies readonly (keyof ProjectRecord)[];
const NUMBER_KEYS = new Set<string>(['row', 'lon', 'lat', 'toLon', 'toLat', ...PROJECT_FIELDS.filter((f) => f.kind === 'money' || f.kind === 'count').map((f) => f.key)]);
const isNumberKey = (key: keyof ProjectRecord): key is NumberKey => NUMBER_KEYS.has(key);

const IS_NUMBER = KEYS.map(isNumberKey);
const AT = new Map<keyof ProjectRecord, number>(KEYS.map((key, j) => [key, j]));

/** The store of projects.csv's records: numbers as doubles (NaN for a blank cell), texts as strings or null. */
export class ProjectRecordColumns implements RecordStore<ProjectRecord> {
  /** Per key (KEYS' order) its column: numbers only (NaN, never null) keep their doubles unboxed. */
  private readonly columns: (number | string | null)[][] = KEYS.map(() => []);
  private count = 0;

  /** A store of these records (a table read before stores, or made by hand in a test). */
  static of(records: Iterable<ProjectRecord>): ProjectRecordColumns {
    if (records instanceof ProjectRecordColumns) return records;
    const store = new ProjectRecordColumns();
    for (const r of records) store.push(r);
    return store;
  }

  get length(): number {
    return this.count;
  }

  push(r: ProjectRecord): void {
    for (let j = 0; j < KEYS.length; j++) {
      const v = r[KEYS[j]!];
      this.columns[j]!.push(IS_NUMBER[j] ? (v ?? Number.NaN) : v);
    }
    this.count++;
  }

  /** Record `k`, made anew (a short-lived object: the store keeps columns, not records). */
  at(k: number): ProjectRecord | undefined {
    if (!Number.isInteger(k) || k < 0 || k >= this.count) return undefined;
    const r: Record<string, number | string | null> = {};
    for (let j = 0; j < KEYS.length; j++) {
      const v = this.column(j)[k]!;
      r[KEYS[j]!] = IS_NUMBER[j] && Number.isNaN(v) ? null : v;
    }
    return r as unknown as ProjectRecord;
  }

  *[Symbol.iterator](): Iterator<ProjectRecord> {
    for (let k = 0; k < this.count; k++) yield this.at(k)!;
  }

  /** Column `key` at the records `order` (NaN for a blank cell); the store lets its own column go, so it is no longer whole. */
  takeNumbers(key: NumberKey, order: ArrayLike<number>): Float64Array {
    const column = this.take(key) as number[];
    const out = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
    return out;
  }

  /** Column `key` at the records `order`; the store lets its own column go. */
  takeTexts<K extends TextKey>(key: K, order: ArrayLike<number>): ProjectRecord[K][] {
    const column = this.take(key) as ProjectRecord[K][];
    const out = new Array<ProjectRecord[K]>(order.length);
    for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
    return out;
  }

  private take(key: keyof ProjectRecord): (number | string | null)[] {
    const j = AT.get(key)!;
    const column = this.column(j);
    this.columns[j] = [];
    return column;
  }

  private column(j: number): (number | string | null)[] {
    const column = this.columns[j]!;
    if (column.length !== this.count) throw new Error(`projects.csv's column ${KEYS[j]} has been taken`);
    return column;
  }
}
