import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/integrity-model';
import { isIdentificationPlausible, MAX_PLAUSIBLE_INCIDENCE_PCT, PRECISION_IDS, sixPrecisions, type Precision, type PrecisionId, type PrecisionInput, type PrecisionVillage } from '../../../src/domain/precisions';

const village = (over: Partial<PrecisionVillage> = {}): PrecisionVillage => ({ households: 400, population: 1200, poorHouseholds: 80, poorPopulation: 240, exitedHouseholds: 40, exitedPopulation: 120, exitYear: null, isPoorVillage: true, poorHouseholdsWithoutProject: null, ...over });
const input = (over: Partial<PrecisionInput> = {}): PrecisionInput => ({ villages: [village()], findings: [], projectCount: 0, exitLinePct: 2, completeness: 1, ...over });
const finding = (over: Partial<Finding>): Finding => ({ rule: 'overspent', month: '2016-05', town: 0, village: 0, projects: [0], amountWan: 60, figures: { spentWan: 65, budgetWan: 60 }, ...over });
const precision = (id: PrecisionId, over: Partial<PrecisionInput> = {}): Precision => sixPrecisions(input(over)).find((p) => p.id === id)!;

describe('六个精准', () => {
  it('gives the six in order, each with both names and sentences free of placeholders', () => {
    for (const over of [{}, { villages: [] }, { villages: [village({ exitYear: 2016, poorHouseholdsWithoutProject: 3 })], findings: [finding({})], projectCount: 4 }]) {
      const six = sixPrecisions(input(over));
      expect(six.map((p) => p.id)).toEqual(PRECISION_IDS);
      expect(six.map((p) => p.zh)).toEqual(['识别准', '档案准', '结对准', '措施准', '数据准', '退出准']);
      for (const p of six) {
        expect(p.en).not.toBe('');
        for (const text of [p.detail.zh, p.detail.en]) expect(text).toMatch(/^[^{}]*\S[^{}]*$/);
        for (const text of [p.detail.zh, p.detail.en]) expect(text).not.toMatch(/undefined|NaN|null/);
        if (p.value !== null) expect(p.value >= 0 && p.value <= 1).toBe(true);
      }
    }
  });

  describe('识别准 (plausibility, estimated)', () => {
    it('counts villages whose registered incidence is in the band', () => {
      const villages = [village(), village({ poorPopulation: 800 }), village({ poorHouseholds: 401 }), village({ isPoorVillage: true, poorPopulation: 0, poorHouseholds: 0 })];
      const p = precision('identification', { villages });
      expect(p).toMatchObject({ basis: 'estimated', value: 0.25, flagged: [1, 2, 3] });
      expect(p.detail.zh).toBe('4 个村中 1 个的建档立卡贫困发生率在合理范围（0–60%）内、户数和人数不超过总数，3 个需要核实；这是合理性检查，不是逐户核实。');
    });

    it('the band: 60% is plausible, above is not; a non-poor village may register no one', () => {
      expect(isIdentificationPlausible(village({ poorPopulation: (MAX_PLAUSIBLE_INCIDENCE_PCT / 100) * 1200 }))).toBe(true);
      expect(isIdentificationPlausible(village({ poorPopulation: 721 }))).toBe(false);
      expect(isIdentificationPlausible(village({ isPoorVillage: false, poorPopulation: 0, poorHouseholds: 0 }))).toBe(true);
      expect(isIdentificationPlausible(village({ isPoorVillage: true, poorPopulation: 0, poorHouseholds: 0 }))).toBe(false);
    });

    it('zero population fails; withheld counts are left out', () => {
      const p = precision('identification', { villages: [village({ population: 0 }), village({ households: null, population: null }), village()] });
      expect(p).toMatchObject({ value: 0.5, flagged: [0] });
      expect(p.detail.zh).toContain('另有 1 个村户数或人口未公开');
      expect(precision('identification', { villages: [village({ population: null })] })).toMatchObject({ value: null, flagged: [] });
    });

    it('no villages: no value', () => {
      expect(precision('identification', { villages: [] })).toMatchObject({ basis: 'estimated', value: null, flagged: [] });
    });
  });

  it('档案准 is the completeness share, measured', () => {
    const p = precision('records', { completeness: 0.925 });
    expect(p).toMatchObject({ basis: 'measured', value: 0.925, flagged: [] });
    expect(p.detail.zh).toContain('92.5%');
  });

  it('结对准 cannot be measured from this data and says what would be needed', () => {
    const p = precision('pairing');
    expect(p).toMatchObject({ basis: 'notMeasurable', value: null, flagged: [] });
    expect(p.detail.zh).toContain('结对帮扶');
    expect(p.detail.en).toContain('the cadre paired with each poor household');
    expect(p.detail.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  describe('措施准 (households.csv)', () => {
    it('is the share of poor households with a project, flagging villages with any left out', () => {
      const villages = [village({ poorHouseholds: 80, poorHouseholdsWithoutProject: 0 }), village({ poorHouseholds: 20, poorHouseholdsWithoutProject: 10 })];
      const p = precision('measures', { villages });
      expect(p).toMatchObject({ basis: 'measured', value: 0.9, flagged: [1] });
      expect(p.detail.zh).toBe('100 户贫困户中 90 户至少有一个项目，占 90.0%；1 个村还有贫困户没有项目。');
    });

    it('measures the villages with household data only, and says so', () => {
      const p = precision('measures', { villages: [village({ poorHouseholdsWithoutProject: 8 }), village()] });
      expect(p).toMatchObject({ basis: 'measured', value: 0.9, flagged: [0] });
      expect(p.detail.zh).toContain('有入户数据的 1 个村');
    });

    it('households unknown: not measurable, households.csv needed', () => {
      const p = precision('measures');
      expect(p).toMatchObject({ basis: 'notMeasurable', value: null, flagged: [] });
      expect(p.detail.zh).toContain('households.csv');
      expect(precision('measures', { villages: [] }).basis).toBe('notMeasurable');
    });

    it('no poor households: no value', () => {
      expect(precision('measures', { villages: [village({ poorHouseholds: 0, poorHouseholdsWithoutProject: 0 })] })).toMatchObject({ basis: 'measured', value: null });
    });
  });

  describe('数据准 (findings)', () => {
    it('is the share of projects and villages with no finding; counts findings by family', () => {
      const findings = [
        finding({ projects: [0] }),
        finding({ rule: 'progressBackward', projects: [0] }),
        finding({ rule: 'identicalReports', village: -1, projects: [1, 2] }),
        finding({ rule: 'exitedAboveLine', village: 1, projects: [] }),
      ];
      const p = precision('data', { villages: [village(), village()], projectCount: 8, findings });
      // 10 rows (8 projects + 2 villages); projects 0, 1, 2 and village 1 have findings.
      expect(p).toMatchObject({ basis: 'measured', value: 0.6, flagged: [0, 1] });
      expect(p.detail.zh).toBe('10 个项目和村中 6 个没有核查发现；共 4 条核查发现：进度 1 条、月报与台账 1 条、资金 1 条、户数与脱贫 1 条。');
      expect(p.detail.en).toBe('6 of 10 projects and villages have no finding. 4 findings: progress 1, reports and ledger 1, money 1, households and exits 1.');
    });

    it('no findings: everything clean; nothing at all: no value', () => {
      expect(precision('data', { projectCount: 3 })).toMatchObject({ value: 1, flagged: [] });
      expect(precision('data', { projectCount: 3 }).detail.zh).toContain('没有核查发现');
      expect(precision('data', { villages: [], projectCount: 0 })).toMatchObject({ value: null });
    });
  });

  describe('退出准 (exit line)', () => {
    it('is the share of exited villages under the line, flagging the others', () => {
      // Village 0: (240 − 120) / 1200 = 10 %; village 1: (240 − 230) / 1200 ≈ 0.8 %; village 2 not exited.
      const villages = [village({ exitYear: 2016 }), village({ exitYear: 2017, exitedPopulation: 230 }), village()];
      const p = precision('exit', { villages });
      expect(p).toMatchObject({ basis: 'measured', value: 0.5, flagged: [0] });
      expect(p.detail.zh).toBe('已出列的 2 个村中 1 个贫困发生率低于 2% 的出列线，1 个未达标。');
    });

    it('at the line is not under it (as integrityFindings)', () => {
      expect(precision('exit', { villages: [village({ exitYear: 2016, exitedPopulation: 216 })] })).toMatchObject({ value: 0, flagged: [0] });
    });

    it('nothing exited, or no villages: no value, says none exited yet', () => {
      for (const villages of [[village()], []]) {
        const p = precision('exit', { villages });
        expect(p).toMatchObject({ basis: 'measured', value: null, flagged: [] });
        expect(p.detail.zh).toBe('尚无村出列。');
      }
    });

    it('exited villages with zero population or missing counts are left out', () => {
      const p = precision('exit', { villages: [village({ exitYear: 2016, population: 0 }), village({ exitYear: 2016, exitedPopulation: 230 })] });
      expect(p).toMatchObject({ value: 1, flagged: [] });
      expect(p.detail.zh).toContain('另有 1 个已出列村缺少人口或脱贫人数');
      expect(precision('exit', { villages: [village({ exitYear: 2016, exitedPopulation: null })] })).toMatchObject({ value: null, flagged: [] });
    });
  });
});
