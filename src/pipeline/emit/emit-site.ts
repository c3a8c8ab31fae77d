import { bbox as turfBbox, booleanPointInPolygon, centroid, pointOnFeature, union, featureCollection, feature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { PROJECT_FIELDS, type FieldKey } from '../../contract/project-fields';
import { MONTHLY_COLUMNS, PROJECT_COLUMNS } from '../../contract/projects';
import { SITE_SCHEMA_VERSION, projectChunkFile, type AreaSeries, type SeriesId, type BBox, type IndicatorId, type LonLat, type SiteData, type SiteTown, type SiteVillage } from '../../contract/site';
import type { AreaGeometry } from '../../contract/boundaries';
import { serializeAtlasConfig } from '../../contract/config';
import { progressAt, spentAt, stateTable, statusAt, type StateTable } from '../aggregate/project-states';
import { aggregate } from '../aggregate/series';
import type { Dataset } from '../model';
import { fieldReader } from '../project-columns';
import { figure } from '../progress-columns';
import { emitOpenData } from './open-data';
import type { OutputFile } from './output-file';
import type { ProjectView } from './project-view';
import { siteIntegrity } from '../integrity/site-integrity';
import { projectSummary } from './project-summary';
import { simplifyBoundaries, type SimplifiedBoundaries } from './simplify';
import { siteFiles } from './site-months';
import { withholdSmallCounts } from '../privacy/small-counts';
import type { SiteRelease } from '../../contract/release';
import type { Finding } from '../../domain/integrity-model';
import type { SitePhoto } from '../../contract/photos';

export type BoundaryVertices = SimplifiedBoundaries['vertices'];
// Where build.ts and scripts/data.ts have always found them.
export { outputText, type OutputFile } from './output-file';

/** Decimal places kept in emitted coordinates (6 ≈ 0.1 m). */
const COORD_DIGITS = 6;

const r6 = (x: number): number => Math.round(x * 10 ** COORD_DIGITS) / 10 ** COORD_DIGITS;
const r2 = (x: number): number => Math.round(x * 100) / 100;

export interface EmitOptions {
  /** The public portal's build: small household counts withheld (privacy/small-counts.ts). */
  isPublic: boolean;
  /** The release these data are (site.json `release`); none in a bare emit (tests). */
  release?: SiteRelease;
  /** Past reports revised since the previous release (pipeline/release/): 数据实 findings like the rules'. */
  revisions?: readonly Finding[];
  /** The site photos (pipeline/photos/): per project its published photos and how many were withheld; their findings. */
  photos?: { lists: SitePhoto[][] | null; withheld: number[] | null; findings: readonly Finding[] };
}

/** The projects as emitted (rounded as the files hold them), by index; pipeline/release/ compares two releases with it. */
export function projectView(d: Dataset, states: StateTable): ProjectView {
  const p = d.projects;
  const view: Omit<ProjectView, FieldKey> = {
    length: p.length,
    months: d.months,
    id: (i) => p.id[i]!,
    name: (i) => p.name[i]!,
    category: (i) => p.category[i]!,
    town: (i) => p.town[i]!,
    village: (i) => p.village[i]!,
    lon: (i) => figure(r6(p.lon[i]!)),
    lat: (i) => figure(r6(p.lat[i]!)),
    hasOwnPoint: (i) => p.hasOwnPoint[i] === 1,
    toLon: (i) => figure(r6(p.toLon[i]!)),
    toLat: (i) => figure(r6(p.toLat[i]!)),
    status: (m, i) => statusAt(states, m, i),
    progressPct: (m, i) => r2(progressAt(states, m, i)),
    spentWan: (m, i) => r2(spentAt(states, m, i)),
  };
  // The public fields pass through as the record held them.
  const fields = Object.fromEntries(PROJECT_FIELDS.map(({ key }) => [key, fieldReader(p, key)]));
  return { ...view, ...fields } as ProjectView;
}

/**
 * Elements serialised at a time when an array is written in pieces: small enough that a piece is
 * an ordinary young object (a big string goes to the large-object space and waits for a full GC).
 */
const SLICE = 1 << 10;

/** `JSON.stringify` of the array `at(indexes[0]), at(indexes[1]), …` of primitives, in pieces. */
function* jsonArray(indexes: readonly number[], at: (i: number) => unknown): Generator<string> {
  yield '[';
  const n = indexes.length;
  const part: unknown[] = [];
  for (let from = 0; from < n; from += SLICE) {
    const to = Math.min(n, from + SLICE);
    part.length = 0;
    for (let k = from; k < to; k++) part.push(at(indexes[k]!));
    const text = JSON.stringify(part);
    yield from > 0 ? `,${text.slice(1, -1)}` : text.slice(1, -1);
  }
  yield ']';
}

/**
 * A town's projects file (projects/<code>.json): the projects `indexes` (ascending) of the view,
 * exactly as `json(projects)` of their columns would write it, in pieces; its photo columns only
 * when it has photos. Each column's reader is looked up once, not once a value.
 */
function* projectsJson(v: ProjectView, indexes: readonly number[], photos: { lists: SitePhoto[][] | null; withheld: number[] | null } = { lists: null, withheld: null }): Generator<string> {
  yield `{"schemaVersion":${JSON.stringify(SITE_SCHEMA_VERSION)},"months":${JSON.stringify(v.months)}`;
  for (const key of PROJECT_COLUMNS) {
    yield `,${JSON.stringify(key)}:`;
    yield* jsonArray(indexes, v[key] as (i: number) => unknown);
  }
  for (const key of MONTHLY_COLUMNS) {
    yield `,${JSON.stringify(key)}:[`;
    const column = v[key];
    for (let m = 0; m < v.months.length; m++) {
      if (m > 0) yield ',';
      yield* jsonArray(indexes, (i) => column(m, i));
    }
    yield ']';
  }
  if (photos.lists) yield `,"photos":${JSON.stringify(photos.lists)}`;
  if (photos.withheld) yield `,"photosWithheld":${JSON.stringify(photos.withheld)}`;
  yield '}\n';
}

/** The photo columns of one town's projects (`indexes`): each absent when no project of the town has a photo or a withheld one. */
function townPhotos(photos: EmitOptions['photos'], indexes: readonly number[]): { lists: SitePhoto[][] | null; withheld: number[] | null } {
  const lists = photos?.lists ? indexes.map((i) => photos.lists![i] ?? []) : null;
  const withheld = photos?.withheld ? indexes.map((i) => photos.withheld![i] ?? 0) : null;
  return { lists: lists?.some((l) => l.length > 0) ? lists : null, withheld: withheld?.some((n) => n > 0) ? withheld : null };
}

/** The site data files, as JSON text made when written, from a joined dataset. */
export function emitSite(d: Dataset, county: MultiPolygon | null, options: EmitOptions = { isPublic: false }): { files: Map<string, OutputFile>; vertices: BoundaryVertices; site: Omit<SiteData, 'config'> } {
  const states = stateTable(d);
  const { series: aggregated, isHouseholdEstimated } = aggregate(d, states);
  // A public build counts the findings per town; it lists them only when the config says so.
  const { integrity, quality } = siteIntegrity(d, !options.isPublic || d.config.publicFindings, [...(options.revisions ?? []), ...(options.photos?.findings ?? [])]);
  const allSeries: Record<SeriesId, AreaSeries> = { ...aggregated, quality };
  const outline = county ?? dissolve(d.towns.map((t) => t.geometry));
  // Projects and budgets per village and per town, added up in project order.
  const villageProjects = new Array<number>(d.villages.length).fill(0);
  const villageBudget = new Array<number>(d.villages.length).fill(0);
  const townProjects = new Array<number>(d.towns.length).fill(0);
  const townBudget = new Array<number>(d.towns.length).fill(0);
  const { town: projectTown, village: projectVillage } = d.projects;
  const projectBudget = d.projects.fields.budgetWan;
  for (let i = 0; i < d.projects.length; i++) {
    const t = projectTown[i]!;
    const v = projectVillage[i]!;
    townProjects[t]!++;
    townBudget[t]! += projectBudget[i]!;
    if (v >= 0) {
      villageProjects[v]!++;
      villageBudget[v]! += projectBudget[i]!;
    }
  }

  const counted: SiteVillage[] = d.villages.map((v) => ({
    id: v.index,
    code: v.code,
    name: v.record.villageName,
    townId: v.town,
    point: v.point ? [r6(v.point[0]), r6(v.point[1])] : null,
    households: v.record.households,
    population: v.record.population,
    isPoorVillage: v.record.isPoorVillage,
    poorHouseholds: v.record.poorHouseholds,
    poorPopulation: v.record.poorPopulation,
    exitYear: v.record.exitYear,
    projectCount: villageProjects[v.index]!,
    budgetWan: r2(villageBudget[v.index]!),
  }));
  const villagesOfTown: SiteVillage[][] = d.towns.map(() => []);
  for (const v of counted) villagesOfTown[v.townId]!.push(v);
  // Town totals are the true sums; a public build withholds small village counts after them.
  const towns: SiteTown[] = d.towns.map((t) => {
    const vs = villagesOfTown[t.index]!;
    const sum = (k: 'households' | 'population' | 'poorHouseholds' | 'poorPopulation'): number => vs.reduce((n, v) => n + (v[k] ?? 0), 0);
    return {
      id: t.index,
      code: t.code,
      name: t.name,
      labelPoint: labelPoint(t.geometry),
      bbox: t.bbox.map(r6) as BBox,
      villageCount: vs.length,
      households: sum('households'),
      population: sum('population'),
      poorHouseholds: sum('poorHouseholds'),
      poorPopulation: sum('poorPopulation'),
      projectCount: townProjects[t.index]!,
      budgetWan: r2(townBudget[t.index]!),
    };
  });
  const min = d.config.thresholds.minHouseholdCount;
  const { villages, series, withheld } = options.isPublic ? withholdSmallCounts(counted, allSeries, min) : { villages: counted, series: allSeries, withheld: [] };
  const estimated: IndicatorId[] = isHouseholdEstimated ? ['household'] : [];
  // The page has no use for privacy.allowedNames, a rule of the build: the terms are not published
  // (a clerk may list a real name there, and it was written into site.json unscanned).
  const { privacy: _allowed, ...config } = serializeAtlasConfig(d.config);
  const site: Omit<SiteData, 'config'> & { config: unknown } = {
    schemaVersion: SITE_SCHEMA_VERSION,
    // Every emitted coordinate has been converted, so the emitted config must say WGS-84.
    config: { ...config, crs: 'WGS84' },
    months: d.months,
    bbox: (turfBbox(outline) as BBox).map(r6) as BBox,
    towns,
    villages,
    estimated,
    series,
    // Filled in below, from the projects as emitted.
    projectSummary: { planned: [], building: [], done: [], spentWan: [], categoryTotal: [], categoryDone: [], lagging: [] },
    integrity,
    publication: { isPublic: options.isPublic, minHouseholdCount: min, withheldVillages: withheld.length },
    ...(options.release ? { release: options.release } : {}),
  };
  const projects = projectView(d, states);
  site.projectSummary = projectSummary(projects, d.config.categories.length, d.config.thresholds.lagPoints);
  // Each town's projects in a file of their own, in project order: the page loads a town's when it is opened.
  const projectsOfTown: number[][] = d.towns.map(() => []);
  for (let i = 0; i < d.projects.length; i++) projectsOfTown[projectTown[i]!]!.push(i);

  const drawn = simplifyBoundaries(d.towns.map((t) => t.geometry), outline);
  const townsGeo: FeatureCollection = {
    type: 'FeatureCollection',
    features: d.towns.map((t, i) => ({ type: 'Feature', id: t.index, properties: { id: t.index, code: t.code, name: t.name }, geometry: roundGeometry(drawn.towns[i]!) })),
  };
  const countyGeo: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 0, properties: { code: d.config.region.code, name: d.config.region.name }, geometry: roundGeometry(drawn.outline) }],
  };
  const files = new Map<string, OutputFile>([
    ...siteFiles(site, json),
    ...d.towns.flatMap((t): [string, OutputFile][] => {
      const indexes = projectsOfTown[t.index]!;
      return indexes.length === 0 ? [] : [[projectChunkFile(t.code), () => projectsJson(projects, indexes, townPhotos(options.photos, indexes))]];
    }),
    ['towns.geojson', () => [json(townsGeo)]],
    ['county.geojson', () => [json(countyGeo)]],
    ...emitOpenData({ ...site, config: d.config }, projects),
  ]);
  return { files, vertices: drawn.vertices, site };
}

/** Stable JSON text: insertion-ordered keys built by this module, one trailing newline. */
export function json(value: unknown): string {
  return JSON.stringify(value) + '\n';
}

function labelPoint(g: AreaGeometry): LonLat {
  const c = centroid(g).geometry.coordinates;
  const p = booleanPointInPolygon(c, g) ? c : pointOnFeature(g).geometry.coordinates;
  return [r6(p[0] ?? 0), r6(p[1] ?? 0)];
}

/** Coordinates to COORD_DIGITS places, a vertex that rounds onto the one before it dropped. */
function roundGeometry<G extends Polygon | MultiPolygon>(g: G): G {
  const ring = (r: Position[]): Position[] =>
    r.map((p) => [r6(p[0] ?? 0), r6(p[1] ?? 0)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return (g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((q) => q.map(ring)) }) as G;
}

/** The union of the town polygons, when the dataset has no county outline. */
function dissolve(geoms: AreaGeometry[]): MultiPolygon {
  const fc = featureCollection(geoms.map((g) => feature(g)));
  const u: Feature<Polygon | MultiPolygon> | null = geoms.length > 1 ? union(fc) : (fc.features[0] ?? null);
  if (!u) return { type: 'MultiPolygon', coordinates: [] };
  return u.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [u.geometry.coordinates] } : u.geometry;
}
