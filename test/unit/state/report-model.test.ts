import { beforeAll, describe, expect, it } from 'vitest';
import type { GoalId } from '../../../src/contract/config';
import type { SiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import { buildReport, type GoalReach, type MonthlyReport } from '../../../src/state/report-model';
import { loadMiniSite } from '../../helpers/site';

// Values worked out by hand from test/fixtures/mini (see test/unit/pipeline/build.test.ts):
// towns 0 蒋家堰镇 (villages 0 双竹村委会, 1 周湾村委会) and 1 中峰镇 (2 中峰社区居委会, 3 中峰村委会);
// months 2016-01, 2016-02, 2016-03.
let site: SiteData;
let projects: SiteProjects;
beforeAll(async () => {
  ({ site, projects } = await loadMiniSite());
});

const JAN = 0;
const FEB = 1;
const MAR = 2;

/** The site with other lag and goal thresholds. */
function withThresholds(lagPoints: number, targets: Partial<Record<GoalId, number>> = {}): SiteData {
  const config = site.config;
  return { ...site, config: { ...config, thresholds: { ...config.thresholds, lagPoints }, goals: config.goals.map((g) => ({ ...g, target: targets[g.id] ?? g.target })) } };
}

const townOrder = (r: MonthlyReport) => r.towns.map((t) => [t.name, t.rank, t.rankChange]);
const goal = (r: MonthlyReport, id: GoalId): GoalReach => {
  const g = r.goals.find((x) => x.goal === id);
  if (!g) throw new Error(`no goal ${id}`);
  return g;
};
const reached = (g: GoalReach) => g.towns.map((t) => [t.name, t.reached.map((v) => (v.isNew ? `${v.name}（新）` : v.name))]);

describe('buildReport: the month', () => {
  it('names the month and the one before it', () => {
    expect(buildReport(site, projects, FEB, 'industry')).toMatchObject({ month: '2016-02', monthIndex: FEB, previousMonth: '2016-01', indicator: 'industry' });
    expect(buildReport(site, projects, JAN, 'industry').previousMonth).toBeNull();
  });

  it('refuses a month outside the data', () => {
    expect(() => buildReport(site, projects, 3, 'industry')).toThrow(RangeError);
  });
});

describe('buildReport: county totals', () => {
  it('counts projects by status, budget, spent and lagging projects (March)', () => {
    // Mar: T-004 planned; T-001, T-003, T-005 building; T-002 (Feb) and T-006 done.
    // Budget 100+20+30+50+150+40; spent 60+20+15+0+20+40. Lagging (> 15 points): T-004 only, as T-006 in Feb.
    const { county } = buildReport(site, projects, MAR, 'industry');
    expect(county.projects).toEqual({ planned: 1, building: 3, done: 2, total: 6 });
    expect(county.budgetWan).toBe(390);
    expect(county.spentWan).toBe(155);
    expect(county.laggingProjects).toBe(1);
    expect(county.laggingChange).toBe(0);
  });

  it('counts projects without a report yet as planned (January)', () => {
    // Jan: T-003 and T-004 have no row, T-005 is planned; T-001, T-002, T-006 building.
    expect(buildReport(site, projects, JAN, 'industry').county.projects).toEqual({ planned: 3, building: 3, done: 0, total: 6 });
  });

  it('gives every indicator with its change since last month, none in the first month', () => {
    const mar = buildReport(site, projects, MAR, 'industry').county.indicators;
    expect(mar.map((f) => f.id)).toEqual(['industry', 'household', 'employment', 'beauty', 'completion', 'progress', 'disbursement', 'lag', 'incidence', 'quality']);
    const disbursement = mar.find((f) => f.id === 'disbursement');
    // Feb spent 50+20+5+0+10+10 = 95.
    expect(disbursement?.value).toBeCloseTo(155 / 390, 4);
    expect(disbursement?.change).toBeCloseTo(155 / 390 - 95 / 390, 4);
    // beauty: 双竹 (of 4 villages) since February.
    expect(mar.find((f) => f.id === 'beauty')).toEqual({ id: 'beauty', value: 0.25, change: 0 });
    const jan = buildReport(site, projects, JAN, 'industry').county;
    expect(jan.indicators.every((f) => f.change === null)).toBe(true);
    expect(jan.laggingChange).toBeNull();
  });
});

describe('buildReport: towns ranked', () => {
  it('ranks by the indicator, ties sharing a rank, with rank change and value change', () => {
    // industry Jan [0.5, 0] → Feb [0.5, 0.5]: 中峰 climbs from 2nd to a shared 1st.
    const feb = buildReport(site, projects, FEB, 'industry');
    expect(townOrder(feb)).toEqual([
      ['蒋家堰镇', 1, 0],
      ['中峰镇', 1, 1],
    ]);
    expect(feb.towns.map((t) => [t.value, t.change])).toEqual([
      [0.5, 0],
      [0.5, 0.5],
    ]);
  });

  it('has no rank or value change in the first month', () => {
    const jan = buildReport(site, projects, JAN, 'industry');
    expect(townOrder(jan)).toEqual([
      ['蒋家堰镇', 1, null],
      ['中峰镇', 2, null],
    ]);
    expect(jan.towns.map((t) => t.change)).toEqual([null, null]);
  });

  it('ranks lower-is-better indicators lowest first', () => {
    // incidence: 蒋家堰 180/1900 = 9.5%, 中峰 255/3300 = 7.7%.
    const mar = buildReport(site, projects, MAR, 'incidence');
    expect(townOrder(mar)).toEqual([
      ['中峰镇', 1, 0],
      ['蒋家堰镇', 2, 0],
    ]);
    expect(mar.towns[0]?.value).toBeCloseTo(255 / 3300, 4);
  });

  it('gives each town its completion, disbursement and lagging count', () => {
    const mar = buildReport(site, projects, MAR, 'disbursement');
    expect(mar.towns.map((t) => t.code)).toEqual(['420324101', '420324102']);
    const [jiangjiayan, zhongfeng] = mar.towns;
    expect(jiangjiayan?.completion).toBeCloseTo(1 / 3, 4);
    expect(jiangjiayan?.disbursement).toBeCloseTo(95 / 150, 4);
    expect(jiangjiayan?.laggingProjects).toBe(0);
    expect(zhongfeng?.completion).toBeCloseTo(1 / 3, 4);
    expect(zhongfeng?.disbursement).toBeCloseTo(60 / 240, 4);
    expect(zhongfeng?.laggingProjects).toBe(1);
  });
});

describe('buildReport: lagging projects by town', () => {
  it('lists the lagging projects of March with village, unit, expected and actual progress', () => {
    // T-004 (中峰社区, Mar 1 → Aug 31): 30 of 183 days gone = 16.39% expected, 0% reported.
    const { lagging } = buildReport(site, projects, MAR, 'industry');
    expect(lagging.map((g) => [g.name, g.projects.map((p) => p.id)])).toEqual([['中峰镇', ['T-004']]]);
    const p = lagging[0]?.projects[0];
    expect(p).toMatchObject({ id: 'T-004', name: '中峰社区农家乐', villageName: '中峰社区居委会', unit: '中峰镇人民政府', actualPct: 0 });
    expect(p?.expectedPct).toBeCloseTo((30 / 183) * 100, 6);
    expect(p?.lagPoints).toBeCloseTo((30 / 183) * 100, 6);
  });

  it('groups towns in code order and projects worst first, a town-wide project without a village', () => {
    // End of February with a 5-point threshold: T-003 (周湾, Feb 1 → Jun 30) 28/150 = 18.67% vs 10% → 8.67;
    // T-005 (中峰村, all 2016) 59/365 = 16.16% vs 5% → 11.16; T-006 (中峰镇, town-wide, Jan 1 → Mar 31) 59/90 = 65.56% vs 30% → 35.56.
    const { lagging, county } = buildReport(withThresholds(5), projects, FEB, 'industry');
    expect(lagging.map((g) => [g.code, g.name, g.projects.map((p) => [p.id, p.villageName, p.unit])])).toEqual([
      ['420324101', '蒋家堰镇', [['T-003', '周湾村委会', '竹溪县卫生局']]],
      [
        '420324102',
        '中峰镇',
        [
          ['T-006', null, '中峰镇人民政府'],
          ['T-005', '中峰村委会', '中峰镇人民政府'],
        ],
      ],
    ]);
    const lags = lagging.flatMap((g) => g.projects.map((p) => p.lagPoints));
    [(28 / 150) * 100 - 10, (59 / 90) * 100 - 30, (59 / 365) * 100 - 5].forEach((want, i) => expect(lags[i]).toBeCloseTo(want, 6));
    expect(county.laggingProjects).toBe(3);
  });

  it('is empty when nothing lags', () => {
    expect(buildReport(site, projects, JAN, 'industry').lagging).toEqual([]);
  });
});

describe('buildReport: villages that reached each goal', () => {
  it('lists them by town, marking those new this month', () => {
    // industry (target 1): 双竹 from Jan (T-001 building); 中峰村 from Feb (T-005 building).
    const industry = goal(buildReport(site, projects, FEB, 'industry'), 'industry');
    expect(reached(industry)).toEqual([
      ['蒋家堰镇', ['双竹村委会']],
      ['中峰镇', ['中峰村委会（新）']],
    ]);
    expect([industry.reachedCount, industry.newCount, industry.villageCount]).toEqual([2, 1, 4]);
    expect(industry.towns.map((t) => [t.villageCount, t.newCount])).toEqual([
      [2, 0],
      [2, 1],
    ]);
  });

  it('marks none as new in the first month, and keeps towns with none reached', () => {
    const jan = buildReport(site, projects, JAN, 'industry');
    expect(reached(goal(jan, 'industry'))).toEqual([
      ['蒋家堰镇', ['双竹村委会']],
      ['中峰镇', []],
    ]);
    // beauty: T-002 (双竹, environment) is done only from February.
    expect(goal(jan, 'beauty').reachedCount).toBe(0);
    expect(reached(goal(buildReport(site, projects, FEB, 'industry'), 'beauty'))).toEqual([
      ['蒋家堰镇', ['双竹村委会（新）']],
      ['中峰镇', []],
    ]);
    expect(reached(goal(buildReport(site, projects, MAR, 'industry'), 'beauty'))[0]).toEqual(['蒋家堰镇', ['双竹村委会']]);
  });

  it("uses the goal's target from the config", () => {
    // employment: 双竹 120/180 = 0.67, 周湾 5/9 = 0.56 (households.csv), 中峰社区 40/60 = 0.67, 中峰村 50/100 = 0.5.
    expect(goal(buildReport(site, projects, MAR, 'industry'), 'employment').reachedCount).toBe(0);
    const employment = goal(buildReport(withThresholds(15, { employment: 0.6 }), projects, MAR, 'industry'), 'employment');
    expect(employment.target).toBe(0.6);
    expect(reached(employment)).toEqual([
      ['蒋家堰镇', ['双竹村委会']],
      ['中峰镇', ['中峰社区居委会']],
    ]);
    expect(employment.newCount).toBe(0);
  });

  it('keeps the goals in config order with their slogans', () => {
    expect(buildReport(site, projects, MAR, 'industry').goals.map((g) => [g.goal, g.zh])).toEqual([
      ['industry', '村村有产业'],
      ['household', '户户有项目'],
      ['employment', '人人有事干'],
      ['beauty', '处处都美丽'],
    ]);
  });
});

describe('buildReport: data quality', () => {
  it('lists every town, lowest score first, with its findings up to the month', () => {
    for (let m = 0; m < site.months.length; m++) {
      const { quality, month } = buildReport(site, projects, m, 'industry');
      expect(quality.towns.map((t) => t.townId).sort()).toEqual(site.towns.map((t) => t.id).sort());
      const scores = quality.towns.map((t) => t.score ?? 101);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      for (const row of quality.towns) expect(row.score).toBe(site.series.quality.towns[m]?.[row.townId] ?? null);
      const upTo = site.integrity.findings.filter((f) => f.month === null || f.month <= month);
      if (site.integrity.isListed) {
        expect(quality.findings).toEqual(upTo);
        for (const row of quality.towns) expect(row.findings).toBe(upTo.filter((f) => f.town === row.townId).length);
      } else expect(quality.findings).toBeNull();
    }
  });

  it('counts from the build when it does not list the findings', () => {
    const counted: SiteData = { ...site, integrity: { ...site.integrity, isListed: false, townCounts: site.towns.map((t) => t.id + 7) } };
    const { quality } = buildReport(counted, projects, MAR, 'industry');
    expect(quality.findings).toBeNull();
    for (const row of quality.towns) expect(row.findings).toBe(row.townId + 7);
  });
});
