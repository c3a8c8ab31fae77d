import { describe, expect, it } from 'vitest';
import { buildMiniWith, miniText } from '../pipeline/mini-source';

// How the build reads atlas.config.json and the boundaries (parseJson in src/pipeline/build.ts): strict JSON, located by line.
describe('reading the JSON files of a dataset', () => {
  it('reports a key written twice in atlas.config.json by its path and both lines, and checks on', async () => {
    const config = (await miniText('atlas.config.json')).replace('"sample": true,', '"sample": true,\n  "$comment": "the 示例数据 banner",\n  "sample": false,');
    const { result } = await buildMiniWith({ 'atlas.config.json': config });
    expect(result.fatal).toBeNull();
    expect(result.issues.filter((i) => i.file === 'atlas.config.json' && i.level === 'error')).toEqual([{ file: 'atlas.config.json', row: 7, column: 'sample', level: 'error', message: 'line 7, column 3: the key "sample" is written twice in the same object, at line 5 and line 7: JSON keeps only the last one silently; remove one of them' }]);
    expect(result.outputs).toBeNull();
  });

  it('locates a syntax error in atlas.config.json by line and column', async () => {
    const config = (await miniText('atlas.config.json')).replace('"crs": "WGS84",', '"crs": "WGS84"');
    const { result } = await buildMiniWith({ 'atlas.config.json': config });
    expect(result.fatal?.message).toBe('atlas.config.json is not valid JSON');
    expect(result.issues).toEqual([{ file: 'atlas.config.json', row: 7, column: 'crs', level: 'error', message: `not valid JSON: line 7, column 3: expected ',' or '}', got '"' (a comma missing before it?)` }]);
  });

  it('refuses a config nested 100,000 deep without overflowing the stack', async () => {
    const { result } = await buildMiniWith({ 'atlas.config.json': '['.repeat(100_000) + ']'.repeat(100_000) });
    expect(result.fatal?.message).toBe('atlas.config.json is not valid JSON');
    expect(result.issues[0]?.message).toBe('not valid JSON: line 1, column 513: nesting deeper than 512 levels');
  });

  it('locates a syntax error in a boundary file', async () => {
    const towns = (await miniText('boundaries/towns.geojson')).replace(/\]\s*\]\s*\]\s*\}/, ']]]');
    const { result } = await buildMiniWith({ 'boundaries/towns.geojson': towns });
    const found = result.issues.find((i) => i.file === 'boundaries/towns.geojson' && i.level === 'error');
    expect(found?.row).toBeGreaterThan(0);
    expect(found?.message).toMatch(/^not valid JSON: line \d+, column \d+: /);
  });
});
