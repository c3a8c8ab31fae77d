/**
 * A column of a text field of the joined projects (issue 23: texts dictionary-encoded where their
 * values repeat). Most of the public text fields repeat over a county's or a province's projects:
 * dates, fund sources, units, hotlines. Held as a list of a million strings, each value costs an
 * 8-byte slot even when the string itself is shared (the read's string pool); held as a dictionary
 * of the values and a code a project, it costs 1–4 bytes. A column whose values rarely repeat (a
 * project's content) stays a list, which is then the smaller.
 */

export interface TextColumn<T extends string | null = string | null> {
  readonly length: number;
  /** Project `i`'s value. */
  get(i: number): T;
  /** Every value of the column at least once (for the least or greatest), in no promised order. */
  values(): readonly T[];
  /** `f` of each project's value, as numbers: worked out once a distinct value where the column has a dictionary (a date's time, say). */
  numbers(f: (value: T) => number): Float64Array;
}

/** A column kept as the list it was read as. */
class ListColumn<T extends string | null> implements TextColumn<T> {
  constructor(private readonly list: readonly T[]) {}
  get length(): number {
    return this.list.length;
  }
  get(i: number): T {
    return this.list[i]!;
  }
  values(): readonly T[] {
    return this.list;
  }
  numbers(f: (value: T) => number): Float64Array {
    const out = new Float64Array(this.list.length);
    for (let i = 0; i < out.length; i++) out[i] = f(this.list[i]!);
    return out;
  }
}

/** A column as its distinct values and, per project, the index of its value among them. */
class DictionaryColumn<T extends string | null> implements TextColumn<T> {
  constructor(
    private readonly dictionary: readonly T[],
    private readonly codes: Uint8Array | Uint16Array | Uint32Array,
  ) {}
  get length(): number {
    return this.codes.length;
  }
  get(i: number): T {
    return this.dictionary[this.codes[i]!]!;
  }
  values(): readonly T[] {
    return this.dictionary;
  }
  numbers(f: (value: T) => number): Float64Array {
    const of = this.dictionary.map(f);
    const out = new Float64Array(this.codes.length);
    for (let i = 0; i < out.length; i++) out[i] = of[this.codes[i]!]!;
    return out;
  }
}

/**
 * The column of `list`, dictionary-encoded when that is smaller than the list's 8 bytes a value:
 * 8 bytes a distinct value (its slot in the dictionary) and 1, 2 or 4 bytes a code. The values
 * read back are the list's own (the same strings, or null), in the same places.
 */
export function textColumn<T extends string | null>(list: readonly T[]): TextColumn<T> {
  const index = new Map<T, number>();
  const dictionary: T[] = [];
  // A dictionary of more than an eighth of the values is no longer the smaller: stop counting there.
  const most = Math.max(1, Math.floor(list.length / 8));
  const codes = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = list[i]!;
    let code = index.get(value);
    if (code === undefined) {
      if (dictionary.length === most && list.length > 16) return new ListColumn(list);
      code = dictionary.length;
      index.set(value, code);
      dictionary.push(value);
    }
    codes[i] = code;
  }
  if (dictionary.length <= 0x100) return new DictionaryColumn(dictionary, Uint8Array.from(codes));
  if (dictionary.length <= 0x10000) return new DictionaryColumn(dictionary, Uint16Array.from(codes));
  return new DictionaryColumn(dictionary, codes);
}
