import { describe, expect, it } from 'vitest';
import { readHouseholds, readProgress, readProjects, readVillages } from '../../../../src/pipeline/read/records';
import { bytes } from '../../../helpers/fixtures';

const HEADER = 'month,project_id,status,progress_pct,spent_wan';

describe('readTable', () => {
  it('skips title rows above the header and reports them', () => {
    const t = readProgress(bytes(`竹溪县2016年5月项目进度通报,,,,\n单位：万元,,,,\n${HEADER}\n2016-05,P1,在建,40,10\n`));
    expect(t.records).toHaveLength(1);
    expect(t.records.at(0)).toMatchObject({ row: 4, month: '2016-05', projectId: 'P1', status: 'building', progressPct: 40, spentWan: 10 });
    expect(t.issues).toContainEqual({ file: 'progress.csv', row: 1, column: '', level: 'warning', message: '2 row(s) above the header (row 3) were skipped as a title' });
  });

  it('matches headers with spaces, line breaks, full-width brackets and any order', () => {
    const t = readProgress(bytes('"形象进度\n（%）", 项目编号 ,状态,月份\n60,P1,在建,2016-05\n'));
    expect(t.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(t.records.at(0)).toMatchObject({ projectId: 'P1', progressPct: 60, month: '2016-05' });
  });

  it('keeps read = used + rejected + skipped, skipping blank and summary rows', () => {
    const t = readProgress(bytes(`${HEADER}\n2016-05,P1,在建,40,10\n,,,,\n2016-05,P2,在建,140,10\n合计,,,,20\n`));
    expect(t.counts).toEqual({ read: 4, used: 1, rejected: 1, skipped: 2 });
    expect(t.issues.map((i) => `${i.row}:${i.column}:${i.level}`)).toEqual(['4:progress_pct:error', '5::warning', '0::warning']);
  });

  it('skips a summary row however it is written: after spaces, in full width, in the Kangxi radicals of a copied PDF', () => {
    // 2016-05 rows first: a row beginning with ASCII is never a summary row, whatever follows.
    const summaries = [' 合计,,,,20', '\u3000小计,,,,1', '\u00a0总 计,,,,2', '⼩计,,,,3', '\t共计：,,,,4', ',,,合计,5'];
    const t = readProgress(bytes(`${HEADER}\n2016-05,P1,在建,40,10\n${summaries.join('\n')}\n2016-06 合计,P2,在建,50,10\n`));
    expect(t.counts).toEqual({ read: 8, used: 1, rejected: 1, skipped: 6 });
  });

  it('reports unknown columns as warnings and a repeated column as an error', () => {
    const t = readProgress(bytes(`${HEADER},备注,月份\n2016-05,P1,在建,40,10,x,2016-06\n`));
    expect(t.issues).toContainEqual(expect.objectContaining({ row: 1, column: '备注', level: 'warning' }));
    expect(t.issues).toContainEqual(expect.objectContaining({ row: 1, column: '月份', level: 'error' }));
    expect(t.records.at(0)?.month).toBe('2016-05');
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
    expect([...t.records]).toEqual([]);
    expect(t.issues.map((i) => i.column)).toEqual(['poor_households', 'poor_population']);
  });
});

describe('messy inputs', () => {
  const countsOf = (t: { counts: { read: number; used: number; rejected: number; skipped: number } }) => t.counts;

  it.each([
    ['an empty file', '', [{ file: 'progress.csv', row: 0, column: '', level: 'error', message: 'the file is empty' }], { read: 0, used: 0, rejected: 0, skipped: 0 }, 0],
    ['only a BOM and line breaks', '\uFEFF\r\n\r\n', [{ file: 'progress.csv', row: 0, column: '', level: 'error', message: 'the file is empty' }], { read: 0, used: 0, rejected: 0, skipped: 0 }, 0],
    ['a header only', `${HEADER}\r\n`, [], { read: 0, used: 0, rejected: 0, skipped: 0 }, 0],
    [
      'a BOM, two title rows and CRLF',
      `\uFEFF竹溪县2016年5月项目进度通报\r\n单位：万元,,,,\r\n${HEADER}\r\n2016-05,P1,在建,40,10\r\n`,
      [{ file: 'progress.csv', row: 1, column: '', level: 'warning', message: '2 row(s) above the header (row 3) were skipped as a title' }],
      { read: 1, used: 1, rejected: 0, skipped: 0 },
      1,
    ],
  ])('%s', (_name, text, issues, counts, records) => {
    const t = readProgress(bytes(text));
    expect(t.issues).toEqual(issues);
    expect(countsOf(t)).toEqual(counts);
    expect(t.records).toHaveLength(records);
  });

  it('refuses a file with a stray quote, naming its row, and still accounts for every row', () => {
    const header = 'project_id,project_name,category,town_code,content,budget_wan,start,due';
    const good = (id: string) => `${id},茶园,产业发展,420324101,新建茶园,10,2016-01-01,2016-06-30`;
    const text = `${header}\n${good('P1')}\n${good('P2').replace('新建茶园', '"高山"茶园200亩')}\n${good('P3')}\n${good('P4')}\n`;
    const t = readProjects(bytes(text));
    expect([...t.records]).toEqual([]);
    expect(t.isReadable).toBe(false);
    expect(t.issues.filter((i) => i.level === 'error').map((i) => `${i.row}:${i.message.slice(0, 40)}`)).toEqual([
      '3:a quote (") inside a cell that is not wr',
      '3:a cell opens a quote (") that is never c',
      '0:quote errors (row 3) make the rows after',
    ]);
    expect(t.issues).toContainEqual({ file: 'projects.csv', row: 0, column: '', level: 'error', message: 'quote errors (row 3) make the rows after them unreliable: no row of this file is used until they are fixed' });
    const c = t.counts;
    expect(c).toEqual({ read: 2, used: 0, rejected: 2, skipped: 0 });
    expect(c.read).toBe(c.used + c.rejected + c.skipped);
    // The refused rows are remembered, so progress rows for them can say so.
    expect([...t.rejectedKeys]).toEqual([['P1', 2], ['P2', 3]]);
  });

  it('remembers the key of every rejected row, first row first', () => {
    const header = 'project_id,project_name,category,town_code,budget_wan,start,due';
    const t = readProjects(bytes(`${header}\nP1,甲,产业发展,420324101,-1,2016-01-01,2016-06-30\nP2,乙,产业发展,420324101,5,2016-01-01,2016-06-30\nP1,丙,产业发展,420324101,5,2016-13-01,2016-06-30\n`));
    expect([...t.rejectedKeys]).toEqual([['P1', 2]]);
    expect(t.counts).toEqual({ read: 3, used: 1, rejected: 2, skipped: 0 });
  });
});

describe('households.csv is private', () => {
  const header = 'household_key,village_code,poor,project_ids,laborers,employed';
  it.each([
    ['a bad village code', 'k1,4203241012X1,是,,2,1', 'village_code', 'the value is not a 12-digit code (format the column as text so Excel keeps every digit)'],
    ['a bad yes/no', 'k1,420324101201,也许,,2,1', 'poor', 'the value is not 是 or 否'],
    ['a negative count', 'k1,420324101201,是,,-2,1', 'laborers', 'the value is negative'],
    ['more employed than laborers', 'k1,420324101201,是,,2,3', 'employed', 'employed is more than laborers'],
    // The cell scan finds these first and refuses the file, naming the column and row.
    ['an ID number as key', '42032419800101123X,420324101201,是,,2,1', 'household_key', 'column looks like it holds 身份证号 ID numbers (row 2; 1 cell): personal data must never be published; delete the column or the values'],
    ['a mobile number as key', '138 1234 5678,420324101201,是,,2,1', 'household_key', 'column looks like it holds 手机号 mobile phone numbers (row 2; 1 cell): personal data must never be published; delete the column or the values'],
    ['a mobile number in a count column', 'k1,420324101201,是,,13812345678,1', 'laborers', 'column looks like it holds 手机号 mobile phone numbers (row 2; 1 cell): personal data must never be published; delete the column or the values'],
  ])('%s is reported without quoting the cell', (_name, row, column, message) => {
    const t = readHouseholds(bytes(`${header}\n${row}\n`));
    expect(t.issues).toEqual([{ file: 'households.csv', row: 2, column, level: 'error', message }]);
    const cells = row.split(',').filter((c) => c.length > 1);
    for (const cell of cells) expect(JSON.stringify(t.issues)).not.toContain(cell);
  });

  it('does not quote a summary row', () => {
    const t = readHouseholds(bytes(`${header}\nk1,420324101201,是,,2,1\n合计123户,,,,,\n`));
    expect(t.issues).toEqual([{ file: 'households.csv', row: 3, column: '', level: 'warning', message: 'summary row skipped (totals are computed by the build)' }]);
  });
});

describe('personal data columns', () => {
  it.each([
    ['姓名', '姓名 name'], ['户主姓名', '姓名 name'], ['身份证号码', '身份证号 ID number'], ['手机号', '电话 phone'], ['银行卡号', '银行账户 bank account'],
    ['残疾类别', '健康或残疾 health or disability'], ['致贫原因', '致贫原因 cause of poverty'],
    ['电话', '电话 phone'], ['联系电话', '电话 phone'], ['联系人', '姓名 name'], ['住址', '住址 address'], ['地址', '住址 address'], ['家庭住址', '住址 address'],
  ])('refuses a %s column, naming it', (header, kind) => {
    const t = readProgress(bytes(`${HEADER},${header}\n2016-05,P1,在建,40,10,x\n`));
    expect(t.issues).toContainEqual({ file: 'progress.csv', row: 1, column: header, level: 'error', message: `column looks like personal data (${kind}); it must never be in the dataset: delete the column` });
  });

  it.each(['备注', '监督电话', '举报电话', 'hotline'])('does not refuse a %s column (the hotline is public)', (header) => {
    const t = readProgress(bytes(`${HEADER},${header}\n2016-05,P1,在建,40,10,12317\n`));
    expect(t.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('keeps the hotline as a contract column of projects.csv', () => {
    const t = readProjects(bytes('project_id,project_name,category,town_code,budget_wan,start,due,监督电话\nP1,甲,产业发展,420324101,5,2016-01-01,2016-06-30,12317\n'));
    expect(t.issues).toEqual([]);
    expect(t.records.at(0)?.hotline).toBe('12317');
  });
});
