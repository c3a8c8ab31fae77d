import { describe, expect, it } from 'vitest';
import { PlaceIndex, type PlaceMatch } from '../../../../src/pipeline/join/place-index';
import { placeClass, placeKey } from '../../../../src/pipeline/normalize';

const towns = new PlaceIndex('town', [
  { code: '420324101', name: '蒋家堰镇' },
  { code: '420324102', name: '中峰镇' },
  { code: '420324203', name: '鄂坪乡' },
]);

/** A match with its note or reason in the English words the CLI prints. */
function inWords(m: PlaceMatch): object {
  if (m.kind === 'name') return { ...m, note: m.note.message };
  if (m.kind === 'none') return { kind: 'none', message: m.why.message };
  return m;
}

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
  ] as const)('%s', (_name, code, name, expected) => expect(inWords(towns.resolve(code, name))).toEqual(expected));

  it('refuses an ambiguous name', () => {
    const v = new PlaceIndex('village', [
      { code: '1', name: '关垭村' },
      { code: '2', name: '关垭社区' },
    ]);
    expect(v.resolve(null, '关垭')).toMatchObject({ kind: 'none' });
    expect(v.resolve(null, '关垭', (p) => p.code === '2')).toMatchObject({ kind: 'name', code: '2' });
  });
});

describe('name joins between a village (村) and a community (社区) of the same name', () => {
  // The mini fixture's 中峰镇 has both: placeKey reduces each to 中峰.
  const villages = new PlaceIndex('village', [
    { code: '420324102001', name: '中峰社区居委会' },
    { code: '420324102201', name: '中峰村委会' },
  ]);

  it.each([
    ['the name as written', '中峰村委会', '420324102201'],
    ['the full community name', '中峰社区居委会', '420324102001'],
    ['村 means the village committee', '中峰村', '420324102201'],
    ['村民委员会 too', '中峰村民委员会', '420324102201'],
    ['社区 means the community', '中峰社区', '420324102001'],
    ['居委会 too', '中峰居委会', '420324102001'],
    ['居民委员会 too', '中峰居民委员会', '420324102001'],
  ])('%s: %s', (_name, name, code) => expect(villages.resolve(null, name)).toMatchObject({ kind: 'name', code }));

  it('a bare name is still ambiguous, and says which places it could be', () => {
    expect(inWords(villages.resolve(null, '中峰'))).toEqual({
      kind: 'none',
      message: 'no village code; name "中峰" matches 2 villages (中峰社区居委会 420324102001, 中峰村委会 420324102201): give the code',
    });
  });

  it('falls back to the other kind when a name has no place of its own kind', () => {
    const only = new PlaceIndex('village', [{ code: '1', name: '关垭社区' }]);
    expect(only.resolve(null, '关垭村')).toMatchObject({ kind: 'name', code: '1' });
  });

  it.each([['中峰村', 'village'], ['中峰村委会', 'village'], ['中峰社区居委会', 'community'], ['中峰居委会', 'community'], ['中峰镇', 'town'], ['中峰', null]])('placeClass(%s) = %s', (name, kind) =>
    expect(placeClass(name)).toBe(kind),
  );
});
