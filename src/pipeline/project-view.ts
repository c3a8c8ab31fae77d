/**
 * What the projects files hold, project by project: the record's disclosure fields as emitted
 * (coordinates to 6 places, money to 2) and the state of each month. Read from the dataset when
 * asked, so a million projects are not copied into columns. Made by emit.ts; read by the projects
 * files, the county's project summary and the open data.
 */
export interface ProjectView {
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
  budgetWan(i: number): number;
  start(i: number): string;
  due(i: number): string;
  content(i: number): string | null;
  fundSource(i: number): string | null;
  unit(i: number): string | null;
  hotline(i: number): string | null;
  target(i: number): string | null;
  beneficiaryHouseholds(i: number): number | null;
  beneficiaryPoorHouseholds(i: number): number | null;
  jobs(i: number): number | null;
  /** Month `m`: index into STATUSES, progress (%) and spending (万元) to 2 places. */
  status(m: number, i: number): number;
  progressPct(m: number, i: number): number;
  spentWan(m: number, i: number): number;
}
