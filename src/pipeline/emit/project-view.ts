import type { FieldKey, ProjectFieldValues } from '../../contract/project-fields';

/** Project `i`'s value of each public field (contract/project-fields.ts), by key. */
type FieldReaders = { readonly [K in FieldKey]: (i: number) => ProjectFieldValues[K] };

/**
 * What the projects files hold, project by project: the record's disclosure fields as emitted
 * (coordinates to 6 places, money to 2) and the state of each month. Read from the dataset when
 * asked, so a million projects are not copied into columns. Made by emit-site.ts; read by the projects
 * files, the county's project summary and the open data.
 */
export interface ProjectView extends FieldReaders {
  length: number;
  months: string[];
  id(i: number): string;
  name(i: number): string;
  category(i: number): number;
  town(i: number): number;
  village(i: number): number;
  lon(i: number): number | null;
  lat(i: number): number | null;
  hasOwnPoint(i: number): boolean;
  toLon(i: number): number | null;
  toLat(i: number): number | null;
  /** Month `m`: index into STATUSES, progress (%) and spending (万元) to 2 places. */
  status(m: number, i: number): number;
  progressPct(m: number, i: number): number;
  spentWan(m: number, i: number): number;
}
