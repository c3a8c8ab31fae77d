/**
 * The key (图例) under the report's map: each class's colour beside its range and count, no data
 * hatched, and the lag outline explained, so no colour on the report's map means something by
 * colour alone. Built from the ColorScale the snapshot was coloured with: it never recomputes the classes.
 */
import type { ColorScale } from '../domain/color-scale';
import { fillText, t, type Lang } from '../i18n';
import { h } from './dom';

/** What the snapshot was coloured with: the scale, and the lag threshold its dashed outlines stand for. */
export interface MapKey {
  scale: ColorScale;
  lagPoints: number;
}

/** The key as a list: the classes from the highest down (as the map's legend), no data, then the lag outline. */
export function mapKey(key: MapKey, lang: Lang): HTMLElement {
  const { scale } = key;
  const box = h('div', 'report-map-key');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t(lang, 'legend'));
  const heading = h('p', 'report-map-key-title', `${t(lang, 'legend')}${t(lang, 'colon')}${scale.title}`);
  heading.append(h('span', 'report-map-key-method', `${t(lang, 'classification')}${t(lang, 'colon')}${scale.methodLabel}`));
  box.append(heading);
  const list = h('ul', 'report-map-key-bins');
  for (const bin of [...scale.bins].reverse()) list.append(entry('swatch', bin.color, `${bin.label} (${bin.count})`));
  list.append(entry('swatch swatch-nodata', scale.noData.color, `${scale.noData.label} (${scale.noData.count})`));
  list.append(entry('swatch swatch-lag', null, fillText(lang, 'lagFlag', { n: String(key.lagPoints) })));
  box.append(list);
  return box;
}

/** One line of the key: a swatch (filled with `colour` unless its class draws it) and its words. */
function entry(swatchClass: string, colour: string | null, text: string): HTMLLIElement {
  const li = h('li', 'report-map-key-bin');
  const swatch = h('span', swatchClass);
  swatch.setAttribute('aria-hidden', 'true');
  if (colour !== null && swatchClass === 'swatch') swatch.style.background = colour;
  if (colour !== null) li.dataset.colour = colour;
  li.append(swatch, h('span', '', text));
  return li;
}
