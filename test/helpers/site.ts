import { parseSiteProjects, type SiteProjects } from '../../src/contract/projects';
import { parseSiteData, projectChunkFile, type SiteData } from '../../src/contract/site';
import { mergeProjects } from '../../src/state/project-source';
import { buildSite } from '../../src/pipeline/build';
import { folderSource } from '../../scripts/lib/folder-source';
import { MINI } from './fixtures';

/** The site data and projects the pipeline builds from test/fixtures/mini, parsed as the page would. */
export async function loadMiniSite(): Promise<{ site: SiteData; projects: SiteProjects }> {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const read = (name: string): unknown => JSON.parse(result.outputs?.get(name) ?? 'null');
  const site = parseSiteData(read('site.json'));
  if (!site.ok) throw new Error('the mini build does not parse');
  return { site: site.value, projects: allProjects(site.value, read) };
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
