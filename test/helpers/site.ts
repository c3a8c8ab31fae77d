import { parseSiteProjects, type SiteProjects } from '../../src/contract/projects';
import { parseSiteData, type SiteData } from '../../src/contract/site';
import { buildSite } from '../../src/pipeline/build';
import { folderSource } from '../../scripts/lib/folder-source';
import { MINI } from './fixtures';

/** The site data and projects the pipeline builds from test/fixtures/mini, parsed as the page would. */
export async function loadMiniSite(): Promise<{ site: SiteData; projects: SiteProjects }> {
  const result = await buildSite(folderSource(MINI));
  if (!result.outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const read = (name: string): unknown => JSON.parse(result.outputs?.get(name) ?? 'null');
  const site = parseSiteData(read('site.json'));
  const projects = parseSiteProjects(read('projects.json'));
  if (!site.ok || !projects.ok) throw new Error('the mini build does not parse');
  return { site: site.value, projects: projects.value };
}
