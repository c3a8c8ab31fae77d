import { PROGRESS, PROJECTS, STATUSES, STATUS_ZH, VILLAGES, type ColumnSpec } from '../contract/columns';
import type { SiteProjects } from '../contract/projects';
import type { SeriesId, SiteData } from '../contract/site';
import { toCsv, withBom, type CsvCell } from '../domain/csv';
import { INDICATORS } from '../domain/indicators';

/**
 * The open dataset (开放数据) published beside the site: what the public may see, as CSV that opens
 * in Excel and WPS (UTF-8 with BOM, formulas neutralised), with a data dictionary. Written from the
 * emitted site data, so a public build's withheld counts are withheld here too (empty cells). The
 * headers are the contract's Chinese names, so these files read back into the build.
 */

/** A column of an open-data file: its header (Chinese), English name and meaning. */
interface OpenColumn {
  zh: string;
  name: string;
  doc: { zh: string; en: string };
  unit?: string;
}

interface OpenFile {
  file: string;
  about: { zh: string; en: string };
  columns: OpenColumn[];
  rows: CsvCell[][];
}

/** The folder of the open dataset inside the site data. */
export const OPEN_DATA_DIR = 'open-data';

const spec = (table: { columns: readonly ColumnSpec[] }, name: string): OpenColumn => {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`open data: no column ${name} in the contract`);
  return { zh: c.zh, name: c.name, doc: c.doc, unit: c.unit };
};
const extra = (name: string, zh: string, docZh: string, docEn: string, unit?: string): OpenColumn => ({ zh, name, doc: { zh: docZh, en: docEn }, unit });

const WITHHELD = { zh: '；公开版中少于阈值的户数不公布（空白）', en: '; blank in the public build when below the threshold' };
const withheldNote = (c: OpenColumn): OpenColumn => ({ ...c, doc: { zh: c.doc.zh + WITHHELD.zh, en: c.doc.en + WITHHELD.en } });

/** Every file of the open dataset, by path inside the site data (e.g. `open-data/projects.csv`). */
export function emitOpenData(site: SiteData, projects: SiteProjects): Map<string, string> {
  const last = site.months.length - 1;
  const lastMonth = site.months[last] ?? '';
  const townOf = (i: number) => site.towns[i];
  const villageOf = (i: number) => (i >= 0 ? site.villages[i] : undefined);
  const categoryOf = (i: number) => site.config.categories[i];
  const p = projects;

  const projectFile: OpenFile = {
    file: 'projects.csv',
    about: { zh: `项目公示：每个项目一行，状态为 ${lastMonth} 的情况`, en: `Project disclosure: one row per project, state as of ${lastMonth}` },
    columns: [
      spec(PROJECTS, 'project_id'),
      spec(PROJECTS, 'project_name'),
      spec(PROJECTS, 'category'),
      spec(PROJECTS, 'town_code'),
      spec(PROJECTS, 'town_name'),
      spec(PROJECTS, 'village_code'),
      spec(PROJECTS, 'village_name'),
      spec(PROJECTS, 'lon'),
      spec(PROJECTS, 'lat'),
      spec(PROJECTS, 'content'),
      spec(PROJECTS, 'budget_wan'),
      spec(PROJECTS, 'fund_source'),
      spec(PROJECTS, 'start'),
      spec(PROJECTS, 'due'),
      spec(PROJECTS, 'unit'),
      spec(PROJECTS, 'hotline'),
      spec(PROJECTS, 'beneficiary_households'),
      spec(PROJECTS, 'beneficiary_poor_households'),
      spec(PROJECTS, 'jobs'),
      spec(PROJECTS, 'target'),
      extra('status', '状态', `${lastMonth} 的状态（未开工、在建、已完工、已验收）`, `status as of ${lastMonth} (planned, building, done, accepted)`),
      extra('progress_pct', '形象进度(%)', `${lastMonth} 的形象进度`, `physical progress as of ${lastMonth}`, '%'),
      extra('spent_wan', '已拨付(万元)', `截至 ${lastMonth} 已拨付的资金`, `funds disbursed by ${lastMonth}`, '万元'),
    ],
    rows: p.id.map((id, i) => {
      const town = townOf(p.town[i] ?? -1);
      const village = villageOf(p.village[i] ?? -1);
      return [
        id,
        p.name[i] ?? '',
        categoryOf(p.category[i] ?? -1)?.zh ?? '',
        town?.code ?? '',
        town?.name ?? '',
        village?.code ?? null,
        village?.name ?? null,
        p.hasOwnPoint[i] ? (p.lon[i] ?? null) : null,
        p.hasOwnPoint[i] ? (p.lat[i] ?? null) : null,
        p.content[i] ?? null,
        p.budgetWan[i] ?? null,
        p.fundSource[i] ?? null,
        p.start[i] ?? '',
        p.due[i] ?? '',
        p.unit[i] ?? null,
        p.hotline[i] ?? null,
        p.beneficiaryHouseholds[i] ?? null,
        p.beneficiaryPoorHouseholds[i] ?? null,
        p.jobs[i] ?? null,
        p.target[i] ?? null,
        STATUS_ZH[STATUSES[p.status[last]?.[i] ?? 0] ?? 'planned'],
        p.progressPct[last]?.[i] ?? null,
        p.spentWan[last]?.[i] ?? null,
      ];
    }),
  };

  // The monthly report in the input's long form: a row when a project's state changes.
  const progressRows: CsvCell[][] = [];
  site.months.forEach((month, m) => {
    p.id.forEach((id, i) => {
      const state = [p.status[m]?.[i], p.progressPct[m]?.[i], p.spentWan[m]?.[i]];
      const before = m > 0 ? [p.status[m - 1]?.[i], p.progressPct[m - 1]?.[i], p.spentWan[m - 1]?.[i]] : null;
      if (before && state.every((x, k) => x === before[k])) return;
      progressRows.push([month, id, STATUS_ZH[STATUSES[state[0] ?? 0] ?? 'planned'], state[1] ?? null, state[2] ?? null]);
    });
  });
  const progressFile: OpenFile = {
    file: 'progress.csv',
    about: { zh: '月度进度：项目状态变化的月份各一行；其余月份沿用上一行', en: 'Monthly progress: a row in each month a project changes; other months carry the last row forward' },
    columns: ['month', 'project_id', 'status', 'progress_pct', 'spent_wan'].map((n) => spec(PROGRESS, n)),
    rows: progressRows,
  };

  const villageFile: OpenFile = {
    file: 'villages.csv',
    about: { zh: '村（社区）：区划、位置和户数人口合计', en: 'Villages and communities: codes, seats and totals of households and people' },
    columns: [
      spec(VILLAGES, 'village_code'),
      spec(VILLAGES, 'village_name'),
      spec(VILLAGES, 'town_code'),
      spec(VILLAGES, 'town_name'),
      spec(VILLAGES, 'lon'),
      spec(VILLAGES, 'lat'),
      withheldNote(spec(VILLAGES, 'households')),
      withheldNote(spec(VILLAGES, 'population')),
      spec(VILLAGES, 'poor_village'),
      withheldNote(spec(VILLAGES, 'poor_households')),
      withheldNote(spec(VILLAGES, 'poor_population')),
      spec(VILLAGES, 'exit_year'),
      extra('project_count', '项目数', '该村的项目个数', 'projects in the village'),
      extra('budget_wan', '资金规模(万元)', '该村项目资金合计', 'total budget of its projects', '万元'),
    ],
    rows: site.villages.map((v) => {
      const town = townOf(v.townId);
      return [v.code, v.name, town?.code ?? '', town?.name ?? '', v.point?.[0] ?? null, v.point?.[1] ?? null, v.households, v.population, v.isPoorVillage === null ? null : v.isPoorVillage ? '是' : '否', v.poorHouseholds, v.poorPopulation, v.exitYear, v.projectCount, v.budgetWan];
    }),
  };

  const townFile: OpenFile = {
    file: 'towns.csv',
    about: { zh: '乡镇合计（含公开版不公布的小数目在内的真实合计）', en: 'Town totals (true sums, including the small counts a public build withholds per village)' },
    columns: [
      spec(VILLAGES, 'town_code'),
      spec(VILLAGES, 'town_name'),
      extra('village_count', '村（社区）数', '村（社区）个数', 'villages and communities'),
      spec(VILLAGES, 'households'),
      spec(VILLAGES, 'population'),
      spec(VILLAGES, 'poor_households'),
      spec(VILLAGES, 'poor_population'),
      extra('project_count', '项目数', '项目个数', 'projects'),
      extra('budget_wan', '资金规模(万元)', '项目资金合计', 'total budget of the projects', '万元'),
    ],
    rows: site.towns.map((t) => [t.code, t.name, t.villageCount, t.households, t.population, t.poorHouseholds, t.poorPopulation, t.projectCount, t.budgetWan]),
  };

  // Rates to 4 decimals (0.01 of a percent), points to 2: what the figures can bear.
  const rounded = (v: number | null | undefined, unit: string): number | null => (v === null || v === undefined ? null : unit === 'points' ? Math.round(v * 100) / 100 : Math.round(v * 10_000) / 10_000);
  const indicatorRows: CsvCell[][] = [];
  site.months.forEach((month, m) => {
    for (const ind of INDICATORS) {
      const s = site.series[ind.id as SeriesId];
      indicatorRows.push([month, 'county', site.config.region.code, site.config.region.name, ind.id, ind.zh, rounded(s.county[m], ind.unit)]);
      site.towns.forEach((t) => indicatorRows.push([month, 'town', t.code, t.name, ind.id, ind.zh, rounded(s.towns[m]?.[t.id], ind.unit)]));
      site.villages.forEach((v) => indicatorRows.push([month, 'village', v.code, v.name, ind.id, ind.zh, rounded(s.villages[m]?.[v.id], ind.unit)]));
    }
  });
  const indicatorFile: OpenFile = {
    file: 'indicators.csv',
    about: { zh: '各月各级指标值（比率为 0–1，进度滞后为百分点；空白为无数据或不公布）', en: 'Indicator values by month and area (rates 0–1, lag in points; blank = no data or withheld)' },
    columns: [
      spec(PROGRESS, 'month'),
      extra('level', '层级', 'county 县 / town 乡镇 / village 村', 'county, town or village'),
      extra('code', '区划代码', '县、乡镇或村的代码', 'code of the county, town or village'),
      extra('name', '名称', '县、乡镇或村的名称', 'name of the county, town or village'),
      extra('indicator', '指标代码', '指标的英文代码（见关于页）', "the indicator's id (see the about page)"),
      extra('indicator_zh', '指标', '指标名称', 'indicator name'),
      extra('value', '数值', '比率为 0–1，进度滞后为百分点', 'rates 0–1; lag in percentage points'),
    ],
    rows: indicatorRows,
  };

  const files = [projectFile, progressFile, villageFile, townFile, indicatorFile];
  const dictionary: CsvCell[][] = [['文件 file', '列名 column', '英文名 name', '说明', 'description', '单位 unit']];
  for (const f of files) {
    dictionary.push([f.file, '', '', f.about.zh, f.about.en, null]);
    for (const c of f.columns) dictionary.push([f.file, c.zh, c.name, c.doc.zh, c.doc.en, c.unit ?? null]);
  }
  const out = new Map<string, string>();
  for (const f of files) out.set(`${OPEN_DATA_DIR}/${f.file}`, withBom(toCsv([f.columns.map((c) => c.zh), ...f.rows])));
  out.set(`${OPEN_DATA_DIR}/dictionary.csv`, withBom(toCsv(dictionary)));
  return out;
}
