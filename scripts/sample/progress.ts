/** Monthly progress of the sample (月度通报): each project's status, physical progress and money paid out. */
import type { ProjectStatus } from '../../src/contract/columns';
import { dayNumber, daysInMonth, firstDayOf, monthIndex, monthLabel, type MonthIndex } from './calendar';
import { compareText } from './order';
import type { Rng } from './rng';
import { paceKind, townOf } from './towns';
import type { Project, ProgressRow, Town } from './types';

const FIRST_REPORT = monthIndex('2016-01');
const LAST_REPORT = monthIndex('2016-12');
/** Months of delay before work begins, weighted: laggard towns start late more often. */
const DELAY = { laggard: [[0, 60], [1, 25], [2, 15]], middle: [[0, 82], [1, 12], [2, 6]], ahead: [[0, 94], [1, 5], [2, 1]] } as const;
/** Share of projects that never start in 2016 (laggard towns, other towns). */
const NEVER_START = { laggard: 0.04, middle: 0.012, ahead: 0.004 } as const;
/** Share of projects that stall (work at a quarter of the pace) once begun. */
const STALL_SHARE = 0.03;
const STALL_FACTOR = 0.25;
/** Project-to-project spread of the pace. */
const PROJECT_FACTOR: [number, number] = [0.75, 1.3];
/** Share of finished projects that are accepted (已验收), after 1–2 months; the rest stay 已完工. */
const ACCEPT_SHARE = 0.85;
/** Reports continue for this many months of 已验收, then stop. */
const ACCEPTED_MONTHS_REPORTED = 2;
/** Share of the budget paid per point of progress while building, done, and when accepted. */
const PAID_WHILE_BUILDING: [number, number] = [0.55, 0.9];
const PAID_WHEN_DONE: [number, number] = [0.8, 0.95];
/** Share of accepted projects that hold back a 5% warranty retention (质保金). */
const RETENTION_SHARE = 0.3;
const RETENTION = 0.05;
/** Work everywhere slows around the Spring Festival (2016-02-08). */
const WINTER: Readonly<Record<string, number>> = { '2015-12': 0.9, '2016-01': 0.8, '2016-02': 0.6 };
/** Laggard towns: a dip in April–May 2016 (the county's May report), then a catch-up. */
const LAGGARD_SEASON: Readonly<Record<string, number>> = {
  '2016-04': 0.45, '2016-05': 0.35, '2016-06': 0.75, '2016-07': 1.4, '2016-08': 1.5,
  '2016-09': 1.55, '2016-10': 1.5, '2016-11': 1.4, '2016-12': 1.2,
};
/** Month-to-month wobble of a town's pace. */
const TOWN_WOBBLE = 0.08;

/** A town's pace multiplier for each month, wobble included. */
export function townSeasons(rng: Rng, towns: readonly Town[]): Map<string, Map<MonthIndex, number>> {
  const out = new Map<string, Map<MonthIndex, number>>();
  for (const t of towns) {
    const months = new Map<MonthIndex, number>();
    for (let m = monthIndex('2015-10'); m <= LAST_REPORT; m++) {
      const label = monthLabel(m);
      const season = (WINTER[label] ?? 1) * (t.isLaggard ? (LAGGARD_SEASON[label] ?? 1) : 1);
      months.set(m, t.pace * season * rng.float(1 - TOWN_WOBBLE, 1 + TOWN_WOBBLE));
    }
    out.set(t.code, months);
  }
  return out;
}

/** What a project does, drawn once: when work begins, how fast it goes, how it is paid. */
interface Course {
  workStartDay: number;
  percentPerDay: number;
  acceptAfter: number | null;
  paidWhileBuilding: number;
  paidWhenDone: number;
  paidWhenAccepted: number;
}

/** Draws a project's course. */
function drawCourse(rng: Rng, p: Project, town: Town): Course {
  const kind = paceKind(town);
  const delay = rng.weighted(DELAY[kind]);
  const never = rng.chance(NEVER_START[kind]);
  const stall = rng.chance(STALL_SHARE) ? STALL_FACTOR : 1;
  const startDay = dayNumber(p.start);
  const plannedDays = dayNumber(p.due) - startDay + 1;
  const startMonth = monthIndex(p.start);
  const workStartDay = never ? Infinity : delay === 0 ? startDay : firstDayOf(startMonth + delay) + rng.int(0, 20);
  return {
    workStartDay,
    percentPerDay: (100 / plannedDays) * rng.float(...PROJECT_FACTOR) * stall,
    acceptAfter: rng.chance(ACCEPT_SHARE) ? rng.int(1, 2) : null,
    paidWhileBuilding: rng.float(...PAID_WHILE_BUILDING),
    paidWhenDone: rng.float(...PAID_WHEN_DONE),
    paidWhenAccepted: rng.chance(RETENTION_SHARE) ? 1 - RETENTION : 1,
  };
}

/** Progress (unrounded, may pass 100) at the end of each month from the start month to 2016-12. */
function simulate(p: Project, course: Course, seasons: Map<MonthIndex, number>): Map<MonthIndex, number> {
  const out = new Map<MonthIndex, number>();
  let done = 0;
  for (let m = monthIndex(p.start); m <= LAST_REPORT; m++) {
    const first = firstDayOf(m);
    const workDays = Math.max(0, Math.min(daysInMonth(m), first + daysInMonth(m) - course.workStartDay));
    done += workDays * course.percentPerDay * (seasons.get(m) ?? 1);
    out.set(m, done);
  }
  return out;
}

/** One project's monthly rows, from its first reported month to 2016-12 (or two months after acceptance). */
function projectRows(p: Project, course: Course, seasons: Map<MonthIndex, number>): ProgressRow[] {
  const progress = simulate(p, course, seasons);
  const rows: ProgressRow[] = [];
  let doneMonth: MonthIndex | null = null;
  let spent = 0;
  for (let m = monthIndex(p.start); m <= LAST_REPORT; m++) {
    const raw = progress.get(m) ?? 0;
    if (doneMonth === null && raw >= 100) doneMonth = m;
    const acceptedAt = doneMonth !== null && course.acceptAfter !== null ? doneMonth + course.acceptAfter : null;
    const status: ProjectStatus = acceptedAt !== null && m >= acceptedAt ? 'accepted' : doneMonth !== null ? 'done' : raw > 0 ? 'building' : 'planned';
    const pct = status === 'planned' ? 0 : status === 'building' ? Math.min(99, Math.max(1, Math.floor(raw))) : 100;
    const share = status === 'accepted' ? course.paidWhenAccepted : status === 'done' ? course.paidWhenDone : (pct / 100) * course.paidWhileBuilding;
    spent = Math.max(spent, Math.min(p.budgetCents, Math.floor(p.budgetCents * share)));
    const isPastReports = acceptedAt !== null && m >= acceptedAt + ACCEPTED_MONTHS_REPORTED;
    if (m >= FIRST_REPORT && (!isPastReports || rows.length === 0)) rows.push({ month: monthLabel(m), projectId: p.id, status, pct, spentCents: spent });
  }
  return rows;
}

/** Every project's monthly rows, ordered by month then project id. */
export function makeProgress(rng: Rng, projects: readonly Project[], towns: readonly Town[]): ProgressRow[] {
  const seasons = townSeasons(rng, towns);
  const rows = projects.flatMap((p) => projectRows(p, drawCourse(rng, p, townOf(towns, p.townCode)), seasons.get(p.townCode) ?? new Map()));
  return rows.sort((a, b) => compareText(a.month, b.month) || compareText(a.projectId, b.projectId));
}
