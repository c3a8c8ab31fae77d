import { PROJECT_FIELDS, blankValue, type ProjectFieldValues } from '../../src/contract/project-fields';
import type { ProjectRow } from '../../src/state/projects-table';

/** Every public project field (src/contract/project-fields.ts) blank: null, or '' or 0 when required. */
export function blankFields(): ProjectFieldValues {
  return Object.fromEntries(PROJECT_FIELDS.map((f) => [f.key, blankValue(f)])) as ProjectFieldValues;
}

/** A column per public project field, `n` blank values each. */
export function blankFieldColumns(n: number): { [K in keyof ProjectFieldValues]: ProjectFieldValues[K][] } {
  return Object.fromEntries(PROJECT_FIELDS.map((f) => [f.key, Array.from({ length: n }, () => blankValue(f))])) as { [K in keyof ProjectFieldValues]: ProjectFieldValues[K][] };
}

/** A hand-made row of the projects table: every public field blank, then only what a test sets differs. */
export function projectRow(id: string, patch: Partial<ProjectRow> = {}): ProjectRow {
  return {
    ...blankFields(),
    index: 0,
    id,
    name: id,
    category: { id: 'industry', name: '产业发展', colour: '#E69F00' },
    town: { code: '420324101', name: '蒋家堰镇' },
    village: null,
    start: '2016-01-01',
    due: '2016-12-31',
    status: 'planned',
    progressPct: 0,
    spentWan: 0,
    year: 2016,
    photos: [],
    photosWithheld: 0,
    ...patch,
  };
}
