/**
 * The projects of two releases compared by id: added, removed, each public field changed, and each
 * past month's published figure rewritten (a revision, also a 数据实 finding). Both sides are read
 * as the projects files hold them (coordinates to 6 places, money to 2), so a change is a change
 * the public could see.
 */
import { STATUSES } from '../../contract/columns';
import { STORED_FIELDS } from '../../contract/projects';
import type { ChangedProject, ChangeValue, FieldChange, Revision, RevisedField } from '../../contract/release';
import type { Finding } from '../../domain/integrity-model';
import { stateTable } from '../aggregate/project-states';
import { projectView } from '../emit/emit-site';
import type { Dataset } from '../model';
import type { PreviousRelease } from './previous';

/** The project fields compared, in the order a project's changes are listed. */
const PLACE_FIELDS = ['name', 'category', 'town', 'village', 'lon', 'lat', 'toLon', 'toLat'] as const;
export const COMPARED_FIELDS: readonly string[] = [...PLACE_FIELDS, ...STORED_FIELDS.map((f) => f.key)];

export interface ProjectChanges {
  added: ChangedProject[];
  removed: ChangedProject[];
  fields: FieldChange[];
  revisions: Revision[];
  /** One pastRevised finding per project and month revised. */
  findings: Finding[];
}

/** A project of either release: who it is, its public values by field, and its monthly figures by month. */
interface Side extends ChangedProject {
  values: Record<string, ChangeValue>;
  monthly: Map<string, Record<RevisedField, string | number>>;
}

/** Compares the new dataset's projects with the previous release's. */
export function compareProjects(prev: PreviousRelease, d: Dataset): ProjectChanges {
  const before = previousSides(prev);
  const view = projectView(d, stateTable(d));
  const added: ChangedProject[] = [];
  const fields: FieldChange[] = [];
  const revisions: Revision[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const prevMonths = new Set(prev.site.months);
  for (let i = 0; i < view.length; i++) {
    const village = view.village(i);
    const who: ChangedProject = { id: view.id(i), name: view.name(i), townCode: d.towns[view.town(i)]!.code, villageCode: village >= 0 ? d.villages[village]!.code : null };
    const old = before.get(who.id);
    if (!old) {
      added.push(who);
      continue;
    }
    seen.add(who.id);
    const hasOwn = view.hasOwnPoint(i);
    const values: Record<string, ChangeValue> = {
      name: who.name,
      category: d.config.categories[view.category(i)]?.id ?? null,
      town: who.townCode,
      village: who.villageCode,
      lon: hasOwn ? view.lon(i) : null,
      lat: hasOwn ? view.lat(i) : null,
      toLon: view.toLon(i),
      toLat: view.toLat(i),
    };
    for (const f of STORED_FIELDS) values[f.key] = (view[f.key] as (i: number) => ChangeValue)(i);
    for (const field of COMPARED_FIELDS) {
      if (old.values[field] !== values[field]) fields.push({ ...who, field, old: old.values[field] ?? null, new: values[field] ?? null });
    }
    // Past months: those both releases report.
    for (let m = 0; m < view.months.length; m++) {
      const month = view.months[m]!;
      const was = prevMonths.has(month) ? old.monthly.get(month) : undefined;
      if (!was) continue;
      const now: Record<RevisedField, string | number> = { status: STATUSES[view.status(m, i)] ?? 'planned', progressPct: view.progressPct(m, i), spentWan: view.spentWan(m, i) };
      const figures: Record<string, number> = {};
      if (was.status !== now.status) Object.assign(figures, { fromStatus: (STATUSES as readonly string[]).indexOf(String(was.status)), toStatus: view.status(m, i) });
      if (was.progressPct !== now.progressPct) Object.assign(figures, { fromPct: was.progressPct, toPct: now.progressPct });
      if (was.spentWan !== now.spentWan) Object.assign(figures, { fromSpentWan: was.spentWan, toSpentWan: now.spentWan });
      if (Object.keys(figures).length === 0) continue;
      for (const field of ['status', 'progressPct', 'spentWan'] as const) if (was[field] !== now[field]) revisions.push({ ...who, month, field, old: was[field], new: now[field] });
      findings.push({ rule: 'pastRevised', month, town: view.town(i), village, projects: [i], amountWan: view.budgetWan(i), figures });
    }
  }
  const removed = [...before.values()].filter((p) => !seen.has(p.id)).map(({ id, name, townCode, villageCode }) => ({ id, name, townCode, villageCode }));
  return { added: sortProjects(added), removed: sortProjects(removed), fields: sortProjects(fields), revisions: sortProjects(revisions), findings };
}

/** The previous release's projects by id, with their values as the new side is read. */
function previousSides(prev: PreviousRelease): Map<string, Side> {
  const out = new Map<string, Side>();
  const { site } = prev;
  prev.projects.forEach((file) => {
    if (!file) return;
    for (let i = 0; i < file.id.length; i++) {
      const village = file.village[i]!;
      const who: ChangedProject = { id: file.id[i]!, name: file.name[i]!, townCode: site.towns[file.town[i]!]?.code ?? '', villageCode: village >= 0 ? (site.villages[village]?.code ?? null) : null };
      const hasOwn = file.hasOwnPoint[i]!;
      const values: Record<string, ChangeValue> = {
        name: who.name,
        category: site.config.categories[file.category[i]!]?.id ?? null,
        town: who.townCode,
        village: who.villageCode,
        lon: hasOwn ? file.lon[i]! : null,
        lat: hasOwn ? file.lat[i]! : null,
        toLon: file.toLon[i]!,
        toLat: file.toLat[i]!,
      };
      for (const f of STORED_FIELDS) values[f.key] = (file[f.key] as ChangeValue[])[i] ?? null;
      const monthly = new Map<string, Record<RevisedField, string | number>>();
      file.months.forEach((month, m) => monthly.set(month, { status: STATUSES[file.status[m]![i]!] ?? 'planned', progressPct: file.progressPct[m]![i]!, spentWan: file.spentWan[m]![i]! }));
      out.set(who.id, { ...who, values, monthly });
    }
  });
  return out;
}

/** Field order within a project, then month. */
const FIELD_ORDER = new Map([...COMPARED_FIELDS, 'status', 'progressPct', 'spentWan'].map((f, k) => [f, k]));

/** Sorted by town, village (town-wide first), project id, month, field: the order the changes are listed and written. */
export function sortProjects<T extends ChangedProject & { field?: string; month?: string }>(list: T[]): T[] {
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort(
    (a, b) =>
      text(a.townCode, b.townCode) ||
      text(a.villageCode ?? '', b.villageCode ?? '') ||
      text(a.id, b.id) ||
      text(a.month ?? '', b.month ?? '') ||
      (FIELD_ORDER.get(a.field ?? '') ?? -1) - (FIELD_ORDER.get(b.field ?? '') ?? -1),
  );
}
