/**
 * The village notice board (村级扶贫项目公告公示, view=notice) as data: for a village, its projects in
 * the data's order, their totals and the village's four goals in the month, from the one derivation
 * (derived-view.ts); the hotlines to print; the address its QR code holds. Public data only, whatever
 * the build: in the county's own build the goals computed from households are withheld for the
 * villages a public build withholds (pipeline/privacy/small-counts.ts), as the portal would show them.
 */
import type { GoalId } from '../contract/config';
import type { SiteData, SiteTown, SiteVillage } from '../contract/site';
import type { Lang } from '../i18n';
import { HOUSEHOLD_SERIES, villagesToWithhold } from '../pipeline/privacy/small-counts';
import { deriveView, type LoadedProjects } from './derived-view';
import { DEFAULT_VIEW, serializeViewState, type ViewState } from './view-state';

/** The national poverty-alleviation supervision hotline (全国扶贫监督举报电话), first on every notice. */
export const NATIONAL_HOTLINE = '12317';

/** One village's notice: what the sheet prints, as numbers and indexes (the sheet formats them). */
export interface VillageNotice {
  village: SiteVillage;
  town: SiteTown;
  /** The month the figures are of, YYYY-MM, and its index in the data. */
  month: string;
  monthIndex: number;
  /** The village's projects: indexes into the loaded projects (`LoadedProjects.current`), in the data's order. */
  projects: number[];
  /** The projects' number, budget and money paid in the month (万元), and how many are planned, building or done. */
  totals: { count: number; budgetWan: number; spentWan: number; planned: number; building: number; done: number };
  /** The four goals in the config's order with the village's value in the month; null when there is none or it is withheld. */
  goals: { id: GoalId; value: number | null; isWithheld: boolean }[];
  /** 12317 first, then each project's own supervision line once, in the projects' order. */
  hotlines: string[];
}

/** The villages of a notice view: the state's village, or every village of the state's town, in the data's order; none at the county. */
export function noticeVillages(site: SiteData, state: Pick<ViewState, 'town' | 'village'>): SiteVillage[] {
  if (state.village !== null) return site.villages.filter((v) => v.code === state.village);
  if (state.town === null) return [];
  const town = site.towns.find((t) => t.code === state.town);
  return town ? site.villages.filter((v) => v.townId === town.id) : [];
}

/** The notice of one village in the state's month; its town's projects must be loaded. */
export function villageNotice(site: SiteData, projects: LoadedProjects, state: ViewState, village: SiteVillage): VillageNotice {
  const town = site.towns[village.townId];
  if (!town) throw new Error(`villageNotice: village ${village.code} has no town`);
  if (!projects.isLoaded(town.id)) throw new Error(`villageNotice: the projects of ${town.code} are not loaded`);
  const view = deriveView(site, projects, { ...state, town: town.code, village: village.code });
  const p = projects.current;
  const indexes: number[] = [];
  for (let i = 0; i < p.id.length; i++) if (p.village[i] === village.id) indexes.push(i);
  const t = view.panel.projects?.totals ?? { planned: 0, building: 0, done: 0, budgetWan: 0, spentWan: 0 };
  const withheld = !site.publication.isPublic && withheldVillages(site).has(village.id);
  const goals = site.config.goals.map((g) => {
    const isWithheld = withheld && HOUSEHOLD_SERIES.includes(g.id);
    return { id: g.id, value: isWithheld ? null : view.panel.values[g.id], isWithheld: isWithheld || (site.publication.isPublic && village.poorHouseholds === null && HOUSEHOLD_SERIES.includes(g.id)) };
  });
  const own = indexes.map((i) => p.hotline[i]?.trim() ?? '').filter((x) => x !== '');
  return {
    village,
    town,
    month: view.month,
    monthIndex: view.monthIndex,
    projects: indexes,
    totals: { count: indexes.length, budgetWan: t.budgetWan, spentWan: t.spentWan, planned: t.planned, building: t.building, done: t.done },
    goals,
    hotlines: [...new Set([NATIONAL_HOTLINE, ...own])],
  };
}

/** Where a notice's QR code points: the village's page on the portal (`publicUrl`), else on this copy of the site. */
export interface NoticeLink {
  url: string;
  /** True when the config names no portal: the code opens the copy the sheet was printed from. */
  isThisCopy: boolean;
}

/**
 * The village's page, as short as a link to it can be (`#village=…`: the village names its town),
 * in the notice's language: on the portal when the config gives its address, else on the page's own
 * address (`pageHref` without its query and view); null when there is neither (a page opened from
 * a file, whose address opens on no phone).
 */
export function villageLink(publicUrl: string | null, pageHref: string | null, villageCode: string, lang: Lang): NoticeLink | null {
  const hash = serializeViewState({ ...DEFAULT_VIEW, village: villageCode, lang });
  const address = publicUrl ?? pageHref;
  if (address === null) return null;
  const base = new URL(address);
  base.hash = '';
  if (publicUrl === null) base.search = '';
  return { url: `${base.href}${hash}`, isThisCopy: publicUrl === null };
}

const withheldBySite = new WeakMap<SiteData, ReadonlySet<number>>();

/** The villages whose household figures a public build of this data withholds (computed once per site). */
function withheldVillages(site: SiteData): ReadonlySet<number> {
  let set = withheldBySite.get(site);
  if (!set) withheldBySite.set(site, (set = new Set(villagesToWithhold(site.villages, site.publication.minHouseholdCount))));
  return set;
}
