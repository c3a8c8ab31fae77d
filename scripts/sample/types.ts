/** The records the sample generator builds before writing them out. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ProjectStatus } from '../../src/contract/columns';
import type { FieldKey, ProjectFieldValues } from '../../src/contract/project-fields';

export type LonLat = [number, number];
export type Area = Polygon | MultiPolygon;

/** The ten working categories of the sample, in the order of atlas.config.json. */
export type CategoryId =
  | 'industry'
  | 'tourism'
  | 'employment'
  | 'infrastructure'
  | 'relocation'
  | 'education'
  | 'health'
  | 'finance'
  | 'environment'
  | 'party';

/** A township as read from the sources (real name, code and seat). */
export interface SourceTown {
  code: string;
  name: string;
  seat: LonLat;
}

/** A village or community as read from the sources (real name and code). */
export interface SourceVillage {
  code: string;
  name: string;
  townCode: string;
}

/** A township with its schematic polygon and the sample's pace of work. */
export interface Town extends SourceTown {
  area: Area;
  /** Multiplies the planned rate of work: < 1 lags, > 1 is ahead. */
  pace: number;
  /** Whether the town's work dips in April–May 2016 and catches up later. */
  isLaggard: boolean;
  /** Where the town's relocated households are resettled. */
  resettlementSite: LonLat;
}

/** A village row of villages.csv. */
export interface Village extends SourceVillage {
  townName: string;
  shortName: string;
  isCommunity: boolean;
  point: LonLat;
  households: number;
  population: number;
  isPoorVillage: boolean;
  poorHouseholds: number;
  poorPopulation: number;
  exitedHouseholds: number;
  exitedPopulation: number;
  exitYear: number | null;
  laborers: number;
  employed: number;
}

/** Public project fields (src/contract/project-fields.ts) the sample leaves blank for some projects. */
type MayBeBlank = 'jobs';

/** The public fields a sample project fills: every one, never blank but for those above; money apart (see Project). */
type SampleFields = { [K in Exclude<FieldKey, 'budgetWan' | MayBeBlank>]: NonNullable<ProjectFieldValues[K]> } & Pick<ProjectFieldValues, MayBeBlank>;

/** A project row of projects.csv: its place and its public fields, the budget in hundredths of 万元 to keep sums exact. */
export interface Project extends SampleFields {
  id: string;
  name: string;
  category: CategoryId;
  townCode: string;
  townName: string;
  villageCode: string | null;
  villageName: string | null;
  point: LonLat | null;
  budgetCents: number;
  resettlementSite: LonLat | null;
}

/** A row of progress.csv. */
export interface ProgressRow {
  month: string;
  projectId: string;
  status: ProjectStatus;
  pct: number;
  spentCents: number;
}

/** A row of households.csv: de-identified, nothing personal. */
export interface Household {
  key: string;
  villageCode: string;
  isExited: boolean;
  projectIds: string[];
  laborers: number;
  employed: number;
}
