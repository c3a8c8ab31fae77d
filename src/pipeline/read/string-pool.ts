/** The strings a table's records keep: pooled per column, cut loose from the file's text. */

/** Distinct texts of a date or month column whose reading is remembered (beyond it, the memory starts again). */
const PARSES_KEPT = 1 << 14;

/** Distinct values a column's pool holds before it judges whether its values repeat enough to pool. */
const POOL_SAMPLE = 1 << 16;

/**
 * The strings a table's records keep, one copy per distinct value of a column whose values repeat
 * (town and village codes and names, categories, dates, months): a million rows then hold a few
 * thousand strings rather than millions. A column whose pool reaches 65,536 values with most of
 * its lookups missing (ids and names of projects) stops being pooled, and its values are simply
 * copied. A column of tens of thousands of values that repeat (a province's village codes and
 * names, 30,000 villages in a million projects; contents like 新建道路工程3处) stays pooled: judged
 * on its first few thousand rows, as it was, it was copied, 110 bytes a project more.
 */
export class StringPool {
  private readonly columns = new Map<string, { map: Map<string, string> | null; lookups: number; misses: number }>();
  private readonly parses = new Map<string, Map<string, string | null>>();

  /**
   * `parse(raw)` for a column of dates or months, remembered per text: a million rows hold a few
   * hundred distinct dates. The result is kept as `keep` keeps it.
   */
  parsed(column: string, raw: string, parse: (raw: string) => string | null): string | null {
    let seen = this.parses.get(column);
    if (!seen) this.parses.set(column, (seen = new Map()));
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const value = parse(raw);
    const kept = value === null ? null : this.keep(column, value);
    if (seen.size >= PARSES_KEPT) seen.clear();
    seen.set(detach(raw), kept);
    return kept;
  }

  /** `s` as kept for column `column`: the copy already kept for an equal value, or a new copy. */
  keep(column: string, s: string): string {
    let pool = this.columns.get(column);
    if (!pool) this.columns.set(column, (pool = { map: new Map(), lookups: 0, misses: 0 }));
    if (pool.map === null) return detach(s);
    pool.lookups++;
    const kept = pool.map.get(s);
    if (kept !== undefined) return kept;
    const copy = detach(s);
    pool.misses++;
    if (pool.map.size >= POOL_SAMPLE && pool.misses * 2 > pool.lookups) pool.map = null;
    else pool.map.set(copy, copy);
    return copy;
  }
}

/**
 * A copy of a string cut from a larger one. V8 keeps a long substring (13 characters or more) as a
 * view of the string it was cut from, so a cell kept in a record would keep the whole piece of the
 * file it came from. The copy is its first character and the rest joined by `join`, which writes a
 * flat string of its own: 16 bytes and its characters. `(' ' + s).slice(1)`, as this was, copied
 * too but kept the copy as a view of a flat string one character longer, 32 bytes a cell more
 * (128 MB over a province's million projects). A join by `+` flattened by reading a character
 * (tried) is flat only while the compiler keeps that read, which V8's newer backend drops as dead.
 * Exact for any text: the UTF-16 units are joined as they are.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : [s[0], s.slice(1)].join('');
}
