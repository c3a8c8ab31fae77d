import { col, type ColumnSpec } from './column-spec';
import { PROJECT_FIELDS } from './project-fields';

export type { ColumnSpec, ValueType } from './column-spec';

/**
 * The CSV tables of the dataset contract (DESIGN.md): for each, its columns (canonical English
 * names, the Chinese aliases a clerk's spreadsheet may use, the value type, whether a value is
 * required). The same tables drive header matching, validation, data/README.md and the templates.
 * A project's public fields are listed in project-fields.ts, which also says where they show.
 */

export type TableId = 'villages' | 'projects' | 'progress' | 'households' | 'photos';

export interface TableSpec {
  readonly id: TableId;
  readonly file: string;
  readonly columns: readonly ColumnSpec[];
  /** Groups of columns of which at least one must be present, e.g. a town's code or its name. */
  readonly oneOf: readonly (readonly string[])[];
  /** The column that identifies a row; rejected rows are remembered by it so later messages can name them. */
  readonly key?: string;
  /** True for a private file: its issues never quote a cell, since report.json is published. */
  readonly isPrivate?: boolean;
}

const VILLAGE_CODE = col('village_code', '村代码', 'code', true, { zh: '12位统计用区划代码', en: '12-digit statistical division code' }, '420324101201', { digits: 12, aliases: ['村级代码', '行政村代码', '村（社区）代码', '区划代码'] });
const TOWN_CODE = col('town_code', '乡镇代码', 'code', false, { zh: '9位乡镇代码', en: '9-digit township code' }, '420324101', { digits: 9, aliases: ['乡镇（街道）代码', '镇代码'] });
const TOWN_NAME = col('town_name', '乡镇名称', 'text', false, { zh: '乡镇名称（无代码时按名称匹配）', en: 'township name (matched when the code is missing)' }, '蒋家堰镇', { aliases: ['乡镇', '乡镇（街道）', '所属乡镇'] });

export const VILLAGES: TableSpec = {
  id: 'villages',
  file: 'villages.csv',
  key: 'village_code',
  oneOf: [['town_code', 'town_name']],
  columns: [
    VILLAGE_CODE,
    col('village_name', '村名称', 'text', true, { zh: '村（社区）名称', en: 'village or community name' }, '双竹村委会', { aliases: ['村名', '行政村', '村（社区）名称'] }),
    TOWN_CODE,
    TOWN_NAME,
    col('lon', '经度', 'number', false, { zh: '村委会驻地经度（十进制度）', en: 'longitude of the village committee seat (decimal degrees)' }, '109.5912', { unit: '°' }),
    col('lat', '纬度', 'number', false, { zh: '村委会驻地纬度（十进制度）', en: 'latitude of the village committee seat (decimal degrees)' }, '32.3187', { unit: '°' }),
    col('households', '总户数', 'integer', true, { zh: '全村总户数', en: 'households in the village' }, '412', { unit: '户' }),
    col('population', '总人口', 'integer', true, { zh: '全村总人口', en: 'population of the village' }, '1388', { unit: '人' }),
    col('poor_village', '是否贫困村', 'boolean', false, { zh: '是否为贫困村（是/否）', en: 'registered poor village: 是 (yes) / 否 (no)' }, '是', { aliases: ['贫困村'] }),
    col('poor_households', '建档立卡户数', 'integer', true, { zh: '建档立卡贫困户数', en: 'registered poor households' }, '96', { unit: '户', aliases: ['贫困户数'] }),
    col('poor_population', '建档立卡人口', 'integer', true, { zh: '建档立卡贫困人口', en: 'registered poor population' }, '301', { unit: '人', aliases: ['贫困人口'] }),
    col('exited_households', '已脱贫户数', 'integer', false, { zh: '已脱贫户数', en: 'households that have exited poverty' }, '40', { unit: '户' }),
    col('exited_population', '已脱贫人口', 'integer', false, { zh: '已脱贫人口', en: 'people who have exited poverty' }, '128', { unit: '人' }),
    col('exit_year', '出列年度', 'integer', false, { zh: '贫困村出列年度，未出列留空', en: 'year the village exited (blank if not yet)' }, '2016'),
    col('laborers', '劳动力', 'integer', false, { zh: '贫困户劳动力人数', en: 'laborers in poor households' }, '160', { unit: '人', aliases: ['劳动力人数'] }),
    col('employed', '已就业劳动力', 'integer', false, { zh: '贫困户已就业劳动力', en: 'employed laborers in poor households' }, '118', { unit: '人', aliases: ['已就业'] }),
  ],
};

export const PROJECTS: TableSpec = {
  id: 'projects',
  file: 'projects.csv',
  key: 'project_id',
  oneOf: [['town_code', 'town_name', 'village_code', 'village_name']],
  columns: [
    col('project_id', '项目编号', 'code', true, { zh: '项目唯一编号', en: 'unique project id' }, 'ZX2016-0001', { aliases: ['编号'] }),
    col('project_name', '项目名称', 'text', true, { zh: '项目名称', en: 'project name' }, '双竹村茶叶基地扩建'),
    col('category', '项目类别', 'text', true, { zh: '十类之一：类别编号、中文名或英文名', en: 'one of the ten categories, by id, Chinese or English name' }, '产业发展', { aliases: ['类别', '项目类型'] }),
    TOWN_CODE,
    TOWN_NAME,
    { ...VILLAGE_CODE, isRequired: false, doc: { zh: '村代码；全镇项目留空', en: 'village code; blank for a town-wide project' } },
    col('village_name', '村名称', 'text', false, { zh: '村名称（无代码时按名称匹配）', en: 'village name (matched when the code is missing)' }, '双竹村', { aliases: ['村名', '实施村'] }),
    col('lon', '经度', 'number', false, { zh: '项目点经度；空则取村委会驻地', en: 'project longitude; blank uses the village seat' }, '109.5931', { unit: '°' }),
    col('lat', '纬度', 'number', false, { zh: '项目点纬度', en: 'project latitude' }, '32.3202', { unit: '°' }),
    ...PROJECT_FIELDS.map((f) => f.column),
    col('to_lon', '安置点经度', 'number', false, { zh: '易地搬迁安置点经度', en: 'relocation: resettlement site longitude' }, '', { unit: '°' }),
    col('to_lat', '安置点纬度', 'number', false, { zh: '易地搬迁安置点纬度', en: 'relocation: resettlement site latitude' }, '', { unit: '°' }),
  ],
};

export const PROGRESS: TableSpec = {
  id: 'progress',
  file: 'progress.csv',
  oneOf: [],
  columns: [
    col('month', '月份', 'month', true, { zh: '报告月份 YYYY-MM', en: 'report month YYYY-MM' }, '2016-05', { aliases: ['报告月份'] }),
    col('project_id', '项目编号', 'code', true, { zh: '项目编号（须在项目台账中）', en: 'project id (must be in projects.csv)' }, 'ZX2016-0001', { aliases: ['编号'] }),
    col('status', '状态', 'status', true, { zh: '未开工/在建/已完工/已验收', en: 'planned / building / done / accepted' }, '在建', { aliases: ['项目状态', '进展状态'] }),
    col('progress_pct', '形象进度(%)', 'number', false, { zh: '形象进度 0–100', en: 'physical progress 0–100' }, '60', { unit: '%', aliases: ['形象进度', '进度(%)', '进度'] }),
    col('spent_wan', '已拨付(万元)', 'number', false, { zh: '累计已拨付资金', en: 'funds disbursed to date' }, '20', { unit: '万元', aliases: ['已拨付', '拨付资金(万元)'] }),
  ],
};

export const HOUSEHOLDS: TableSpec = {
  id: 'households',
  file: 'households.csv',
  isPrivate: true,
  oneOf: [],
  columns: [
    col('household_key', '户编码', 'code', true, { zh: '不透明编码，不得含姓名或身份证号', en: 'opaque key; never a name or an ID number' }, 'h7f3a9c2e41b0', { aliases: ['户键'] }),
    { ...VILLAGE_CODE },
    col('poor', '是否贫困户', 'boolean', true, { zh: '是否为建档立卡贫困户（是/否）', en: 'registered poor household: 是/否' }, '是', { aliases: ['贫困户'] }),
    col('exited', '是否脱贫', 'boolean', false, { zh: '是否已脱贫（是/否）', en: 'exited poverty: 是/否' }, '否', { aliases: ['已脱贫'] }),
    col('project_ids', '帮扶项目', 'list', false, { zh: '覆盖该户的项目编号，用分号分隔', en: 'ids of projects covering the household, separated by ;' }, 'ZX2016-0001;ZX2016-0042', { aliases: ['项目编号'] }),
    col('laborers', '劳动力', 'integer', false, { zh: '劳动力人数', en: 'laborers' }, '2', { unit: '人' }),
    col('employed', '已就业劳动力', 'integer', false, { zh: '已就业劳动力', en: 'employed laborers' }, '1', { unit: '人' }),
  ],
};

/**
 * photos.csv (optional, issue 22): one site photo of a project per row, its file in the dataset's
 * photos/ folder. Not in TABLES (no template sheet): read by src/pipeline/photos/ when present.
 */
export const PHOTOS: TableSpec = {
  id: 'photos',
  file: 'photos.csv',
  oneOf: [],
  columns: [
    col('project_id', '项目编号', 'code', true, { zh: '项目编号（须在项目台账中）', en: 'project id (must be in projects.csv)' }, 'ZX2016-0001', { aliases: ['编号'] }),
    col('file', '文件', 'text', true, { zh: 'photos/ 文件夹里的文件名（可含子文件夹）', en: 'file name inside the photos/ folder (subfolders allowed)' }, 'ZX2016-0001/竣工.jpg', { aliases: ['文件名', '照片', '照片文件'] }),
    col('stage', '阶段', 'text', true, { zh: '施工前/施工中/竣工/验收', en: 'before / during / done / accepted' }, '竣工', { aliases: ['照片阶段', '形象进度阶段'] }),
    col('taken_at', '拍摄时间', 'date', false, { zh: '拍摄日期；空则取照片自带的 EXIF 时间', en: 'date taken; blank uses the photo’s EXIF time' }, '2016-10-18', { aliases: ['拍摄日期', '日期'] }),
    col('lon', '经度', 'number', false, { zh: '拍摄点经度；空则取照片自带的 GPS 位置', en: 'longitude where taken; blank uses the photo’s GPS position' }, '', { unit: '°' }),
    col('lat', '纬度', 'number', false, { zh: '拍摄点纬度', en: 'latitude where taken' }, '', { unit: '°' }),
    col('caption', '说明', 'text', false, { zh: '照片说明（公开显示）', en: 'caption (published)' }, '村道硬化完工', { aliases: ['照片说明', '备注说明'] }),
  ],
};

/** Every table of the contract, in the order the build reads them. */
export const TABLES: readonly TableSpec[] = [VILLAGES, PROJECTS, PROGRESS, HOUSEHOLDS];

/** Progress status, in order of advance. */
export type ProjectStatus = 'planned' | 'building' | 'done' | 'accepted';
export const STATUSES: readonly ProjectStatus[] = ['planned', 'building', 'done', 'accepted'];
export const STATUS_ZH: Record<ProjectStatus, string> = { planned: '未开工', building: '在建', done: '已完工', accepted: '已验收' };
