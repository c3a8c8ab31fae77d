import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../../../src/contract/release';
import { buildSite, type DatasetSource } from '../../../../src/pipeline/build';
import { PREVIOUS_DATA_DATE, previousRelease } from '../../../../scripts/sample/previous-release';

const SAMPLE = join(import.meta.dirname, '../../../../data');
const sample: DatasetSource = { read: async (path) => readFile(join(SAMPLE, path)).then((b) => new Uint8Array(b), () => null) };

describe('the sample has two releases (scripts/sample/previous-release.ts)', () => {
  it('the sample release lists exactly the planted changes against the previous one', async () => {
    const { files, planted } = previousRelease((path) => readFileSync(join(SAMPLE, path), 'utf8'));
    expect(planted.added).toHaveLength(2);
    expect(planted.revised).toHaveLength(3);
    const previousSource: DatasetSource = { read: async (path) => (path in files ? new TextEncoder().encode(files[path]) : sample.read(path)) };
    const previous = await buildSite(previousSource);
    expect(previous.errorCount).toBe(0);
    const before = previous.outputs!;
    const current = await buildSite(sample, { isPublic: false, previous: { label: 'previous', read: async (path) => (before.has(path) ? new TextEncoder().encode(before.get(path)) : null) } });
    const parsed = parseRelease(JSON.parse(current.outputs!.get('release.json')!));
    if (!parsed.ok) throw new Error('release.json does not parse');
    const r = parsed.value;
    expect(r.history.map((h) => h.date)).toEqual(['2016-12-31', PREVIOUS_DATA_DATE]);
    const changes = r.changes!;
    expect(changes.added.map((p) => p.id)).toEqual(planted.added);
    expect(changes.removed.map((p) => p.id)).toEqual(planted.removed);
    expect(changes.fields.map((f) => [f.id, f.field, f.old, f.new])).toEqual([[planted.budget.id, 'budgetWan', planted.budget.previousWan, planted.budget.currentWan]]);
    expect(changes.revisions.map((v) => [v.id, v.month, v.field, v.old, v.new])).toEqual(planted.revised.map((v) => [v.id, v.month, 'progressPct', v.previousPct, v.currentPct]));
    expect(changes.villages).toEqual([]);
    expect(r.summary).toEqual({ added: 2, removed: 1, changedProjects: 1, changedFields: 1, revisions: 3, revisedProjects: 3, villages: 0 });
  }, 120_000);
});
