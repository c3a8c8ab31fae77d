/** Text normalisation shared by header matching and name joins. */

/** NFKC (full-width → half-width), no whitespace of any kind, lower case. */
export function squash(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
}

/** A header cell as a comparison key: squashed, with a trailing unit in brackets dropped (`资金规模（万元）` → `资金规模`). */
export function headerKey(s: string): string {
  return squash(s).replace(/\([^()]*\)$/, '');
}

/** What an administrative suffix says a place is: a village (村) or an urban community (社区/居委会), a town. */
export type PlaceClass = 'village' | 'community' | 'town';

/** Suffixes, longest first, with their class. */
const PLACE_SUFFIXES: readonly [string, PlaceClass][] = [
  ['社区居民委员会', 'community'],
  ['村民委员会', 'village'],
  ['居民委员会', 'community'],
  ['社区居委会', 'community'],
  ['村委会', 'village'],
  ['居委会', 'community'],
  ['社区', 'community'],
  ['街道', 'town'],
  ['村', 'village'],
  ['镇', 'town'],
  ['乡', 'town'],
];

function suffixOf(s: string): [string, PlaceClass] | undefined {
  return PLACE_SUFFIXES.find(([suffix]) => s.length > suffix.length && s.endsWith(suffix));
}

/** A place name as a join key: squashed, with one administrative suffix (镇/乡/村/社区/居委会…) removed. */
export function placeKey(name: string): string {
  const s = squash(name);
  const suffix = suffixOf(s);
  return suffix ? s.slice(0, -suffix[0].length) : s;
}

/** The class a name's suffix gives it (中峰村 → village, 中峰社区 → community), or null without one. */
export function placeClass(name: string): PlaceClass | null {
  return suffixOf(squash(name))?.[1] ?? null;
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
