import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig, serializeAtlasConfig } from '../../../src/contract/config';
import { MINI } from '../../helpers/fixtures';

const base = JSON.parse(readFileSync(join(MINI, 'atlas.config.json'), 'utf8')) as Record<string, unknown>;
const withChange = (patch: Record<string, unknown>): unknown => ({ ...base, ...patch });

describe('parseAtlasConfig', () => {
  it('accepts the fixture config and fills defaults', () => {
    const { crs: _crs, basemap: _basemap, ...rest } = base;
    const r = parseAtlasConfig(rest);
    expect(r.ok && r.value.crs).toBe('WGS84');
    expect(r.ok && r.value.basemap).toEqual({ type: 'none' });
  });

  it.each([
    ['an unknown key (a typo must not pass silently)', { sampel: true }, 'sampel', 'unknown key "sampel" (expected one of: $comment, schemaVersion, title, region, sample, crs, dataDate, categories, goals, thresholds, tour, basemap, publicFindings, limits, privacy, publicUrl, notice, photos)'],
    ['a wrong schema version', { schemaVersion: 2 }, 'schemaVersion', 'expected schemaVersion 1, got 2'],
    ['an unknown crs', { crs: 'EPSG:3857' }, 'crs', 'expected one of WGS84, CGCS2000, GCJ02, BD09, got "EPSG:3857"'],
    ['a region code that is a number', { region: { code: 420324, name: '竹溪县' } }, 'region.code', 'expected a non-empty string, got 420324'],
    ['a threshold out of range', { thresholds: { lagPoints: 150, exitIncidence: 0.02 } }, 'thresholds.lagPoints', 'expected a number from 0 to 100, got 150'],
    ['a colour that is not #rrggbb', { categories: [{ id: 'industry', zh: '产业', en: 'Industry', colour: 'orange', goal: 'industry' }] }, 'categories[0].colour', 'expected #rrggbb, got "orange"'],
    ['a goal that does not exist', { categories: [{ id: 'industry', zh: '产业', en: 'Industry', colour: '#ffaa00', goal: 'wealth' }] }, 'categories[0].goal', 'expected one of industry, household, employment, beauty, got "wealth"'],
    ['a tour month that is not YYYY-MM', { tour: [{ town: '420324101', month: '2016-5', title: { zh: '蒋家堰', en: 'Jiangjiayan' } }] }, 'tour[0].month', 'expected YYYY-MM, got "2016-5"'],
    ['a tour classification that does not exist', { tour: [{ town: '420324101', classification: 'jenks', title: { zh: '蒋家堰', en: 'Jiangjiayan' } }] }, 'tour[0].classification', 'expected one of quantile, equal, ckmeans, fixed, got "jenks"'],
  ])('rejects %s', (_name, patch, column, message) => {
    const r = parseAtlasConfig(withChange(patch));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual({ file: 'atlas.config.json', row: 0, column, level: 'error', message });
  });

  it('round-trips through serializeAtlasConfig', () => {
    const first = parseAtlasConfig(base);
    if (!first.ok) throw new Error('fixture config must parse');
    const again = parseAtlasConfig(JSON.parse(JSON.stringify(serializeAtlasConfig(first.value))));
    expect(again).toEqual(first);
  });

  it('reports every problem, not the first', () => {
    const r = parseAtlasConfig(withChange({ crs: 'x', sample: 'yes', thresholds: {} }));
    expect(r.issues.map((i) => i.column)).toEqual(['sample', 'crs', 'thresholds.lagPoints', 'thresholds.exitIncidence']);
  });
});
