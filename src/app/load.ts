import type { FeatureCollection } from 'geojson';
import { parseSiteGeo } from '../contract/geo';
import type { Parsed } from '../contract/issues';
import { parseSiteProjects, type SiteProjects } from '../contract/projects';
import { parseSiteData, projectChunkFile, type SiteData } from '../contract/site';
import { parseSiteMonths, withSiteMonths, type SiteMonths } from '../contract/site-months';
import { boundaryTilesOf, type BoundaryTiles } from '../map/boundary-tiles';
import { PREVIEW_DATA, PREVIEW_READY } from '../preview/protocol';
import { ProjectSource } from '../state/project-source';
import { DataLoadError } from './status';

export interface LoadedData {
  site: SiteData;
  /** Each town's projects, loaded when a view needs them. */
  projects: ProjectSource;
  /** The boundaries as GeoJSON; null when the map reads them from `boundaryTiles`. */
  towns: FeatureCollection | null;
  county: FeatureCollection | null;
  /** The boundary archive index.html names (a `--tiles` build), or null: the GeoJSON is drawn. */
  boundaryTiles: BoundaryTiles | null;
  /**
   * The boundaries as GeoJSON, fetched if the page did not load them (a `--tiles` build): the map
   * without WebGL draws them and reads no tile archive.
   */
  boundaries(): Promise<{ towns: FeatureCollection; county: FeatureCollection }>;
  /**
   * The villages' values of every month before the latest (months.json, which site.json names when
   * it leaves them out), added into `site.series` once loaded; resolves at once when site holds them.
   * The page asks after its first view is drawn, or before it draws a view that needs them (src/app/site-months.ts).
   */
  everyMonth(): Promise<void>;
}

/** A parsed value, or an error that names the file and its first problems. */
function valueOf<T>(file: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.slice(0, 3).map((i) => `${i.column} ${i.message}`).join('; ')}`);
  return parsed.value;
}

/**
 * Fetches and parses what the first view draws, in parallel (the county, its towns and the site
 * data, no project); the app never sees unparsed JSON. A town's projects are fetched when needed.
 */
export async function loadSiteData(base: string): Promise<LoadedData> {
  const get = async <T>(file: string, parse: (v: unknown) => Parsed<T>): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${file}`);
    } catch (e) {
      throw new DataLoadError(file, e instanceof Error ? e.message : String(e));
    }
    if (!response.ok) throw new DataLoadError(file, `HTTP ${response.status}`);
    try {
      return valueOf(file, parse(await response.json()));
    } catch (e) {
      throw new DataLoadError(file, e instanceof Error ? e.message.replace(`${file}: `, '') : String(e));
    }
  };
  const boundaryTiles = boundaryTilesOf(document);
  const [site, towns, county] = await Promise.all([
    get('site.json', parseSiteData),
    boundaryTiles ? null : get('towns.geojson', (v) => parseSiteGeo(v, 'towns.geojson')),
    boundaryTiles ? null : get('county.geojson', (v) => parseSiteGeo(v, 'county.geojson')),
  ]);
  const projects = new ProjectSource(site, (code) => get(projectChunkFile(code), parseSiteProjects));
  let months: Promise<void> | null = null;
  const everyMonth = (): Promise<void> => {
    const file = site.monthsFile;
    if (!file) return Promise.resolve();
    months ??= get(file, (v) => parseSiteMonths(v, site)).then(
      (parsed) => addMonths(site, parsed),
      (e: unknown) => {
        // Asked for again by the next view that needs it.
        months = null;
        throw e;
      },
    );
    return months;
  };
  const boundaries = async (): Promise<{ towns: FeatureCollection; county: FeatureCollection }> => {
    const [t, c] = await Promise.all([towns ?? get('towns.geojson', (v) => parseSiteGeo(v, 'towns.geojson')), county ?? get('county.geojson', (v) => parseSiteGeo(v, 'county.geojson'))]);
    return { towns: t, county: c };
  };
  return { site, projects, towns, county, boundaryTiles, boundaries, everyMonth };
}

/** Puts the months file's village rows into the site's series, in place: every part of the page holds this site. */
function addMonths(site: SiteData, months: SiteMonths): void {
  const whole = withSiteMonths(site, months);
  Object.assign(site.series, whole.series);
  site.monthsFile = null;
}

/** Parses site data handed over as text (a preview built in the browser), with the same checks as a fetch. */
export function parseSiteTexts(texts: Readonly<Record<string, string>>): LoadedData {
  const get = <T>(file: string, parse: (v: unknown) => Parsed<T>): T => {
    const text = texts[file];
    if (text === undefined) throw new Error(`${file} is missing`);
    return valueOf(file, parse(JSON.parse(text)));
  };
  const site = get('site.json', parseSiteData);
  // Handed over whole (the meeting package, a preview): every month at once.
  if (site.monthsFile) addMonths(site, get(site.monthsFile, (v) => parseSiteMonths(v, site)));
  const towns = get('towns.geojson', (v) => parseSiteGeo(v, 'towns.geojson'));
  const county = get('county.geojson', (v) => parseSiteGeo(v, 'county.geojson'));
  const fetchTown = (code: string): Promise<SiteProjects> => {
    try {
      return Promise.resolve(get(projectChunkFile(code), parseSiteProjects));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return {
    site,
    projects: new ProjectSource(site, fetchTown),
    towns,
    county,
    boundaryTiles: null,
    boundaries: () => Promise.resolve({ towns, county }),
    everyMonth: () => Promise.resolve(),
  };
}

/** The site data from the parent page (same origin only), for a preview (`?preview=1`, inside the check view's frame). */
export function previewData(): Promise<LoadedData> {
  return new Promise((resolve, reject) => {
    window.addEventListener('message', function onMessage(e: MessageEvent<{ kind?: string; files?: Record<string, string> }>) {
      if (e.origin !== location.origin || e.source !== window.parent || e.data?.kind !== PREVIEW_DATA || !e.data.files) return;
      window.removeEventListener('message', onMessage);
      try {
        resolve(parseSiteTexts(e.data.files));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    window.parent.postMessage({ kind: PREVIEW_READY }, location.origin);
  });
}
