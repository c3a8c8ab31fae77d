/**
 * Property-based tests (fast-check): the value parsers and the table reader over inputs nobody
 * wrote by hand. No input crashes them, written forms of a value read back to it, and every row
 * read is used, rejected or skipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProgress, readProjects, readVillages } from '../../../src/pipeline/read/records';
import { parseDate, parseMonth, parseNumber } from '../../../src/pipeline/read/values';

const RUNS = { numRuns: 400 };

/** Full-width forms of ASCII digits and punctuation, as Chinese input methods type them. */
const fullWidth = (s: string): string => s.replace(/[0-9.,%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('parseNumber', () => {
  it('reads back any number written plainly, with thousands separators, in full width or with 万', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + Math.sign(whole || 1) * cents / 100;
        const [int, frac] = Math.abs(value).toFixed(2).split('.');
        const sign = value < 0 ? '-' : '';
        const forms = [`${sign}${int}.${frac}`, `${sign}${withThousands(int ?? '')}.${frac}`, fullWidth(`${sign}${int}.${frac}`), `${sign}${int}.${frac}万`, ` ${sign}${int}.${frac} `];
        for (const form of forms) expect(parseNumber(form), form).toBeCloseTo(Number(`${sign}${int}.${frac}`), 6);
      }),
      RUNS,
    );
  });

  it('never throws, and gives a finite number or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const n = parseNumber(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('parseDate and parseMonth', () => {
  const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });

  it('read every written form of a date to the same ISO date', () => {
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
        const serial = Math.round((Date.UTC(y, m - 1, dd) - Date.UTC(1899, 11, 30)) / 86_400_000);
        const forms = [iso, `${y}/${m}/${dd}`, `${y}.${m}.${dd}`, `${y}年${m}月${dd}日`, `${y}-${m}-${dd}`, fullWidth(iso), ...(serial >= 20_000 && serial <= 80_000 ? [String(serial)] : [])];
        for (const form of forms) expect(parseDate(form), form).toBe(iso);
      }),
      RUNS,
    );
  });

  it('read every written form of a month to YYYY-MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        for (const form of [month, `${y}-${m}`, `${y}/${m}`, `${y}.${m}`, `${y}年${m}月`, `${y}${String(m).padStart(2, '0')}`]) expect(parseMonth(form), form).toBe(month);
      }),
      RUNS,
    );
  });

  it('never throw, and give a well-formed value or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        const d = parseDate(s);
        const m = parseMonth(s);
        expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
        expect(m === null || /^\d{4}-(0[1-9]|1[0-2])$/.test(m)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the table reader', () => {
  /** A cell from the messy real world: values, Chinese, quotes, commas, line breaks, formulas, blanks. */
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '合计', '小计', '是', '否', '420324101201', '420324101', '蒋家堰镇', '双竹村委会', '2016-05', '2016年5月', '在建', '=1+1', '"', '""', '\n', ',', '１２', '12.5万', '-3', 'T-001'),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.integer({ min: -1000, max: 100_000 }).map(String),
  );
  const quoted = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const table = (header: string) =>
    fc
      .tuple(fc.array(fc.array(cell, { minLength: 0, maxLength: 18 }), { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
      .map(([rows, newline]) => [header, ...rows.map((r) => r.map(quoted).join(','))].join(newline));

  const readers = [
    ['villages.csv', readVillages, '村代码,村名称,乡镇代码,乡镇名称,经度,纬度,总户数,总人口,是否贫困村,建档立卡户数,建档立卡人口,已脱贫户数,已脱贫人口,出列年度,劳动力,已就业劳动力'],
    ['projects.csv', readProjects, '项目编号,项目名称,项目类别,乡镇代码,村代码,经度,纬度,建设内容,资金规模(万元),资金来源,开工时间,计划完工时间,责任单位,监督电话'],
    ['progress.csv', readProgress, '月份,项目编号,状态,形象进度(%),已拨付(万元)'],
  ] as const;

  it.each(readers)('%s: never throws, and rows read = used + rejected + skipped', (_file, read, header) => {
    fc.assert(
      fc.property(table(header), (text) => {
        const t = read(new TextEncoder().encode(text));
        expect(t.counts.read).toBe(t.counts.used + t.counts.rejected + t.counts.skipped);
        expect(t.records.length).toBe(t.counts.used);
        for (const issue of t.issues) expect(issue.row).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it.each(readers)('%s: survives arbitrary bytes', (_file, read) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const t = read(bytes);
        expect(t.counts.read).toBe(t.counts.used + t.counts.rejected + t.counts.skipped);
      }),
      { numRuns: 200 },
    );
  });
});
