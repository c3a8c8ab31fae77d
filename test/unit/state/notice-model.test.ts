import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteProjects } from '../../../src/contract/projects';
import type { SiteData } from '../../../src/contract/site';
import type { LoadedProjects } from '../../../src/state/derived-view';
import { NATIONAL_HOTLINE, noticeVillages, villageLink, villageNotice } from '../../../src/state/notice-model';
import { DEFAULT_VIEW, parseViewState, viewContextOf } from '../../../src/state/view-state';
import { loadMiniSite } from '../../helpers/site';

let site: SiteData;
let projects: LoadedProjects;
beforeAll(async () => {
  const mini = await loadMiniSite();
  site = mini.site;
  const current: SiteProjects = mini.projects;
  projects = { current, version: 1, isLoaded: () => true };
});

describe('villageLink: where a notice’s QR code points', () => {
  it('is the village on the portal when the config names it, as short as a link can be', () => {
    expect(villageLink('https://fupin.example.gov.cn/atlas/', 'http://127.0.0.1:4173/?preview=1#view=notice', '420324101201', 'zh')).toEqual({ url: 'https://fupin.example.gov.cn/atlas/#village=420324101201', isThisCopy: false });
    expect(villageLink('https://fupin.example.gov.cn/atlas/index.html?from=qr', 'http://x/', '420324101201', 'en')?.url).toBe('https://fupin.example.gov.cn/atlas/index.html?from=qr#village=420324101201&lang=en');
  });

  it('is this copy’s own address, without its query and view, when there is no portal', () => {
    expect(villageLink(null, 'http://127.0.0.1:4173/atlas/?preview=1#view=notice&town=420324101', '420324101202', 'zh')).toEqual({ url: 'http://127.0.0.1:4173/atlas/#village=420324101202', isThisCopy: true });
  });

  it('is none for a page opened from a file without a portal (its address opens on no phone)', () => {
    expect(villageLink(null, null, '420324101202', 'zh')).toBeNull();
    expect(villageLink('https://fupin.example.gov.cn/', null, '420324101202', 'zh')?.url).toBe('https://fupin.example.gov.cn/#village=420324101202');
  });

  it('opens the village (and its town) when the atlas reads it', () => {
    const url = villageLink(null, 'http://127.0.0.1:4173/', '420324102201', 'en')?.url ?? '';
    const { state, warnings } = parseViewState(new URL(url).hash, viewContextOf(site, new Set()));
    expect(warnings).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_VIEW, town: '420324102', village: '420324102201', lang: 'en' });
  });
});

describe('noticeVillages', () => {
  it('is the village of the link, or every village of the town, or none at the county', () => {
    expect(noticeVillages(site, { town: '420324101', village: '420324101202' }).map((v) => v.code)).toEqual(['420324101202']);
    expect(noticeVillages(site, { town: '420324102', village: null }).map((v) => v.code)).toEqual(['420324102001', '420324102201']);
    expect(noticeVillages(site, { town: null, village: null })).toEqual([]);
  });
});

describe('villageNotice', () => {
  it('lists the village’s projects with totals equal to the site’s village figures, and the hotlines with 12317 first', () => {
    for (const village of site.villages) {
      const n = villageNotice(site, projects, DEFAULT_VIEW, village);
      expect(n.projects.map((i) => projects.current.village[i])).toEqual(n.projects.map(() => village.id));
      expect(n.totals.count).toBe(village.projectCount);
      expect(n.totals.budgetWan).toBeCloseTo(village.budgetWan, 6);
      expect(n.hotlines[0]).toBe(NATIONAL_HOTLINE);
      expect(new Set(n.hotlines).size).toBe(n.hotlines.length);
      expect(n.goals.map((g) => g.id)).toEqual(site.config.goals.map((g) => g.id));
    }
  });

  it('withholds, in the county’s own build, the goals from households that a public build withholds for a small village and its partner', () => {
    // 周湾村 has 5 poor households: under a minimum of 10 it is withheld, with 双竹村, the other village of its town.
    const strict: SiteData = { ...site, publication: { ...site.publication, minHouseholdCount: 10 } };
    const withheld = strict.villages.filter((v) => villageNotice(strict, projects, DEFAULT_VIEW, v).goals.some((g) => g.isWithheld)).map((v) => v.code);
    expect(withheld).toEqual(['420324101201', '420324101202']);
    const n = villageNotice(strict, projects, DEFAULT_VIEW, strict.villages.find((v) => v.code === '420324101202')!);
    expect(n.goals.filter((g) => g.isWithheld).map((g) => g.id)).toEqual(['household', 'employment']);
    expect(n.goals.filter((g) => g.isWithheld).every((g) => g.value === null)).toBe(true);
    expect(site.villages.filter((v) => villageNotice(site, projects, DEFAULT_VIEW, v).goals.some((g) => g.isWithheld))).toEqual([]);
  });
});
