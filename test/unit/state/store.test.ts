import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/state/store';

interface S {
  ind: string;
  town: string | null;
  cat: string[];
}

const initial: S = { ind: 'industry', town: null, cat: [] };

function recorded(): { store: ReturnType<typeof createStore<S>>; calls: [S, S][] } {
  const store = createStore<S>({ ...initial });
  const calls: [S, S][] = [];
  store.subscribe((state, previous) => calls.push([state, previous]));
  return { store, calls };
}

describe('createStore', () => {
  it('starts with the initial state', () => expect(createStore(initial).get()).toBe(initial));

  it.each<[string, Partial<S>]>([
    ['one field', { ind: 'lag' }],
    ['several fields', { ind: 'lag', town: '420324101', cat: ['road'] }],
    ['a field to null', { town: null, ind: 'beauty' }],
  ])('merges a patch of %s and notifies once', (_name, patch) => {
    const { store, calls } = recorded();
    store.set(patch);
    expect(store.get()).toEqual({ ...initial, ...patch });
    expect(calls).toHaveLength(1);
  });

  it.each<[string, Partial<S>]>([
    ['an empty patch', {}],
    ['the same values', { ind: 'industry', town: null }],
    ['an equal array', { cat: [] }],
    ['undefined values', { ind: undefined }],
  ])('does not notify for %s', (_name, patch) => {
    const { store, calls } = recorded();
    const before = store.get();
    store.set(patch);
    expect(calls).toHaveLength(0);
    expect(store.get()).toBe(before);
  });

  it('compares arrays by value, in order', () => {
    const { store, calls } = recorded();
    store.set({ cat: ['a', 'b'] });
    store.set({ cat: ['a', 'b'] });
    expect(calls).toHaveLength(1);
    store.set({ cat: ['b', 'a'] });
    expect(calls).toHaveLength(2);
  });

  it('gives listeners the new and the previous state', () => {
    const { store, calls } = recorded();
    const first = store.get();
    store.set({ ind: 'lag' });
    store.set({ town: '420324101' });
    expect(calls).toEqual([
      [{ ...initial, ind: 'lag' }, initial],
      [{ ...initial, ind: 'lag', town: '420324101' }, { ...initial, ind: 'lag' }],
    ]);
    expect(calls[0]?.[1]).toBe(first);
    expect(calls[1]?.[1]).toBe(calls[0]?.[0]);
    expect(calls[1]?.[0]).toBe(store.get());
  });

  it('never mutates a state it has handed out', () => {
    const { store } = recorded();
    const before = store.get();
    store.set({ ind: 'lag' });
    expect(before).toEqual(initial);
  });

  it('accepts a patch computed from the current state', () => {
    const { store, calls } = recorded();
    store.set({ cat: ['a'] });
    store.set((s) => ({ cat: [...s.cat, 'b'] }));
    expect(store.get().cat).toEqual(['a', 'b']);
    store.set((s) => ({ ind: s.ind }));
    expect(calls).toHaveLength(2);
  });

  it('stops notifying after unsubscribe, and only that listener', () => {
    const store = createStore<S>({ ...initial });
    const a: string[] = [];
    const b: string[] = [];
    const offA = store.subscribe((s) => a.push(s.ind));
    store.subscribe((s) => b.push(s.ind));
    store.set({ ind: 'lag' });
    offA();
    offA();
    store.set({ ind: 'beauty' });
    expect(a).toEqual(['lag']);
    expect(b).toEqual(['lag', 'beauty']);
  });

  it('keeps the same function subscribed twice as two subscriptions', () => {
    const store = createStore<S>({ ...initial });
    let count = 0;
    const listener = (): void => void count++;
    const off = store.subscribe(listener);
    store.subscribe(listener);
    store.set({ ind: 'lag' });
    off();
    store.set({ ind: 'beauty' });
    expect(count).toBe(3);
  });

  it('lets a listener unsubscribe another during a notification without skipping it this round', () => {
    const store = createStore<S>({ ...initial });
    const seen: string[] = [];
    const offB: { off: () => void } = { off: () => undefined };
    store.subscribe((s) => {
      seen.push(`a:${s.ind}`);
      offB.off();
    });
    offB.off = store.subscribe((s) => seen.push(`b:${s.ind}`));
    store.set({ ind: 'lag' });
    store.set({ ind: 'beauty' });
    expect(seen).toEqual(['a:lag', 'b:lag', 'a:beauty']);
  });
});
