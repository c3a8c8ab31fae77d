import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, distance, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { SiteProjects } from '../../src/contract/projects';
import { allProjects, parseBuiltSite } from '../helpers/site';
import type { SiteData } from '../../src/contract/site';
import { PUBLIC_DATA } from './test-dirs';

/** The built site data the browser tests run against (public/data, built by global-setup). */
export function builtSite(): { site: SiteData; projects: SiteProjects; towns: FeatureCollection<Polygon | MultiPolygon> } {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(PUBLIC_DATA, file), 'utf8'));
  const site = parseBuiltSite(read);
  const projects = allProjects(site, read);
  const towns = read('towns.geojson') as FeatureCollection<Polygon | MultiPolygon>;
  return { site, projects, towns };
}

/** A point deep inside a town and away from every label: the grid point farthest from the boundary. */
export function interiorPoint(town: Feature<Polygon | MultiPolygon>, labels: readonly [number, number][]): [number, number] {
  const [w, s, e, n] = bboxOf(town);
  const outline = polygonToLine(town) as Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
  const lines = 'features' in outline ? outline.features : [outline];
  let best: { p: [number, number]; d: number } | null = null;
  const STEPS = 30;
  for (let i = 1; i < STEPS; i++) {
    for (let j = 1; j < STEPS; j++) {
      const p: [number, number] = [w + ((e - w) * i) / STEPS, s + ((n - s) * j) / STEPS];
      if (!booleanPointInPolygon(p, town)) continue;
      if (labels.some((label) => distance(p, label) < 4)) continue;
      const d = Math.min(...lines.flatMap((l) => (l.geometry.type === 'LineString' ? [pointToLineDistance(p, l as Feature<LineString>)] : l.geometry.coordinates.map((c) => pointToLineDistance(p, { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: c } })))));
      if (!best || d > best.d) best = { p, d };
    }
  }
  if (!best) throw new Error('no interior point');
  return best.p;
}

function bboxOf(f: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  const coords = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
  const xs = coords.map((c) => c[0] ?? 0);
  const ys = coords.map((c) => c[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
