import { editDistance, placeKey } from './normalize';

/** A place a row can be joined to. */
export interface Place {
  code: string;
  name: string;
}

export type JoinResult =
  | { kind: 'code'; code: string }
  /** Matched by name; `note` says why the code did not serve. */
  | { kind: 'name'; code: string; note: string }
  | { kind: 'none'; message: string };

const SUGGESTIONS = 3;

/** Joins rows to places by code, falling back to a unique normalised name. */
export class PlaceIndex {
  private readonly byCode = new Map<string, Place>();
  private readonly byKey = new Map<string, Place[]>();

  constructor(
    readonly kind: string,
    places: readonly Place[],
  ) {
    for (const p of places) {
      this.byCode.set(p.code, p);
      const key = placeKey(p.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), p]);
    }
  }

  get(code: string): Place | undefined {
    return this.byCode.get(code);
  }

  /**
   * Resolves a row's place. A known code wins; otherwise a name that matches exactly one place
   * (after normalising spaces, full-width forms and suffixes such as 镇/乡/村/社区/居委会) joins
   * with a note; otherwise the nearest names are suggested. `within` narrows name matches (e.g.
   * to the villages of the row's town).
   */
  resolve(code: string | null, name: string | null, within?: (p: Place) => boolean): JoinResult {
    if (code !== null) {
      if (this.byCode.has(code)) return { kind: 'code', code };
    }
    const why = code === null ? `no ${this.kind} code` : `${this.kind} code ${code} is unknown`;
    if (name === null) return { kind: 'none', message: `${why} and no ${this.kind} name to match` };
    const matches = (this.byKey.get(placeKey(name)) ?? []).filter((p) => !within || within(p));
    if (matches.length === 1) {
      const p = matches[0]!;
      return { kind: 'name', code: p.code, note: `${why}; joined by name "${name}" to ${p.name} (${p.code})` };
    }
    if (matches.length > 1) {
      return { kind: 'none', message: `${why}; name "${name}" matches ${matches.length} ${this.kind}s (${matches.map((p) => `${p.name} ${p.code}`).join(', ')}): give the code` };
    }
    const nearest = this.nearest(name, within);
    return { kind: 'none', message: `${why}; no ${this.kind} is named "${name}"${nearest.length ? ` (nearest: ${nearest.join(', ')})` : ''}` };
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
