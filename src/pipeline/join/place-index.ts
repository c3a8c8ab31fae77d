import { phrase, problem, type Problem } from '../../i18n/problems';
import { editDistance, placeClass, placeKey, squash } from '../normalize';

/** A place a row can be joined to. */
export interface Place {
  code: string;
  name: string;
}

export type PlaceMatch =
  | { kind: 'code'; code: string }
  /** Matched by name; `note` says why the code did not serve. */
  | { kind: 'name'; code: string; note: Problem }
  | { kind: 'none'; why: Problem };

const SUGGESTIONS = 3;

/** Joins rows to places by code, falling back to a unique normalised name. */
export class PlaceIndex {
  private readonly byCode = new Map<string, Place>();
  private readonly byName = new Map<string, Place[]>();
  private readonly byKey = new Map<string, Place[]>();

  constructor(
    readonly kind: 'town' | 'village',
    places: readonly Place[],
  ) {
    for (const p of places) {
      this.byCode.set(p.code, p);
      push(this.byName, squash(p.name), p);
      push(this.byKey, placeKey(p.name), p);
    }
  }

  get(code: string): Place | undefined {
    return this.byCode.get(code);
  }

  /**
   * Resolves a row's place. A known code wins; otherwise a name that matches exactly one place
   * joins with a note: first the name as written (ignoring spaces and full-width forms), then
   * without its suffix (镇/乡/村/社区/居委会…), preferring places of the same kind when the name
   * has one (中峰村 is the 村委会, not the 社区居委会); otherwise the nearest names are suggested.
   * `within` narrows name matches (e.g. to the villages of the row's town).
   */
  resolve(code: string | null, name: string | null, within?: (p: Place) => boolean): PlaceMatch {
    if (code !== null) {
      if (this.byCode.has(code)) return { kind: 'code', code };
    }
    const isVillage = this.kind === 'village';
    const why = code === null ? phrase('placeNoCode', { isVillage }) : phrase('placeCodeUnknown', { isVillage, code });
    if (name === null) return { kind: 'none', why: problem('placeNoName', { why, isVillage }) };
    const matches = this.matchName(name, within);
    if (matches.length === 1) {
      const p = matches[0]!;
      return { kind: 'name', code: p.code, note: problem('placeJoinedByName', { why, name, match: p.name, code: p.code }) };
    }
    if (matches.length > 1) {
      return { kind: 'none', why: problem('placeNameAmbiguous', { why, name, isVillage, matches: matches.map((p) => `${p.name} ${p.code}`) }) };
    }
    const nearest = this.nearest(name, within);
    return { kind: 'none', why: problem('placeNameUnknown', { why, isVillage, name, nearest }) };
  }

  /** Places a name could mean: an exact match, else those sharing its key, narrowed to its kind when that leaves any. */
  private matchName(name: string, within?: (p: Place) => boolean): Place[] {
    const inside = (ps: Place[] | undefined): Place[] => (ps ?? []).filter((p) => !within || within(p));
    const exact = inside(this.byName.get(squash(name)));
    if (exact.length > 0) return exact;
    const byKey = inside(this.byKey.get(placeKey(name)));
    const kind = placeClass(name);
    const sameKind = kind === null ? [] : byKey.filter((p) => placeClass(p.name) === kind);
    return sameKind.length > 0 ? sameKind : byKey;
  }

  /** The names closest to `name`, as `name (code)`. */
  nearest(name: string, within?: (p: Place) => boolean): string[] {
    const key = placeKey(name);
    return [...this.byCode.values()]
      .filter((p) => !within || within(p))
      .map((p) => ({ p, d: editDistance(key, placeKey(p.name)) }))
      .sort((a, b) => a.d - b.d || (a.p.code < b.p.code ? -1 : 1))
      .slice(0, SUGGESTIONS)
      .map(({ p }) => `${p.name} (${p.code})`);
  }
}

function push(map: Map<string, Place[]>, key: string, p: Place): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}
