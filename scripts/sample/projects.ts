/** Projects of the sample: what each village and town gets, its money, dates and disclosure fields. */
import { dateLabel, daysInMonth, monthIndex, type MonthIndex } from './calendar';
import { CATEGORIES, TOWN_ITEMS, VILLAGE_ITEMS, category, type Item } from './catalogue';
import { samplePoint } from './geometry';
import type { Rng } from './rng';
import type { CategoryId, LonLat, Project, Town, Village } from './types';
import { compareText } from './order';

/** How likely a village is to get a category (village, poor village, community), and how many more of it on average. */
interface CategoryPlan {
  p: number;
  pPoor: number;
  pCommunity: number;
  extra: number;
}

const PLAN: Readonly<Record<CategoryId, CategoryPlan>> = {
  industry: { p: 0.85, pPoor: 1, pCommunity: 0.3, extra: 0.8 },
  tourism: { p: 0.18, pPoor: 0.25, pCommunity: 0.05, extra: 0.1 },
  employment: { p: 0.45, pPoor: 0.6, pCommunity: 0.7, extra: 0.3 },
  infrastructure: { p: 0.9, pPoor: 1, pCommunity: 0.6, extra: 1 },
  relocation: { p: 0.25, pPoor: 0.75, pCommunity: 0, extra: 0.1 },
  education: { p: 0.55, pPoor: 0.7, pCommunity: 0.6, extra: 0.25 },
  health: { p: 0.45, pPoor: 0.55, pCommunity: 0.5, extra: 0.1 },
  finance: { p: 0.55, pPoor: 0.8, pCommunity: 0.2, extra: 0.2 },
  environment: { p: 0.65, pPoor: 0.75, pCommunity: 0.9, extra: 0.5 },
  party: { p: 0.35, pPoor: 0.45, pCommunity: 0.5, extra: 0 },
};
/** Poor villages get this many times more extra projects. */
const POOR_EXTRA_FACTOR = 1.6;
/** Town-wide projects per town. */
const TOWN_WIDE: [number, number] = [1, 3];
/** Share of projects with their own point; the rest fall back to the village seat. */
const POINT_SHARE = 0.7;
const VILLAGE_PROJECT_WITHIN_KM = 1.5;
const TOWN_PROJECT_WITHIN_KM = 3;
/** Share of projects run by the town government rather than a county department. */
const TOWN_UNIT_SHARE = 0.45;
/** Start months (2015-10 … 2016-09) with weights: most work starts in spring. */
const START_MONTHS: readonly (readonly [string, number])[] = [
  ['2015-10', 4], ['2015-11', 4], ['2015-12', 4], ['2016-01', 5], ['2016-02', 5], ['2016-03', 16],
  ['2016-04', 16], ['2016-05', 14], ['2016-06', 10], ['2016-07', 8], ['2016-08', 7], ['2016-09', 7],
];
/** No project is due after this month. */
const LAST_DUE_MONTH = monthIndex('2017-06');
/** A targeted income gain, 元, in steps of 100. */
const INCOME_GAIN_HUNDREDS: [number, number] = [10, 30];
const ID_PREFIX = 'ZX2016-';

/** A project before its id is known. */
type Draft = Omit<Project, 'id' | 'hotline'>;

/** All projects: every village's, then 1–3 town-wide ones per town; sorted and numbered. */
export function makeProjects(rng: Rng, towns: readonly Town[], villages: readonly Village[]): Project[] {
  const drafts: Draft[] = [];
  for (const town of towns) {
    const own = villages.filter((v) => v.townCode === town.code);
    for (const item of rng.shuffle(TOWN_ITEMS).slice(0, rng.int(...TOWN_WIDE))) drafts.push(townProject(rng, town, own, item));
    for (const v of own) for (const [item, phase] of planVillage(rng, v)) drafts.push(villageProject(rng, town, v, item, phase));
  }
  const order = (c: CategoryId): number => CATEGORIES.findIndex((k) => k.id === c);
  drafts.sort((a, b) => compareText(a.townCode, b.townCode) || compareText(a.villageCode ?? '', b.villageCode ?? '') || order(a.category) - order(b.category) || compareText(a.name, b.name));
  return drafts.map((d, i) => ({ ...d, id: `${ID_PREFIX}${String(i + 1).padStart(4, '0')}`, hotline: SUPERVISION_HOTLINE }));
}

/** The items a village gets, each with its phase (1, or 2 for a second project of the same kind: 二期). */
function planVillage(rng: Rng, v: Village): [Item, number][] {
  const picks: [Item, number][] = [];
  for (const c of CATEGORIES) {
    const plan = PLAN[c.id];
    const p = v.isCommunity ? plan.pCommunity : v.isPoorVillage ? plan.pPoor : plan.p;
    if (!rng.chance(p)) continue;
    const count = 1 + poisson(rng, plan.extra * (v.isPoorVillage ? POOR_EXTRA_FACTOR : 1));
    const items = rng.shuffle(VILLAGE_ITEMS.filter((it) => it.category === c.id));
    for (let i = 0; i < count; i++) picks.push([items[i % items.length] as Item, 1 + Math.floor(i / items.length)]);
  }
  if (picks.length === 0) picks.push([rng.pick(VILLAGE_ITEMS.filter((it) => it.category === 'infrastructure')), 1]);
  return picks;
}

/** A Poisson-distributed count (Knuth). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Households reached by a project, drawn from the item's shares of a total. */
interface Reach {
  households: number;
  poorHouseholds: number;
  poorPeople: number;
}

/** Draws who a project reaches, within the totals it can reach. */
function drawReach(rng: Rng, item: Item, totals: { households: number; poorHouseholds: number; poorPopulation: number }): Reach {
  const poor = Math.min(totals.poorHouseholds, Math.max(1, Math.round(totals.poorHouseholds * rng.float(...item.poorReach))));
  const households = Math.min(totals.households, Math.max(poor, Math.round(totals.households * rng.float(...item.reach))));
  const poorPeople = Math.min(totals.poorPopulation, Math.round(poor * rng.float(2.4, 3.2)));
  return { households, poorHouseholds: poor, poorPeople };
}

/** A village's project of an item. */
function villageProject(rng: Rng, town: Town, v: Village, item: Item, phase: number): Draft {
  const reach = drawReach(rng, item, v);
  const point = rng.chance(POINT_SHARE) ? samplePoint(rng, town.area, { near: v.point, withinKm: VILLAGE_PROJECT_WITHIN_KM }, `project of ${v.name}`) : null;
  const name = `${v.shortName}${item.label}${phase > 1 ? '二期' : ''}`;
  return common(rng, town, item, reach, name, { villageCode: v.code, villageName: v.name, point });
}

/** A town-wide project (no village) of an item. */
function townProject(rng: Rng, town: Town, villages: readonly Village[], item: Item): Draft {
  const sum = (f: (v: Village) => number): number => villages.reduce((s, v) => s + f(v), 0);
  const reach = drawReach(rng, item, { households: sum((v) => v.households), poorHouseholds: sum((v) => v.poorHouseholds), poorPopulation: sum((v) => v.poorPopulation) });
  const isSite = item.category === 'relocation';
  const point = isSite ? town.resettlementSite : rng.chance(POINT_SHARE) ? samplePoint(rng, town.area, { near: town.seat, withinKm: TOWN_PROJECT_WITHIN_KM }, `project of ${town.name}`) : null;
  return common(rng, town, item, reach, `${town.name}${item.label}`, { villageCode: null, villageName: null, point });
}

/** The fields every project shares: quantity, money, dates, unit, targets. */
function common(rng: Rng, town: Town, item: Item, reach: Reach, name: string, where: Pick<Draft, 'villageCode' | 'villageName' | 'point'>): Draft {
  const cat = category(item.category);
  const q = quantity(rng, item, reach);
  const budgetWan = withinBudget(rng, q * rng.float(...item.wanPerUnit), cat.budgetWan);
  const jobs = cat.jobs ? jobsFor(rng, cat.jobs, item, q, reach) : null;
  const fill = (t: string): string => fillTemplate(t, { q: formatQuantity(q, item.q[2]), bh: reach.households, bph: reach.poorHouseholds, ppl: reach.poorPeople, jobs: jobs ?? 0, inc: rng.int(...INCOME_GAIN_HUNDREDS) * 100 });
  const [start, due] = dates(rng, cat.months);
  return {
    name,
    category: item.category,
    townCode: town.code,
    townName: town.name,
    ...where,
    content: fill(item.content),
    budgetCents: Math.round(budgetWan * 100),
    fundSource: rng.weighted(cat.funds),
    start,
    due,
    unit: item.dept === null || item.category === 'party' || rng.chance(TOWN_UNIT_SHARE) ? `${town.name}人民政府` : item.dept,
    beneficiaryHouseholds: reach.households,
    beneficiaryPoorHouseholds: reach.poorHouseholds,
    beneficiaryPoorPopulation: reach.poorPeople,
    jobs,
    target: fill(item.target),
    resettlementSite: item.category === 'relocation' ? town.resettlementSite : null,
  };
}

/** Brings a budget inside the category's bounds without piling projects up on the bounds themselves. */
function withinBudget(rng: Rng, wan: number, [min, max]: [number, number]): number {
  if (wan < min) return min * rng.float(1, 1.5);
  if (wan > max) return max * rng.float(0.8, 1);
  return wan;
}

/** The item's quantity: tied to whom it reaches, or drawn from its range. */
function quantity(rng: Rng, item: Item, reach: Reach): number {
  if (item.quantityOf === 'households') return reach.households;
  if (item.quantityOf === 'poorHouseholds') return reach.poorHouseholds;
  if (item.quantityOf === 'poorPeople') return reach.poorPeople;
  const [min, max, decimals] = item.q;
  const f = 10 ** decimals;
  return Math.round(rng.float(min, max) * f) / f;
}

/** Jobs a project creates: at most two per poor household reached, and no more than the people it counts. */
function jobsFor(rng: Rng, range: [number, number], item: Item, q: number, reach: Reach): number {
  const countsPeople = /人次?$|岗位\{q\}个$/.test(item.content);
  const cap = Math.min(2 * reach.poorHouseholds, countsPeople ? Math.max(1, Math.round(q * 0.8)) : Infinity);
  return Math.max(1, Math.min(cap, rng.int(...range)));
}

/** A quantity as written in a description. */
function formatQuantity(q: number, decimals: number): string {
  return decimals > 0 ? q.toFixed(decimals) : String(Math.round(q));
}

/** Replaces {key} placeholders. */
function fillTemplate(t: string, values: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A start date (2015-10-01 … 2016-09-28) and a due date at the end of a month 2–11 months later, never after 2017-06-30. */
function dates(rng: Rng, months: [number, number]): [string, string] {
  const startMonth: MonthIndex = monthIndex(rng.weighted(START_MONTHS));
  const start = dateLabel(startMonth, rng.int(1, 28));
  const dueMonth = Math.min(startMonth + rng.int(...months), LAST_DUE_MONTH);
  return [start, dateLabel(dueMonth, daysInMonth(dueMonth))];
}

/**
 * Every sample project gives the national poverty-alleviation supervision hotline 12317: a made-up
 * local number could ring a real line in Zhuxi (whose numbers are 0719-27xxxxx).
 */
const SUPERVISION_HOTLINE = '12317';

