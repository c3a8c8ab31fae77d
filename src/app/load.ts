import type { FeatureCollection } from 'geojson';
import { parseSiteGeo } from '../contract/geo';
import type { Parsed } from '../contract/issues';
import { parseSiteProjects, type SiteProjects } from '../contract/projects';
import { parseSiteData, type SiteData } from '../contract/site';

export interface LoadedData {
  site: SiteData;
  projects: SiteProjects;
  towns: FeatureCollection;
  county: FeatureCollection;
}

/** Fetches and parses the site data in parallel; the app never sees unparsed JSON. */
export async function loadSiteData(base: string): Promise<LoadedData> {
  const get = async <T>(file: string, parse: (v: unknown) => Parsed<T>): Promise<T> => {
    const response = await fetch(`${base}${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    const parsed = parse(await response.json());
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.slice(0, 3).map((i) => `${i.column} ${i.message}`).join('; ')}`);
    return parsed.value;
  };
  const [site, projects, towns, county] = await Promise.all([
    get('site.json', parseSiteData),
    get('projects.json', parseSiteProjects),
    get('towns.geojson', (v) => parseSiteGeo(v, 'towns.geojson')),
    get('county.geojson', (v) => parseSiteGeo(v, 'county.geojson')),
  ]);
  return { site, projects, towns, county };
}

/** The site data files a preview needs, as the build emits them. */
export const SITE_FILES = ['site.json', 'projects.json', 'towns.geojson', 'county.geojson'] as const;

/** Parses site data handed over as text (a preview built in the browser), with the same checks as a fetch. */
export function parseSiteTexts(texts: Readonly<Record<string, string>>): LoadedData {
  const get = <T>(file: (typeof SITE_FILES)[number], parse: (v: unknown) => Parsed<T>): T => {
    const text = texts[file];
    if (text === undefined) throw new Error(`${file} is missing`);
    const parsed = parse(JSON.parse(text));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.slice(0, 3).map((i) => `${i.column} ${i.message}`).join('; ')}`);
    return parsed.value;
  };
  return {
    site: get('site.json', parseSiteData),
    projects: get('projects.json', parseSiteProjects),
    towns: get('towns.geojson', (v) => parseSiteGeo(v, 'towns.geojson')),
    county: get('county.geojson', (v) => parseSiteGeo(v, 'county.geojson')),
  };
}
