/** Text normalisation shared by header matching and name joins. */

/** NFKC (full-width → half-width), no whitespace of any kind, lower case. */
export function squash(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
}

/** A header cell as a comparison key: squashed, with a trailing unit in brackets dropped (`资金规模（万元）` → `资金规模`). */
export function headerKey(s: string): string {
  return squash(s).replace(/\([^()]*\)$/, '');
}

const PLACE_SUFFIXES = ['社区居民委员会', '村民委员会', '居民委员会', '社区居委会', '村委会', '居委会', '社区', '街道', '村', '镇', '乡'];

/** A place name as a join key: squashed, with one administrative suffix (镇/乡/村/社区/居委会…) removed. */
export function placeKey(name: string): string {
  const s = squash(name);
  for (const suffix of PLACE_SUFFIXES) {
    if (s.length > suffix.length && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  }
  return s;
}

/** Levenshtein distance, for suggesting the nearest names. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
