/**
 * The time slider's controller, headless (STYLE.md practice 4, after OWID grapher's timeline):
 * which report month is current, stepping, and play/pause on a scheduler. No DOM, no timers of
 * its own beyond the scheduler it is given, so Node tests drive it with a fake clock.
 */

/** Runs `tick` every `ms` milliseconds until the returned function is called. */
export interface Scheduler {
  every(ms: number, tick: () => void): () => void;
}

/** The default scheduler: setInterval. */
export const intervalScheduler: Scheduler = {
  every(ms, tick) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** How long play shows each month. */
export const DEFAULT_STEP_MS = 1200;

export interface TimelineOptions {
  /** Called when the current month changes by any method except `sync`. */
  onChange(month: string): void;
  /** Called when play starts or stops (also when play stops itself at the end). */
  onPlayingChange?(isPlaying: boolean): void;
  scheduler?: Scheduler;
  stepMs?: number;
  /** Whether stepping past the last month (by next() or play) wraps to the first. */
  loop?: boolean;
  /** The month to start at; the last month when absent or unknown. */
  initial?: string;
}

export interface Timeline {
  /** The months, ascending (YYYY-MM). */
  readonly months: readonly string[];
  current(): string;
  index(): number;
  /** Moves to a month; a month not in `months` is ignored. */
  seek(month: string): void;
  /** Moves to the month at an index; an index out of range is ignored. */
  seekIndex(i: number): void;
  /** Follows a change made elsewhere (e.g. the URL hash) without calling onChange; unknown months are ignored. */
  sync(month: string): void;
  /** One month on; at the last month nothing happens, unless `loop`, which wraps to the first. */
  next(): void;
  /** One month back; at the first month nothing happens, unless `loop`, which wraps to the last. */
  previous(): void;
  first(): void;
  last(): void;
  /** Steps one month per stepMs; from the last month it restarts at the first. Stops itself at the end unless `loop`. */
  play(): void;
  pause(): void;
  toggle(): void;
  isPlaying(): boolean;
  /** Stops playing; every later call is ignored. */
  destroy(): void;
}

/** A timeline over `months` (non-empty, ascending), starting at `options.initial` or the last month. */
export function createTimeline(months: readonly string[], options: TimelineOptions): Timeline {
  if (months.length === 0) throw new RangeError('a timeline needs at least one month');
  const list = Object.freeze([...months]);
  const scheduler = options.scheduler ?? intervalScheduler;
  const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
  const isLooping = options.loop ?? false;
  const lastIndex = list.length - 1;
  const initial = options.initial === undefined ? -1 : list.indexOf(options.initial);
  let index = initial >= 0 ? initial : lastIndex;
  let cancel: (() => void) | null = null;
  let isDestroyed = false;

  const isIndex = (i: number): boolean => Number.isInteger(i) && i >= 0 && i <= lastIndex;

  /** Moves to an index, calling onChange only when the month changes. */
  function moveTo(i: number): void {
    if (isDestroyed || !isIndex(i) || i === index) return;
    index = i;
    options.onChange(list[i] as string);
  }

  function step(by: 1 | -1): void {
    const i = index + by;
    moveTo(isIndex(i) ? i : isLooping ? (i + list.length) % list.length : index);
  }

  function setPlaying(isOn: boolean): void {
    if (isOn === (cancel !== null)) return;
    if (isOn) {
      cancel = scheduler.every(stepMs, tick);
    } else {
      cancel?.();
      cancel = null;
    }
    options.onPlayingChange?.(isOn);
  }

  function tick(): void {
    step(1);
    if (!isLooping && index === lastIndex) setPlaying(false);
  }

  const timeline: Timeline = {
    months: list,
    current: () => list[index] as string,
    index: () => index,
    seek: (month) => moveTo(list.indexOf(month)),
    seekIndex: (i) => moveTo(i),
    sync(month) {
      const i = list.indexOf(month);
      if (!isDestroyed && i >= 0) index = i;
    },
    next: () => step(1),
    previous: () => step(-1),
    first: () => moveTo(0),
    last: () => moveTo(lastIndex),
    play() {
      // One month has nothing to play through.
      if (isDestroyed || cancel !== null || lastIndex === 0) return;
      if (index === lastIndex) moveTo(0);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    toggle: () => (cancel === null ? timeline.play() : timeline.pause()),
    isPlaying: () => cancel !== null,
    destroy() {
      setPlaying(false);
      isDestroyed = true;
    },
  };
  return timeline;
}
