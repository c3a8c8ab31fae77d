import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECTS } from '../../../src/contract/columns';
import { OTHER_FIELDS, PROJECT_FIELDS, arrange, blankValue, fieldsShownIn, projectField, type FieldKey } from '../../../src/contract/project-fields';
import { MONTHLY_COLUMNS, PROJECT_COLUMNS, STORED_FIELDS, parseSiteProjects } from '../../../src/contract/projects';
import { projectChunkFile } from '../../../src/contract/site';
import { buildSite } from '../../../src/pipeline/build';
import { folderSource } from '../../../scripts/lib/folder-source';

const MINI = resolve(import.meta.dirname, '../../fixtures/mini');
const keys = (fields: readonly { key: FieldKey }[]): FieldKey[] => fields.map((f) => f.key);

describe('the public project fields', () => {
  it("are projects.csv's columns between the project's point and a relocation's site, in list order", () => {
    const names = PROJECTS.columns.map((c) => c.name);
    const from = names.indexOf('lat') + 1;
    expect(names.slice(from, from + PROJECT_FIELDS.length)).toEqual(PROJECT_FIELDS.map((f) => f.column.name));
    expect(names.slice(from + PROJECT_FIELDS.length)).toEqual(['to_lon', 'to_lat']);
  });

  it.each(PROJECT_FIELDS.map((f) => [f.key, f] as const))("%s: the column's type and requiredness follow the field", (_, f) => {
    expect(f.column.type).toBe({ text: 'text', date: 'date', money: 'number', count: 'integer' }[f.kind]);
    expect(f.column.isRequired).toBe(f.isRequired);
    // The download's Chinese header is the contract's, so it reads as the ledger does.
    expect(f.header.zh).toBe(f.column.zh);
  });

  it('have one key and one column each', () => {
    expect(new Set(keys(PROJECT_FIELDS)).size).toBe(PROJECT_FIELDS.length);
    expect(new Set(PROJECT_FIELDS.map((f) => f.column.name)).size).toBe(PROJECT_FIELDS.length);
  });

  it('say where each shows', () => {
    expect(keys(fieldsShownIn('search'))).toEqual(['content', 'fundSource', 'unit']);
    expect(keys(fieldsShownIn('popup'))).not.toContain('jobs');
    expect(keys(fieldsShownIn('openData'))).toEqual(keys(PROJECT_FIELDS));
    expect(keys(PROJECT_FIELDS.filter((f) => f.isDisclosure))).toEqual(['content', 'fundSource', 'unit', 'hotline', 'target']);
  });

  it('stand blank as null, or as "" or 0 when required', () => {
    const blank = { text: '', date: '', money: 0, count: 0 };
    expect(PROJECT_FIELDS.map((f) => [f.key, blankValue(f)])).toEqual(PROJECT_FIELDS.map((f) => [f.key, f.isRequired ? blank[f.kind] : null]));
  });
});

describe('arrange', () => {
  const shown = [projectField('content'), projectField('start'), projectField('due'), projectField('unit'), projectField('jobs')];
  const line = (...fields: FieldKey[]) => ({ fields });
  const lineOf = (f: { key: FieldKey }) => line(f.key);

  it("puts a line of each field no entry names where OTHER_FIELDS stands, in list order", () => {
    const lines = arrange(shown, [line('unit'), line('start', 'due'), OTHER_FIELDS], (l) => l.fields, lineOf);
    expect(lines).toEqual([line('unit'), line('start', 'due'), line('content'), line('jobs')]);
  });

  it('leaves out the other fields when there is no OTHER_FIELDS', () => {
    expect(arrange(shown, [line('jobs')], (l) => l.fields, lineOf)).toEqual([line('jobs')]);
  });

  it('refuses a field named twice or one not shown', () => {
    expect(() => arrange(shown, [line('start'), line('start', 'due')], (l) => l.fields, lineOf)).toThrow('start is named twice');
    expect(() => arrange(shown, [line('hotline')], (l) => l.fields, lineOf)).toThrow('hotline is not a field shown here');
  });
});

describe('projects/<town>.json', () => {
  it('stores every field once: the required ones, then blank-able text, then blank-able figures, each in list order', () => {
    const isFigure = (f: { kind: string }): boolean => f.kind === 'money' || f.kind === 'count';
    expect(keys(STORED_FIELDS)).toEqual([
      ...keys(PROJECT_FIELDS.filter((f) => f.isRequired)),
      ...keys(PROJECT_FIELDS.filter((f) => !f.isRequired && !isFigure(f))),
      ...keys(PROJECT_FIELDS.filter((f) => !f.isRequired && isFigure(f))),
    ]);
    // The order the files have always had: a new field adds a column and moves none.
    const before = ['budgetWan', 'start', 'due', 'content', 'fundSource', 'unit', 'hotline', 'target', 'beneficiaryHouseholds', 'beneficiaryPoorHouseholds', 'jobs'];
    expect(keys(STORED_FIELDS).filter((k) => before.includes(k))).toEqual(before);
  });

  it("is written with exactly the contract's columns, in its order", async () => {
    const result = await buildSite(folderSource(MINI));
    const text = result.outputs?.get(projectChunkFile('420324101')) ?? '';
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['schemaVersion', 'months', ...PROJECT_COLUMNS, ...MONTHLY_COLUMNS]);
  });

  it('refuses a required field that is null and a field of the wrong kind, and takes a blank one', async () => {
    const result = await buildSite(folderSource(MINI));
    const file = JSON.parse(result.outputs?.get(projectChunkFile('420324101')) ?? '{}') as Record<string, unknown[]>;
    // The town's first project alone.
    const one: Record<string, unknown> = { ...file };
    for (const k of PROJECT_COLUMNS) one[k] = file[k]!.slice(0, 1);
    for (const k of MONTHLY_COLUMNS) one[k] = file[k]!.map((m) => (m as unknown[]).slice(0, 1));
    expect(parseSiteProjects(one).ok).toBe(true);
    expect(parseSiteProjects({ ...one, content: [null], jobs: [null] }).ok).toBe(true);
    const columns = (input: unknown): string[] => parseSiteProjects(input).issues.map((i) => i.column);
    expect(columns({ ...one, budgetWan: [null] })).toEqual(['budgetWan[0]']);
    expect(columns({ ...one, start: [20160101], unit: [3] })).toEqual(['start[0]', 'unit[0]']);
  });
});
