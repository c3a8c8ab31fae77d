/**
 * A table's records kept as columns while the table is read (issue 23): a province's million
 * projects as a million objects are 555 MB live, each a record of 24 fields with its numbers boxed;
 * as columns a field is a double or a pointer (the strings themselves shared with the pool that
 * read them, read/string-pool.ts). Each column grows by chunks of 65,536 values, so growing it
 * copies at most one chunk and leaves no large garbage (an array grown by push is copied at every
 * doubling, and the copies it leaves are large objects only a full collection frees); the first
 * chunk starts small and doubles, so a small table costs little. The join makes each record when
 * it asks for it (`at`, a short-lived object: twice a project, for the ceilings and the join; the
 * progress join a row's again when it names its row) and takes the columns it keeps
 * (`takeNumbers`, `takeTexts`). projects.csv and progress.csv are kept so (read/records.ts).
 */
import type { RecordStore } from './table-result';

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;
/** The first chunk's first size: it doubles up to CHUNK, and every later chunk is CHUNK. */
const FIRST_CHUNK = 256;

/** The keys of a record whose values are numbers or null; the others are strings or null. */
export type NumberKeys<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];
type TextKeys<T> = Exclude<keyof T, NumberKeys<T>>;

/** The store of one table's records: numbers as doubles (NaN for a blank cell), texts as strings or null. */
export class RecordColumns<T extends object> implements RecordStore<T> {
  /** Per key (in `keys`' order) its column's chunks. */
  private readonly columns: ((Float64Array | (string | null)[])[] | null)[];
  private readonly isNumber: boolean[];
  /** A record with every key, each null: each record made is a copy, so all have one shape. */
  private readonly template: Record<string, null>;
  private count = 0;

  /** `keys`, every key of a record in the order a record is laid out; `numbers`, those whose values are numbers. */
  constructor(
    private readonly keys: readonly (keyof T & string)[],
    numbers: readonly NumberKeys<T>[],
  ) {
    const isNumber = new Set<keyof T>(numbers);
    this.isNumber = keys.map((k) => isNumber.has(k));
    this.columns = keys.map(() => []);
    this.template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, null>;
  }

  get length(): number {
    return this.count;
  }

  push(r: T): void {
    const at = this.count & IN_CHUNK;
    for (let j = 0; j < this.keys.length; j++) {
      const chunks = this.column(j);
      let chunk = chunks.at(-1);
      if (at === 0 || chunk === undefined) chunks.push((chunk = this.newChunk(j, this.count === 0 ? FIRST_CHUNK : CHUNK)));
      else if (at === chunk.length) chunks[chunks.length - 1] = chunk = this.grown(j, chunk);
      const v = r[this.keys[j]!] as number | string | null;
      if (this.isNumber[j]) (chunk as Float64Array)[at] = v === null ? Number.NaN : (v as number);
      else (chunk as (string | null)[])[at] = v as string | null;
    }
    this.count++;
  }

  private newChunk(j: number, size: number): Float64Array | (string | null)[] {
    return this.isNumber[j] ? new Float64Array(size) : new Array<string | null>(size).fill(null);
  }

  /** The first chunk, full, copied into one twice its size. */
  private grown(j: number, chunk: Float64Array | (string | null)[]): Float64Array | (string | null)[] {
    const bigger = this.newChunk(j, Math.min(CHUNK, chunk.length * 2));
    if (bigger instanceof Float64Array) bigger.set(chunk as Float64Array);
    else for (let k = 0; k < chunk.length; k++) bigger[k] = (chunk as (string | null)[])[k]!;
    return bigger;
  }

  /** Record `k`, made anew (a short-lived object: the store keeps columns, not records). */
  at(k: number): T | undefined {
    if (!Number.isInteger(k) || k < 0 || k >= this.count) return undefined;
    const r: Record<string, number | string | null> = { ...this.template };
    const chunk = k >>> CHUNK_BITS;
    const at = k & IN_CHUNK;
    for (let j = 0; j < this.keys.length; j++) {
      const v = this.column(j)[chunk]![at]!;
      r[this.keys[j]!] = this.isNumber[j] && Number.isNaN(v) ? null : v;
    }
    return r as T;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let k = 0; k < this.count; k++) yield this.at(k)!;
  }

  /**
   * A maker of records with only `keys` (a short-lived object, as `at`'s, but of those keys alone):
   * for a pass that reads a few fields of every record of a large table.
   */
  picker<K extends keyof T & string>(keys: readonly K[]): (k: number) => Pick<T, K> {
    const js = keys.map((key) => this.keys.indexOf(key));
    const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as Record<string, null>;
    return (k) => {
      if (!Number.isInteger(k) || k < 0 || k >= this.count) throw new RangeError(`no record ${k}`);
      const r: Record<string, number | string | null> = { ...template };
      const chunk = k >>> CHUNK_BITS;
      const at = k & IN_CHUNK;
      for (let i = 0; i < js.length; i++) {
        const j = js[i]!;
        const v = this.column(j)[chunk]![at]!;
        r[keys[i]!] = this.isNumber[j] && Number.isNaN(v) ? null : v;
      }
      return r as Pick<T, K>;
    };
  }

  /**
   * Reads number column `key` of each record in turn without making the records: `each(value, k)`
   * for k from 0 to length − 1, value null for a blank cell (what `at(k)[key]` would give).
   */
  eachNumber(key: NumberKeys<T>, each: (value: number | null, k: number) => void): void {
    const j = this.keys.indexOf(key as keyof T & string);
    if (!this.isNumber[j]) throw new Error(`column ${String(key)} is not kept as numbers`);
    const chunks = this.column(j) as Float64Array[];
    for (let k = 0; k < this.count; k++) {
      const v = chunks[k >>> CHUNK_BITS]![k & IN_CHUNK]!;
      each(Number.isNaN(v) ? null : v, k);
    }
  }

  /** Column `key` at the records `order` (NaN for a blank cell); the store lets its own column go, so it makes no record after. */
  takeNumbers(key: NumberKeys<T>, order: ArrayLike<number>): Float64Array {
    const chunks = this.take(key) as Float64Array[];
    const out = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const k = order[i]!;
      out[i] = chunks[k >>> CHUNK_BITS]![k & IN_CHUNK]!;
    }
    return out;
  }

  /** Column `key` at the records `order`; the store lets its own column go. */
  takeTexts<K extends TextKeys<T>>(key: K, order: ArrayLike<number>): T[K][] {
    const chunks = this.take(key) as T[K][][];
    const out = new Array<T[K]>(order.length);
    for (let i = 0; i < order.length; i++) {
      const k = order[i]!;
      out[i] = chunks[k >>> CHUNK_BITS]![k & IN_CHUNK]!;
    }
    return out;
  }

  private take(key: keyof T): (Float64Array | (string | null)[])[] {
    const j = this.keys.indexOf(key as keyof T & string);
    const chunks = this.column(j);
    this.columns[j] = null;
    return chunks;
  }

  private column(j: number): (Float64Array | (string | null)[])[] {
    const chunks = this.columns[j];
    if (!chunks) throw new Error(`column ${this.keys[j]} has been taken`);
    return chunks;
  }
}
