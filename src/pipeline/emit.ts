import { bbox as turfBbox, booleanPointInPolygon, centroid, pointOnFeature, union, featureCollection, feature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { STATUSES } from '../contract/columns';
import type { SiteProjects } from '../contract/projects';
import { SITE_SCHEMA_VERSION, type BBox, type IndicatorId, type LonLat, type SiteData, type SiteTown, type SiteVillage } from '../contract/site';
import type { AreaGeometry } from '../contract/boundaries';
import { serializeAtlasConfig } from '../contract/config';
import { aggregate, projectStates } from './aggregate';
import type { Dataset } from './model';
import { emitOpenData } from './open-data';
import { simplifyBoundaries, type SimplifiedBoundaries } from './simplify';
import { withholdSmallCounts } from './withhold';

export type BoundaryVertices = SimplifiedBoundaries['vertices'];

/** Decimal places kept in emitted coordinates (6 ≈ 0.1 m). */
const COORD_DIGITS = 6;

const r6 = (x: number): number => Math.round(x * 10 ** COORD_DIGITS) / 10 ** COORD_DIGITS;
const r2 = (x: number): number => Math.round(x * 100) / 100;

export interface EmitOptions {
  /** The public portal's build: small household counts withheld (withhold.ts). */
  isPublic: boolean;
}

/** The site data files, as JSON text, from a linked dataset. */
export function emitSite(d: Dataset, county: MultiPolygon | null, options: EmitOptions = { isPublic: false }): { files: Map<string, string>; vertices: BoundaryVertices } {
  const states = projectStates(d);
  const { series: allSeries, isHouseholdEstimated } = aggregate(d, states);
  const outline = county ?? dissolve(d.towns.map((t) => t.geometry));
  const byTown = (key: 'projects' | 'budget', town: number, village?: number): number =>
    d.projects.filter((p) => (village === undefined ? p.town === town : p.village === village)).reduce((n, p) => n + (key === 'projects' ? 1 : p.record.budgetWan), 0);

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
    projectCount: byTown('projects', v.town, v.index),
    budgetWan: r2(byTown('budget', v.town, v.index)),
  }));
  // Town totals are the true sums; a public build withholds small village counts after them.
  const towns: SiteTown[] = d.towns.map((t) => {
    const vs = counted.filter((v) => v.townId === t.index);
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
      projectCount: byTown('projects', t.index),
      budgetWan: r2(byTown('budget', t.index)),
    };
  });
  const min = d.config.thresholds.minHouseholdCount;
  const { villages, series, withheld } = options.isPublic ? withholdSmallCounts(counted, allSeries, min) : { villages: counted, series: allSeries, withheld: [] };
  const estimated: IndicatorId[] = isHouseholdEstimated ? ['household'] : [];
  const site: Omit<SiteData, 'config'> & { config: unknown } = {
    schemaVersion: SITE_SCHEMA_VERSION,
    // Every emitted coordinate has been converted, so the emitted config must say WGS-84.
    config: { ...serializeAtlasConfig(d.config), crs: 'WGS84' },
    months: d.months,
    bbox: (turfBbox(outline) as BBox).map(r6) as BBox,
    towns,
    villages,
    estimated,
    series,
    publication: { isPublic: options.isPublic, minHouseholdCount: min, withheldVillages: withheld.length },
  };

  const p = d.projects;
  const projects: SiteProjects = {
    schemaVersion: SITE_SCHEMA_VERSION,
    months: d.months,
    id: p.map((x) => x.record.projectId),
    name: p.map((x) => x.record.projectName),
    category: p.map((x) => x.category),
    town: p.map((x) => x.town),
    village: p.map((x) => x.village),
    lon: p.map((x) => (x.point ? r6(x.point[0]) : null)),
    lat: p.map((x) => (x.point ? r6(x.point[1]) : null)),
    hasOwnPoint: p.map((x) => x.hasOwnPoint),
    toLon: p.map((x) => (x.to ? r6(x.to[0]) : null)),
    toLat: p.map((x) => (x.to ? r6(x.to[1]) : null)),
    budgetWan: p.map((x) => x.record.budgetWan),
    start: p.map((x) => x.record.start),
    due: p.map((x) => x.record.due),
    content: p.map((x) => x.record.content),
    fundSource: p.map((x) => x.record.fundSource),
    unit: p.map((x) => x.record.unit),
    hotline: p.map((x) => x.record.hotline),
    target: p.map((x) => x.record.target),
    beneficiaryHouseholds: p.map((x) => x.record.beneficiaryHouseholds),
    beneficiaryPoorHouseholds: p.map((x) => x.record.beneficiaryPoorHouseholds),
    jobs: p.map((x) => x.record.jobs),
    status: states.map((row) => row.map((s) => STATUSES.indexOf(s.status))),
    progressPct: states.map((row) => row.map((s) => r2(s.progressPct))),
    spentWan: states.map((row) => row.map((s) => r2(s.spentWan))),
  };

  const drawn = simplifyBoundaries(d.towns.map((t) => t.geometry), outline);
  const townsGeo: FeatureCollection = {
    type: 'FeatureCollection',
    features: d.towns.map((t, i) => ({ type: 'Feature', id: t.index, properties: { id: t.index, code: t.code, name: t.name }, geometry: roundGeometry(drawn.towns[i]!) })),
  };
  const countyGeo: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 0, properties: { code: d.config.region.code, name: d.config.region.name }, geometry: roundGeometry(drawn.outline) }],
  };
  const files = new Map([
    ['site.json', json(site)],
    ['projects.json', json(projects)],
    ['towns.geojson', json(townsGeo)],
    ['county.geojson', json(countyGeo)],
    ...emitOpenData({ ...site, config: d.config }, projects),
  ]);
  return { files, vertices: drawn.vertices };
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
