/** The sources line under the map and in an exported PNG: the data's date, where the divisions and boundaries come from, and the notes that apply. */
import type { SiteData } from '../contract/site';
import { fillText, t, type Lang } from '../i18n';
import { basemapStyle } from '../map/basemap';

/** e.g. 数据截至 2016-12-31 · 区划名称与代码：…, with the GCJ-02 note first when the basemap is offset, then the sample note and the release (数据版本) last. */
export function sourcesText(site: SiteData, lang: Lang): string {
  const { config, months } = site;
  const date = config.dataDate ?? months[months.length - 1] ?? '—';
  const isShifted = basemapStyle(config.basemap).isShifted;
  const release = site.release ? fillText(lang, 'sourcesRelease', { id: site.release.id }) : '';
  return fillText(lang, 'sourcesNote', { date, shifted: isShifted ? t(lang, 'sourcesShifted') : '', sample: config.isSample ? t(lang, 'sourcesSample') : '' }) + release;
}
