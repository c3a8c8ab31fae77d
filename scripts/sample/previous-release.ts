/**
 * The sample's previous release (issue 20): what the county published a month before the embedded
 * sample, generated from it so the sample site shows a real history. Its data end in 2016-11
 * (data date 2016-11-30), and it differs from the sample by a handful of known changes, which the
 * sample release then lists against it:
 * - two projects added in the sample (absent here): the two with the latest start that no household names;
 * - one project removed from the sample (only here): ZX2016-2783, a town-wide car park, never started;
 * - one budget raised in the sample: the first project whose payments stay within 80 % of its budget
 *   is published here with that 80 %;
 * - three past reports revised in the sample: the July progress of the first three projects building
 *   from June to August with a rise of 10 points or more each month is published here 5 points lower.
 * Pure text in, text out: the files keep their BOM and line ends.
 */

/** The month the previous release's reports end with, and its data date. */
export const PREVIOUS_MONTH = '2016-11';
export const PREVIOUS_DATA_DATE = '2016-11-30';
/** The project only the previous release has. */
export const REMOVED_ID = 'ZX2016-2783';

/** What was planted, for the tests and the sample's documentation. */
export interface PlantedChanges {
  added: string[];
  removed: string[];
  budget: { id: string; previousWan: number; currentWan: number };
  revised: { id: string; month: string; previousPct: number; currentPct: number }[];
}

/** The dataset files of the previous release, by path, from the sample's own; and what differs. */
export function previousRelease(read: (path: string) => string): { files: Record<string, string>; planted: PlantedChanges } {
  const projects = table(read('projects.csv'));
  const progress = table(read('progress.csv'));
  const households = table(read('households.csv'));
  const col = (t: Table, name: string): number => {
    const i = t.header.indexOf(name);
    if (i < 0) throw new Error(`the sample's ${name} column is missing`);
    return i;
  };
  const [pId, pStart, pBudget, pName, pContent] = ['项目编号', '开工时间', '资金规模(万元)', '项目名称', '建设内容'].map((n) => col(projects, n)) as [number, number, number, number, number];
  const [gMonth, gId, gStatus, gPct, gSpent] = ['月份', '项目编号', '状态', '形象进度(%)', '已拨付(万元)'].map((n) => col(progress, n)) as [number, number, number, number, number];
  const named = new Set(households.rows.flatMap((r) => (r[col(households, 'project_ids')] ?? '').split(';')));

  // Added in the sample: the two latest to start that no household names (so the households still join).
  const added = projects.rows
    .filter((r) => !named.has(r[pId]!))
    .sort((a, b) => cmp(a[pStart]!, b[pStart]!) || cmp(a[pId]!, b[pId]!))
    .slice(-2)
    .map((r) => r[pId]!)
    .sort();
  const reports = new Map<string, Map<string, string[]>>();
  for (const r of progress.rows) {
    const byMonth = reports.get(r[gId]!) ?? new Map<string, string[]>();
    byMonth.set(r[gMonth]!, r);
    reports.set(r[gId]!, byMonth);
  }
  const maxSpent = (id: string): number => Math.max(0, ...[...(reports.get(id)?.values() ?? [])].filter((r) => r[gMonth]! <= PREVIOUS_MONTH).map((r) => Number(r[gSpent])));
  const ids = projects.rows.map((r) => r[pId]!).filter((id) => !added.includes(id)).sort();
  const budgetRow = projects.rows.filter((r) => !added.includes(r[pId]!)).sort((a, b) => cmp(a[pId]!, b[pId]!)).find((r) => maxSpent(r[pId]!) > 0 && maxSpent(r[pId]!) <= Number(r[pBudget]) * 0.8)!;
  const budget = { id: budgetRow[pId]!, previousWan: Math.round(Number(budgetRow[pBudget]) * 80) / 100, currentWan: Number(budgetRow[pBudget]) };
  const revised = ids
    .map((id) => {
      const [jun, jul, aug] = ['2016-06', '2016-07', '2016-08'].map((m) => reports.get(id)?.get(m));
      const building = [jun, jul, aug].every((r) => r?.[gStatus] === '在建');
      const pct = [jun, jul, aug].map((r) => Number(r?.[gPct]));
      return building && pct[1]! - pct[0]! >= 10 && pct[2]! - pct[1]! >= 10 ? { id, month: '2016-07', previousPct: pct[1]! - 5, currentPct: pct[1]! } : null;
    })
    .filter((x) => x !== null)
    .slice(0, 3);

  const template = projects.rows.find((r) => r[pId] === 'ZX2016-0002') ?? projects.rows[0]!;
  const removedRow = template.map((cell, i) => (i === pId ? REMOVED_ID : i === pName ? '城关镇集镇停车场建设' : i === pContent ? '新建集镇停车场1处' : cell));
  const projectRows = [
    ...projects.rows.filter((r) => !added.includes(r[pId]!)).map((r) => (r[pId] === budget.id ? r.map((cell, i) => (i === pBudget ? budget.previousWan.toFixed(2) : cell)) : r)),
    removedRow,
  ];
  const progressRows = progress.rows
    .filter((r) => r[gMonth]! <= PREVIOUS_MONTH && !added.includes(r[gId]!))
    .map((r) => {
      const change = revised.find((x) => x.id === r[gId] && x.month === r[gMonth]);
      return change ? r.map((cell, i) => (i === gPct ? String(change.previousPct) : cell)) : r;
    });
  const config = read('atlas.config.json');
  if (!config.includes('"dataDate": "2016-12-31"')) throw new Error('the sample config no longer has "dataDate": "2016-12-31"');
  return {
    files: {
      'atlas.config.json': config.replace('"dataDate": "2016-12-31"', `"dataDate": "${PREVIOUS_DATA_DATE}"`),
      'projects.csv': write(projects, projectRows),
      'progress.csv': write(progress, progressRows),
    },
    planted: { added, removed: [REMOVED_ID], budget, revised },
  };
}

interface Table {
  bom: string;
  eol: string;
  header: string[];
  rows: string[][];
}

/** The sample's CSV (comma separated, no quoted cells: the generator writes none; a quote is refused). */
function table(text: string): Table {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (text.includes('"')) throw new Error('the sample has a quoted cell: previous-release.ts reads plain cells only');
  const [header = [], ...rows] = text.slice(bom.length).split(eol).filter((l) => l !== '').map((l) => l.split(','));
  return { bom, eol, header, rows };
}

function write(t: Table, rows: string[][]): string {
  return t.bom + [t.header, ...rows].map((r) => r.join(',')).join(t.eol) + t.eol;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
