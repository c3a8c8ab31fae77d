import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../../src/contract/site';
import { formatIndicator, indicatorSpec } from '../../../src/domain/indicators';
import { rankAreas } from '../../../src/domain/ranking';
import { DEFAULT_VIEW } from '../../../src/state/view-state';
import { valuesAt } from '../../../src/state/derive';
import { deriveView, type LoadedProjects } from '../../../src/state/derived-view';
import { stopFigures } from '../../../src/ui/tour-figures';
import { loadMiniSiteLoaded } from '../../helpers/site';

describe('stopFigures', () => {
  let site: SiteData;
  let projects: LoadedProjects;
  beforeAll(async () => {
    ({ site, projects } = await loadMiniSiteLoaded());
  });

  it("shows the county's value in the latest month and its top towns", () => {
    const f = stopFigures(site, deriveView(site, projects, { ...DEFAULT_VIEW, ind: 'industry' }), 'zh');
    const last = site.months.length - 1;
    const values = valuesAt(site, 'industry', last);
    const spec = indicatorSpec('industry');
    expect(f.townName).toBe(site.config.region.name);
    expect(f.indicatorName).toBe(spec.zh);
    expect(f.value).toBe(formatIndicator(spec, values.county, 'zh'));
    const top = rankAreas(values.towns, spec.isHigherBetter).slice(0, 3);
    expect(f.extra).toEqual(top.map((r) => ({ label: `${r.rank ?? '—'}. ${site.towns[r.index]?.name ?? ''}`, value: formatIndicator(spec, r.value, 'zh') })));
  });

  it("shows a town's value and its village count, in the state's language and month", () => {
    const town = site.towns[0]!;
    const month = site.months[0]!;
    const f = stopFigures(site, deriveView(site, projects, { ...DEFAULT_VIEW, lang: 'en', ind: 'industry', town: town.code, month }), 'en');
    expect(f.townName).toBe(town.name);
    expect(f.indicatorName).toBe(indicatorSpec('industry').en);
    expect(f.value).toBe(formatIndicator(indicatorSpec('industry'), valuesAt(site, 'industry', 0).towns[town.id] ?? null, 'en'));
    expect(f.extra).toEqual([{ label: 'villages', value: String(town.villageCount) }]);
    expect(f.month).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  });
});
