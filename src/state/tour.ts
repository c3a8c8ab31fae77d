/**
 * The guided tour's controller, headless (STYLE.md practice 4, like the timeline): which stop is
 * current and how the presenter moves between stops. Stops count from 1, as in the hash
 * (`tour=N`). No DOM: the presentation view binds keys and buttons to it, Node tests drive it.
 */
import { INDICATOR_IDS, type IndicatorId, type SiteData } from '../contract/site';
import { DEFAULT_VIEW, type ViewState } from './view-state';

export interface TourOptions {
  /** Called when the current stop changes by any method except `sync`. */
  onChange(stop: number): void;
  /** Whether next() at the last stop wraps to the first (and previous() at the first to the last). */
  loop?: boolean;
  /** The stop to start at; 1 when absent or out of range. */
  initial?: number;
}

export interface Tour {
  readonly stopCount: number;
  /** The current stop, 1 to stopCount. */
  current(): number;
  /** One stop on; at the last stop nothing happens, unless `loop`, which wraps to the first. */
  next(): void;
  /** One stop back; at the first stop nothing happens, unless `loop`, which wraps to the last. */
  previous(): void;
  first(): void;
  last(): void;
  /** Moves to a stop; a stop out of range (or not a whole number) is ignored. */
  jump(stop: number): void;
  /** Follows a change made elsewhere (e.g. the URL hash) without calling onChange; out of range is ignored. */
  sync(stop: number): void;
}

/** A tour over `stopCount` stops (at least 1), starting at `options.initial` or stop 1. */
export function createTour(stopCount: number, options: TourOptions): Tour {
  if (!Number.isInteger(stopCount) || stopCount < 1) throw new RangeError(`a tour needs at least one stop, got ${stopCount}`);
  const isLooping = options.loop ?? false;
  const isStop = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= stopCount;
  let stop = options.initial !== undefined && isStop(options.initial) ? options.initial : 1;

  /** Moves to a stop, calling onChange only when the stop changes. */
  function moveTo(n: number): void {
    if (!isStop(n) || n === stop) return;
    stop = n;
    options.onChange(n);
  }

  function step(by: 1 | -1): void {
    const n = stop + by;
    moveTo(isStop(n) ? n : isLooping ? ((n - 1 + stopCount) % stopCount) + 1 : stop);
  }

  return {
    stopCount,
    current: () => stop,
    next: () => step(1),
    previous: () => step(-1),
    first: () => moveTo(1),
    last: () => moveTo(stopCount),
    jump: (n) => moveTo(n),
    sync(n) {
      if (isStop(n)) stop = n;
    },
  };
}

/**
 * The view a tour stop implies (for `store.set`): its town (null = the county) with no village or
 * project open, its indicator (left unchanged when the stop names none), its month (null = the
 * latest), the map view, and the stop itself. An unknown stop implies nothing: `{}`.
 */
export function tourStopState(site: Pick<SiteData, 'config'>, stop: number): Partial<ViewState> {
  const s = Number.isInteger(stop) ? site.config.tour[stop - 1] : undefined;
  if (!s) return {};
  const ind = indicatorOf(s.indicator);
  // Every stop sets its whole view (classes and change mode too), so a stop looks the same however it is reached.
  return { view: 'map', town: s.town, village: null, project: null, ...(ind === null ? {} : { ind }), month: s.month, cls: s.classification ?? DEFAULT_VIEW.cls, isDelta: false, tour: stop };
}

function indicatorOf(id: string | null): IndicatorId | null {
  return INDICATOR_IDS.find((i) => i === id) ?? null;
}
