/**
 * The time slider: a compact bar over the map with play/pause, a month back and on, and a range
 * input over the report months. A thin view of the headless timeline (src/state/timeline.ts):
 * it binds events and renders; the timeline decides what the month is.
 */
import './time-slider.css';
import { createTimeline, type Scheduler, type Timeline } from '../state/timeline';
import type { ViewState } from '../state/view-state';
import { monthLabel, monthTickLabel, t, type Lang } from '../i18n';

export interface TimeSliderDeps {
  /** The report months, ascending (YYYY-MM). */
  months: readonly string[];
  /** Called when the slider's month changes (by the range, the buttons or play); not for update(). */
  onSeek(month: string): void;
  /** For tests; setInterval otherwise. */
  scheduler?: Scheduler;
  stepMs?: number;
}

export interface TimeSliderView {
  /** Follows the state's month (null = the last month) and language. */
  update(state: ViewState): void;
  unmount(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** 16 × 16 icons: filled shapes, so they stay crisp at any zoom and in forced colours (currentColor). */
const ICONS = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3.25v11H3.5zM9.25 2.5h3.25v11H9.25z',
  previous: 'M3 2.5h2v11H3zM13.5 2.5v11L6 8z',
  next: 'M11 2.5h2v11h-2zM2.5 2.5v11L10 8z',
} as const;

/** Mounts the time slider bar (`#time-slider-bar`, its range `#time-slider`) into `el`. */
export function mountTimeSlider(el: HTMLElement, deps: TimeSliderDeps): TimeSliderView {
  const months = deps.months;
  const root = document.createElement('div');
  root.id = 'time-slider-bar';
  root.className = 'time-slider';
  root.setAttribute('role', 'group');
  el.append(root);
  if (months.length === 0) {
    root.hidden = true;
    return { update: () => {}, unmount: () => root.remove() };
  }

  const play = button('time-slider-play', ICONS.play);
  play.setAttribute('aria-pressed', 'false');
  const previous = button('time-slider-step time-slider-previous', ICONS.previous);
  const next = button('time-slider-step time-slider-next', ICONS.next);
  const range = document.createElement('input');
  range.type = 'range';
  range.id = 'time-slider';
  range.className = 'time-slider-range';
  range.min = '0';
  range.max = String(months.length - 1);
  range.step = '1';
  const ticks = document.createElement('div');
  ticks.className = 'time-slider-ticks';
  ticks.setAttribute('aria-hidden', 'true');
  const track = document.createElement('div');
  track.className = 'time-slider-track';
  track.append(range, ticks);
  // The range's aria-valuetext carries the month for assistive technology; this is for the eye.
  const label = document.createElement('span');
  label.className = 'time-slider-label';
  label.setAttribute('aria-hidden', 'true');
  const time = document.createElement('time');
  label.append(time);
  root.append(play, previous, track, next, label);

  let lang: Lang | null = null;
  const timeline: Timeline = createTimeline(months, {
    onChange(month) {
      renderMonth();
      deps.onSeek(month);
    },
    onPlayingChange: renderPlaying,
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    ...(deps.stepMs !== undefined ? { stepMs: deps.stepMs } : {}),
  });

  play.addEventListener('click', () => timeline.toggle());
  // A person taking the controls stops the playback.
  previous.addEventListener('click', () => {
    timeline.pause();
    timeline.previous();
  });
  next.addEventListener('click', () => {
    timeline.pause();
    timeline.next();
  });
  range.addEventListener('input', () => {
    timeline.pause();
    timeline.seekIndex(Number(range.value));
  });

  function renderMonth(): void {
    const i = timeline.index();
    const month = timeline.current();
    const text = monthLabel(lang ?? 'zh', month);
    range.value = String(i);
    range.setAttribute('aria-valuetext', text);
    range.style.setProperty('--time-slider-fill', `${months.length === 1 ? 100 : (100 * i) / (months.length - 1)}%`);
    time.textContent = text;
    time.dateTime = month;
    root.dataset.month = month;
    // aria-disabled, not disabled: a button that keeps its focus at either end of the year.
    previous.setAttribute('aria-disabled', String(i === 0));
    next.setAttribute('aria-disabled', String(i === months.length - 1));
    for (const [k, tick] of [...ticks.children].entries()) tick.classList.toggle('time-slider-tick--current', k === i);
  }

  function renderPlaying(isPlaying: boolean): void {
    play.setAttribute('aria-pressed', String(isPlaying));
    play.querySelector('path')?.setAttribute('d', isPlaying ? ICONS.pause : ICONS.play);
    play.title = t(lang ?? 'zh', isPlaying ? 'timePause' : 'timePlay');
    root.classList.toggle('time-slider--playing', isPlaying);
  }

  /** Texts and tick labels that depend on the language. */
  function renderLang(l: Lang): void {
    lang = l;
    const name = t(l, 'timeSlider');
    root.setAttribute('aria-label', name);
    range.setAttribute('aria-label', name);
    // The name stays 播放 while aria-pressed says whether it is playing; the tooltip names the action.
    play.setAttribute('aria-label', t(l, 'timePlay'));
    setName(previous, t(l, 'timePrevious'));
    setName(next, t(l, 'timeNext'));
    ticks.replaceChildren(...months.map((m, i) => tick(m, i, l)));
    renderPlaying(timeline.isPlaying());
  }

  function tick(month: string, i: number, l: Lang): HTMLElement {
    const span = document.createElement('span');
    span.className = 'time-slider-tick';
    span.style.left = `${months.length === 1 ? 50 : (100 * i) / (months.length - 1)}%`;
    const text = tickText(months, i, l);
    if (text !== null) {
      span.classList.add('time-slider-tick--labelled', isMajorTick(months, i) ? 'time-slider-tick--major' : 'time-slider-tick--minor');
      const caption = document.createElement('span');
      caption.className = 'time-slider-tick-label';
      caption.textContent = text;
      span.append(caption);
    }
    span.dataset.month = month;
    return span;
  }

  return {
    update(state) {
      if (state.lang !== lang) renderLang(state.lang);
      const last = months[months.length - 1] as string;
      timeline.sync(state.month !== null && months.includes(state.month) ? state.month : last);
      renderMonth();
    },
    unmount() {
      timeline.destroy();
      root.remove();
    },
  };
}

/**
 * The label under a tick, or null for a bare tick: the month number for a year or less of data
 * (the year at each January after the first when it spans years); quarters, then Januaries only,
 * as the axis gets longer.
 */
export function tickText(months: readonly string[], i: number, lang: Lang): string | null {
  const month = months[i];
  if (month === undefined) return null;
  const m = Number(month.slice(5, 7));
  const isNewYear = m === 1 && i > 0;
  if (isNewYear) return month.slice(0, 4);
  const every = months.length <= 13 ? 1 : months.length <= 36 ? 3 : 12;
  if ((m - 1) % every !== 0 && i !== 0) return null;
  if (i === 0 && months.length > 13) return monthTickLabel(lang, month);
  return String(m);
}

/** Whether a labelled tick keeps its label on a short track: the first month, quarters and new years. */
export function isMajorTick(months: readonly string[], i: number): boolean {
  const month = months[i];
  return month !== undefined && (i === 0 || (Number(month.slice(5, 7)) - 1) % 3 === 0);
}

function button(className: string, path: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `time-slider-button ${className}`;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'currentColor');
  svg.append(p);
  b.append(svg);
  return b;
}

function setName(b: HTMLButtonElement, name: string): void {
  b.setAttribute('aria-label', name);
  b.title = name;
}
