import { parseSiteProjects, type SiteProjects } from '../../src/contract/projects';
import { parseSiteData, projectChunkFile, type SiteData } from '../../src/contract/site';
import { parseSiteMonths, withSiteMonths } from '../../src/contract/site-months';
import type { LoadedProjects } from '../../src/state/derived-view';
import { mergeProjects } from '../../src/state/project-source';
import { buildSite } from '../../src/pipeline/build';
import { folderSource } from '../../scripts/lib/folder-source';
import { MINI } from './fixtures';

/** The site data and projects the pipeline builds from test/fixtures/mini, parsed as the page would. */
export async function loadMiniSite(): Promise<{ site: SiteData; projects: SiteProjects }> {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const read = (name: string): unknown => JSON.parse(result.outputs?.get(name) ?? 'null');
  const site = parseBuiltSite(read);
  return { site, projects: allProjects(site, read) };
}

/** The mini site with every town's projects loaded, as the page's derivations read them (deriveView). */
export async function loadMiniSiteLoaded(): Promise<{ site: SiteData; projects: LoadedProjects }> {
  const { site, projects } = await loadMiniSite();
  return { site, projects: { current: projects, version: 1, isLoaded: () => true } };
}

/** A build's site.json with every month's village values (months.json added when site.json names it), parsed as the page parses them. */
export function parseBuiltSite(read: (file: string) => unknown): SiteData {
  const site = parseSiteData(read('site.json'));
  if (!site.ok) throw new Error(`site.json does not parse: ${site.issues[0]?.message}`);
  if (!site.value.monthsFile) return site.value;
  const months = parseSiteMonths(read(site.value.monthsFile), site.value);
  if (!months.ok) throw new Error(`${site.value.monthsFile} does not parse: ${months.issues[0]?.message}`);
  return withSiteMonths(site.value, months.value);
}

/** Every town's projects file of a build, parsed and merged in town order, as the page has them once all have loaded. */
export function allProjects(site: SiteData, read: (file: string) => unknown): SiteProjects {
  const parts = site.towns.flatMap((t) => {
    if (t.projectCount === 0) return [];
    const parsed = parseSiteProjects(read(projectChunkFile(t.code)));
    if (!parsed.ok) throw new Error(`${projectChunkFile(t.code)} does not parse: ${parsed.issues[0]?.message}`);
    return [parsed.value];
  });
  return mergeProjects(site.months, parts);
}
