import type { MapControl } from './map-engine';
import type { CategoryConfig } from '../contract/config';
import { CLASS_METHOD_LABELS } from '../domain/classify';
import type { ColorScale } from '../domain/color-scale';
import { fillText, pick, t, type Lang } from '../i18n';

export interface LegendContent {
  scale: ColorScale;
  /** What the colours are drawn on, e.g. 各乡镇 or 蒋家堰镇各村. */
  subject: string;
  /** The colours fill areas (the towns) or dots (a town's villages, drawn as circles): the swatches take that shape. */
  isDots?: boolean;
  categories: readonly CategoryConfig[];
  showsProjects: boolean;
  /** The projects drawn include relocations, each an arc from its old home to its resettlement site: the legend says so. */
  showsArcs?: boolean;
  /** Projects are on but the county view draws none: say where they are. */
  isProjectsInTowns?: boolean;
  isEstimated: boolean;
  /** Colours show the change since last month (the first month has none). */
  isDelta: boolean;
  /** The lag threshold, for the flag's legend entry. */
  lagPoints: number;
  lang: Lang;
}

/** The legend keeps at least this height, and this much clear of the controls above and the map's edge below. */
const LEGEND_MIN_HEIGHT_PX = 120;
const LEGEND_CLEARANCE_PX = 8;

/**
 * The always-visible legend, a map control built from the same ColorScale the layer uses:
 * it never recomputes thresholds. Labelled 图例 for screen readers.
 */
export class LegendControl implements MapControl {
  private readonly el = document.createElement('section');
  /** Collapsed by default where the legend would cover most of a small map (phones). */
  private isCollapsed: boolean | null = null;

  constructor() {
    this.el.className = 'maplibregl-ctrl legend';
    this.el.id = 'legend';
  }

  onAdd(): HTMLElement {
    return this.el;
  }

  onRemove(): void {
    this.el.remove();
  }

  /**
   * On a short map (1024×768 with a banner, a projector) the legend would run up under the
   * controls that sit over the map's top: it gets the height below them and scrolls within it.
   */
  private fitBelowControls(): void {
    const map = this.el.closest<HTMLElement>('.maplibregl-map, .fallback-map');
    if (!map) return;
    // The legend hangs from its corner (above the time slider): its bottom stays where it is.
    const controls = document.getElementById('controls-slot');
    const top = controls && !controls.hidden ? controls.getBoundingClientRect().bottom : map.getBoundingClientRect().top;
    const bottom = this.el.getBoundingClientRect().bottom;
    this.el.style.maxHeight = `${Math.max(LEGEND_MIN_HEIGHT_PX, bottom - top - LEGEND_CLEARANCE_PX)}px`;
  }

  /** Renders the legend; all text goes through textContent. */
  update(c: LegendContent): void {
    const { scale, lang } = c;
    this.el.setAttribute('aria-label', t(lang, 'legend'));
    this.el.replaceChildren();
    this.isCollapsed ??= (this.el.parentElement?.closest('.maplibregl-map, .fallback-map')?.clientWidth ?? 1000) < 600;
    const colon = t(lang, 'colon');
    const estimated = c.isEstimated ? fillText(lang, 'parenthetical', { text: t(lang, 'estimated') }) : '';
    const h = el('h2', 'legend-title', `${c.subject}${colon}${scale.title}${estimated}`);
    const toggle = el('button', 'legend-toggle', t(lang, this.isCollapsed ? 'showLegend' : 'hideLegend'));
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(!this.isCollapsed));
    toggle.addEventListener('click', () => {
      this.isCollapsed = !this.isCollapsed;
      this.update(c);
    });
    // Folded, the button is a strip of the classes' colours (lowest first) before its word, so the
    // colours' order stays on the map; the words are one tap away.
    if (this.isCollapsed && scale.bins.length > 0) {
      const strip = el('span', 'legend-strip');
      strip.setAttribute('aria-hidden', 'true');
      for (const bin of scale.bins) {
        const s = el('span', 'legend-strip-swatch');
        s.style.background = bin.color;
        strip.append(s);
      }
      toggle.prepend(strip);
    }
    this.el.append(h, toggle);
    this.el.classList.toggle('is-collapsed', this.isCollapsed);
    this.fitBelowControls();
    if (this.isCollapsed) return;
    const method = el('p', 'legend-method', `${t(lang, 'classification')}${colon}${CLASS_METHOD_LABELS[scale.method][lang]}`);
    const list = el('ul', 'legend-bins');
    list.setAttribute('aria-label', scale.title);
    const isDots = c.isDots ?? false;
    for (const bin of [...scale.bins].reverse()) list.append(item(bin.color, bin.label, bin.count, false, isDots));
    list.append(item(scale.noData.color, scale.noData.label, scale.noData.count, true, isDots));
    const flag = el('p', 'legend-flag');
    const dash = el('span', 'swatch swatch-lag');
    dash.setAttribute('aria-hidden', 'true');
    flag.append(dash, el('span', '', fillText(lang, 'lagFlag', { n: String(c.lagPoints) })));
    this.el.append(method, list, flag);
    if (c.isDelta && scale.bins.length === 0) this.el.append(el('p', 'legend-method', t(lang, 'noPreviousMonth')));
    if (c.showsProjects) this.el.append(projectLegend(c.categories, c.showsArcs ?? false, lang));
    else if (c.isProjectsInTowns) this.el.append(el('p', 'legend-method legend-projects-hint', t(lang, 'projectsInTowns')));
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A class of the legend: its colour as the map draws it (an area's fill, hatched without data; or a village's dot, grey without data), its words and count. */
function item(colour: string, label: string, count: number, isNoData: boolean, isDot: boolean): HTMLLIElement {
  const li = el('li', 'legend-bin');
  const swatch = el('span', isDot ? 'swatch swatch-bin-dot' : isNoData ? 'swatch swatch-nodata' : 'swatch');
  if (!isNoData || isDot) swatch.style.background = colour;
  swatch.setAttribute('aria-hidden', 'true');
  const text = el('span', 'legend-label', label);
  const n = el('span', 'legend-count', `(${count})`);
  li.dataset.colour = colour;
  li.append(swatch, text, n);
  return li;
}

function projectLegend(categories: readonly CategoryConfig[], showsArcs: boolean, lang: Lang): HTMLElement {
  const box = el('div', 'legend-projects');
  box.append(el('h3', 'legend-subtitle', t(lang, 'projectMarkers')));
  const statuses = el('ul', 'legend-statuses');
  for (const [key, cls] of [['planned', 'ring'], ['building', 'half'], ['done', 'solid']] as const) {
    const li = el('li', 'legend-status');
    li.append(el('span', `marker marker-${cls}`), el('span', '', t(lang, key)));
    statuses.append(li);
  }
  const cats = el('ul', 'legend-categories');
  for (const c of categories) {
    const li = el('li', 'legend-category');
    const dot = el('span', 'marker marker-solid');
    dot.style.background = c.colour;
    dot.setAttribute('aria-hidden', 'true');
    li.append(dot, el('span', '', pick(c, lang)));
    cats.append(li);
  }
  box.append(statuses, cats);
  if (showsArcs) {
    const arc = el('p', 'legend-arc');
    const line = el('span', 'swatch-arc');
    line.setAttribute('aria-hidden', 'true');
    arc.append(line, el('span', '', t(lang, 'relocationArcs')));
    box.append(arc);
  }
  return box;
}
