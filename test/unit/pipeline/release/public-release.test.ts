import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../../../src/contract/release';
import { buildSite, type BuildResult } from '../../../../src/pipeline/build';
import type { PreviousSource } from '../../../../src/pipeline/release/previous';
import { miniText, miniWith } from '../mini-source';

const ZHOUWAN = '420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,200,600,否,5,60,4,60,2015,36,30';
const withPoor = async (poor: number, households = 200): Promise<string> => {
  const text = await miniText('villages.csv');
  if (!text.includes(ZHOUWAN)) throw new Error('the mini fixture no longer has 周湾村委会 as expected');
  return text.replace(ZHOUWAN, `420324101202,周湾村委会,420324101,蒋家堰镇,109.7,32.3,${households},600,否,${poor},60,${Math.min(poor, 4)},60,2015,36,30`);
};
const asPrevious = (r: BuildResult): PreviousSource => ({ label: 'prev', read: async (path) => (r.outputs!.has(path) ? new TextEncoder().encode(r.outputs!.get(path)) : null) });

describe('a public release (--public --previous)', () => {
  it('never shows a withheld figure: a small count that changed is not listed, a published one is', async () => {
    const before = await buildSite(miniWith({ 'villages.csv': await withPoor(2) }), { isPublic: true });
    expect(before.errorCount, before.issues.map((i) => i.message).join('\n')).toBe(0);
    const after = await buildSite(miniWith({ 'villages.csv': await withPoor(1, 210) }), { isPublic: true, previous: asPrevious(before) });
    expect(after.errorCount).toBe(0);
    const parsed = parseRelease(JSON.parse(after.outputs!.get('release.json')!));
    if (!parsed.ok) throw new Error('release.json does not parse');
    const zhouwan = parsed.value.changes!.villages.filter((v) => v.code === '420324101202');
    // 2 → 1 poor households is withheld on both sides: not a change anyone can see; 200 → 210 households is published.
    expect(zhouwan).toEqual([{ code: '420324101202', name: '周湾村委会', townCode: '420324101', field: 'households', old: 200, new: 210 }]);
    const csv = after.outputs!.get('open-data/changes.csv')!;
    expect(csv.split('\r\n').filter((l) => l.includes('420324101202'))).toEqual(['村户数变更,420324101202,周湾村委会,420324101,420324101202,,households,总户数,200,210']);
  }, 60_000);
});
