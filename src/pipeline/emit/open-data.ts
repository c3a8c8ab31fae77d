import { roundForData, UNITS, type UnitId } from '../../domain/units';
import { PROGRESS, PROJECTS, STATUSES, STATUS_ZH, VILLAGES, type ColumnSpec } from '../../contract/columns';
import { fieldsShownIn } from '../../contract/project-fields';
import type { SeriesId, SiteData } from '../../contract/site';
import { CHANGE_COLUMNS } from '../../contract/release';
import { csvCell, csvLine, toCsv, withBom, type CsvCell } from '../../domain/csv';
import { INDICATORS } from '../../domain/indicators';
import type { OutputFile } from './output-file';
import type { ProjectView } from './project-view';

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
  file: OpenDataFile;
  about: { zh: string; en: string };
  columns: OpenColumn[];
  /** The rows, made as the file is written: cells, or a row already written as a CSV line. */
  rows: () => Iterable<CsvCell[] | string>;
}

/** The folder of the open dataset inside the site data. */
export const OPEN_DATA_DIR = 'open-data';

/** The open dataset's files inside OPEN_DATA_DIR, in the order they are written: the tables, then their dictionary. */
export const OPEN_DATA_FILES = ['projects.csv', 'progress.csv', 'villages.csv', 'towns.csv', 'indicators.csv', 'changes.csv', 'dictionary.csv'] as const;
/** A file of the open dataset. */
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

const column = (c: ColumnSpec): OpenColumn => ({ zh: c.zh, name: c.name, doc: c.doc, unit: c.unit });
const spec = (table: { columns: readonly ColumnSpec[] }, name: string): OpenColumn => {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`open data: no column ${name} in the contract`);
  return column(c);
};
/** The public project fields (contract/project-fields.ts) in open-data/projects.csv, after the project's place. */
const OPEN_FIELDS = fieldsShownIn('openData');
const extra = (name: string, zh: string, docZh: string, docEn: string, unit?: string): OpenColumn => ({ zh, name, doc: { zh: docZh, en: docEn }, unit });

const WITHHELD = { zh: '；公开版中少于阈值的户数不公布（空白）', en: '; blank in the public build when below the threshold' };
const withheldNote = (c: OpenColumn): OpenColumn => ({ ...c, doc: { zh: c.doc.zh + WITHHELD.zh, en: c.doc.en + WITHHELD.en } });

/** Every file of the open dataset, by path inside the site data (e.g. `open-data/projects.csv`), as text made when written. */
export function emitOpenData(site: SiteData, projects: ProjectView): Map<string, OutputFile> {
  const last = site.months.length - 1;
  const lastMonth = site.months[last] ?? '';
  const townOf = (i: number) => site.towns[i];
  const villageOf = (i: number) => (i >= 0 ? site.villages[i] : undefined);
  const categoryOf = (i: number) => site.config.categories[i];
  const p = projects;
  // The public fields shown in the open data, as the view reads them, in list order.
  const fieldReaders = OPEN_FIELDS.map((f) => p[f.key] as (i: number) => CsvCell);

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
      ...OPEN_FIELDS.map((f) => column(f.column)),
      extra('status', '状态', `${lastMonth} 的状态（未开工、在建、已完工、已验收）`, `status as of ${lastMonth} (planned, building, done, accepted)`),
      extra('progress_pct', '形象进度(%)', `${lastMonth} 的形象进度`, `physical progress as of ${lastMonth}`, '%'),
      extra('spent_wan', '已拨付(万元)', `截至 ${lastMonth} 已拨付的资金`, `funds disbursed by ${lastMonth}`, '万元'),
    ],
    rows: function* () {
      for (let i = 0; i < p.length; i++) {
        const town = townOf(p.town(i));
        const village = villageOf(p.village(i));
        const hasOwnPoint = p.hasOwnPoint(i);
        const row: CsvCell[] = [
          p.id(i),
          p.name(i),
          categoryOf(p.category(i))?.zh ?? '',
          town?.code ?? '',
          town?.name ?? '',
          village?.code ?? null,
          village?.name ?? null,
          hasOwnPoint ? p.lon(i) : null,
          hasOwnPoint ? p.lat(i) : null,
        ];
        for (const read of fieldReaders) row.push(read(i));
        row.push(STATUS_ZH[STATUSES[last >= 0 ? p.status(last, i) : 0] ?? 'planned'], last >= 0 ? p.progressPct(last, i) : null, last >= 0 ? p.spentWan(last, i) : null);
        yield row;
      }
    },
  };

  // The monthly report in the input's long form: a row when a project's state changes.
  function* progressRows(): Generator<CsvCell[]> {
    for (let m = 0; m < site.months.length; m++) {
      const month = site.months[m]!;
      for (let i = 0; i < p.length; i++) {
        const status = p.status(m, i);
        const pct = p.progressPct(m, i);
        const spent = p.spentWan(m, i);
        if (m > 0 && status === p.status(m - 1, i) && pct === p.progressPct(m - 1, i) && spent === p.spentWan(m - 1, i)) continue;
        yield [month, p.id(i), STATUS_ZH[STATUSES[status] ?? 'planned'], pct, spent];
      }
    }
  }
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
    rows: () =>
      site.villages.map((v) => {
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
    rows: () => site.towns.map((t) => [t.code, t.name, t.villageCount, t.households, t.population, t.poorHouseholds, t.poorPopulation, t.projectCount, t.budgetWan]),
  };

  // Each unit's own decimals (units.ts): rates to 0.01 of a percent, points and scores to 2.
  const rounded = (v: number | null | undefined, unit: UnitId): number | null => (v === null || v === undefined ? null : roundForData(UNITS[unit], v));
  // Rows of [month, level, code, name, indicator, indicator_zh, value]; the cells that repeat are written once.
  function* indicatorRows(): Generator<string> {
    const county = `${csvCell('county')},${csvCell(site.config.region.code)},${csvCell(site.config.region.name)},`;
    const towns = site.towns.map((t) => `${csvCell('town')},${csvCell(t.code)},${csvCell(t.name)},`);
    const villages = site.villages.map((v) => `${csvCell('village')},${csvCell(v.code)},${csvCell(v.name)},`);
    for (let m = 0; m < site.months.length; m++) {
      const month = `${csvCell(site.months[m]!)},`;
      for (const ind of INDICATORS) {
        const s = site.series[ind.id as SeriesId];
        const what = `${csvCell(ind.id)},${csvCell(ind.zh)},`;
        yield `${month}${county}${what}${csvCell(rounded(s.county[m], ind.unit))}\r\n`;
        const townValues = s.towns[m];
        for (let k = 0; k < site.towns.length; k++) yield `${month}${towns[k]}${what}${csvCell(rounded(townValues?.[site.towns[k]!.id], ind.unit))}\r\n`;
        const villageValues = s.villages[m];
        for (let k = 0; k < site.villages.length; k++) yield `${month}${villages[k]}${what}${csvCell(rounded(villageValues?.[site.villages[k]!.id], ind.unit))}\r\n`;
      }
    }
  }
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
  // changes.csv is written by the release stage (pipeline/release/), which compares this release with the previous one.
  dictionary.push(['changes.csv', '', '', '更新记录：与上一版本相比的变化，每个变更的字段一行；首个版本只有表头', 'Changes since the previous release: one row per changed field; the first release has the header only', null]);
  for (const c of CHANGE_COLUMNS) dictionary.push(['changes.csv', c.zh, c.name, c.doc.zh, c.doc.en, null]);
  const out = new Map<string, OutputFile>();
  for (const f of files) out.set(`${OPEN_DATA_DIR}/${f.file}`, () => csvPieces(f.columns.map((c) => c.zh), f.rows()));
  out.set(`${OPEN_DATA_DIR}/dictionary.csv`, () => [withBom(toCsv(dictionary))]);
  return out;
}

/** Rows written at a time (a piece small enough to be an ordinary young string, as in emit-site.ts). */
const ROWS_PER_PIECE = 128;

/** `withBom(toCsv([header, ...rows]))`, in pieces of a few thousand rows. */
function* csvPieces(header: CsvCell[], rows: Iterable<CsvCell[] | string>): Generator<string> {
  yield withBom(toCsv([header]));
  let block = '';
  let n = 0;
  for (const row of rows) {
    block += typeof row === 'string' ? row : csvLine(row);
    if (++n === ROWS_PER_PIECE) {
      yield block;
      block = '';
      n = 0;
    }
  }
  if (n > 0) yield block;
}
