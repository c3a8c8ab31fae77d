/** A small typed store: one is created in main.ts and passed down (no module singletons). */

export interface Store<S> {
  get(): S;
  /** Merges a patch (or the patch a function of the current state returns); `undefined` values leave a field as it is. */
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** A small typed store: set merges a patch and notifies listeners once if anything changed (shallow compare, arrays compared by value). */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      let next: S | null = null;
      for (const key of Object.keys(p) as (keyof S)[]) {
        const value = p[key];
        if (value === undefined || isSameValue(state[key], value)) continue;
        next ??= { ...state };
        next[key] = value;
      }
      if (next === null) return;
      const previous = state;
      state = next;
      // A snapshot, so a listener that unsubscribes (or subscribes) does not disturb this round.
      for (const listener of [...listeners]) listener(next, previous);
    },
    subscribe(listener) {
      const own = (s: S, p: S): void => listener(s, p);
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}

/** `===`, except that arrays are equal when their items are `===` in order. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}
