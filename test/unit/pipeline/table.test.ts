import { describe, expect, it } from 'vitest';
import { readProgress, readVillages } from '../../../src/pipeline/tables';
import { bytes } from '../../helpers/fixtures';

const HEADER = 'month,project_id,status,progress_pct,spent_wan';

describe('readTable', () => {
  it('skips title rows above the header and reports them', () => {
    const t = readProgress(bytes(`竹溪县2016年5月项目进度通报,,,,\n单位：万元,,,,\n${HEADER}\n2016-05,P1,在建,40,10\n`));
    expect(t.records).toHaveLength(1);
    expect(t.records[0]).toMatchObject({ row: 4, month: '2016-05', projectId: 'P1', status: 'building', progressPct: 40, spentWan: 10 });
    expect(t.issues).toContainEqual({ file: 'progress.csv', row: 1, column: '', level: 'warning', message: '2 row(s) above the header (row 3) were skipped as a title' });
  });

  it('matches headers with spaces, line breaks, full-width brackets and any order', () => {
    const t = readProgress(bytes('"形象进度\n（%）", 项目编号 ,状态,月份\n60,P1,在建,2016-05\n'));
    expect(t.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(t.records[0]).toMatchObject({ projectId: 'P1', progressPct: 60, month: '2016-05' });
  });

  it('keeps read = used + rejected + skipped, skipping blank and summary rows', () => {
    const t = readProgress(bytes(`${HEADER}\n2016-05,P1,在建,40,10\n,,,,\n2016-05,P2,在建,140,10\n合计,,,,20\n`));
    expect(t.counts).toEqual({ read: 4, used: 1, rejected: 1, skipped: 2 });
    expect(t.issues.map((i) => `${i.row}:${i.column}:${i.level}`)).toEqual(['4:progress_pct:error', '5::warning', '0::warning']);
  });

  it('reports unknown columns as warnings and a repeated column as an error', () => {
    const t = readProgress(bytes(`${HEADER},备注,月份\n2016-05,P1,在建,40,10,x,2016-06\n`));
    expect(t.issues).toContainEqual(expect.objectContaining({ row: 1, column: '备注', level: 'warning' }));
    expect(t.issues).toContainEqual(expect.objectContaining({ row: 1, column: '月份', level: 'error' }));
    expect(t.records[0]?.month).toBe('2016-05');
  });

  it('rejects every row when a required column is missing, naming the column once', () => {
    const t = readProgress(bytes('month,project_id,progress_pct\n2016-05,P1,40\n2016-06,P1,50\n'));
    expect(t.counts).toEqual({ read: 2, used: 0, rejected: 2, skipped: 0 });
    expect(t.issues).toEqual([{ file: 'progress.csv', row: 1, column: 'status', level: 'error', message: 'required column status (状态) is missing' }]);
  });

  it('reads tab- and semicolon-separated files', () => {
    for (const sep of ['\t', ';']) {
      const t = readProgress(bytes(`${HEADER.replaceAll(',', sep)}\n${['2016-05', 'P1', '在建', '40', '10'].join(sep)}\n`));
      expect(t.records).toHaveLength(1);
    }
  });

  it('says when no header row is found', () => {
    const t = readProgress(bytes('a,b,c\n1,2,3\n'));
    expect(t.isReadable).toBe(false);
    expect(t.issues[0]?.message).toMatch(/^no header row found/);
  });

  it('checks counts inside a village row and keeps codes as text', () => {
    const header = 'village_code,village_name,town_code,households,population,poor_households,poor_population';
    const t = readVillages(bytes(`${header}\n420324101201,双竹村,420324101,100,300,120,310\n`));
    expect(t.records).toEqual([]);
    expect(t.issues.map((i) => i.column)).toEqual(['poor_households', 'poor_population']);
  });
});

describe('personal data columns', () => {
  it.each([
    ['姓名', '姓名 name'], ['户主姓名', '姓名 name'], ['身份证号码', '身份证号 ID number'], ['手机号', '电话 phone'], ['银行卡号', '银行账户 bank account'],
    ['残疾类别', '健康或残疾 health or disability'], ['致贫原因', '致贫原因 cause of poverty'],
  ])('refuses a %s column, naming it', (header, kind) => {
    const t = readProgress(bytes(`${HEADER},${header}\n2016-05,P1,在建,40,10,x\n`));
    expect(t.issues).toContainEqual({ file: 'progress.csv', row: 1, column: header, level: 'error', message: `column looks like personal data (${kind}); it must never be in the dataset: delete the column` });
  });

  it('allows the supervision hotline', () => {
    const t = readProgress(bytes(`${HEADER},备注\n2016-05,P1,在建,40,10,x\n`));
    expect(t.issues.filter((i) => i.level === 'error')).toEqual([]);
  });
});
