/** The config's `photos` part (issue 22): which categories' site photos a public build publishes. */
import type { JsonChecker } from './check';

export interface PhotoConfig {
  /** Category ids whose photos a public build publishes; the others' are withheld (homes and families are personal data). */
  publicCategories: string[];
}

/**
 * The categories whose photos are public unless the config says otherwise: works anyone can see
 * from the road (infrastructure, industry, tourism, the beautiful village), not the help given to
 * a household (health, education, finance, relocation).
 */
export const DEFAULT_PUBLIC_PHOTO_CATEGORIES: readonly string[] = ['infrastructure', 'industry', 'tourism', 'environment'];

/** The default for a config's own categories: those of DEFAULT_PUBLIC_PHOTO_CATEGORIES it has. */
export function defaultPhotoConfig(categoryIds: readonly string[]): PhotoConfig {
  return { publicCategories: categoryIds.filter((id) => DEFAULT_PUBLIC_PHOTO_CATEGORIES.includes(id)) };
}

/** True when the config is the default for these categories (then it is not written back). */
export function isDefaultPhotoConfig(p: PhotoConfig, categoryIds: readonly string[]): boolean {
  const d = defaultPhotoConfig(categoryIds).publicCategories;
  return p.publicCategories.length === d.length && p.publicCategories.every((id, i) => id === d[i]);
}

/** `photos: { publicCategories: [...] }`: each a category id of the config, none twice. */
export function parsePhotoConfig(c: JsonChecker, v: unknown, categoryIds: readonly string[] | null): PhotoConfig | null {
  const o = c.object(v, 'photos');
  if (!o) return null;
  c.onlyKeys(o, 'photos', ['publicCategories']);
  if (o.publicCategories === undefined) return categoryIds ? defaultPhotoConfig(categoryIds) : null;
  const a = c.array(o.publicCategories, 'photos.publicCategories');
  if (!a) return null;
  const out: string[] = [];
  a.forEach((x, i) => {
    const path = `photos.publicCategories[${i}]`;
    const id = c.string(x, path);
    if (id === null) return;
    if (categoryIds && !categoryIds.includes(id)) c.error(path, 'configPhotoCategoryUnknown', { id, ids: categoryIds });
    else if (out.includes(id)) c.error(path, 'configNameTwice', { name: id });
    else out.push(id);
  });
  return { publicCategories: out };
}
