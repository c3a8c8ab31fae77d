import type { ProjectRecord } from '../../src/contract/records';
import type { LonLat } from '../../src/contract/site';
import { layOutProjects, type ProjectColumns } from '../../src/pipeline/project-columns';
import { ProjectRecordColumns } from '../../src/pipeline/read/project-records';

/** What a test says of a joined project: its record and where the join put it. */
export interface HandJoinedProject {
  record: ProjectRecord;
  category: number;
  town: number;
  village: number;
  point: LonLat | null;
  hasOwnPoint: boolean;
  to: LonLat | null;
  isJoinedByCode: boolean;
}

/** The dataset's project columns of projects joined by hand, in this order, laid out as the join lays them out. */
export function projectColumns(projects: readonly HandJoinedProject[]): ProjectColumns {
  const order = projects.map((_, i) => i);
  return layOutProjects(ProjectRecordColumns.of(projects.map((p) => p.record)), order, {
    category: Int32Array.from(projects, (p) => p.category),
    town: Int32Array.from(projects, (p) => p.town),
    village: Int32Array.from(projects, (p) => p.village),
    lon: Float64Array.from(projects, (p) => p.point?.[0] ?? Number.NaN),
    lat: Float64Array.from(projects, (p) => p.point?.[1] ?? Number.NaN),
    hasOwnPoint: Uint8Array.from(projects, (p) => (p.hasOwnPoint ? 1 : 0)),
    toLon: Float64Array.from(projects, (p) => p.to?.[0] ?? Number.NaN),
    toLat: Float64Array.from(projects, (p) => p.to?.[1] ?? Number.NaN),
    isJoinedByCode: Uint8Array.from(projects, (p) => (p.isJoinedByCode ? 1 : 0)),
  });
}
