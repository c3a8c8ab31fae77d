/**
 * Villages whose published household or poverty figures changed between two releases, read from
 * both site.json files as published: a figure a public build withholds is null on its side, so a
 * change never shows a withheld figure.
 */
import type { VillageChange } from '../../contract/release';
import type { SiteData, SiteVillage } from '../../contract/site';

/** The village figures compared, in the order a village's changes are listed. */
export const VILLAGE_FIELDS = ['households', 'population', 'isPoorVillage', 'poorHouseholds', 'poorPopulation', 'exitYear'] as const satisfies readonly (keyof SiteVillage)[];

/** The villages of both releases (by code) with a figure changed, sorted by town, village, field. */
export function compareVillages(prev: Pick<SiteData, 'villages' | 'towns'>, next: Pick<SiteData, 'villages' | 'towns'>): VillageChange[] {
  const before = new Map(prev.villages.map((v) => [v.code, v]));
  const out: VillageChange[] = [];
  for (const v of next.villages) {
    const old = before.get(v.code);
    if (!old) continue;
    for (const field of VILLAGE_FIELDS) {
      if (old[field] !== v[field]) out.push({ code: v.code, name: v.name, townCode: next.towns[v.townId]?.code ?? '', field, old: old[field], new: v[field] });
    }
  }
  const order = new Map<string, number>(VILLAGE_FIELDS.map((f, k) => [f, k]));
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => text(a.townCode, b.townCode) || text(a.code, b.code) || order.get(a.field)! - order.get(b.field)!);
}
