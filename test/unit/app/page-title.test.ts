import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../../src/contract/site';
import { pageTitleOf } from '../../../src/app/page-title';
import { LANGS, monthLabel, pick } from '../../../src/i18n';
import { DEFAULT_VIEW, VIEW_NAMES, type ViewState } from '../../../src/state/view-state';
import { loadMiniSite } from '../../helpers/site';

let site: SiteData;
beforeAll(async () => {
  ({ site } = await loadMiniSite());
});

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe('pageTitleOf', () => {
  it('names the town, the indicator and the month of the map, then the atlas', () => {
    const town = site.towns[0]!;
    const month = site.months[0]!;
    const { title } = pageTitleOf(site, view({ town: town.code, ind: 'employment', month }));
    expect(title).toBe(`${town.name} · 贫困劳动力就业率 · ${monthLabel('zh', month)} — ${site.config.title.zh}`);
  });

  it('names the county and the latest month when nothing is chosen, in the page language', () => {
    const latest = site.months.at(-1)!;
    expect(pageTitleOf(site, view({})).title).toBe(`${site.config.region.name} · 产业覆盖率 · ${monthLabel('zh', latest)} — ${site.config.title.zh}`);
    expect(pageTitleOf(site, view({ lang: 'en' })).title).toBe(`${site.config.region.nameEn} · Industry coverage · ${monthLabel('en', latest)} — ${site.config.title.en}`);
  });

  it('names a village with its town (village names repeat across towns)', () => {
    const village = site.villages[0]!;
    const town = site.towns[village.townId]!;
    expect(pageTitleOf(site, view({ village: village.code, town: town.code })).title.startsWith(`${village.name}（${town.name}） · `)).toBe(true);
    expect(pageTitleOf(site, view({ village: village.code, town: town.code, lang: 'en' })).title.startsWith(`${village.name}, ${town.name} · `)).toBe(true);
  });

  it('says when the map shows the change since the previous month', () => {
    expect(pageTitleOf(site, view({ isDelta: true })).title).toContain(' · 产业覆盖率较上月变化 · ');
  });

  it('names the other views instead of an indicator: the projects of the area, the county report, about and check without place or month', () => {
    const town = site.towns[0]!;
    const atlas = site.config.title.zh;
    expect(pageTitleOf(site, view({ view: 'projects', town: town.code })).title).toMatch(new RegExp(`^${town.name} · 项目公示 · .+ — `));
    expect(pageTitleOf(site, view({ view: 'report', town: town.code })).title).toMatch(new RegExp(`^${site.config.region.name} · 月度通报 · `));
    expect(pageTitleOf(site, view({ view: 'about' })).title).toBe(`关于 — ${atlas}`);
    expect(pageTitleOf(site, view({ view: 'check', lang: 'en' })).title).toBe(`Check data — ${site.config.title.en}`);
  });

  it('describes every view in one sentence or two, in each language, saying sample data is sample data', () => {
    for (const lang of LANGS) {
      for (const name of VIEW_NAMES) {
        const { title, description } = pageTitleOf(site, view({ view: name, lang }));
        expect(title, `${lang} ${name}`).not.toMatch(/\{\w+\}/);
        expect(description, `${lang} ${name}`).not.toMatch(/\{\w+\}/);
        expect(description.startsWith(pick(site.config.title, lang)), `${lang} ${name}`).toBe(true);
        expect(description.includes(lang === 'zh' ? '示例数据' : 'Sample data'), `${lang} ${name}`).toBe(site.config.isSample);
      }
    }
    const real = { ...site, config: { ...site.config, isSample: !site.config.isSample } };
    expect(pageTitleOf(real, view({})).description.includes('示例数据')).toBe(real.config.isSample);
  });

  it('describes the map by place, month and indicator', () => {
    const town = site.towns[0]!;
    const month = site.months[0]!;
    const { description } = pageTitleOf(site, view({ town: town.code, month, ind: 'lag' }));
    expect(description).toContain(`${town.name}${monthLabel('zh', month)}的进度滞后地图`);
  });
});
