import type { AtlasConfig } from '../contract/config';
import { pick, type Lang } from '../i18n';

/** The region's name in a language: the config's `name` is Chinese, `nameEn` English. */
export function regionName(region: AtlasConfig['region'], lang: Lang): string {
  return pick({ zh: region.name, en: region.nameEn }, lang);
}
