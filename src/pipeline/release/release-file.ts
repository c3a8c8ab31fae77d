/** What a release writes: release.json (this release, its changes, the history), site.json's `release` and open-data/changes.csv. */
import { STATUS_ZH, type ProjectStatus } from '../../contract/columns';
import { CHANGE_COLUMNS, CHANGE_KIND_ZH, changeFieldLabel, RELEASE_SCHEMA_VERSION, summarise, type ChangeKind, type ChangeValue, type ReleaseChanges, type ReleaseEntry, type ReleaseFile, type SiteRelease } from '../../contract/release';
import { csvLine, toCsv, withBom, type CsvCell } from '../../domain/csv';
import type { ProjectChanges } from './compare-projects';
import type { PreviousRelease } from './previous';

/** site.json's `release`: the id, and the projects added, changed or revised (ids sorted). */
export function siteRelease(id: string, date: string, prev: PreviousRelease | null, projects: ProjectChanges | null): SiteRelease {
  const ids = (xs: readonly { id: string }[]): string[] => [...new Set(xs.map((x) => x.id))].sort();
  return {
    id,
    date,
    previous: prev?.release.id ?? null,
    changedProjects: projects ? ids([...projects.added, ...projects.fields]) : [],
    revisedProjects: projects ? ids(projects.revisions) : [],
  };
}

export interface ReleaseInput {
  id: string;
  date: string;
  region: { code: string; name: string };
  isPublic: boolean;
  counts: ReleaseEntry['counts'];
  /** null for the first release (no --previous). */
  changes: ReleaseChanges | null;
  prev: PreviousRelease | null;
}

/** release.json: this release with its changes, and the history carried forward from the previous release (newest first). */
export function releaseFile(r: ReleaseInput): ReleaseFile {
  const entry: ReleaseEntry = { id: r.id, date: r.date, previous: r.prev?.release.id ?? null, counts: r.counts, summary: r.changes ? summarise(r.changes) : null };
  return { schemaVersion: RELEASE_SCHEMA_VERSION, ...entry, region: r.region, isPublic: r.isPublic, changes: r.changes, history: [entry, ...(r.prev?.release.history ?? [])] };
}

/** open-data/changes.csv: one row per changed field (UTF-8 with BOM, as the other open data); the header only for a first release. */
export function changesCsv(changes: ReleaseChanges | null): string {
  const rows: string[] = [];
  const row = (kind: ChangeKind, id: string, name: string, townCode: string, villageCode: string | null, month: string | null, field: string | null, old: ChangeValue, next: ChangeValue): void => {
    const cells: CsvCell[] = [CHANGE_KIND_ZH[kind], id, name, townCode, villageCode, month, field, field ? changeFieldLabel(field).zh : null, cell(field, old), cell(field, next)];
    rows.push(csvLine(cells));
  };
  if (changes) {
    for (const p of changes.added) row('added', p.id, p.name, p.townCode, p.villageCode, null, null, null, null);
    for (const p of changes.removed) row('removed', p.id, p.name, p.townCode, p.villageCode, null, null, null, null);
    for (const f of changes.fields) row('changed', f.id, f.name, f.townCode, f.villageCode, null, f.field, f.old, f.new);
    for (const v of changes.revisions) row('revised', v.id, v.name, v.townCode, v.villageCode, v.month, v.field, v.old, v.new);
    for (const v of changes.villages) row('village', v.code, v.name, v.townCode, v.code, null, v.field, v.old, v.new);
  }
  return withBom(toCsv([CHANGE_COLUMNS.map((c) => c.zh)])) + rows.join('');
}

/** A value as a CSV cell: a status in Chinese, yes/no as 是/否, null blank. */
function cell(field: string | null, v: ChangeValue): CsvCell {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'status' && typeof v === 'string') return STATUS_ZH[v as ProjectStatus] ?? v;
  return v;
}
