/**
 * What the first screen of the county view (or a town's) gives the map, on the screens people have
 * (issue 18): the share of the viewport that is map, how large the county (or town) is drawn, how
 * tall the masthead is and on how many rows, and whether the area lies inside the map clear of
 * every overlay. Used by `npm run bench:screens` (scripts/bench/screens.ts) and
 * test/browser/screens.test.ts.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { gotoReady, mapIdle, recordPage } from './page';

/** A screen the atlas is read on. */
export interface Screen {
  name: string;
  width: number;
  height: number;
  /** A phone: a touch screen, mobile viewport, twice the pixels. */
  isPhone: boolean;
}

/** The screens of issue 18: phones of the public portal, the office laptop, the meeting projector, a desktop. */
export const SCREENS: readonly Screen[] = [
  { name: 'phone 360×640', width: 360, height: 640, isPhone: true },
  { name: 'phone 375×667', width: 375, height: 667, isPhone: true },
  { name: 'phone 414×896', width: 414, height: 896, isPhone: true },
  { name: 'laptop 1366×768', width: 1366, height: 768, isPhone: false },
  { name: 'projector 1024×768', width: 1024, height: 768, isPhone: false },
  { name: 'desktop 1920×1080', width: 1920, height: 1080, isPhone: false },
];

/** A rectangle in CSS pixels of the viewport. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** An element drawn over the map, named by its role (legend, zoom, controls, time, sheet…). */
export interface Overlay {
  name: string;
  box: Box;
}

/** The figures of one screen. */
export interface ScreenFigures {
  /** Visible area of #map within the viewport ÷ the viewport's area, 0–1. */
  mapShare: number;
  /** The part of #map inside the viewport. */
  mapBox: Box;
  /**
   * The area's bounding box as drawn: the county's, or with `town` that town's (the live map projects
   * site.json's bbox; the fallback unites its town shapes).
   */
  areaBox: Box | null;
  /** Height of the page's masthead (header.masthead), notices included. */
  mastheadHeightPx: number;
  /** Lines the masthead's items (title, links, buttons, search) take: 1 when they share one line. */
  mastheadRows: number;
  overlays: Overlay[];
  /** The overlays the area's box runs under. */
  overlapping: string[];
  /** True when the area's box lies inside the visible map and under no overlay. */
  isAreaClear: boolean;
  isFallback: boolean;
}

/** The browser context of a screen: phones as a phone's browser (touch, mobile viewport, 2× pixels). */
export function screenContext(screen: Screen): BrowserContextOptions {
  return {
    viewport: { width: screen.width, height: screen.height },
    ...(screen.isPhone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  };
}

/** Which area to measure: the county, or a town by its code (open its view with the hash, e.g. `#town=420324101`). */
export interface MeasureOptions {
  town?: string;
}

/** Opens the page (the county view, or `hash`) on a screen, waits for `data-ready` and the map to settle, and measures it. */
export async function measureScreenAt(browser: Browser, baseUrl: string, screen: Screen, hash = '', options: MeasureOptions = {}): Promise<ScreenFigures> {
  const context = await browser.newContext(screenContext(screen));
  try {
    const page = await context.newPage();
    const { errors } = recordPage(page);
    await gotoReady(page, baseUrl + hash, errors, 180_000);
    return await measureScreen(page, options);
  } finally {
    await context.close();
  }
}

/** Measures the page as it is now (after `data-ready`): waits for the live map to be idle first. */
export async function measureScreen(page: Page, options: MeasureOptions = {}): Promise<ScreenFigures> {
  // tsx keeps function names with a helper the page does not have; give the page a stand-in.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const isFallback = await page.evaluate(() => window.cunhu?.isFallback ?? true);
  if (!isFallback) await mapIdle(page);
  else await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  // The live map projects the area's box from the site data; the fallback measures its drawn towns.
  type Bbox = [number, number, number, number];
  const area = await page.evaluate(
    async ({ town, isFallback }) => {
      const site = isFallback && town === undefined ? null : ((await (await fetch('data/site.json')).json()) as { bbox: Bbox; towns: { id: number; code: string; bbox: Bbox }[] });
      const t = town === undefined ? null : (site?.towns.find((x) => x.code === town) ?? null);
      if (town !== undefined && !t) throw new Error(`town ${town} is not in site.json`);
      return { bbox: isFallback ? null : (t ?? site)?.bbox ?? null, townId: t?.id ?? null };
    },
    { town: options.town, isFallback },
  );
  const measured = await page.evaluate(({ bbox, townId }): Omit<ScreenFigures, 'overlapping' | 'isAreaClear' | 'isFallback'> => {
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const isShown = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };

    const mapEl = document.getElementById('map');
    if (!mapEl) throw new Error('#map is missing');
    const m = mapEl.getBoundingClientRect();
    const mapBox: Box = { left: Math.max(0, m.left), top: Math.max(0, m.top), right: Math.min(vw, m.right), bottom: Math.min(vh, m.bottom) };
    const mapShare = (Math.max(0, mapBox.right - mapBox.left) * Math.max(0, mapBox.bottom - mapBox.top)) / (vw * vh);

    let areaBox: Box | null = null;
    const map = window.cunhu?.map;
    if (map && bbox) {
      const [w, s, e, n] = bbox;
      const corners = ([[w, s], [w, n], [e, s], [e, n]] as [number, number][]).map((c) => map.project(c));
      const xs = corners.map((p) => p.x + m.left);
      const ys = corners.map((p) => p.y + m.top);
      areaBox = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    } else {
      // The fallback draws every town as an element of its own; together they tile the county.
      for (const t of document.querySelectorAll(townId === null ? '#map [data-kind="town"]' : `#map [data-kind="town"][data-id="${townId}"]`)) {
        const r = t.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        areaBox = areaBox
          ? { left: Math.min(areaBox.left, r.left), top: Math.min(areaBox.top, r.top), right: Math.max(areaBox.right, r.right), bottom: Math.max(areaBox.bottom, r.bottom) }
          : boxOf(r);
      }
    }

    const header = document.querySelector('header.masthead');
    const mastheadHeightPx = header ? header.getBoundingClientRect().height : 0;
    // The masthead's items: its title, links, buttons and fields, wherever they are nested in its row.
    const row = header?.querySelector('.masthead-row') ?? header;
    const items = row ? [...row.querySelectorAll('h1, a, button, input, select')].filter(isShown).map((el) => el.getBoundingClientRect()) : [];
    items.sort((a, b) => a.top - b.top);
    let mastheadRows = 0;
    let rowBottom = -Infinity;
    for (const r of items) {
      // An item that starts below every item of the current line opens a new line.
      if (r.top >= rowBottom - 1) {
        mastheadRows++;
        rowBottom = r.bottom;
      } else rowBottom = Math.max(rowBottom, r.bottom);
    }

    const nameOf = (el: Element): string => {
      if (el.id === 'panel') return 'sheet';
      if (el.closest('#time-slot')) return 'time';
      if (el.closest('#controls-slot')) return 'controls';
      if (el.classList.contains('legend') || el.querySelector('.legend')) return 'legend';
      if (el.querySelector('.maplibregl-ctrl-zoom-in, [data-zoom], button[aria-label*="放大"], button[aria-label*="Zoom"]')) return 'zoom';
      if (el.classList.contains('maplibregl-ctrl-attrib')) return 'attribution';
      if (el.classList.contains('maplibregl-ctrl-scale')) return 'scale';
      return el.id || el.classList[0] || el.tagName.toLowerCase();
    };
    const overlayEls = [
      ...document.querySelectorAll('#map .maplibregl-ctrl, #map [class^="fallback-ctrl-"] > *, #controls-slot > *, #time-slot > *'),
      // The panel sits beside the map on a wide screen; on a phone it is a sheet that may rise over it.
      ...document.querySelectorAll('#panel'),
    ].filter(isShown);
    const overlays: Overlay[] = overlayEls.map((el) => ({ name: nameOf(el), box: boxOf(el.getBoundingClientRect()) }));
    return { mapShare, mapBox, areaBox, mastheadHeightPx, mastheadRows, overlays };
  }, area);
  return { ...measured, ...clearance(measured.areaBox, measured.mapBox, measured.overlays), isFallback };
}

/** Which overlays an area's box runs under, and whether it lies wholly inside the visible map and under none (1 px of slack). */
export function clearance(area: Box | null, map: Box, overlays: readonly Overlay[]): { overlapping: string[]; isAreaClear: boolean } {
  if (!area) return { overlapping: [], isAreaClear: false };
  const SLACK_PX = 1;
  const isInside = area.left >= map.left - SLACK_PX && area.top >= map.top - SLACK_PX && area.right <= map.right + SLACK_PX && area.bottom <= map.bottom + SLACK_PX;
  const overlapping = [
    ...new Set(
      overlays
        .filter((o) => Math.min(area.right, o.box.right) - Math.max(area.left, o.box.left) > SLACK_PX && Math.min(area.bottom, o.box.bottom) - Math.max(area.top, o.box.top) > SLACK_PX)
        .map((o) => o.name),
    ),
  ];
  return { overlapping, isAreaClear: isInside && overlapping.length === 0 };
}

/** The table row of a screen: screen | map share | area drawn | masthead | rows | area clear. */
export function screenRow(screen: Screen, f: ScreenFigures): string {
  const drawn = f.areaBox ? `${Math.round(f.areaBox.right - f.areaBox.left)}×${Math.round(f.areaBox.bottom - f.areaBox.top)} px` : '—';
  const outside = f.areaBox && !clearance(f.areaBox, f.mapBox, []).isAreaClear ? ['outside the map'] : [];
  const clear = f.isAreaClear ? 'yes' : `no (${[...outside, ...f.overlapping].join(', ')})`;
  return `| ${screen.name} | ${(f.mapShare * 100).toFixed(0)} % | ${drawn} | ${Math.round(f.mastheadHeightPx)} px | ${f.mastheadRows} | ${clear} |`;
}

/** The table's header lines, naming the area measured ('county', or a town's name). */
export function screenTableHeader(area = 'county'): string[] {
  return [`| screen | map share | ${area} drawn | masthead | masthead rows | ${area} clear of overlays |`, '|---|---|---|---|---|---|'];
}
