/** The search box's index: towns, villages and projects by Chinese name, places also by pinyin initials. Pure, no DOM. */
import PinyinMatch from 'pinyin-match';
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';

export type SearchKind = 'town' | 'village' | 'project';

export interface SearchHit {
  kind: SearchKind;
  /** Town or village code, or project id. */
  code: string;
  /** What the list shows: "双竹村委会 · 蒋家堰镇", "双竹村茶叶基地 · 双竹村委会 · 蒋家堰镇". */
  label: string;
}

interface Entry {
  hit: SearchHit;
  /** The normalised name. */
  name: string;
  /** The normalised name without its administrative suffix (镇, 村委会…); equal to `name` for projects. */
  bareName: string;
  /** Other normalised keys that match exactly or by prefix (a project's id). */
  codes: string[];
  /** Position in the index, the last tie-break. */
  order: number;
}

export interface SearchIndex {
  readonly entries: readonly Entry[];
}

/** Longest first, so 社区居委会 goes before 居委会 and 村委会 before 村. */
const SUFFIXES = ['社区居委会', '村民委员会', '居民委员会', '居委会', '村委会', '街道', '社区', '镇', '乡', '村'];

const KIND_ORDER: Record<SearchKind, number> = { town: 0, village: 1, project: 2 };

/** NFKC, no whitespace, lower case: full-width and half-width forms compare equal. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** A normalised name without its administrative suffixes (蒋家堰镇 → 蒋家堰, 中峰社区居委会 → 中峰); never empty. */
export function stripPlaceSuffix(name: string): string {
  let bare = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of SUFFIXES) {
      if (bare.length > s.length && bare.endsWith(s)) {
        bare = bare.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return bare;
}

/** Every town, village and project of the data, in that order. */
export function buildSearchIndex(site: SiteData, projects: SiteProjects): SearchIndex {
  const entries: Entry[] = [];
  const add = (hit: SearchHit, name: string, isPlace: boolean, codes: string[] = []): void => {
    const n = normalizeSearchText(name);
    entries.push({ hit, name: n, bareName: isPlace ? stripPlaceSuffix(n) : n, codes, order: entries.length });
  };
  for (const town of site.towns) add({ kind: 'town', code: town.code, label: town.name }, town.name, true);
  for (const village of site.villages) {
    const town = site.towns[village.townId];
    add({ kind: 'village', code: village.code, label: town ? `${village.name} · ${town.name}` : village.name }, village.name, true);
  }
  projects.id.forEach((id, i) => {
    const name = projects.name[i] ?? id;
    const village = site.villages[projects.village[i] ?? -1];
    const town = site.towns[projects.town[i] ?? -1];
    const place = [village?.name, town?.name].filter((s) => s !== undefined);
    add({ kind: 'project', code: id, label: [name, ...place].join(' · ') }, name, false, [normalizeSearchText(id)]);
  });
  return { entries };
}

/**
 * Hits for a query, best first: exact name, then prefix, then substring; a match of the query
 * as typed beats one that needed its suffix (镇/乡/村/社区/居委会) dropped, which counts as a
 * prefix match at best; then towns, villages, projects; then shorter names. An empty query finds nothing.
 */
export function search(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const q = normalizeSearchText(query);
  if (q === '' || limit <= 0) return [];
  const bare = stripPlaceSuffix(q);
  const isLatin = /^[a-z]+$/.test(q);
  const scored: { entry: Entry; score: number }[] = [];
  for (const entry of index.entries) {
    const asTyped = matchQuality(entry, q);
    // Dropping the typed suffix finds 鄂坪乡 for 鄂坪镇, but never beats a name that has what was typed.
    const withoutSuffix = bare === q ? 0 : Math.min(matchQuality(entry, bare), 2);
    // Latin letters also match a place's pinyin (jjy → 蒋家堰镇), below any match of the name itself.
    const pinyin = isLatin && entry.hit.kind !== 'project' ? pinyinQuality(entry, q) : 0;
    const score = Math.max(asTyped * 2 + 1, withoutSuffix * 2, pinyin);
    if (asTyped > 0 || withoutSuffix > 0 || pinyin > 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || KIND_ORDER[a.entry.hit.kind] - KIND_ORDER[b.entry.hit.kind] || a.entry.name.length - b.entry.name.length || a.entry.order - b.entry.order);
  return scored.slice(0, limit).map((s) => s.entry.hit);
}

/** Pinyin (full or initials): 2 for the whole bare name, 1 from its start, 0 otherwise (never above a name match). */
function pinyinQuality(entry: Entry, q: string): number {
  const at = PinyinMatch.match(entry.bareName, q);
  if (!at || at[0] !== 0) return 0;
  return at[1] === entry.bareName.length - 1 ? 2 : 1;
}

/** 3 exact, 2 prefix, 1 substring, 0 no match. A name without its suffix counts as the exact name. */
function matchQuality(entry: Entry, q: string): number {
  if (entry.name === q || entry.bareName === q || entry.codes.includes(q)) return 3;
  if (entry.name.startsWith(q) || entry.codes.some((c) => c.startsWith(q))) return 2;
  if (entry.name.includes(q)) return 1;
  return 0;
}
