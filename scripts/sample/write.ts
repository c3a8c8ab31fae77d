/** Writes the sample's files: CSV (UTF-8 with BOM, CRLF, quoted where needed), JSON and GeoJSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HOUSEHOLDS, PROGRESS, PROJECTS, STATUS_ZH, VILLAGES, type TableSpec } from '../../src/contract/columns';
import { PROJECT_FIELDS, type AnyProjectField } from '../../src/contract/project-fields';
import { category } from './catalogue';
import { POINT_DECIMALS } from './geometry';
import type { Area, Household, LonLat, Project, ProgressRow, Village } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const YES = '是';
const NO = '否';

/** A cell's value before formatting: blank for null. */
type Cell = string | number | null;

/** Quotes a CSV cell when it holds a comma, a quote or a line break. */
export function csvCell(value: Cell): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: BOM, header, rows, CRLF after every line. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',') + CRLF).join('');
}

/** Writes a file, creating its folder. */
export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
}

/** Pretty JSON with two-space indentation and a trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A FeatureCollection with one feature per line (readable diffs, small files). */
export function geojsonText(features: readonly { properties: Record<string, string>; geometry: Area }[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The Chinese headers of a table, in contract order. */
function zhHeader(spec: TableSpec): string[] {
  return spec.columns.map((c) => c.zh);
}

/** A coordinate with the CSV's decimals. */
function coord(x: number | undefined): string | null {
  return x === undefined ? null : x.toFixed(POINT_DECIMALS);
}

/** Money in hundredths of 万元, as 万元 with two decimals. */
function wan(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Asserts that the cells built for a table line up with its columns. */
function checkWidth(spec: TableSpec, row: readonly Cell[]): readonly Cell[] {
  if (row.length !== spec.columns.length) throw new Error(`${spec.file}: built ${row.length} cells for ${spec.columns.length} columns`);
  return row;
}

/** villages.csv, Chinese headers. */
export function villagesCsv(villages: readonly Village[]): string {
  const rows = villages.map((v) =>
    checkWidth(VILLAGES, [
      v.code, v.name, v.townCode, v.townName, coord(v.point[0]), coord(v.point[1]), v.households, v.population,
      v.isPoorVillage ? YES : NO, v.poorHouseholds, v.poorPopulation, v.exitedHouseholds, v.exitedPopulation,
      v.exitYear, v.laborers, v.employed,
    ]),
  );
  return csvText(zhHeader(VILLAGES), rows);
}

/** A public field's cell: as the sample holds it, the budget from its hundredths of 万元. */
function fieldCell(p: Project, f: AnyProjectField): Cell {
  return f.key === 'budgetWan' ? wan(p.budgetCents) : p[f.key];
}

/** projects.csv, Chinese headers, category by its Chinese name; the public fields in the contract's order. */
export function projectsCsv(projects: readonly Project[]): string {
  const point = (p: LonLat | null, i: 0 | 1): string | null => (p ? coord(p[i]) : null);
  const rows = projects.map((p) =>
    checkWidth(PROJECTS, [
      p.id, p.name, category(p.category).zh, p.townCode, p.townName, p.villageCode, p.villageName,
      point(p.point, 0), point(p.point, 1), ...PROJECT_FIELDS.map((f) => fieldCell(p, f)),
      point(p.resettlementSite, 0), point(p.resettlementSite, 1),
    ]),
  );
  return csvText(zhHeader(PROJECTS), rows);
}

/** progress.csv, Chinese headers and statuses. */
export function progressCsv(rows: readonly ProgressRow[]): string {
  return csvText(zhHeader(PROGRESS), rows.map((r) => checkWidth(PROGRESS, [r.month, r.projectId, STATUS_ZH[r.status], r.pct, wan(r.spentCents)])));
}

/** households.csv, English headers (a private file, read by the build only). */
export function householdsCsv(households: readonly Household[]): string {
  const rows = households.map((h) => checkWidth(HOUSEHOLDS, [h.key, h.villageCode, YES, h.isExited ? YES : NO, h.projectIds.join(';'), h.laborers, h.employed]));
  return csvText(HOUSEHOLDS.columns.map((c) => c.name), rows);
}
