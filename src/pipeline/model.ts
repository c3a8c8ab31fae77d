import type { AreaGeometry } from '../contract/boundaries';
import type { AtlasConfig } from '../contract/config';
import type { HouseholdRecord, VillageRecord } from '../contract/records';
import type { BBox, LonLat } from '../contract/site';
import type { ProgressColumns } from './progress-columns';
import type { ProjectColumns } from './project-columns';

/** The dataset after validation and joins: every reference is an index, every point WGS-84. */
export interface Town {
  index: number;
  code: string;
  name: string;
  geometry: AreaGeometry;
  bbox: BBox;
}

export interface Village {
  index: number;
  town: number;
  point: LonLat | null;
  record: VillageRecord;
  code: string;
  /** Joined to its town by code (false: only by the town's name). */
  isJoinedByCode: boolean;
}

export interface Household {
  village: number;
  record: HouseholdRecord;
  /** Indexes of the projects that cover the household. */
  projects: number[];
}

export interface Dataset {
  config: AtlasConfig;
  towns: Town[];
  villages: Village[];
  /** The projects as columns, in id order: project i is position i of each (project-columns.ts). */
  projects: ProjectColumns;
  /** The progress rows as columns: each project's a range, ascending by month (progress-columns.ts). */
  progress: ProgressColumns;
  /** null when households.csv is absent. */
  households: Household[] | null;
  months: string[];
}

/** The dataset as the joins produce it, before the full config is attached. */
export type JoinedData = Omit<Dataset, 'config'>;
