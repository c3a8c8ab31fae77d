import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_STEP_MS, createTimeline, type Scheduler, type Timeline, type TimelineOptions } from '../../../src/state/timeline';

const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04'];

/** A scheduler on a fake clock: advance(ms) runs the ticks that fall due, in order. */
function fakeScheduler(): Scheduler & { advance(ms: number): void; active(): number; lastMs(): number | null } {
  let now = 0;
  let lastMs: number | null = null;
  const jobs = new Set<{ ms: number; due: number; tick: () => void }>();
  return {
    every(ms, tick) {
      lastMs = ms;
      const job = { ms, due: now + ms, tick };
      jobs.add(job);
      return () => jobs.delete(job);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...jobs].sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > end) break;
        now = next.due;
        next.due += next.ms;
        next.tick();
      }
      now = end;
    },
    active: () => jobs.size,
    lastMs: () => lastMs,
  };
}

function setup(options: Partial<TimelineOptions> = {}, months: readonly string[] = MONTHS) {
  const changes: string[] = [];
  const playing: boolean[] = [];
  const scheduler = fakeScheduler();
  const timeline = createTimeline(months, { scheduler, onChange: (m) => changes.push(m), onPlayingChange: (p) => playing.push(p), ...options });
  return { timeline, changes, playing, scheduler };
}

type Action = (t: Timeline) => void;

describe('createTimeline: stepping and seeking', () => {
  // [name, initial month, actions, loop, expected current, expected onChange calls]
  const cases: [string, string | undefined, Action[], boolean, string, string[]][] = [
    ['starts at the last month by default', undefined, [], false, '2016-04', []],
    ['starts at the initial month', '2016-02', [], false, '2016-02', []],
    ['an unknown initial month means the last', '2015-12', [], false, '2016-04', []],
    ['seek moves to a month', undefined, [(t) => t.seek('2016-02')], false, '2016-02', ['2016-02']],
    ['seek to an unknown month is ignored', '2016-02', [(t) => t.seek('2017-01'), (t) => t.seek('')], false, '2016-02', []],
    ['seek to the current month does not call onChange', '2016-02', [(t) => t.seek('2016-02')], false, '2016-02', []],
    ['seekIndex moves to an index', undefined, [(t) => t.seekIndex(0)], false, '2016-01', ['2016-01']],
    ['seekIndex out of range or fractional is ignored', '2016-02', [(t) => t.seekIndex(4), (t) => t.seekIndex(-1), (t) => t.seekIndex(1.5), (t) => t.seekIndex(Number.NaN)], false, '2016-02', []],
    ['next and previous step one month', '2016-02', [(t) => t.next(), (t) => t.next(), (t) => t.previous()], false, '2016-03', ['2016-03', '2016-04', '2016-03']],
    ['next at the last month stops there', undefined, [(t) => t.next()], false, '2016-04', []],
    ['next at the last month wraps when looping', undefined, [(t) => t.next()], true, '2016-01', ['2016-01']],
    ['previous at the first month stops there', '2016-01', [(t) => t.previous()], false, '2016-01', []],
    ['previous at the first month wraps when looping', '2016-01', [(t) => t.previous()], true, '2016-04', ['2016-04']],
    ['first and last', '2016-02', [(t) => t.first(), (t) => t.first(), (t) => t.last()], false, '2016-04', ['2016-01', '2016-04']],
    ['sync follows without onChange', undefined, [(t) => t.sync('2016-01')], false, '2016-01', []],
    ['sync to an unknown month is ignored', '2016-02', [(t) => t.sync('2020-01')], false, '2016-02', []],
    ['after sync, next steps from the synced month', undefined, [(t) => t.sync('2016-01'), (t) => t.next()], false, '2016-02', ['2016-02']],
    ['after destroy, every call is ignored', '2016-02', [(t) => t.destroy(), (t) => t.next(), (t) => t.seek('2016-01'), (t) => t.sync('2016-04')], false, '2016-02', []],
  ];
  it.each(cases)('%s', (_name, initial, actions, loop, current, changes) => {
    const s = setup({ loop, ...(initial === undefined ? {} : { initial }) });
    for (const act of actions) act(s.timeline);
    expect(s.timeline.current()).toBe(current);
    expect(s.timeline.index()).toBe(MONTHS.indexOf(current));
    expect(s.changes).toEqual(changes);
  });

  it('keeps its own copy of the months', () => {
    const months = [...MONTHS];
    const { timeline } = setup({}, months);
    months.push('2016-05');
    expect(timeline.months).toEqual(MONTHS);
    expect(Object.isFrozen(timeline.months)).toBe(true);
  });

  it('refuses an empty list of months', () => {
    expect(() => createTimeline([], { onChange: () => {} })).toThrow(RangeError);
  });
});

describe('createTimeline: play and pause', () => {
  it('advances one month per step and pauses itself at the end', () => {
    const { timeline, changes, playing, scheduler } = setup({ initial: '2016-01', stepMs: 500 });
    timeline.play();
    expect(timeline.isPlaying()).toBe(true);
    expect(scheduler.lastMs()).toBe(500);
    scheduler.advance(499);
    expect(changes).toEqual([]);
    scheduler.advance(1);
    expect(changes).toEqual(['2016-02']);
    scheduler.advance(1000);
    expect(changes).toEqual(['2016-02', '2016-03', '2016-04']);
    // Stopped on reaching the last month, not one tick later.
    expect(timeline.isPlaying()).toBe(false);
    expect(playing).toEqual([true, false]);
    expect(scheduler.active()).toBe(0);
    scheduler.advance(5000);
    expect(changes).toHaveLength(3);
  });

  it('steps every DEFAULT_STEP_MS (1200 ms) unless told otherwise', () => {
    const { timeline, changes, scheduler } = setup({ initial: '2016-01' });
    expect(DEFAULT_STEP_MS).toBe(1200);
    timeline.play();
    scheduler.advance(1199);
    expect(changes).toEqual([]);
    scheduler.advance(1);
    expect(changes).toEqual(['2016-02']);
  });

  it('restarts at the first month when played from the last', () => {
    const { timeline, changes, scheduler } = setup();
    timeline.play();
    expect(changes).toEqual(['2016-01']);
    scheduler.advance(DEFAULT_STEP_MS);
    expect(changes).toEqual(['2016-01', '2016-02']);
  });

  it('keeps going round when looping', () => {
    const { timeline, changes, scheduler } = setup({ initial: '2016-03', loop: true });
    timeline.play();
    scheduler.advance(DEFAULT_STEP_MS * 4);
    expect(changes).toEqual(['2016-04', '2016-01', '2016-02', '2016-03']);
    expect(timeline.isPlaying()).toBe(true);
  });

  it('pause stops the steps; play resumes from where it paused', () => {
    const { timeline, changes, playing, scheduler } = setup({ initial: '2016-01' });
    timeline.play();
    scheduler.advance(DEFAULT_STEP_MS);
    timeline.pause();
    scheduler.advance(DEFAULT_STEP_MS * 3);
    expect(changes).toEqual(['2016-02']);
    expect(timeline.isPlaying()).toBe(false);
    timeline.play();
    scheduler.advance(DEFAULT_STEP_MS);
    expect(changes).toEqual(['2016-02', '2016-03']);
    expect(playing).toEqual([true, false, true]);
  });

  // [name, actions, is playing after, onPlayingChange calls, active schedules]
  const toggles: [string, Action[], boolean, boolean[], number][] = [
    ['toggle starts', [(t) => t.toggle()], true, [true], 1],
    ['toggle twice stops', [(t) => t.toggle(), (t) => t.toggle()], false, [true, false], 0],
    ['play twice schedules once', [(t) => t.play(), (t) => t.play()], true, [true], 1],
    ['pause when paused does nothing', [(t) => t.pause()], false, [], 0],
    ['destroy stops playing', [(t) => t.play(), (t) => t.destroy()], false, [true, false], 0],
    ['play after destroy does nothing', [(t) => t.destroy(), (t) => t.play()], false, [], 0],
  ];
  it.each(toggles)('%s', (_name, actions, isPlaying, playingCalls, active) => {
    const { timeline, playing, scheduler } = setup({ initial: '2016-02' });
    for (const act of actions) act(timeline);
    expect(timeline.isPlaying()).toBe(isPlaying);
    expect(playing).toEqual(playingCalls);
    expect(scheduler.active()).toBe(active);
  });

  it('a sync while playing moves the playhead and playing continues from there', () => {
    const { timeline, changes, scheduler } = setup({ initial: '2016-01' });
    timeline.play();
    timeline.sync('2016-03');
    scheduler.advance(DEFAULT_STEP_MS);
    expect(changes).toEqual(['2016-04']);
    expect(timeline.isPlaying()).toBe(false);
  });

  it('does not play a single month', () => {
    const { timeline, changes, scheduler } = setup({}, ['2016-01']);
    timeline.play();
    expect(timeline.isPlaying()).toBe(false);
    expect(scheduler.active()).toBe(0);
    expect(changes).toEqual([]);
  });

  it('uses setInterval by default (on vitest’s fake clock)', () => {
    vi.useFakeTimers();
    try {
      const changes: string[] = [];
      const timeline = createTimeline(MONTHS, { initial: '2016-01', onChange: (m) => changes.push(m) });
      timeline.play();
      vi.advanceTimersByTime(DEFAULT_STEP_MS * 2);
      expect(changes).toEqual(['2016-02', '2016-03']);
      timeline.destroy();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
