import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBlock } from '../../../../scripts/make-templates';
import { readDataset } from '../../../../scripts/sample/dataset';
import { PLANTED, PLANTED_BLOCK, renderPlantedTable, type PlantedProblem } from '../../../../scripts/sample/plant';
import { integrityFindings } from '../../../../src/domain/integrity';
import { FINDING_RULES, type Finding, type ReportList } from '../../../../src/domain/integrity-model';
import { integrityInput } from '../../../../src/pipeline/integrity/rules-input';
import { reportsOf } from '../../../../src/pipeline/progress-columns';
import { PHOTO_RULES } from '../../../../src/contract/integrity';


// The 数据实 rules over the embedded sample (data/): they find the problems planted on purpose
// (scripts/sample/plant.ts), each at its place, and nothing else.
const DATA = fileURLToPath(new URL('../../../../data/', import.meta.url));
const { dataset: d, issues } = readDataset(DATA);
const findings = integrityFindings(integrityInput(d));

/** Whether a project reports itself under way (building) in the month. */
const isBuildingIn = (reports: ReportList, month: string): boolean => Array.from({ length: reports.length }, (_, k) => k).some((k) => reports.month(k) === month && reports.status(k) === 'building');

type Place = Pick<PlantedProblem, 'rule' | 'town' | 'projects' | 'village' | 'month'>;

/** Where a finding is, in the terms of the planted list. */
function placeOf(f: Finding): Place {
  const isVillageFinding = f.projects.length === 0 && f.village >= 0;
  return {
    rule: f.rule,
    town: d.towns[f.town]!.name,
    // A frozen town's finding names every project under way there; the list says "all of them".
    projects: f.rule === 'frozenTown' ? [] : f.projects.map((i) => d.projects.id[i]!).sort(),
    village: isVillageFinding ? d.villages[f.village]!.code : null,
    month: f.month,
  };
}

const order = (p: Place): number => FINDING_RULES.indexOf(p.rule);
const planted: Place[] = PLANTED.map(({ rule, town, projects, village, month }) => ({ rule, town, projects: [...projects].sort(), village, month })).sort((a, b) => order(a) - order(b));

describe('the planted data problems of the sample', () => {
  it('leave the sample buildable (no errors)', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('are found, each at its place, and nothing else is flagged', () => {
    expect(findings.map(placeOf).sort((a, b) => order(a) - order(b))).toEqual(planted);
  });

  it('cover every rule a buildable dataset can trip', () => {
    // More exited than registered households is an error in villages.csv: the build stops there; a
    // past report revised takes two releases (test/unit/pipeline/release/).
    // The photo rules read photos.csv, planted apart (scripts/sample/photos.ts; test/unit/pipeline/photos/).
    expect(new Set(PLANTED.map((p) => p.rule))).toEqual(new Set(FINDING_RULES.filter((r) => r !== 'exitedAboveRegistered' && r !== 'pastRevised' && !(PHOTO_RULES as readonly string[]).includes(r))));
  });

  it('spread over several towns', () => {
    expect(new Set(PLANTED.map((p) => p.town)).size).toBeGreaterThanOrEqual(8);
  });

  it('name, for the frozen town, every project of the town under way in those months', () => {
    const frozen = findings.find((f) => f.rule === 'frozenTown')!;
    const month = frozen.month!;
    const underWay = Array.from({ length: d.projects.length }, (_, i) => i).filter((i) => d.projects.town[i] === frozen.town && isBuildingIn(reportsOf(d.progress, i), month));
    expect(frozen.projects).toEqual(underWay);
    expect(underWay.length).toBeGreaterThanOrEqual(5);
  });

  it('are listed in data/README.md as make-sample writes them', () => {
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    expect(readBlock(readme, PLANTED_BLOCK)).toBe(renderPlantedTable());
  });
});
