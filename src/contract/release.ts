/**
 * A release (数据版本): one publication of the site data. release.json carries its id, what changed
 * since the release it was compared with (`--previous`), and the history of every release so far;
 * site.json carries the id and the projects changed, for the footer, the popup and the table.
 */
import { JsonChecker, join } from './check';
import type { Parsed } from './issues';
import { PROJECT_FIELDS } from './project-fields';

export const RELEASE_SCHEMA_VERSION = 1;
export const RELEASE_FILE = 'release.json';

/** A value as the site data holds it: text, a figure, a yes/no, or null (blank, or withheld in a public build). */
export type ChangeValue = string | number | boolean | null;

/** A project as a change names it. */
export interface ChangedProject {
  id: string;
  name: string;
  townCode: string;
  /** null for a town-wide project. */
  villageCode: string | null;
}

/** One public field of a project in both releases, with a different value. */
export interface FieldChange extends ChangedProject {
  field: string;
  old: ChangeValue;
  new: ChangeValue;
}

/** The monthly fields a revision of the past can concern. */
export const REVISED_FIELDS = ['status', 'progressPct', 'spentWan'] as const;
export type RevisedField = (typeof REVISED_FIELDS)[number];

/** A past month's published figure of a project rewritten in this release (a 数据实 finding too). */
export interface Revision extends ChangedProject {
  /** YYYY-MM, a month both releases report. */
  month: string;
  field: RevisedField;
  /** A status id (planned, building, done, accepted) or a number. */
  old: string | number;
  new: string | number;
}

/** A village's published household or poverty figure that changed. */
export interface VillageChange {
  code: string;
  name: string;
  townCode: string;
  field: string;
  old: ChangeValue;
  new: ChangeValue;
}

/** Everything that changed between two releases, each list sorted (by town, village, id, month, field). */
export interface ReleaseChanges {
  added: ChangedProject[];
  removed: ChangedProject[];
  fields: FieldChange[];
  revisions: Revision[];
  villages: VillageChange[];
}

/** The counts of a change list. */
export interface ReleaseSummary {
  added: number;
  removed: number;
  /** Projects in both releases with a public field changed, and the fields. */
  changedProjects: number;
  changedFields: number;
  /** Past months' figures rewritten, and the projects they belong to. */
  revisions: number;
  revisedProjects: number;
  villages: number;
}

/** A release as the history lists it. */
export interface ReleaseEntry {
  id: string;
  /** The data date (config `dataDate`, else the last report month). */
  date: string;
  /** The release this one was compared with; null for the first. */
  previous: string | null;
  counts: { towns: number; villages: number; projects: number; months: number };
  /** null for the first release. */
  summary: ReleaseSummary | null;
}

/** release.json: this release, its changes in full, and every release so far (newest first, this one included). */
export interface ReleaseFile extends ReleaseEntry {
  schemaVersion: typeof RELEASE_SCHEMA_VERSION;
  region: { code: string; name: string };
  isPublic: boolean;
  /** null for the first release. */
  changes: ReleaseChanges | null;
  history: ReleaseEntry[];
}

/** What site.json says of its release: enough for the footer, and to mark changed projects. */
export interface SiteRelease {
  id: string;
  date: string;
  previous: string | null;
  /** Ids of the projects added or with a public field changed, sorted. */
  changedProjects: string[];
  /** Ids of the projects with a past month revised, sorted. */
  revisedProjects: string[];
}

/** The counts of a change list. */
export function summarise(c: ReleaseChanges): ReleaseSummary {
  return {
    added: c.added.length,
    removed: c.removed.length,
    changedProjects: new Set(c.fields.map((f) => f.id)).size,
    changedFields: c.fields.length,
    revisions: c.revisions.length,
    revisedProjects: new Set(c.revisions.map((r) => r.id)).size,
    villages: new Set(c.villages.map((v) => v.code)).size,
  };
}

/** Parses site.json's `release`; absent (a build before releases) is null. */
export function parseSiteRelease(c: JsonChecker, v: unknown, path: string): SiteRelease | null {
  if (v === undefined) return null;
  const o = c.object(v, path);
  if (!o) return null;
  const ids = (x: unknown, p: string): string[] => (c.array(x, p) ?? []).map((s, i) => c.string(s, join(p, i)) ?? '');
  return {
    id: c.string(o.id, join(path, 'id')) ?? '',
    date: c.string(o.date, join(path, 'date')) ?? '',
    previous: o.previous === null ? null : c.string(o.previous, join(path, 'previous')),
    changedProjects: ids(o.changedProjects, join(path, 'changedProjects')),
    revisedProjects: ids(o.revisedProjects, join(path, 'revisedProjects')),
  };
}

/** Parses release.json (the browser's changes view, and a build reading its previous release). */
export function parseRelease(input: unknown): Parsed<ReleaseFile> {
  const c = new JsonChecker(RELEASE_FILE);
  const o = c.object(input, '');
  if (!o) return { ok: false, issues: c.issues };
  if (o.schemaVersion !== RELEASE_SCHEMA_VERSION) c.error('schemaVersion', 'releaseSchemaVersion', { expected: RELEASE_SCHEMA_VERSION, got: String(JSON.stringify(o.schemaVersion)) });
  const entry = parseEntry(c, o, '');
  const region = c.object(o.region, 'region');
  const history = (c.array(o.history, 'history') ?? []).map((h, i) => parseEntry(c, c.object(h, join('history', i)) ?? {}, join('history', i)));
  const changes = o.changes === null ? null : parseChanges(c, o.changes, 'changes');
  const value: ReleaseFile = {
    schemaVersion: RELEASE_SCHEMA_VERSION,
    ...entry,
    region: { code: c.string(region?.code, 'region.code') ?? '', name: c.string(region?.name, 'region.name') ?? '' },
    isPublic: c.boolean(o.isPublic, 'isPublic') ?? false,
    changes,
    history,
  };
  return c.hasErrors ? { ok: false, issues: c.issues } : { ok: true, value, issues: c.issues };
}

function parseEntry(c: JsonChecker, o: Record<string, unknown>, path: string): ReleaseEntry {
  const counts = c.object(o.counts, join(path, 'counts'));
  const n = (x: unknown, p: string): number => c.number(x, p, 0) ?? 0;
  const s = o.summary === null ? null : c.object(o.summary, join(path, 'summary'));
  const k = (key: keyof ReleaseSummary): number => n(s?.[key], join(join(path, 'summary'), key));
  return {
    id: c.string(o.id, join(path, 'id')) ?? '',
    date: c.string(o.date, join(path, 'date')) ?? '',
    previous: o.previous === null ? null : c.string(o.previous, join(path, 'previous')),
    counts: { towns: n(counts?.towns, join(path, 'counts.towns')), villages: n(counts?.villages, join(path, 'counts.villages')), projects: n(counts?.projects, join(path, 'counts.projects')), months: n(counts?.months, join(path, 'counts.months')) },
    summary: s ? { added: k('added'), removed: k('removed'), changedProjects: k('changedProjects'), changedFields: k('changedFields'), revisions: k('revisions'), revisedProjects: k('revisedProjects'), villages: k('villages') } : null,
  };
}

function parseChanges(c: JsonChecker, v: unknown, path: string): ReleaseChanges {
  const o = c.object(v, path) ?? {};
  const value = (x: unknown): ChangeValue => (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : null);
  const project = (x: Record<string, unknown>, p: string): ChangedProject => ({
    id: c.string(x.id, join(p, 'id')) ?? '',
    name: c.string(x.name, join(p, 'name')) ?? '',
    townCode: c.string(x.townCode, join(p, 'townCode')) ?? '',
    villageCode: x.villageCode === null ? null : c.string(x.villageCode, join(p, 'villageCode')),
  });
  const list = <T>(key: string, read: (x: Record<string, unknown>, p: string) => T): T[] =>
    (c.array(o[key], join(path, key)) ?? []).map((x, i) => read(c.object(x, join(join(path, key), i)) ?? {}, join(join(path, key), i)));
  return {
    added: list('added', project),
    removed: list('removed', project),
    fields: list('fields', (x, p) => ({ ...project(x, p), field: c.string(x.field, join(p, 'field')) ?? '', old: value(x.old), new: value(x.new) })),
    revisions: list('revisions', (x, p) => ({
      ...project(x, p),
      month: c.string(x.month, join(p, 'month')) ?? '',
      field: c.oneOf(x.field, join(p, 'field'), REVISED_FIELDS) ?? 'status',
      old: typeof x.old === 'number' ? x.old : (c.string(x.old, join(p, 'old')) ?? ''),
      new: typeof x.new === 'number' ? x.new : (c.string(x.new, join(p, 'new')) ?? ''),
    })),
    villages: list('villages', (x, p) => ({
      code: c.string(x.code, join(p, 'code')) ?? '',
      name: c.string(x.name, join(p, 'name')) ?? '',
      townCode: c.string(x.townCode, join(p, 'townCode')) ?? '',
      field: c.string(x.field, join(p, 'field')) ?? '',
      old: value(x.old),
      new: value(x.new),
    })),
  };
}

/** The name of each field a change can concern, as the changes view and changes.csv write it. */
export const CHANGE_FIELD_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  name: { zh: '项目名称', en: 'Name' },
  category: { zh: '项目类别', en: 'Category' },
  town: { zh: '乡镇', en: 'Town' },
  village: { zh: '村（社区）', en: 'Village' },
  lon: { zh: '经度', en: 'Longitude' },
  lat: { zh: '纬度', en: 'Latitude' },
  toLon: { zh: '安置点经度', en: 'Resettlement longitude' },
  toLat: { zh: '安置点纬度', en: 'Resettlement latitude' },
  status: { zh: '状态', en: 'Status' },
  progressPct: { zh: '形象进度(%)', en: 'Progress (%)' },
  spentWan: { zh: '已拨付(万元)', en: 'Paid (10k yuan)' },
  households: { zh: '总户数', en: 'Households' },
  population: { zh: '总人口', en: 'Population' },
  isPoorVillage: { zh: '是否贫困村', en: 'Poor village' },
  poorHouseholds: { zh: '建档立卡户数', en: 'Registered poor households' },
  poorPopulation: { zh: '建档立卡人口', en: 'Registered poor people' },
  exitYear: { zh: '出列年度', en: 'Exit year' },
};

/** A changed field's name in a language: the place and monthly fields above, a public field by its column header. */
export function changeFieldLabel(field: string): { zh: string; en: string } {
  return CHANGE_FIELD_LABELS[field] ?? PROJECT_FIELDS.find((f) => f.key === field)?.header ?? { zh: field, en: field };
}

/** The kinds of rows of open-data/changes.csv. */
export const CHANGE_KINDS = ['added', 'removed', 'changed', 'revised', 'village'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_ZH: Readonly<Record<ChangeKind, string>> = { added: '新增项目', removed: '删除项目', changed: '项目字段变更', revised: '往月月报改写', village: '村户数变更' };

/** The columns of open-data/changes.csv (one row per changed field), for the file and its data dictionary. */
export const CHANGE_COLUMNS: readonly { zh: string; name: string; doc: { zh: string; en: string } }[] = [
  { zh: '变更类型', name: 'kind', doc: { zh: '新增项目、删除项目、项目字段变更、往月月报改写、村户数变更', en: 'added, removed, changed (a project field), revised (a past month’s report), village (household figures)' } },
  { zh: '项目编号或村代码', name: 'id', doc: { zh: '项目编号；村户数变更为村代码', en: 'project id; the village code for a village row' } },
  { zh: '名称', name: 'name', doc: { zh: '项目或村（社区）名称', en: 'name of the project or village' } },
  { zh: '乡镇代码', name: 'town_code', doc: { zh: '所在乡镇代码', en: 'code of its town' } },
  { zh: '村代码', name: 'village_code', doc: { zh: '所在村代码；乡镇级项目为空', en: 'code of its village; blank for a town-wide project' } },
  { zh: '月份', name: 'month', doc: { zh: '被改写的月报月份（仅往月月报改写）', en: 'the month whose report was revised (revised rows only)' } },
  { zh: '字段', name: 'field', doc: { zh: '变更的字段（英文代码）', en: 'the field that changed (its id)' } },
  { zh: '字段名称', name: 'field_zh', doc: { zh: '变更的字段名称', en: 'the field’s Chinese name' } },
  { zh: '原值', name: 'old', doc: { zh: '上一版本公布的值；公开版不公布的为空', en: 'the value the previous release published; blank when withheld' } },
  { zh: '新值', name: 'new', doc: { zh: '本版本的值；公开版不公布的为空', en: 'the value of this release; blank when withheld' } },
];
