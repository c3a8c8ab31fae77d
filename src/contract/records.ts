import type { ProjectStatus } from './columns';
import type { ProjectFieldValues } from './project-fields';

/** One row of villages.csv after parsing (before joining to a town). */
export interface VillageRecord {
  row: number;
  villageCode: string | null;
  villageName: string;
  townCode: string | null;
  townName: string | null;
  lon: number | null;
  lat: number | null;
  households: number;
  population: number;
  isPoorVillage: boolean | null;
  poorHouseholds: number;
  poorPopulation: number;
  exitedHouseholds: number | null;
  exitedPopulation: number | null;
  exitYear: number | null;
  laborers: number | null;
  employed: number | null;
}

/**
 * One row of projects.csv after parsing (category still as written): its identity and place, and
 * its public fields (project-fields.ts) by key.
 */
export interface ProjectRecord extends ProjectFieldValues {
  row: number;
  projectId: string;
  projectName: string;
  category: string;
  townCode: string | null;
  townName: string | null;
  villageCode: string | null;
  villageName: string | null;
  lon: number | null;
  lat: number | null;
  toLon: number | null;
  toLat: number | null;
}

/** One row of progress.csv. */
export interface ProgressRecord {
  row: number;
  /** YYYY-MM. */
  month: string;
  projectId: string;
  status: ProjectStatus;
  progressPct: number | null;
  spentWan: number | null;
}

/** One row of households.csv: opaque, aggregated per village, never emitted. */
export interface HouseholdRecord {
  row: number;
  /** Opaque key, used only to find duplicates; never emitted. */
  key: string;
  villageCode: string;
  isPoor: boolean;
  isExited: boolean | null;
  projectIds: string[];
  laborers: number | null;
  employed: number | null;
}
