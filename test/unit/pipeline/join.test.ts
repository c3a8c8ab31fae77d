import { describe, expect, it } from 'vitest';
import { PlaceIndex } from '../../../src/pipeline/join';
import { placeKey } from '../../../src/pipeline/normalize';

const towns = new PlaceIndex('town', [
  { code: '420324101', name: '蒋家堰镇' },
  { code: '420324102', name: '中峰镇' },
  { code: '420324203', name: '鄂坪乡' },
]);

describe('placeKey', () => {
  it.each([['蒋家堰镇', '蒋家堰'], [' 鄂坪 乡', '鄂坪'], ['西关社区居委会', '西关'], ['双竹村委会', '双竹'], ['双竹村', '双竹'], ['ＡＢ村', 'ab'], ['镇', '镇']])('%j → %j', (name, key) =>
    expect(placeKey(name)).toBe(key),
  );
});

describe('PlaceIndex.resolve', () => {
  it.each([
    ['a known code wins', '420324102', '蒋家堰镇', { kind: 'code', code: '420324102' }],
    ['a unique name joins with a note', null, '鄂坪', { kind: 'name', code: '420324203', note: 'no town code; joined by name "鄂坪" to 鄂坪乡 (420324203)' }],
    ['an unknown code falls back to the name', '420324999', '中峰', { kind: 'name', code: '420324102', note: 'town code 420324999 is unknown; joined by name "中峰" to 中峰镇 (420324102)' }],
    ['no match suggests the nearest', null, '蒋家湾', { kind: 'none', message: 'no town code; no town is named "蒋家湾" (nearest: 蒋家堰镇 (420324101), 中峰镇 (420324102), 鄂坪乡 (420324203))' }],
    ['nothing to go on', null, null, { kind: 'none', message: 'no town code and no town name to match' }],
  ] as const)('%s', (_name, code, name, expected) => expect(towns.resolve(code, name)).toEqual(expected));

  it('refuses an ambiguous name', () => {
    const v = new PlaceIndex('village', [
      { code: '1', name: '关垭村' },
      { code: '2', name: '关垭社区' },
    ]);
    expect(v.resolve(null, '关垭')).toMatchObject({ kind: 'none' });
    expect(v.resolve(null, '关垭', (p) => p.code === '2')).toMatchObject({ kind: 'name', code: '2' });
  });
});
