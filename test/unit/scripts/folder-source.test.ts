import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/contract/issues';
import { buildSite } from '../../../src/pipeline/build';
import { folderSource } from '../../../scripts/lib/folder-source';
import { datasetWith } from '../../helpers/fixtures';

describe('huge or broken files', () => {
  it('refuses a 2 GB file by its size, before reading it, with a clear error and nothing else about it', async () => {
    const dir = await datasetWith();
    // A sparse file: 2 GiB long, no disk used, and far too big to read.
    await truncate(join(dir, 'projects.csv'), 2 * 1024 ** 3);
    const started = Date.now();
    const result = await buildSite(folderSource(dir));
    expect(Date.now() - started).toBeLessThan(10_000);
    const lines = result.issues.map(formatIssue).filter((l) => l.startsWith('projects.csv'));
    expect(lines[0]).toBe('projects.csv:0:: error: the file is 2.0 GB; the build reads files up to 1.0 GB: is it the right file? A ledger this large should be split, e.g. by year');
    expect(lines.some((l) => l.includes('is missing'))).toBe(false);
    expect(result.outputs).toBeNull();
  });

  it('names a binary file renamed .csv for what it is', async () => {
    const dir = await datasetWith();
    const { writeFile } = await import('node:fs/promises');
    // A picture, and a damaged workbook.
    await writeFile(join(dir, 'villages.csv'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await writeFile(join(dir, 'projects.csv'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 8, 0, 0, 0]));
    const lines = (await buildSite(folderSource(dir))).issues.map(formatIssue);
    expect(lines).toContain('villages.csv:0:: error: this is a binary file (it holds NUL bytes), not CSV or JSON text');
    expect(lines).toContain('projects.csv:0:: error: the file starts like a zip or .xlsx workbook but cannot be unzipped: is it damaged?');
  });
});

describe('a GeoJSON nested a million deep', () => {
  it('ends with a located error, not a crash', async () => {
    const { buildMiniWith } = await import('../pipeline/mini-source');
    const deep = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"420324101","name":"x"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}}]}`;
    const { result, lines } = await buildMiniWith({ 'boundaries/towns.geojson': deep });
    expect(result.fatal).toBeNull();
    expect(lines).toContain('boundaries/towns.geojson:0:features[0].geometry.coordinates[0]: error: a ring has a position that is not [lon, lat]');
  });
});
