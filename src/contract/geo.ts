import type { FeatureCollection } from 'geojson';
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';

/** Parses an emitted GeoJSON file: a FeatureCollection whose features have numeric ids and geometries. */
export function parseSiteGeo(input: unknown, file: string): Parsed<FeatureCollection> {
  const c = new JsonChecker(file);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.type !== 'FeatureCollection') c.error('type', 'expected a FeatureCollection');
  const features = c.array(o.features, 'features') ?? [];
  features.forEach((f, i) => {
    const fo = c.object(f, join('features', i));
    if (!fo) return;
    if (typeof fo.id !== 'number') c.error(join(join('features', i), 'id'), 'expected a numeric feature id; rebuild the site data');
    c.object(fo.geometry, join(join('features', i), 'geometry'));
  });
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value: input as FeatureCollection, issues: c.issues };
}
