import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../../src/contract/site';
import { mapViewOf } from '../../../src/app/map-view';
import { createColorScale } from '../../../src/domain/color-scale';
import { indicatorSpec } from '../../../src/domain/indicators';
import { valuesAt } from '../../../src/state/derive';
import type { LoadedProjects } from '../../../src/state/derived-view';
import { DEFAULT_VIEW } from '../../../src/state/view-state';
import { loadMiniSiteLoaded } from '../../helpers/site';

/** What the map shows for a state (src/app/map-view.ts), worked out without a map. */
describe('the map’s view of a state', () => {
  let site: SiteData;
  let projects: LoadedProjects;
  beforeAll(async () => {
    ({ site, projects } = await loadMiniSiteLoaded());
  });

  it('the county: each town in its class colour, no markers, the lagging towns flagged, the legend of the towns', () => {
    const state = { ...DEFAULT_VIEW, ind: 'completion' as const, classing: 'fixed' as const };
    const view = mapViewOf(site, projects, state, true);
    const m = site.months.length - 1;
    const values = valuesAt(site, 'completion', m);
    const scale = createColorScale(indicatorSpec('completion'), values.towns, 'fixed', 'zh');
    expect(view.monthIndex).toBe(m);
    expect(view.areas.townColours).toEqual(values.towns.map((v) => (v === null ? null : scale.colorFor(v))));
    expect(view.areas.selectedTown).toBeNull();
    const lag = valuesAt(site, 'lag', m);
    const lagPoints = site.config.thresholds.lagPoints;
    expect([...view.areas.laggingTowns].sort()).toEqual(site.towns.filter((t) => (lag.towns[t.id] ?? -Infinity) > lagPoints).map((t) => t.id).sort());
    expect(view.drawsProjects).toBe(false);
    expect(view.legend.showsProjects).toBe(false);
    expect(view.legend.isProjectsInTowns).toBe(true);
    expect(view.legend.subject).toContain('各乡镇');
  });

  it('a town: the towns around it neutral, its villages coloured, its markers drawn unless the switch is off', () => {
    const town = site.towns[0]!;
    const state = { ...DEFAULT_VIEW, town: town.code };
    const view = mapViewOf(site, projects, state, true);
    expect(new Set(view.areas.townColours).size).toBe(1);
    expect(view.areas.selectedTown).toBe(town.id);
    expect(view.drawsProjects).toBe(true);
    expect(view.legend.subject).toContain(town.name);
    expect(mapViewOf(site, projects, state, false).drawsProjects).toBe(false);
  });

  it('names an area for the keyboard with its value and class, in the page’s language', () => {
    const town = site.towns[0]!;
    const zh = mapViewOf(site, projects, { ...DEFAULT_VIEW }, true).describeArea({ kind: 'town', id: town.id, name: town.name }, 1, site.towns.length);
    const en = mapViewOf(site, projects, { ...DEFAULT_VIEW, lang: 'en' }, true).describeArea({ kind: 'town', id: town.id, name: town.name }, 1, site.towns.length);
    expect(zh).toContain(town.name);
    expect(zh).toMatch(new RegExp(`（1/${site.towns.length}）$`));
    expect(en).toContain(town.name);
    expect(en).not.toBe(zh);
  });
});
