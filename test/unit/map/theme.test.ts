import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LARGE_TYPE_SCALE, atlasStyle, mapThemeFor, themeProperties } from '../../../src/map/style';
import { loadMiniSite } from '../../helpers/site';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The largest output of a width or size: a constant, an interpolation's outputs or a case's branches. */
function largest(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value[0] === 'interpolate') return Math.max(...value.slice(3).filter((_, i) => i % 2 === 1).map(largest));
  if (Array.isArray(value) && value[0] === 'case') return Math.max(...value.slice(2).filter((_, i) => i % 2 === 0).map(largest));
  throw new Error(`not a width: ${JSON.stringify(value)}`);
}

describe('map themes', () => {
  const everyday = themeProperties('default');
  const projector = themeProperties('projector');

  it('set the same properties, so switching back restores every one', () => {
    expect(projector.map((p) => `${p.layer}/${p.kind}/${p.name}`)).toEqual(everyday.map((p) => `${p.layer}/${p.kind}/${p.name}`));
  });

  it('make every line and label of the projector theme larger than the everyday one', () => {
    const sized = projector.filter((p) => /width|size/.test(p.name));
    expect(sized.length).toBeGreaterThanOrEqual(7);
    for (const p of sized) {
      const before = everyday.find((q) => q.layer === p.layer && q.name === p.name);
      expect(largest(p.value), `${p.layer} ${p.name}`).toBeGreaterThan(largest(before?.value));
    }
  });

  it('draw town borders dark on a projector (white borders vanish on pale colours)', () => {
    expect(projector.find((p) => p.layer === 'town-line' && p.name === 'line-color')?.value).toBe('#3a3a3a');
  });

  it('are what the style starts with: the everyday values', async () => {
    const { site } = await loadMiniSite();
    const style = atlasStyle(site, empty, empty);
    for (const p of everyday) {
      const layer = style.layers.find((l) => l.id === p.layer) as unknown as Record<string, Record<string, unknown>>;
      expect(layer[p.kind]?.[p.name], `${p.layer} ${p.name}`).toEqual(p.value);
    }
  });

  it('large type (大字): the everyday theme with every label and halo LARGE_TYPE_SCALE times larger, lines unchanged', () => {
    const large = themeProperties('large');
    expect(large.map((p) => `${p.layer}/${p.kind}/${p.name}`)).toEqual(everyday.map((p) => `${p.layer}/${p.kind}/${p.name}`));
    for (const p of large) {
      const before = everyday.find((q) => q.layer === p.layer && q.name === p.name)?.value;
      if (/^text-(size|halo-width)$/.test(p.name)) expect(largest(p.value), `${p.layer} ${p.name}`).toBeCloseTo(largest(before) * LARGE_TYPE_SCALE);
      else expect(p.value, `${p.layer} ${p.name}`).toEqual(before);
    }
    expect(LARGE_TYPE_SCALE).toBeGreaterThanOrEqual(1.5);
  });

  it.each([
    [false, false, 'default'],
    [false, true, 'large'],
    [true, false, 'projector'],
    [true, true, 'projector'],
  ] as const)('presenting %s, large type %s: %s', (isPresenting, isLargeType, theme) => {
    expect(mapThemeFor(isPresenting, isLargeType)).toBe(theme);
  });
});
