import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrityFindings } from '../../../src/domain/integrity';
import { FINDING_RULES, reportList, type FindingRule, type IntegrityInput, type IntegrityProject, type IntegrityReport, type IntegrityVillage } from '../../../src/domain/integrity-model';
import { emptyTally, qualityParts, qualityPartsOf, qualityScore, tallyProject } from '../../../src/domain/quality-score';

const village = (over: Partial<IntegrityVillage> = {}): IntegrityVillage => ({ name: '示例村', town: 0, households: 400, population: 1200, poorHouseholds: 80, poorPopulation: 240, exitedHouseholds: 40, exitedPopulation: 120, exitYear: null, isJoinedByCode: true, ...over });
const r = (month: string, status: IntegrityReport['status'], progressPct: number | null, spentWan: number | null): IntegrityReport => ({ month, status, progressPct, spentWan });
/** A project that is clean: planned, building at a steady pace, done and accepted with money spent. */
const cleanReports = (): IntegrityReport[] => [r('2016-01', 'planned', 0, 0), r('2016-02', 'building', 20, 10), r('2016-03', 'building', 45, 25), r('2016-04', 'building', 70, 40), r('2016-05', 'done', 100, 55), r('2016-06', 'accepted', 100, 55)];
/** A project with its reports given as objects (the rules read them through a ReportList). */
const project = ({ reports = cleanReports(), ...over }: Partial<Omit<IntegrityProject, 'reports'>> & { reports?: readonly IntegrityReport[] } = {}): IntegrityProject => ({ name: '示例项目', town: 0, village: 0, budgetWan: 60, start: '2016-01-10', due: '2016-10-31', beneficiaryHouseholds: 30, reports: reportList(reports), disclosureFilled: 1, isJoinedByCode: true, hasOwnPoint: true, ...over });
const input = (projects: IntegrityProject[], villages: IntegrityVillage[] = [village()], inspectionMonths: string[] = []): IntegrityInput => ({ towns: [{ name: '示例镇' }], villages, projects, exitLinePct: 2, inspectionMonths });
const rules = (d: IntegrityInput): FindingRule[] => integrityFindings(d).map((f) => f.rule);

describe('数据实: each rule trips on its case and not on a clean one', () => {
  it('finds nothing in clean data', () => {
    expect(integrityFindings(input([project(), project({ reports: cleanReports().slice(0, 3) })]))).toEqual([]);
  });

  it('progress that goes backward', () => {
    const reports = [r('2016-01', 'building', 40, 10), r('2016-02', 'building', 30, 12)];
    expect(rules(input([project({ reports })]))).toEqual(['progressBackward']);
    const f = integrityFindings(input([project({ reports })]))[0]!;
    expect(f).toMatchObject({ month: '2016-02', projects: [0], amountWan: 60, figures: { from: 40, to: 30 } });
  });

  it('names each rule once a project, at its first month, however often it happens; several rules of one project each', () => {
    const reports = [r('2016-01', 'building', 40, 10), r('2016-02', 'building', 30, 80), r('2016-03', 'building', 20, 90), r('2016-04', 'planned', 10, 95)];
    const findings = integrityFindings(input([project({ reports }), project({ reports: [r('2016-02', 'building', 50, 10), r('2016-03', 'building', 40, 10)] })]));
    expect(findings.map((f) => `${f.rule}:${f.month}:${f.projects.join()}`)).toEqual(['progressBackward:2016-02:0', 'progressBackward:2016-03:1', 'overspent:2016-02:0', 'spentPlanned:2016-04:0']);
    // A rule's bit in a number says it was flagged (src/domain/integrity.ts): room for every rule.
    expect(FINDING_RULES.length).toBeLessThan(31);
  });

  it('a jump from under 30% to 100% in one month, but not over several months', () => {
    expect(rules(input([project({ reports: [r('2016-01', 'building', 20, 10), r('2016-02', 'done', 100, 55)] })]))).toEqual(['progressJump']);
    expect(rules(input([project({ reports: [r('2016-01', 'building', 20, 10), r('2016-04', 'done', 100, 55)] })]))).toEqual([]);
    expect(rules(input([project({ reports: [r('2016-01', 'building', 30, 10), r('2016-02', 'done', 100, 55)] })]))).toEqual([]);
  });

  it('spent above budget', () => {
    expect(rules(input([project({ reports: [r('2016-01', 'building', 50, 61)] })]))).toEqual(['overspent']);
    expect(rules(input([project({ reports: [r('2016-01', 'building', 50, 60)] })]))).toEqual([]);
  });

  it('done or accepted with nothing spent (a blank spending cell carries the last figure)', () => {
    expect(rules(input([project({ reports: [r('2016-01', 'building', 50, 0), r('2016-02', 'done', 100, null)] })]))).toEqual(['doneUnspent']);
    expect(rules(input([project({ reports: [r('2016-01', 'building', 50, 30), r('2016-02', 'done', 100, null)] })]))).toEqual([]);
  });

  it('spent with status planned', () => {
    expect(rules(input([project({ reports: [r('2016-01', 'planned', 0, 5)] })]))).toEqual(['spentPlanned']);
  });

  it('done before its start date', () => {
    expect(rules(input([project({ start: '2016-06-01', reports: [r('2016-01', 'building', 50, 20), r('2016-02', 'done', 100, 40)] })]))).toEqual(['doneBeforeStart']);
    expect(rules(input([project({ start: '2016-02-28', reports: [r('2016-01', 'building', 50, 20), r('2016-02', 'done', 100, 40)] })]))).toEqual([]);
  });

  it('reported again, with other figures, after it was accepted', () => {
    const reports = [...cleanReports(), r('2016-07', 'building', 90, 60)];
    expect(rules(input([project({ reports, budgetWan: 60 })]))).toEqual(['progressBackward', 'reportedAfterAccepted']);
    expect(rules(input([project({ reports: [...cleanReports(), r('2016-07', 'accepted', 100, 55)] })]))).toEqual([]);
  });

  it('a village marked exited whose poverty incidence is still at or above the exit line', () => {
    // 240 registered poor, 120 exited: 120 of 1,200 still poor = 10 %.
    expect(rules(input([], [village({ exitYear: 2016 })]))).toEqual(['exitedAboveLine']);
    expect(integrityFindings(input([], [village({ exitYear: 2016 })]))[0]!.figures).toMatchObject({ incidencePct: 10, linePct: 2 });
    expect(rules(input([], [village({ exitYear: 2016, exitedPopulation: 230 })]))).toEqual([]);
    expect(rules(input([], [village({ exitYear: null })]))).toEqual([]);
  });

  it('households counted as exited above those registered', () => {
    expect(rules(input([], [village({ exitedHouseholds: 81 })]))).toEqual(['exitedAboveRegistered']);
    expect(rules(input([], [village({ exitedHouseholds: 80 })]))).toEqual([]);
  });

  it("beneficiary households above the village's households (a town-wide project: the town's)", () => {
    expect(rules(input([project({ beneficiaryHouseholds: 401 })]))).toEqual(['beneficiariesAboveHouseholds']);
    expect(rules(input([project({ beneficiaryHouseholds: 400 })]))).toEqual([]);
    expect(rules(input([project({ village: -1, beneficiaryHouseholds: 700 })], [village(), village({ households: 300 })]))).toEqual([]);
    expect(rules(input([project({ village: -1, beneficiaryHouseholds: 701 })], [village(), village({ households: 300 })]))).toEqual(['beneficiariesAboveHouseholds']);
  });

  it('five projects of a town reporting identical figures in a month; four do not', () => {
    const same = (n: number) => Array.from({ length: n }, () => project({ reports: [r('2016-03', 'building', 50, 25)] }));
    const found = integrityFindings(input(same(5)));
    expect(found.map((f) => f.rule)).toEqual(['identicalReports']);
    expect(found[0]).toMatchObject({ month: '2016-03', projects: [0, 1, 2, 3, 4], amountWan: 300, figures: { count: 5, progressPct: 50 } });
    expect(integrityFindings(input(same(4)))).toEqual([]);
  });

  it("a whole town's figures unchanged for three months while building", () => {
    const frozen = [r('2016-02', 'building', 40, 20), r('2016-03', 'building', 40, 20), r('2016-04', 'building', 40, 20)];
    const found = integrityFindings(input([project({ reports: frozen }), project({ reports: frozen.map((x) => ({ ...x, progressPct: 60, spentWan: 30 })) })]));
    expect(found.map((f) => f.rule)).toEqual(['frozenTown']);
    expect(found[0]).toMatchObject({ month: '2016-04', town: 0, projects: [0, 1] });
    expect(rules(input([project({ reports: frozen.slice(0, 2) })]))).toEqual([]);
    // One project moving is enough to show the town is reporting.
    expect(rules(input([project({ reports: frozen }), project({ reports: [r('2016-02', 'building', 10, 5), r('2016-03', 'building', 20, 10), r('2016-04', 'building', 30, 15)] })]))).toEqual([]);
  });

  it("a jump in the month before an inspection well beyond the town's usual pace", () => {
    // Usual pace: +10 a month; in 2016-05, the month before the June inspection, +40.
    const steady = (): IntegrityReport[] => [r('2016-01', 'building', 10, 5), r('2016-02', 'building', 20, 10), r('2016-03', 'building', 30, 15), r('2016-04', 'building', 40, 20)];
    const jumped = [...steady(), r('2016-05', 'building', 80, 40)];
    const found = integrityFindings(input([project({ reports: jumped }), project({ reports: steady() })], [village()], ['2016-06']));
    expect(found.map((f) => f.rule)).toEqual(['preInspectionJump']);
    expect(found[0]).toMatchObject({ month: '2016-05', projects: [0], figures: { rise: 40, usual: 10 } });
    // The same rise with no inspection the month after is only fast work.
    expect(rules(input([project({ reports: jumped }), project({ reports: steady() })], [village()], ['2016-09']))).toEqual([]);
    // A rise before an inspection at the town's usual pace is not flagged.
    expect(rules(input([project({ reports: [...steady(), r('2016-05', 'building', 50, 25)] })], [village()], ['2016-06']))).toEqual([]);
    // Nor is a short project's rise at the pace its plan asks for: due in three months, +40 is on plan.
    expect(rules(input([project({ reports: jumped, start: '2016-04-01', due: '2016-06-30' }), project({ reports: steady() })], [village()], ['2016-06']))).toEqual([]);
  });
});

describe('数据实 over projects made when asked', () => {
  it('finds the same as over an array, from a list that makes a new object at each ask and lends no array method', () => {
    const reports = [r('2016-01', 'building', 40, 10), r('2016-02', 'building', 30, 12), r('2016-03', 'done', 100, 70)];
    const projects = [project(), project({ reports }), ...Array.from({ length: 5 }, () => project({ reports: [r('2016-02', 'building', 50, 20)] })), project({ village: -1, beneficiaryHouseholds: 900 })];
    let asks = 0;
    const lazy: IntegrityInput['projects'] = {
      length: projects.length,
      at: (i) => {
        asks++;
        const p = projects[i];
        return p && { ...p };
      },
    };
    const expected = integrityFindings(input(projects));
    expect(expected.map((f) => f.rule)).toEqual(expect.arrayContaining(['progressBackward', 'overspent', 'identicalReports', 'beneficiariesAboveHouseholds']));
    expect(integrityFindings({ ...input(projects), projects: lazy })).toEqual(expected);
    expect(asks).toBeGreaterThan(projects.length);
  });
});

describe('data quality score', () => {
  const perfect = { completeness: 1, byCode: 1, ownPoint: 1, flagged: 0 };

  it('is 100 for complete, coded, located data with no findings, and lower for less', () => {
    expect(qualityScore(perfect)).toBe(100);
    expect(qualityScore({ ...perfect, byCode: 0 })).toBe(85);
    expect(qualityScore({ ...perfect, flagged: 0.5 })).toBe(75);
    expect(qualityScore({ completeness: 0, byCode: 0, ownPoint: 0, flagged: 3 })).toBe(0);
  });

  it('never rises when a finding is added (monotone)', () => {
    const projects = [project(), project({ budgetWan: 200, disclosureFilled: 0.5 }), project({ isJoinedByCode: false, hasOwnPoint: false })];
    const findings = integrityFindings(input([project({ reports: [r('2016-01', 'building', 50, 70)] })]));
    fc.assert(
      fc.property(fc.array(fc.record({ amount: fc.double({ min: 0, max: 1000, noNaN: true }), projects: fc.array(fc.nat(2), { maxLength: 3 }) }), { maxLength: 8 }), (extra) => {
        let last = qualityScore(qualityParts(projects, [village()], findings));
        const list = [...findings];
        for (const e of extra) {
          list.push({ ...findings[0]!, amountWan: e.amount, projects: e.projects });
          const next = qualityScore(qualityParts(projects, [village()], list));
          expect(next).toBeLessThanOrEqual(last);
          last = next;
        }
      }),
    );
  });

  it('from a tally made project by project, the same parts as from the projects', () => {
    const projects = [project({ budgetWan: 100.1, disclosureFilled: 0.3 }), project({ budgetWan: 200.2, isJoinedByCode: false }), project({ budgetWan: 0.3, hasOwnPoint: false, disclosureFilled: 0.7 })];
    const findings = integrityFindings(input([project({ reports: [r('2016-01', 'building', 50, 70)] })]));
    const t = emptyTally();
    for (const p of projects) tallyProject(t, p);
    expect(t).toEqual({ count: 3, budget: 100.1 + 200.2 + 0.3, filled: 0.3 + 1 + 0.7, byCode: 2, ownPoint: 2 });
    expect(qualityPartsOf(t, [village(), village({ isJoinedByCode: false })], findings)).toEqual(qualityParts(projects, [village(), village({ isJoinedByCode: false })], findings));
    expect(qualityPartsOf(emptyTally(), [], [])).toEqual({ completeness: 1, byCode: 1, ownPoint: 1, flagged: 0 });
  });

  it('weighs findings by the money at stake over the area budget', () => {
    const projects = [project({ budgetWan: 100 }), project({ budgetWan: 300 })];
    const f = { rule: 'overspent' as const, month: '2016-01', town: 0, village: 0, projects: [0], amountWan: 100, figures: {} };
    expect(qualityParts(projects, [], [f]).flagged).toBeCloseTo(0.25, 9);
    expect(qualityParts(projects, [], [{ ...f, amountWan: 0 }]).flagged).toBeCloseTo(0.05, 9);
  });
});
