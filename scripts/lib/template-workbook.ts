/**
 * data/templates/cunhu-template.xlsx: the dataset as one workbook to fill in (issue 21). One sheet
 * per table (村 / 项目 / 进度 / 户, the names the build reads), the Chinese headers bold and frozen,
 * each header's meaning and unit as its comment, drop-down lists for categories, statuses, 是/否
 * and the region's town and village codes, number, date and text formats set per column, and a
 * sheet 说明 that explains every column. Made from src/contract/columns.ts and the dataset's
 * config and villages, so it never drifts from what the build reads; deterministic (fixed dates,
 * zip entries re-stored with a fixed time), so `make-templates --check` can compare bytes.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { STATUS_ZH, TABLES, type ColumnSpec, type TableId, type TableSpec } from '../../src/contract/columns';
import { TABLE_SHEETS } from '../../src/pipeline/read/workbook';

export const TEMPLATE_WORKBOOK = 'data/templates/cunhu-template.xlsx';

/** What the template's drop-down lists offer, from the dataset it is made for. */
export interface TemplateChoices {
  /** The categories' Chinese names (atlas.config.json). */
  categories: readonly string[];
  /** The region's towns and villages: code and name. */
  towns: readonly { code: string; name: string }[];
  villages: readonly { code: string; name: string }[];
}

/** Rows the formats and drop-downs cover: more than a county's ledger has. */
const ROWS = 5000;
/** Every date in the file (created, modified): fixed, so the same inputs give the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));
const CODES_SHEET = '代码';
const HELP_SHEET = '说明';

const FORMATS: Partial<Record<ColumnSpec['type'], string>> = { code: '@', text: '@', month: '@', list: '@', number: '0.00', integer: '0', date: 'yyyy-mm-dd' };
const TYPE_ZH: Record<ColumnSpec['type'], string> = { code: '代码（文本）', text: '文本', number: '数字', integer: '整数', boolean: '是/否', month: '月份 YYYY-MM（文本）', date: '日期', status: '状态', list: '列表（分号分隔）' };

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** The template workbook's bytes. */
export async function templateWorkbook(choices: TemplateChoices, tables: readonly TableSpec[] = TABLES): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = 'Cunhu make-templates';
  wb.created = wb.modified = FIXED_DATE;

  const help = wb.addWorksheet(HELP_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  help.columns = [
    { header: '工作表 sheet', width: 10 },
    { header: '表头 header', width: 22 },
    { header: 'English', width: 26 },
    { header: '类型 type', width: 20 },
    { header: '必填 required', width: 12 },
    { header: '单位 unit', width: 10 },
    { header: '含义 meaning', width: 60 },
    { header: '示例 example', width: 22 },
  ];
  help.getRow(1).font = { bold: true };

  const codes = wb.addWorksheet(CODES_SHEET);
  codes.columns = [
    { header: '乡镇代码', width: 14 },
    { header: '乡镇名称', width: 14 },
    { header: '村代码', width: 16 },
    { header: '村名称', width: 16 },
    { header: '项目类别', width: 14 },
    { header: '状态', width: 10 },
    { header: '是/否', width: 8 },
  ];
  codes.getRow(1).font = { bold: true };
  const lists: string[][] = [choices.towns.map((t) => t.code), choices.towns.map((t) => t.name), choices.villages.map((v) => v.code), choices.villages.map((v) => v.name), [...choices.categories], Object.values(STATUS_ZH), ['是', '否']];
  lists.forEach((values, c) => values.forEach((v, r) => (codes.getCell(r + 2, c + 1).value = v)));
  for (let c = 1; c <= 4; c++) codes.getColumn(c).numFmt = '@';
  const listRange = (c: number): string => `${CODES_SHEET}!$${columnLetter(c)}$2:$${columnLetter(c)}$${Math.max(2, lists[c]!.length + 1)}`;

  for (const spec of tables) {
    const name = TABLE_SHEETS[spec.file]?.[0] ?? spec.id;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    spec.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(28, c.zh.length * 2 + 4));
      const format = FORMATS[c.type];
      if (format) col.numFmt = format;
      const head = ws.getCell(1, i + 1);
      head.value = c.zh;
      head.numFmt = 'General';
      head.font = { bold: true };
      head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.isRequired ? 'FFFCE4D6' : 'FFF2F2F2' } };
      head.note = { texts: [{ text: `${c.doc.zh}${c.unit ? `（单位：${c.unit}）` : ''}\n${c.doc.en}\n${c.isRequired ? '必填 required' : '选填 optional'} · 英文表头 ${c.name}` }] };
      const list = listFor(spec.id, c);
      const range = `${columnLetter(i)}2:${columnLetter(i)}${ROWS}`;
      if (list !== null) validations(ws).add(range, { type: 'list', allowBlank: !c.isRequired, formulae: [listRange(list)], showErrorMessage: true, errorStyle: 'warning', errorTitle: c.zh, error: `请从下拉列表中选择 choose from the list` });
      else if (c.type === 'date') validations(ws).add(range, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: 'warning', error: '请填写日期 a date' });
      else if (c.type === 'number' || c.type === 'integer') validations(ws).add(range, { type: c.type === 'integer' ? 'whole' : 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'warning', error: '请填写不小于 0 的数字 a number, 0 or more' });
      help.addRow([name, c.zh, c.name, c.type === 'code' && c.digits ? `${c.digits}位代码（文本）` : TYPE_ZH[c.type], c.isRequired ? '✓' : '', c.unit ?? '', `${c.doc.zh} — ${c.doc.en}`, c.example]);
    });
  }
  help.addRow([]);
  help.addRow(['', '这个工作簿可整个作为数据集：命名为 数据.xlsx 放进数据文件夹（与 atlas.config.json 和 boundaries/ 同一层），工作表 村 / 项目 / 进度 / 户 代替四个 CSV。']);
  help.addRow(['', 'Save this workbook as 数据.xlsx in the dataset folder (beside atlas.config.json and boundaries/): its sheets 村 / 项目 / 进度 / 户 stand in for the four CSV files.']);
  return restored(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** A sheet's data validations by range: exceljs writes them, its type declarations leave the collection out. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** The column of the 代码 sheet whose values a column's drop-down offers, or null. */
function listFor(table: TableId, c: ColumnSpec): number | null {
  if (c.name === 'town_code') return 0;
  if (c.name === 'town_name') return 1;
  if (c.name === 'village_code' && table !== 'villages') return 2;
  if (c.name === 'village_name' && table !== 'villages') return 3;
  if (c.name === 'category') return 4;
  if (c.type === 'status') return 5;
  if (c.type === 'boolean') return 6;
  return null;
}

/** The zip's entries stored again in order with one fixed time (the zip library stamps the current time). */
function restored(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { level: 6, mtime: FIXED_DATE }];
  return zipSync(out);
}
