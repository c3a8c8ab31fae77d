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

/** The keys of the public fields whose values are numbers (money and counts); the others are text or dates. */
type NumberKey = { [K in FieldKey]: ProjectFieldValues[K] extends string | null ? never : K }[FieldKey];
type TextKey = Exclude<FieldKey, NumberKey>;

/** The public fields' columns: numbers in a Float64Array (NaN for a blank cell), texts and dates (YYYY-MM-DD) as strings or null. */
export type FieldColumns = { readonly [K in NumberKey]: Float64Array } & { readonly [K in TextKey]: (ProjectFieldValues[K])[] };

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

/** What the join knows of one project besides its record. */
export interface ProjectPlace {
  category: number;
  town: number;
  village: number;
  point: LonLat | null;
  hasOwnPoint: boolean;
  to: LonLat | null;
  isJoinedByCode: boolean;
}

const NUMBER_KINDS: ReadonlySet<string> = new Set(['money', 'count']);
const isNumberKey = (key: FieldKey): key is NumberKey => NUMBER_KINDS.has(PROJECT_FIELDS.find((f) => f.key === key)!.kind);
const NUMBER_KEYS = PROJECT_FIELDS.map((f) => f.key).filter(isNumberKey);
const TEXT_KEYS = PROJECT_FIELDS.map((f) => f.key).filter((k): k is TextKey => !isNumberKey(k));

/** Columns for `n` projects, filled in by position with `set` (the join fills them in id order). */
export class ProjectColumnsBuilder {
  readonly columns: ProjectColumns;
  private readonly id: string[];
  private readonly name: string[];

  constructor(n: number) {
    this.id = new Array<string>(n);
    this.name = new Array<string>(n);
    const fields: Record<string, Float64Array | (string | null)[]> = {};
    for (const f of PROJECT_FIELDS) fields[f.key] = isNumberKey(f.key) ? new Float64Array(n) : new Array<string | null>(n).fill(null);
    this.columns = {
      length: n,
      id: this.id,
      name: this.name,
      category: new Int32Array(n),
      town: new Int32Array(n),
      village: new Int32Array(n),
      lon: new Float64Array(n),
      lat: new Float64Array(n),
      hasOwnPoint: new Uint8Array(n),
      toLon: new Float64Array(n),
      toLat: new Float64Array(n),
      isJoinedByCode: new Uint8Array(n),
      row: new Int32Array(n),
      fields: fields as unknown as FieldColumns,
    };
  }

  /** Project `i`: its record and what the join found of it. */
  set(i: number, r: ProjectRecord, place: ProjectPlace): void {
    const c = this.columns;
    this.id[i] = r.projectId;
    this.name[i] = r.projectName;
    c.category[i] = place.category;
    c.town[i] = place.town;
    c.village[i] = place.village;
    c.lon[i] = place.point ? place.point[0] : Number.NaN;
    c.lat[i] = place.point ? place.point[1] : Number.NaN;
    c.hasOwnPoint[i] = place.hasOwnPoint ? 1 : 0;
    c.toLon[i] = place.to ? place.to[0] : Number.NaN;
    c.toLat[i] = place.to ? place.to[1] : Number.NaN;
    c.isJoinedByCode[i] = place.isJoinedByCode ? 1 : 0;
    c.row[i] = r.row;
    for (const key of NUMBER_KEYS) c.fields[key][i] = r[key] ?? Number.NaN;
    for (const key of TEXT_KEYS) (c.fields[key] as (string | null)[])[i] = r[key];
  }
}

/** Columns of the projects given one by one, in this order (tests, and small datasets made by hand). */
export function projectColumns(projects: readonly (ProjectPlace & { record: ProjectRecord })[]): ProjectColumns {
  const b = new ProjectColumnsBuilder(projects.length);
  projects.forEach((p, i) => b.set(i, p.record, p));
  return b.columns;
}

/** Project `i`'s value of a public field, as its record had it (null for a blank cell). */
export function fieldAt<K extends FieldKey>(p: ProjectColumns, key: K, i: number): ProjectFieldValues[K] {
  const column = p.fields[key] as Float64Array | (string | null)[];
  return (column instanceof Float64Array ? figure(column[i]!) : column[i]!) as ProjectFieldValues[K];
}

/** `(i) => fieldAt(p, key, i)`, with the column looked up once. */
export function fieldReader<K extends FieldKey>(p: ProjectColumns, key: K): (i: number) => ProjectFieldValues[K] {
  const column = p.fields[key] as Float64Array | (string | null)[];
  if (column instanceof Float64Array) return (i) => figure(column[i]!) as ProjectFieldValues[K];
  return (i) => column[i] as ProjectFieldValues[K];
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
