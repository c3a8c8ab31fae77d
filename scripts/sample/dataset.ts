/**
 * The joined dataset (src/pipeline/model.ts) of a dataset folder, read the way the build reads it
 * (parse, convert to WGS-84, join), for checks that need the rows rather than the site data: the
 * planted data problems of the sample (plant.ts) are checked against the 数据实 rules with it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCountyBoundary, parseTownBoundaries } from '../../src/contract/boundaries';
import { parseAtlasConfig } from '../../src/contract/config';
import type { Issue } from '../../src/contract/issues';
import { geometryToWgs84 } from '../../src/pipeline/geo/crs';
import { canonicalArea, canonicalOutline } from '../../src/pipeline/geo/geometry';
import { joinDataset } from '../../src/pipeline/join/join-dataset';
import type { Dataset } from '../../src/pipeline/model';
import { readHouseholds, readProgress, readProjects, readVillages } from '../../src/pipeline/read/records';

/** The dataset of a folder and every issue found on the way; throws when it cannot be joined at all. */
export function readDataset(dir: string): { dataset: Dataset; issues: Issue[] } {
  const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  const json = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, ''));
  const config = parseAtlasConfig(json('atlas.config.json'));
  const towns = parseTownBoundaries(json('boundaries/towns.geojson'), 'boundaries/towns.geojson');
  const county = existsSync(join(dir, 'boundaries/county.geojson')) ? parseCountyBoundary(json('boundaries/county.geojson'), 'boundaries/county.geojson') : null;
  if (!config.ok || !towns.ok || (county && !county.ok)) throw new Error(`${dir}: ${[...config.issues, ...towns.issues, ...(county?.issues ?? [])].map((i) => i.message).join('; ')}`);
  const crs = config.value.crs;
  const villages = readVillages(bytes('villages.csv'));
  const projects = readProjects(bytes('projects.csv'));
  const progress = existsSync(join(dir, 'progress.csv')) ? readProgress(bytes('progress.csv')) : null;
  const households = existsSync(join(dir, 'households.csv')) ? readHouseholds(bytes('households.csv')) : null;
  const joined = joinDataset({
    settings: config.value,
    towns: towns.value.map((t) => ({ ...t, geometry: canonicalArea(geometryToWgs84(t.geometry, crs)) })),
    county: county?.ok ? canonicalOutline(geometryToWgs84(county.value, crs)) : null,
    villages,
    projects,
    progress,
    households,
  });
  const issues = [...config.issues, ...towns.issues, ...(county?.issues ?? []), ...villages.issues, ...projects.issues, ...(progress?.issues ?? []), ...(households?.issues ?? []), ...joined.issues];
  return { dataset: { config: config.value, ...joined.dataset }, issues };
}
