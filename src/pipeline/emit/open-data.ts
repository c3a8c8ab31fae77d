import { roundForData, UNITS, type UnitId } from '../../domain/units';
import { PROGRESS, PROJECTS, STATUSES, STATUS_ZH, VILLAGES, type ColumnSpec, type ValueType } from '../../contract/columns';
import { fieldsShownIn } from '../../contract/project-fields';
import type { SeriesId, SiteData } from '../../contract/site';
import { CHANGE_COLUMNS } from '../../contract/release';
import { csvLine, toCsv, withBom, type CsvCell } from '../../domain/csv';
import { INDICATORS } from '../../domain/indicators';
import { parquetPieces, type ParquetKind } from './open-data-parquet';
import type { OutputFile } from './output-file';
import type { ProjectView } from './project-view';

/**
 * The open dataset (开放数据) published beside the site: what the public may see, each table twice:
 * as CSV that opens in Excel and WPS (UTF-8 with BOM, formulas neutralised) for a county's
 * spreadsheet users, and as Parquet (open-data-parquet.ts; typed, compressed, English column names)
 * for data users at province scale; with a data dictionary. Written from the emitted site data, so a
 * public build's withheld counts are withheld here too (empty cells). The CSV headers are the
 * contract's Chinese names, so projects.csv, progress.csv and villages.csv read back into the build.
 *
 * Each table names a place by its code alone, except the two small tables of places themselves
 * (villages.csv names the village and its town, towns.csv the town): a name is joined by code, not
 * repeated on every project and every month. Indicators are one row per month and area with a
 * column per indicator, not a row per value.
 */

/** A column of an open-data table: its CSV header (Chinese), English name (the Parquet column), meaning and how Parquet stores it. */
interface OpenColumn {
  zh: string;
  name: string;
  doc: { zh: string; en: string };
  unit?: string;
  kind: ParquetKind;
  /** Free text (names, contents, targets): Parquet keeps no statistics for it. */
  isFreeText?: boolean;
}

interface OpenTable {
  table: OpenDataTable;
  about: { zh: string; en: string };
  columns: OpenColumn[];
  /** The rows, made as a file is written (once for the CSV, once for the Parquet). */
  rows: () => Iterable<CsvCell[]>;
}

/** The folder of the open dataset inside the site data. */
export const OPEN_DATA_DIR = 'open-data';

/** The tables of the open dataset, in the order they are written and described. */
export const OPEN_DATA_TABLES = ['projects', 'progress', 'villages', 'towns', 'indicators'] as const;
/** A table of the open dataset. */
export type OpenDataTable = (typeof OPEN_DATA_TABLES)[number];

/** The open dataset's files inside OPEN_DATA_DIR: each table as CSV, the changes (release stage) and the dictionary, then each table as Parquet. */
export const OPEN_DATA_FILES = [...OPEN_DATA_TABLES.map((t) => `${t}.csv` as const), 'changes.csv', 'dictionary.csv', ...OPEN_DATA_TABLES.map((t) => `${t}.parquet` as const)] as const;
/** A file of the open dataset. */
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/** How Parquet stores a column of each contract type: codes and months as text, 是/否 as a boolean. */
const KIND_OF: Readonly<Record<ValueType, ParquetKind>> = { code: 'string', text: 'string', month: 'string', status: 'string', list: 'string', number: 'double', integer: 'int32', boolean: 'boolean', date: 'date' };

const column = (c: ColumnSpec): OpenColumn => ({ zh: c.zh, name: c.name, doc: c.doc, unit: c.unit, kind: KIND_OF[c.type], isFreeText: c.type === 'text' });
const spec = (table: { columns: readonly ColumnSpec[] }, name: string): OpenColumn => {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`open data: no column ${name} in the contract`);
  return column(c);
};
/** The public project fields (contract/project-fields.ts) in open-data/projects.csv, after the project's place. */
const OPEN_FIELDS = fieldsShownIn('openData');
const extra = (name: string, zh: string, kind: ParquetKind, docZh: string, docEn: string, unit?: string): OpenColumn => ({ zh, name, kind, doc: { zh: docZh, en: docEn }, unit });

const WITHHELD = { zh: '；公开版中少于阈值的户数不公布（空白）', en: '; blank in the public build when below the threshold' };
const withheldNote = (c: OpenColumn): OpenColumn => ({ ...c, doc: { zh: c.doc.zh + WITHHELD.zh, en: c.doc.en + WITHHELD.en } });
/** An indicator's unit as the dictionary gives it (rates are written 0–1). */
const UNIT_TEXT: Readonly<Record<UnitId, string>> = { share: '0–1', points: '百分点', score: '分' };

/** Every file of the open dataset, by path inside the site data (e.g. `open-data/projects.csv`), made when written. */
export function emitOpenData(site: SiteData, projects: ProjectView): Map<string, OutputFile> {
  const last = site.months.length - 1;
  const lastMonth = site.months[last] ?? '';
  const townOf = (i: number) => site.towns[i];
  const villageOf = (i: number) => (i >= 0 ? site.villages[i] : undefined);
  const categoryOf = (i: number) => site.config.categories[i];
  const p = projects;
  // The public fields shown in the open data, as the view reads them, in list order.
  const fieldReaders = OPEN_FIELDS.map((f) => p[f.key] as (i: number) => CsvCell);

  // The names of a project's town and village are in towns.csv and villages.csv, joined by code.
  const projectTable: OpenTable = {
    table: 'projects',
    about: { zh: `项目公示：每个项目一行，状态为 ${lastMonth} 的情况；乡镇、村名称按代码见 towns.csv、villages.csv`, en: `Project disclosure: one row per project, state as of ${lastMonth}; town and village names by code in towns.csv and villages.csv` },
    columns: [
      spec(PROJECTS, 'project_id'),
      spec(PROJECTS, 'project_name'),
      spec(PROJECTS, 'category'),
      spec(PROJECTS, 'town_code'),
      spec(PROJECTS, 'village_code'),
      spec(PROJECTS, 'lon'),
      spec(PROJECTS, 'lat'),
      ...OPEN_FIELDS.map((f) => column(f.column)),
      extra('status', '状态', 'string', `${lastMonth} 的状态（未开工、在建、已完工、已验收）`, `status as of ${lastMonth} (planned, building, done, accepted)`),
      extra('progress_pct', '形象进度(%)', 'double', `${lastMonth} 的形象进度`, `physical progress as of ${lastMonth}`, '%'),
      extra('spent_wan', '已拨付(万元)', 'double', `截至 ${lastMonth} 已拨付的资金`, `funds disbursed by ${lastMonth}`, '万元'),
    ],
    rows: function* () {
      for (let i = 0; i < p.length; i++) {
        const hasOwnPoint = p.hasOwnPoint(i);
        const row: CsvCell[] = [p.id(i), p.name(i), categoryOf(p.category(i))?.zh ?? '', townOf(p.town(i))?.code ?? '', villageOf(p.village(i))?.code ?? null, hasOwnPoint ? p.lon(i) : null, hasOwnPoint ? p.lat(i) : null];
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
  const progressTable: OpenTable = {
    table: 'progress',
    about: { zh: '月度进度：项目状态变化的月份各一行；其余月份沿用上一行', en: 'Monthly progress: a row in each month a project changes; other months carry the last row forward' },
    columns: ['month', 'project_id', 'status', 'progress_pct', 'spent_wan'].map((n) => spec(PROGRESS, n)),
    rows: progressRows,
  };

  const villageTable: OpenTable = {
    table: 'villages',
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
      extra('project_count', '项目数', 'int32', '该村的项目个数', 'projects in the village'),
      extra('budget_wan', '资金规模(万元)', 'double', '该村项目资金合计', 'total budget of its projects', '万元'),
    ],
    rows: () =>
      site.villages.map((v) => {
        const town = townOf(v.townId);
        return [v.code, v.name, town?.code ?? '', town?.name ?? '', v.point?.[0] ?? null, v.point?.[1] ?? null, v.households, v.population, v.isPoorVillage === null ? null : v.isPoorVillage ? '是' : '否', v.poorHouseholds, v.poorPopulation, v.exitYear, v.projectCount, v.budgetWan];
      }),
  };

  const townTable: OpenTable = {
    table: 'towns',
    about: { zh: '乡镇合计（含公开版不公布的小数目在内的真实合计）', en: 'Town totals (true sums, including the small counts a public build withholds per village)' },
    columns: [
      spec(VILLAGES, 'town_code'),
      spec(VILLAGES, 'town_name'),
      extra('village_count', '村（社区）数', 'int32', '村（社区）个数', 'villages and communities'),
      spec(VILLAGES, 'households'),
      spec(VILLAGES, 'population'),
      spec(VILLAGES, 'poor_households'),
      spec(VILLAGES, 'poor_population'),
      extra('project_count', '项目数', 'int32', '项目个数', 'projects'),
      extra('budget_wan', '资金规模(万元)', 'double', '项目资金合计', 'total budget of the projects', '万元'),
    ],
    rows: () => site.towns.map((t) => [t.code, t.name, t.villageCount, t.households, t.population, t.poorHouseholds, t.poorPopulation, t.projectCount, t.budgetWan]),
  };

  // Each unit's own decimals (units.ts): rates to 0.01 of a percent, points and scores to 2.
  const rounded = (v: number | null | undefined, unit: UnitId): number | null => (v === null || v === undefined ? null : roundForData(UNITS[unit], v));
  const region = site.config.region;
  // One row per month and area: the county, its towns, then its villages; a column per indicator.
  function* indicatorRows(): Generator<CsvCell[]> {
    const series = INDICATORS.map((ind) => ({ unit: ind.unit, values: site.series[ind.id as SeriesId] }));
    for (let m = 0; m < site.months.length; m++) {
      const month = site.months[m]!;
      yield [month, 'county', region.code, ...series.map((s) => rounded(s.values.county[m], s.unit))];
      for (const t of site.towns) yield [month, 'town', t.code, ...series.map((s) => rounded(s.values.towns[m]?.[t.id], s.unit))];
      for (const v of site.villages) yield [month, 'village', v.code, ...series.map((s) => rounded(s.values.villages[m]?.[v.id], s.unit))];
    }
  }
  const indicatorTable: OpenTable = {
    table: 'indicators',
    about: {
      zh: `各月各级指标值：每月每个县、乡镇、村一行，每个指标一列（比率为 0–1，进度滞后为百分点；空白为无数据或不公布）；县为 ${region.code} ${region.name}，乡镇、村名称按代码见 towns.csv、villages.csv`,
      en: `Indicator values by month and area: a row per month for the county, each town and each village, a column per indicator (rates 0–1, lag in points; blank = no data or withheld); the county is ${region.code}, town and village names by code in towns.csv and villages.csv`,
    },
    columns: [
      spec(PROGRESS, 'month'),
      extra('level', '层级', 'string', 'county 县 / town 乡镇 / village 村', 'county, town or village'),
      extra('code', '区划代码', 'string', '县、乡镇或村的代码', 'code of the county, town or village'),
      ...INDICATORS.map((ind) => extra(ind.id, ind.zh, 'double', ind.definition.zh, ind.definition.en, UNIT_TEXT[ind.unit])),
    ],
    rows: indicatorRows,
  };

  const tables = [projectTable, progressTable, villageTable, townTable, indicatorTable];
  const dictionary: CsvCell[][] = [['文件 file', '列名 column', '英文名（Parquet 列名） name (Parquet column)', '说明', 'description', '单位 unit']];
  for (const f of tables) {
    const file = `${f.table}.csv`;
    dictionary.push([file, '', '', `${f.about.zh}（另有同样内容的 ${f.table}.parquet，列名为英文名）`, `${f.about.en} (also as ${f.table}.parquet, columns named by the English names)`, null]);
    for (const c of f.columns) dictionary.push([file, c.zh, c.name, c.doc.zh, c.doc.en, c.unit ?? null]);
  }
  // changes.csv is written by the release stage (pipeline/release/), which compares this release with the previous one.
  dictionary.push(['changes.csv', '', '', '更新记录：与上一版本相比的变化，每个变更的字段一行；首个版本只有表头', 'Changes since the previous release: one row per changed field; the first release has the header only', null]);
  for (const c of CHANGE_COLUMNS) dictionary.push(['changes.csv', c.zh, c.name, c.doc.zh, c.doc.en, null]);
  const out = new Map<string, OutputFile>();
  for (const f of tables) out.set(`${OPEN_DATA_DIR}/${f.table}.csv`, () => csvPieces(f.columns.map((c) => c.zh), f.rows()));
  out.set(`${OPEN_DATA_DIR}/dictionary.csv`, () => [withBom(toCsv(dictionary))]);
  for (const f of tables) out.set(`${OPEN_DATA_DIR}/${f.table}.parquet`, () => parquetPieces(f.columns, f.rows()));
  return out;
}

/** Rows written at a time (a piece small enough to be an ordinary young string, as in emit-site.ts). */
const ROWS_PER_PIECE = 128;

/** `withBom(toCsv([header, ...rows]))`, in pieces of a few thousand rows. */
function* csvPieces(header: CsvCell[], rows: Iterable<CsvCell[]>): Generator<string> {
  yield withBom(toCsv([header]));
  let block = '';
  let n = 0;
  for (const row of rows) {
    block += csvLine(row);
    if (++n === ROWS_PER_PIECE) {
      yield block;
      block = '';
      n = 0;
    }
  }
  if (n > 0) yield block;
}
