/** The records the sample generator builds before writing them out. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ProjectStatus } from '../../src/contract/columns';

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

/** A project row of projects.csv (money in hundredths of 万元 to keep sums exact). */
export interface Project {
  id: string;
  name: string;
  category: CategoryId;
  townCode: string;
  townName: string;
  villageCode: string | null;
  villageName: string | null;
  point: LonLat | null;
  content: string;
  budgetCents: number;
  fundSource: string;
  start: string;
  due: string;
  unit: string;
  hotline: string;
  beneficiaryHouseholds: number;
  beneficiaryPoorHouseholds: number;
  jobs: number | null;
  target: string;
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
