import { describe, expect, it } from 'vitest';
import type { ProgressRecord, ProjectRecord } from '../../../../src/contract/records';
import { projectStates, type ProjectState } from '../../../../src/pipeline/aggregate/project-states';
import { projectColumns } from '../../../helpers/project-columns';
import { progressColumnsOf } from '../../../../src/pipeline/progress-columns';
import { blankFields } from '../../../helpers/project-row';

const RECORD: ProjectRecord = {
  ...blankFields(),
  row: 2, projectId: 'P1', projectName: '项目', category: 'industry', townCode: '420324101', townName: null, villageCode: null, villageName: null,
  lon: null, lat: null, budgetWan: 100, start: '2016-01-01', due: '2016-12-31', toLon: null, toLat: null,
};
const PROJECTS = projectColumns([{ record: RECORD, category: 0, town: 0, village: -1, point: null, hasOwnPoint: false, to: null, isJoinedByCode: true }]);
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05'];

/** Progress rows of the one project: [month, status, progressPct, spentWan]. */
function statesOf(rows: [string, ProgressRecord['status'], number | null, number | null][]): ProjectState[] {
  const progress = rows.map(([month, status, progressPct, spentWan], i): ProgressRecord => ({ row: i + 2, month, projectId: 'P1', status, progressPct, spentWan }));
  return projectStates({ projects: PROJECTS, progress: progressColumnsOf([progress]), months: MONTHS }).map((m) => m[0]!);
}

const PLANNED: ProjectState = { status: 'planned', progressPct: 0, spentWan: 0 };

describe('projectStates', () => {
  it.each([
    ['before the first report a project is planned at 0', [['2016-03', 'building', 30, 10]], [PLANNED, PLANNED, { status: 'building', progressPct: 30, spentWan: 10 }]],
    [
      'a month without a report keeps the last one',
      [['2016-01', 'building', 20, 5], ['2016-03', 'building', 50, 30]],
      [{ status: 'building', progressPct: 20, spentWan: 5 }, { status: 'building', progressPct: 20, spentWan: 5 }, { status: 'building', progressPct: 50, spentWan: 30 }],
    ],
    [
      'blank progress and spending carry the last reported figures forward (blank is not zero)',
      [['2016-01', 'building', 40, 25], ['2016-02', 'building', null, null], ['2016-03', 'building', 60, null]],
      [{ status: 'building', progressPct: 40, spentWan: 25 }, { status: 'building', progressPct: 40, spentWan: 25 }, { status: 'building', progressPct: 60, spentWan: 25 }],
    ],
    [
      'a done project with blank progress is at 100',
      [['2016-01', 'building', 40, 25], ['2016-02', 'done', null, null]],
      [{ status: 'building', progressPct: 40, spentWan: 25 }, { status: 'done', progressPct: 100, spentWan: 25 }],
    ],
    ['blank before any figure is 0', [['2016-01', 'building', null, null]], [{ status: 'building', progressPct: 0, spentWan: 0 }]],
  ] as const)('%s', (_name, rows, expected) => {
    const states = statesOf(rows.map((r) => [...r]));
    expect(states.slice(0, expected.length)).toEqual(expected);
  });

  it('keeps the last state to the end of the months', () => {
    expect(statesOf([['2016-02', 'accepted', 100, 90]]).at(-1)).toEqual({ status: 'accepted', progressPct: 100, spentWan: 90 });
  });
});
