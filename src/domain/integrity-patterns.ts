/** The 数据实 rules that read many projects' reports together: identical reports, frozen towns, jumps before an inspection. */
import { RULES, eachOf, monthsBetween, previousMonth, round, sum, type Finding, type IntegrityInput, type IntegrityProject } from './integrity-model';

/** The mid-way reports of one town in one month: project, progress and spending of each, in project order. */
interface MonthReports {
  ids: number[];
  pct: number[];
  spent: number[];
}

/**
 * Projects of one town whose reports of a month carry the very same figures, mid-way through.
 * The reports are grouped by town and month, and each group sorted by its figures: a run of
 * equal figures is one finding.
 */
export function identicalReports(d: IntegrityInput): Finding[] {
  const groups = new Map<number, Map<string, MonthReports>>();
  eachOf(d.projects, (p, i) => {
    const reports = p.reports;
    for (let k = 0; k < reports.length; k++) {
      const pct = reports.progressPct(k);
      const spent = reports.spentWan(k);
      if (pct === null || spent === null || !(pct > 0 && pct < 100 && spent > 0)) continue;
      let town = groups.get(p.town);
      if (!town) groups.set(p.town, (town = new Map()));
      const month = reports.month(k);
      let g = town.get(month);
      if (!g) town.set(month, (g = { ids: [], pct: [], spent: [] }));
      g.ids.push(i);
      g.pct.push(pct);
      g.spent.push(spent);
    }
  });
  const out: Finding[] = [];
  for (const [town, months] of groups) {
    for (const [month, g] of months) {
      if (g.ids.length < RULES.identicalMinProjects) continue;
      // By figures, then in project order within equal figures.
      const order = g.ids.map((_, k) => k).sort((a, b) => g.pct[a]! - g.pct[b]! || g.spent[a]! - g.spent[b]! || a - b);
      for (let start = 0; start < order.length; ) {
        const first = order[start]!;
        let end = start + 1;
        while (end < order.length && g.pct[order[end]!] === g.pct[first] && g.spent[order[end]!] === g.spent[first]) end++;
        if (end - start >= RULES.identicalMinProjects) {
          const projects = order.slice(start, end).map((k) => g.ids[k]!);
          out.push({ rule: 'identicalReports', month, town, village: -1, projects, amountWan: sum(projects.map((i) => d.projects.at(i)!.budgetWan)), figures: { count: projects.length, progressPct: g.pct[first]!, spentWan: g.spent[first]! } });
        }
        start = end;
      }
    }
  }
  return out;
}

/** The building projects of one town in one month, in project order, with their figures. */
interface BuildingReports {
  ids: number[];
  pct: (number | null)[];
  spent: (number | null)[];
}

/**
 * A town whose building projects all report the same figures for FROZEN_MONTHS months running.
 * One pass over the reports: each town's months, and per month its building projects (in project
 * order) with their figures that month; then each month compared with the one before.
 */
export function frozenTowns(d: IntegrityInput): Finding[] {
  const months = d.towns.map(() => new Set<string>());
  const building = d.towns.map(() => new Map<string, BuildingReports>());
  eachOf(d.projects, (p, i) => {
    const townMonths = months[p.town];
    const townBuilding = building[p.town];
    if (!townMonths || !townBuilding) return;
    // A project's figures in a month are those of its first report of the month (reports ascend by month).
    const reports = p.reports;
    let first = -1;
    let firstMonth = '';
    for (let k = 0; k < reports.length; k++) {
      const month = reports.month(k);
      if (first < 0 || month !== firstMonth) {
        first = k;
        firstMonth = month;
      }
      townMonths.add(month);
      if (reports.status(k) !== 'building') continue;
      let m = townBuilding.get(month);
      if (!m) townBuilding.set(month, (m = { ids: [], pct: [], spent: [] }));
      if (m.ids.at(-1) === i) continue;
      m.ids.push(i);
      m.pct.push(reports.progressPct(first));
      m.spent.push(reports.spentWan(first));
    }
  });
  const out: Finding[] = [];
  d.towns.forEach((_, t) => {
    let run = 1;
    let previous: BuildingReports | undefined;
    for (const month of [...months[t]!].sort()) {
      const m = building[t]!.get(month);
      run = m && previous && sameReports(m, previous) ? run + 1 : 1;
      previous = m;
      if (run === RULES.frozenMonths && m) {
        out.push({ rule: 'frozenTown', month, town: t, village: -1, projects: m.ids, amountWan: sum(m.ids.map((i) => d.projects.at(i)!.budgetWan)), figures: { months: RULES.frozenMonths, projects: m.ids.length } });
      }
    }
  });
  return out;
}

/** The same projects with the same figures (a blank only equals a blank). */
function sameReports(a: BuildingReports, b: BuildingReports): boolean {
  if (a.ids.length !== b.ids.length) return false;
  for (let k = 0; k < a.ids.length; k++) {
    if (a.ids[k] !== b.ids[k] || !sameFigure(a.pct[k] ?? null, b.pct[k] ?? null) || !sameFigure(a.spent[k] ?? null, b.spent[k] ?? null)) return false;
  }
  return true;
}

function sameFigure(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * In the month before an inspection, a project whose reported progress rose far beyond its town's
 * usual monthly rise (the median rise of the town's other monthly reports) and far beyond the pace
 * its own plan asks for (100 % over the months from its start to its due date): a short project
 * rising 40 points a month is on plan, not dressing up for the inspection.
 */
export function preInspectionJumps(d: IntegrityInput): Finding[] {
  const before = new Set(d.inspectionMonths.map(previousMonth));
  if (before.size === 0) return [];
  // Each town's rises outside the months before an inspection, in one pass; the reports are read
  // again below rather than kept as a list of rises per project.
  const townRises: number[][] = d.towns.map(() => []);
  eachOf(d.projects, (p) => {
    const list = townRises[p.town];
    if (!list) return;
    eachRise(p, (month, rise) => {
      if (!before.has(month) && rise > 0) list.push(rise);
    });
  });
  const usual = townRises.map(median);
  const out: Finding[] = [];
  eachOf(d.projects, (p, i) => {
    const pace = usual[p.town] ?? 0;
    const planned = 100 / Math.max(1, monthsBetween(p.start.slice(0, 7), p.due.slice(0, 7)) + 1);
    let isFound = false;
    eachRise(p, (month, rise) => {
      if (isFound || !before.has(month) || rise < RULES.inspectionMinRisePts || rise < RULES.inspectionPaceFactor * Math.max(pace, planned)) return;
      isFound = true;
      out.push({ rule: 'preInspectionJump', month, town: p.town, village: p.village, projects: [i], amountWan: p.budgetWan, figures: { rise: round(rise, 1), usual: round(pace, 1), planned: round(planned, 1) } });
    });
  });
  return out;
}

/** Calls `f` with each rise of a project's progress from one month to the next (consecutive months only). */
function eachRise(p: IntegrityProject, f: (month: string, rise: number) => void): void {
  const reports = p.reports;
  for (let k = 1; k < reports.length; k++) {
    const a = reports.progressPct(k - 1);
    const b = reports.progressPct(k);
    if (a === null || b === null) continue;
    const month = reports.month(k);
    if (monthsBetween(reports.month(k - 1), month) === 1) f(month, b - a);
  }
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
