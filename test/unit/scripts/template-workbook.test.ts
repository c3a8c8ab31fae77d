import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/contract/columns';
import { openWorkbook } from '../../../src/pipeline/read/workbook';
import { ROOT, templateChoices } from '../../../scripts/make-templates';
import { TEMPLATE_WORKBOOK, templateWorkbook } from '../../../scripts/lib/template-workbook';

type Validations = { model: Record<string, { type: string; formulae: unknown[] }> };

describe('the template workbook (data/templates/cunhu-template.xlsx)', () => {
  it('is what make-templates makes, byte for byte, on every run', async () => {
    const choices = await templateChoices();
    const [a, b] = [await templateWorkbook(choices), await templateWorkbook(choices)];
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(await readFile(join(ROOT, TEMPLATE_WORKBOOK)), a)).toBe(0);
  });

  it('opens with a frozen bold Chinese header per table, header comments, drop-downs and formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(join(ROOT, TEMPLATE_WORKBOOK))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '代码', '村', '项目', '进度', '户']);
    const projects = wb.getWorksheet('项目')!;
    const spec = TABLES.find((t) => t.id === 'projects')!;
    expect(projects.getRow(1).values).toEqual([undefined, ...spec.columns.map((c) => c.zh)]);
    expect(projects.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(projects.getCell(1, 1).font?.bold).toBe(true);
    const budget = spec.columns.findIndex((c) => c.name === 'budget_wan') + 1;
    expect(JSON.stringify(projects.getCell(1, budget).note)).toContain('万元');
    const model = (projects as unknown as { dataValidations: Validations }).dataValidations.model;
    const category = spec.columns.findIndex((c) => c.name === 'category');
    const at = (i: number): { type: string; formulae: unknown[] } | undefined => Object.entries(model).find(([range]) => range.startsWith(`${String.fromCharCode(65 + i)}2`))?.[1];
    expect(at(category)).toMatchObject({ type: 'list', formulae: ['代码!$E$2:$E$11'] });
    expect(at(spec.columns.findIndex((c) => c.name === 'town_code'))?.type).toBe('list');
    expect(at(spec.columns.findIndex((c) => c.name === 'start'))?.type).toBe('date');
    expect(at(budget - 1)?.type).toBe('decimal');
    expect(projects.getColumn(budget).numFmt).toBe('0.00');
    const progress = wb.getWorksheet('进度')!;
    const status = (progress as unknown as { dataValidations: Validations }).dataValidations.model;
    expect(Object.values(status).some((v) => v.type === 'list' && v.formulae[0] === '代码!$F$2:$F$5')).toBe(true);
    const codes = wb.getWorksheet('代码')!;
    expect(codes.getColumn(6).values.slice(2)).toEqual(['未开工', '在建', '已完工', '已验收']);
    expect(codes.getCell('A2').value).toMatch(/^\d{9}$/);
  });

  it('is read by the build as the dataset workbook (its sheets found by name)', async () => {
    const book = await openWorkbook(new Uint8Array(await readFile(join(ROOT, TEMPLATE_WORKBOOK))));
    expect(book.ok && book.sheets.map((s) => s.name)).toEqual(['说明', '代码', '村', '项目', '进度', '户']);
    if (!book.ok) return;
    const village = book.read('村');
    expect('rows' in village && village.rows[0]).toEqual(TABLES[0]!.columns.map((c) => c.zh));
  });
});
