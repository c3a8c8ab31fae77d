/**
 * The joined projects as columns (issue 23): per project its identity, place and public fields in
 * flat arrays, so a province's million projects are some twenty arrays rather than a million
 * records, a million wrappers and two million points (about 850 bytes a project as objects; here
 * 8 bytes a column and the project's own id and name, the other texts being shared by the pool
 * that read them: read/string-pool.ts).
 */
import { PROJECT_FIELDS, type FieldKey, type ProjectFieldValues } from '../contract/project-fields';
import type { ProjectRecord } from '../contract/records';
import type { LonLat } from '../contract/site';
import { figure } from './progress-columns';
import { textColumn, type TextColumn } from './text-column';

/** The keys of the public fields whose values are numbers (money and counts); the others are text or dates. */
type NumberKey = { [K in FieldKey]: ProjectFieldValues[K] extends string | null ? never : K }[FieldKey];
type TextKey = Exclude<FieldKey, NumberKey>;

/**
 * The public fields' columns: numbers in a Float64Array (NaN for a blank cell), texts and dates
 * (YYYY-MM-DD) as strings or null, dictionary-encoded where their values repeat (text-column.ts).
 */
export type FieldColumns = { readonly [K in NumberKey]: Float64Array } & { readonly [K in TextKey]: TextColumn<ProjectFieldValues[K]> };

export interface ProjectColumns {
  readonly length: number;
  readonly id: readonly string[];
  readonly name: readonly string[];
  /** Index into the config's categories. */
  readonly category: Int32Array;
  readonly town: Int32Array;
  /** -1 for a town-wide project. */
  readonly village: Int32Array;
  /** Where it is drawn (its own point, else its village's), WGS-84; NaN for neither. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** 1 when the point is the project's own (its row's lon/lat), 0 when it is its village's or none. */
  readonly hasOwnPoint: Uint8Array;
  /** A relocation's destination; NaN for none. */
  readonly toLon: Float64Array;
  readonly toLat: Float64Array;
  /** 1 when joined by code (0: only by name) to its village, or, for a town-wide project, to its town. */
  readonly isJoinedByCode: Uint8Array;
  /** Its row in projects.csv (or its sheet). */
  readonly row: Int32Array;
  readonly fields: FieldColumns;
}

/** The public fields whose values are numbers (money and counts), in list order. */
export const NUMBER_FIELD_KEYS = PROJECT_FIELDS.flatMap((f) => (f.kind === 'money' || f.kind === 'count' ? [f.key as NumberKey] : []));
const isNumberKey = (key: FieldKey): key is NumberKey => (NUMBER_FIELD_KEYS as readonly FieldKey[]).includes(key);

/** What the join found of each project, in the columns' order. */
export type JoinedProjectColumns = Omit<ProjectColumns, 'length' | 'id' | 'name' | 'row' | 'fields'>;

/** Where the records' own columns come from: the read stage's store of projects.csv (read/project-records.ts). */
export interface ProjectRecordSource {
  takeNumbers(key: 'row' | NumberKey, order: ArrayLike<number>): Float64Array;
  takeTexts<K extends 'projectId' | 'projectName' | TextKey>(key: K, order: ArrayLike<number>): ProjectRecord[K][];
}

/** The projects' columns: the records `order` (their positions in the table) with what the join found of each, in the same order. */
export function layOutProjects(records: ProjectRecordSource, order: ArrayLike<number>, joined: JoinedProjectColumns): ProjectColumns {
  const fields: Record<string, Float64Array | TextColumn> = {};
  for (const f of PROJECT_FIELDS) fields[f.key] = isNumberKey(f.key) ? records.takeNumbers(f.key, order) : textColumn(records.takeTexts(f.key as TextKey, order));
  return {
    length: order.length,
    id: records.takeTexts('projectId', order),
    name: records.takeTexts('projectName', order),
    row: Int32Array.from(records.takeNumbers('row', order)),
    ...joined,
    fields: fields as unknown as FieldColumns,
  };
}

/** Project `i`'s value of a public field, as its record had it (null for a blank cell). */
export function fieldAt<K extends FieldKey>(p: ProjectColumns, key: K, i: number): ProjectFieldValues[K] {
  const column = p.fields[key] as Float64Array | TextColumn;
  return (column instanceof Float64Array ? figure(column[i]!) : column.get(i)) as ProjectFieldValues[K];
}

/** `(i) => fieldAt(p, key, i)`, with the column looked up once. */
export function fieldReader<K extends FieldKey>(p: ProjectColumns, key: K): (i: number) => ProjectFieldValues[K] {
  const column = p.fields[key] as Float64Array | TextColumn;
  if (column instanceof Float64Array) return (i) => figure(column[i]!) as ProjectFieldValues[K];
  return (i) => column.get(i) as ProjectFieldValues[K];
}

/** Project `i`'s point (where it is drawn), or null. */
export function pointAt(p: ProjectColumns, i: number): LonLat | null {
  const lon = p.lon[i]!;
  return Number.isNaN(lon) ? null : [lon, p.lat[i]!];
}

/** Project `i`'s destination (a relocation's), or null. */
export function toAt(p: ProjectColumns, i: number): LonLat | null {
  const lon = p.toLon[i]!;
  return Number.isNaN(lon) ? null : [lon, p.toLat[i]!];
}

/** The projects' indexes by id. */
export function indexById(p: ProjectColumns): Map<string, number> {
  const byId = new Map<string, number>();
  for (let i = 0; i < p.length; i++) byId.set(p.id[i]!, i);
  return byId;
}
