import type { FeatureCollection } from 'geojson';
import { parseSiteGeo } from '../../../../src/contract/geo';
import { parseSiteProjects, type SiteProjects } from '../../../../src/contract/projects';
import { parseSiteData, projectChunkFile, type SiteData } from '../../../../src/contract/site';
import type { Boundaries } from '../../../../src/map/fallback/areas-layer';
import { rewindForD3 } from '../../../../src/map/fallback/projection';
import { buildSite } from '../../../../src/pipeline/build';
import { mergeProjects } from '../../../../src/state/project-source';
import { folderSource } from '../../../../scripts/lib/folder-source';
import { MINI } from '../../../helpers/fixtures';

/** The mini dataset as the fallback map draws it: site data, boundaries (wound for d3-geo) and every project. */
export interface MiniScene {
  site: SiteData;
  boundaries: Boundaries;
  projects: SiteProjects;
}

/** Builds test/fixtures/mini with the pipeline and reads its outputs as the page would. */
export async function loadMiniScene(): Promise<MiniScene> {
  const result = await buildSite(folderSource(MINI));
  const outputs = result.outputs;
  if (!outputs) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const read = (name: string): unknown => JSON.parse(outputs.get(name) ?? 'null');
  const site = parseSiteData(read('site.json'));
  if (!site.ok) throw new Error('the mini build does not parse');
  const geo = (name: string): FeatureCollection => {
    const parsed = parseSiteGeo(read(name), name);
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    return rewindForD3(parsed.value);
  };
  const towns = geo('towns.geojson');
  const parts = site.value.towns.flatMap((t) => {
    if (t.projectCount === 0) return [];
    const parsed = parseSiteProjects(read(projectChunkFile(t.code)));
    if (!parsed.ok) throw new Error(`${t.code}'s projects do not parse`);
    return [parsed.value];
  });
  return {
    site: site.value,
    boundaries: { towns: new Map(towns.features.map((f) => [Number(f.id), f])), county: geo('county.geojson') },
    projects: mergeProjects(site.value.months, parts),
  };
}
