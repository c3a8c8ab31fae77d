import { describe, expect, it } from 'vitest';
import { buildSite } from '../../../../src/pipeline/build';
import { miniConfigWith, miniWith } from '../mini-source';

describe('coordinates', () => {
  it('emits a config whose crs is WGS84, since every emitted coordinate is converted', async () => {
    const config = await miniConfigWith({ crs: 'GCJ02' });
    const result = await buildSite(miniWith({ 'atlas.config.json': config }));
    expect(result.errorCount).toBe(0);
    const site = JSON.parse(result.outputs?.get('site.json') ?? '{}') as { config: { crs: string } };
    expect(site.config.crs).toBe('WGS84');
  });
});
