import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAtlasConfig } from '../../../src/contract/config';
import { indicatorSpec } from '../../../src/domain/indicators';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the sample config counts each goal from the right categories', () => {
  const parsed = parseAtlasConfig(JSON.parse(readFileSync(resolve(ROOT, 'data/atlas.config.json'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const withGoal = (goal: string) => parsed.value.categories.filter((c) => c.goal === goal).map((c) => c.id);

  it.each([
    // 处处都美丽 counts villages with an environment project done, not roads and water (DESIGN.md).
    ['beauty', ['environment']],
    // 乡村旅游 is an industry.
    ['industry', ['industry', 'tourism']],
    ['employment', ['employment']],
  ])('%s ← %j', (goal, ids) => expect(withGoal(goal)).toEqual(ids));

  it('infrastructure counts toward no goal', () => {
    expect(parsed.value.categories.find((c) => c.id === 'infrastructure')?.goal).toBeNull();
  });

  it.each([
    ['industry', '目标为“村村有产业”的类别', 'whose goal in atlas.config.json is "industry"'],
    ['beauty', '目标为“处处都美丽”的类别', 'whose goal in atlas.config.json is "beauty"'],
  ] as const)('the %s definition says which categories count: those with that goal in the config', (id, zh, en) => {
    const { definition } = indicatorSpec(id);
    expect(definition.zh).toContain('atlas.config.json');
    expect(definition.zh).toContain(zh);
    expect(definition.en).toContain(en);
  });
});
