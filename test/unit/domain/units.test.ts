import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../../src/contract/site';
import { GOAL_IDS } from '../../../src/contract/config';
import { INDICATORS, formatIndicator, formatIndicatorCell, indicatorColumnHeader, indicatorSpec } from '../../../src/domain/indicators';
import { UNITS, percentOfRange, roundForData, type UnitId } from '../../../src/domain/units';
import { scaleTitle } from '../../../src/domain/color-scale';

describe('the units', () => {
  // What each unit writes where: the one table a new unit adds a row to.
  it.each<[UnitId, number, { zh: string; en: string; cell: string; column: [string, string]; legend: [string, string]; one: string; range: [number, string] }]>([
    ['share', 0.375, { zh: '37.5%', en: '37.5%', cell: '37.5%', column: ['%', '%'], legend: ['%', '%'], one: '37.5%', range: [0.5, '37.5%–50.0%'] }],
    ['points', -5, { zh: '−5.0 个百分点', en: '−5.0 pts', cell: '−5.0', column: ['个百分点', 'pts'], legend: ['百分点', 'percentage points'], one: '−5.0 个百分点', range: [0.5, '−5.0 – 0.5 个百分点'] }],
    ['score', 96.25, { zh: '96.3 分', en: '96.3', cell: '96.3', column: ['分', 'of 100'], legend: ['满分 100', '0–100'], one: '96.3', range: [100, '96.3–100.0'] }],
  ])('%s writes %s', (id, value, w) => {
    const unit = UNITS[id];
    expect(unit.id).toBe(id);
    expect(unit.format(value, 'zh')).toBe(w.zh);
    expect(unit.format(value, 'en')).toBe(w.en);
    expect(unit.format(null, 'zh')).toBe('—');
    expect(unit.formatInColumn(value)).toBe(w.cell);
    expect([unit.columnUnit('zh'), unit.columnUnit('en')]).toEqual(w.column);
    expect([unit.legendUnit('zh'), unit.legendUnit('en')]).toEqual(w.legend);
    expect(unit.binLabel.one(value, 'zh')).toBe(w.one);
    expect(unit.binLabel.range(value, w.range[0], 'zh')).toBe(w.range[1]);
  });

  it.each<[UnitId, number, number | null]>([
    ['share', 0.375, 37.5],
    ['share', 1.2, 100],
    ['share', -0.1, 0],
    ['score', 96.2, 96.2],
    ['score', 120, 100],
    ['points', 12, null],
  ])('a %s of %s fills %s%% of a bar', (id, value, pct) => expect(percentOfRange(UNITS[id], value)).toBe(pct));

  it.each<[UnitId, number, number]>([
    ['share', 0.123456, 0.1235],
    ['points', 5.12345, 5.12],
    ['score', 96.256, 96.26],
  ])('open data keeps a %s of %s as %s', (id, value, kept) => expect(roundForData(UNITS[id], value)).toBe(kept));

  it('every unit has fixed breaks ascending and inside its range', () => {
    for (const unit of Object.values(UNITS)) {
      expect([...unit.fixedBreaks].sort((a, b) => a - b)).toEqual([...unit.fixedBreaks]);
      if (unit.range) for (const b of unit.fixedBreaks) expect(b > unit.range[0] && b < unit.range[1]).toBe(true);
    }
  });
});

describe('the indicator specs', () => {
  it('are one per id of the contract, in its order', () => expect(INDICATORS.map((s) => s.id)).toEqual([...INDICATOR_IDS]));

  it('show the goals with the goals, quality with the findings, the rest among the figures', () => {
    for (const spec of INDICATORS) expect(spec.panel).toBe(spec.goal !== null ? 'goals' : spec.unit === 'score' ? 'findings' : 'figures');
    expect(INDICATORS.filter((s) => s.panel === 'goals').map((s) => s.goal)).toEqual([...GOAL_IDS]);
  });

  it.each([
    ['industry', 0.5, '产业覆盖率（%）', '50.0%', '50.0%', '产业覆盖率（%）'],
    ['lag', 12.34, '进度滞后（个百分点）', '12.3', '12.3 个百分点', '进度滞后（百分点）'],
    ['quality', 91.06, '数据质量分（分）', '91.1', '91.1 分', '数据质量分（满分 100）'],
  ] as const)('%s: header, cell, value and legend title in its unit', (id, value, header, cell, text, title) => {
    const spec = indicatorSpec(id);
    expect(indicatorColumnHeader(spec, 'zh')).toBe(header);
    expect(formatIndicatorCell(spec, value, 'zh')).toBe(cell);
    expect(formatIndicatorCell(spec, null, 'zh')).toBe('无数据');
    expect(formatIndicator(spec, value, 'zh')).toBe(text);
    expect(scaleTitle(spec, 'zh')).toBe(title);
  });
});
