import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteProjects } from '../../../src/contract/projects';
import { SERIES_IDS, type SiteData } from '../../../src/contract/site';
import { deltas, rankChanges } from '../../../src/domain/change';
import { createColorScale, deltaSpec, deltaValues } from '../../../src/domain/color-scale';
import { indicatorSpec } from '../../../src/domain/indicators';
import { rankAreas } from '../../../src/domain/ranking';
import { areaProjects, hasRelocationArcs, valuesAt } from '../../../src/state/derive';
import { deriveView, spreadPoints, type LoadedProjects } from '../../../src/state/derived-view';
import { buildReport } from '../../../src/state/report-model';
import { DEFAULT_VIEW, type ViewState } from '../../../src/state/view-state';
import { stopFigures } from '../../../src/ui/tour-figures';
import { loadMiniSite } from '../../helpers/site';

// test/fixtures/mini: towns 0 蒋家堰镇 (villages 0, 1) and 1 中峰镇 (villages 2, 3); months 2016-01 to 2016-03.
let site: SiteData;
let all: SiteProjects;
/** Every town loaded, as the projects page and the report have them. */
let loaded: LoadedProjects;
beforeAll(async () => {
  ({ site, projects: all } = await loadMiniSite());
  loaded = { current: all, version: 1, isLoaded: () => true };
});

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe('deriveView: one object for a state', () => {
  it('gives the same object for the same state, and for states that differ only in what it does not read', () => {
    const d = deriveView(site, loaded, view({ ind: 'completion', month: '2016-02' }));
    expect(deriveView(site, loaded, view({ ind: 'completion', month: '2016-02' }))).toBe(d);
    // Switching views, languages, sort orders or the projects page's filters recomputes nothing.
    for (const other of [{ view: 'report' }, { view: 'projects', q: '道路', page: 2 }, { lang: 'en' }, { rankSort: { key: 'value', direction: 'descending' } }, { cls: 'quantile' }, { tour: 1 }] as Partial<ViewState>[])
      expect(deriveView(site, loaded, view({ ind: 'completion', month: '2016-02', ...other })), JSON.stringify(other)).toBe(d);
    expect(d.report()).toBe(d.report());
  });

  it('recomputes what a change touches, and keeps the parts it does not', () => {
    const county = deriveView(site, loaded, view({ ind: 'completion' }));
    const town = deriveView(site, loaded, view({ ind: 'completion', town: site.towns[0]!.code }));
    expect(town).not.toBe(county);
    expect(town.townRanking).toBe(county.townRanking);
    expect(town.ranking).not.toBe(county.ranking);
    expect(county.ranking).toBe(county.townRanking);
    const otherMonth = deriveView(site, loaded, view({ ind: 'completion', town: site.towns[0]!.code, month: '2016-01' }));
    expect(otherMonth.panel).not.toBe(town.panel);
  });

  it('is a new object once more projects load (their version changes)', () => {
    const source: LoadedProjects = { current: all, version: 1, isLoaded: () => true };
    const before = deriveView(site, source, view({ town: site.towns[0]!.code }));
    source.version = 2;
    const after = deriveView(site, source, view({ town: site.towns[0]!.code }));
    expect(after).not.toBe(before);
    expect(after.panel).not.toBe(before.panel);
    expect(after.townRanking).toBe(before.townRanking);
  });

  it('keeps apart the derivations of two sites or two project sources', () => {
    const other: LoadedProjects = { current: all, version: 1, isLoaded: () => true };
    expect(deriveView(site, other, DEFAULT_VIEW)).not.toBe(deriveView(site, loaded, DEFAULT_VIEW));
    expect(deriveView({ ...site }, loaded, DEFAULT_VIEW)).not.toBe(deriveView(site, loaded, DEFAULT_VIEW));
  });
});

describe('deriveView: the figures every view reads', () => {
  it('ranks the towns with their moves since the month before, as the domain does', () => {
    for (const ind of ['completion', 'lag', 'industry'] as const)
      for (let m = 0; m < site.months.length; m++) {
        const d = deriveView(site, loaded, view({ ind, month: site.months[m]! }));
        const spec = indicatorSpec(ind);
        const now = valuesAt(site, ind, m).towns;
        const moves = m > 0 ? rankChanges(now, valuesAt(site, ind, m - 1).towns, spec.isHigherBetter) : now.map(() => null);
        expect(d.townRanking.rows.map((r) => [r.id, r.rank, r.value, r.change])).toEqual(rankAreas(now, spec.isHigherBetter).map((r) => [r.index, r.rank, r.value, moves[r.index] ?? null]));
        expect(d.townRanking.total).toBe(valuesAt(site, ind, m).county);
      }
  });

  it("ranks a town's villages, totalled by the town", () => {
    const town = site.towns[1]!;
    const d = deriveView(site, loaded, view({ ind: 'completion', town: town.code, month: '2016-03' }));
    const villages = site.villages.filter((v) => v.townId === town.id);
    expect(d.ranking.level).toBe('village');
    expect(d.ranking.rows.map((r) => r.code).sort()).toEqual(villages.map((v) => v.code).sort());
    expect(d.ranking.total).toBe(valuesAt(site, 'completion', 2).towns[town.id]);
  });

  it("gives the report, the tour and the ranking table the same ranking", () => {
    const d = deriveView(site, loaded, view({ ind: 'completion', month: '2016-03' }));
    const report = d.report();
    expect(report.towns.map((t) => [t.townId, t.rank, t.rankChange, t.value])).toEqual(d.townRanking.rows.map((r) => [r.id, r.rank, r.change, r.value]));
    expect(report).toEqual(buildReport(site, all, 2, 'completion'));
    expect(d.stop.top).toEqual(d.townRanking.rows.slice(0, 3));
    const f = stopFigures(site, d, 'zh');
    expect(f.extra.map((x) => x.label)).toEqual(d.townRanking.rows.slice(0, 3).map((r) => `${r.rank}. ${r.name}`));
  });

  it("gives the panel the area's values, goals over time, projects and poverty figures", () => {
    const town = site.towns[0]!;
    const d = deriveView(site, loaded, view({ town: town.code, month: '2016-02' }));
    for (const id of SERIES_IDS) expect(d.panel.values[id], id).toBe(site.series[id].towns[1]?.[town.id] ?? null);
    for (const g of site.config.goals) expect(d.panel.goalSeries[g.id]).toEqual(site.series[g.id].towns.map((row) => row[town.id] ?? null));
    const ap = areaProjects(site, all, () => true, 1, d.selection, site.config.thresholds.lagPoints);
    expect(d.panel.projects).toEqual(ap);
    expect(d.panel.disbursementRate).toBeCloseTo(ap!.totals.spentWan / ap!.totals.budgetWan, 12);
    const villages = site.villages.filter((v) => v.townId === town.id);
    expect(d.panel.unevennessPoints).toBe(spreadPoints(villages.map((v) => site.series.completion.villages[1]?.[v.id] ?? null)));
    expect(d.panel.poverty).toMatchObject({ poorHouseholds: town.poorHouseholds, poorPopulation: town.poorPopulation, villageCount: villages.length });
    expect(d.stop.value).toBe(site.series.industry.towns[1]?.[town.id] ?? null);
    expect(d.stop.top).toEqual([]);
  });

  it("has no projects for a town whose projects have not loaded, and the county's from the summary", () => {
    const none: LoadedProjects = { current: all, version: 0, isLoaded: () => false };
    expect(deriveView(site, none, view({ town: site.towns[0]!.code })).panel.projects).toBeNull();
    expect(deriveView(site, none, view({ town: site.towns[0]!.code })).panel.disbursementRate).toBeNull();
    expect(deriveView(site, none, DEFAULT_VIEW).panel.projects).not.toBeNull();
  });

  it('has no unevenness at a village', () => {
    const v = site.villages[0]!;
    expect(deriveView(site, loaded, view({ village: v.code, town: site.towns[v.townId]!.code })).panel.unevennessPoints).toBeNull();
  });
});

describe('deriveView: the map\'s colouring', () => {
  it('classifies the towns at the county and the town\'s villages in a town, with the scale the legend shows', () => {
    const county = deriveView(site, loaded, view({ ind: 'completion', month: '2016-02' }));
    const c = county.colouring({ cls: 'quantile', isDelta: false, lang: 'zh' });
    expect(c.values).toEqual(valuesAt(site, 'completion', 1));
    expect(c.scale.bins).toEqual(createColorScale(indicatorSpec('completion'), valuesAt(site, 'completion', 1).towns, 'quantile', 'zh').bins);
    expect(county.colouring({ cls: 'quantile', isDelta: false, lang: 'zh' })).toBe(c);
    expect(county.colouring({ cls: 'quantile', isDelta: false, lang: 'en' })).not.toBe(c);

    const town = site.towns[1]!;
    const inTown = deriveView(site, loaded, view({ ind: 'completion', month: '2016-02', town: town.code }));
    const villages = site.villages.filter((v) => v.townId === town.id).map((v) => valuesAt(site, 'completion', 1).villages[v.id] ?? null);
    expect(inTown.colouring({ cls: 'equal', isDelta: false, lang: 'zh' }).scale.bins).toEqual(createColorScale(indicatorSpec('completion'), villages, 'equal', 'zh').bins);
  });

  it('colours the change since the month before in delta mode, in points on fixed classes', () => {
    const d = deriveView(site, loaded, view({ ind: 'completion', month: '2016-03' }));
    const c = d.colouring({ cls: 'fixed', isDelta: true, lang: 'zh' });
    const spec = indicatorSpec('completion');
    expect(c.spec).toEqual(deltaSpec(spec));
    expect(c.values.towns).toEqual(deltaValues(spec, deltas(valuesAt(site, 'completion', 2).towns, valuesAt(site, 'completion', 1).towns)));
    expect(c.scale.bins.length).toBe(5);
    // The first month has nothing to compare with: no data.
    const first = deriveView(site, loaded, view({ ind: 'completion', month: '2016-01' })).colouring({ cls: 'fixed', isDelta: true, lang: 'zh' });
    expect(first.values.towns.every((v) => v === null)).toBe(true);
  });
});

describe('spreadPoints', () => {
  it.each<[(number | null)[], number | null]>([
    [[], null],
    [[0.5], null],
    [[0.5, null], null],
    [[0.4, 0.6], 10],
    [[0.2, 0.2, 0.2], 0],
  ])('%j → %s', (values, points) => {
    const got = spreadPoints(values);
    if (points === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(points, 9);
  });
});

describe('hasRelocationArcs', () => {
  const p = { toLon: [null, 109.8, 109.9, null], toLat: [null, 32.3, null, 32.1] };
  it('is true only for a project with both coordinates of its resettlement site among those given', () => {
    expect(hasRelocationArcs(p, [0, 1])).toBe(true);
    // One coordinate alone draws no arc.
    expect(hasRelocationArcs(p, [0, 2, 3])).toBe(false);
    expect(hasRelocationArcs(p, [])).toBe(false);
  });
});
