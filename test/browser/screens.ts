/**
 * What the first screen of the county view gives the map, on the screens people have (issue 18):
 * the share of the viewport that is map, how large the county is drawn, how tall the masthead is
 * and on how many rows, and whether the county lies inside the map clear of every overlay. Used by
 * `npm run bench:screens` (scripts/bench/screens.ts) and open to a browser test.
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
  /** The county's bounding box as drawn (the live map projects site.json's bbox; the fallback unites its towns). */
  countyBox: Box | null;
  /** Height of the page's masthead (header.masthead), notices included. */
  mastheadHeightPx: number;
  /** Lines the masthead's items (title, links, buttons, search) take: 1 when they share one line. */
  mastheadRows: number;
  overlays: Overlay[];
  /** The overlays the county's box runs under. */
  overlapping: string[];
  /** True when the county's box lies inside the visible map and under no overlay. */
  isCountyClear: boolean;
  isFallback: boolean;
}

/** The browser context of a screen: phones as a phone's browser (touch, mobile viewport, 2× pixels). */
export function screenContext(screen: Screen): BrowserContextOptions {
  return {
    viewport: { width: screen.width, height: screen.height },
    ...(screen.isPhone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  };
}

/** Opens the county view on a screen, waits for `data-ready` and the map to settle, and measures it. */
export async function measureScreenAt(browser: Browser, baseUrl: string, screen: Screen, hash = ''): Promise<ScreenFigures> {
  const context = await browser.newContext(screenContext(screen));
  try {
    const page = await context.newPage();
    const { errors } = recordPage(page);
    await gotoReady(page, baseUrl + hash, errors, 180_000);
    return await measureScreen(page);
  } finally {
    await context.close();
  }
}

/** Measures the page as it is now (after `data-ready`): waits for the live map to be idle first. */
export async function measureScreen(page: Page): Promise<ScreenFigures> {
  // tsx keeps function names with a helper the page does not have; give the page a stand-in.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const isFallback = await page.evaluate(() => window.cunhu?.isFallback ?? true);
  if (!isFallback) await mapIdle(page);
  else await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  // The live map projects the county's box from the site data; the fallback measures its drawn towns.
  const bbox = isFallback ? null : await page.evaluate(async () => ((await (await fetch('data/site.json')).json()) as { bbox: [number, number, number, number] }).bbox);
  const measured = await page.evaluate((bbox): Omit<ScreenFigures, 'overlapping' | 'isCountyClear' | 'isFallback'> => {
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

    let countyBox: Box | null = null;
    const map = window.cunhu?.map;
    if (map && bbox) {
      const [w, s, e, n] = bbox;
      const corners = ([[w, s], [w, n], [e, s], [e, n]] as [number, number][]).map((c) => map.project(c));
      const xs = corners.map((p) => p.x + m.left);
      const ys = corners.map((p) => p.y + m.top);
      countyBox = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    } else {
      // The fallback draws every town as an element of its own; together they tile the county.
      for (const t of document.querySelectorAll('#map [data-kind="town"]')) {
        const r = t.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        countyBox = countyBox
          ? { left: Math.min(countyBox.left, r.left), top: Math.min(countyBox.top, r.top), right: Math.max(countyBox.right, r.right), bottom: Math.max(countyBox.bottom, r.bottom) }
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
    return { mapShare, mapBox, countyBox, mastheadHeightPx, mastheadRows, overlays };
  }, bbox);
  return { ...measured, ...clearance(measured.countyBox, measured.mapBox, measured.overlays), isFallback };
}

/** Which overlays the county's box runs under, and whether it lies wholly inside the visible map and under none (1 px of slack). */
export function clearance(county: Box | null, map: Box, overlays: readonly Overlay[]): { overlapping: string[]; isCountyClear: boolean } {
  if (!county) return { overlapping: [], isCountyClear: false };
  const SLACK_PX = 1;
  const isInside = county.left >= map.left - SLACK_PX && county.top >= map.top - SLACK_PX && county.right <= map.right + SLACK_PX && county.bottom <= map.bottom + SLACK_PX;
  const overlapping = [
    ...new Set(
      overlays
        .filter((o) => Math.min(county.right, o.box.right) - Math.max(county.left, o.box.left) > SLACK_PX && Math.min(county.bottom, o.box.bottom) - Math.max(county.top, o.box.top) > SLACK_PX)
        .map((o) => o.name),
    ),
  ];
  return { overlapping, isCountyClear: isInside && overlapping.length === 0 };
}

/** The table row of a screen: screen | map share | county drawn | masthead | rows | county clear. */
export function screenRow(screen: Screen, f: ScreenFigures): string {
  const county = f.countyBox ? `${Math.round(f.countyBox.right - f.countyBox.left)}×${Math.round(f.countyBox.bottom - f.countyBox.top)} px` : '—';
  const outside = f.countyBox && !clearance(f.countyBox, f.mapBox, []).isCountyClear ? ['outside the map'] : [];
  const clear = f.isCountyClear ? 'yes' : `no (${[...outside, ...f.overlapping].join(', ')})`;
  return `| ${screen.name} | ${(f.mapShare * 100).toFixed(0)} % | ${county} | ${Math.round(f.mastheadHeightPx)} px | ${f.mastheadRows} | ${clear} |`;
}

/** The table's header. */
export const SCREEN_TABLE_HEADER = ['| screen | map share | county drawn | masthead | masthead rows | county clear of overlays |', '|---|---|---|---|---|---|'];
