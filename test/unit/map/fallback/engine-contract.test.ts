import { describe, expectTypeOf, it } from 'vitest';
import type { AtlasMap } from '../../../../src/map/atlas-map';
import type { FallbackMap } from '../../../../src/map/fallback/fallback-map';
import type { MapEngine } from '../../../../src/map/map-engine';

describe('the map engine interface', () => {
  it('is what the live map already offers, so `implements MapEngine` on AtlasMap compiles as it is', () => {
    expectTypeOf<AtlasMap>().toMatchTypeOf<MapEngine>();
  });

  it('is implemented by the fallback', () => {
    expectTypeOf<FallbackMap>().toMatchTypeOf<MapEngine>();
  });
});
