/**
 * 更新记录 (view=changes) as data: the latest release's changes in sections (projects added, removed,
 * changed, past reports revised, villages), each row with its words and its links to the map and
 * the projects table, and the history of releases newest first. Pure; the view renders it.
 */
import { STATUSES, type ProjectStatus } from '../contract/columns';
import { changeFieldLabel, type ChangeValue, type ReleaseEntry, type ReleaseFile } from '../contract/release';
import type { SiteData } from '../contract/site';
import { fillText, formatNumber, monthLabel, pick, t, type Lang } from '../i18n';
import { serializeViewState, type ViewState } from './view-state';

export type ChangesSectionId = 'revised' | 'added' | 'fields' | 'removed' | 'villages';

/** One changed thing: what, where, and (for a field) the old and new value. */
export interface ChangeRow {
  /** The project id or village code. */
  id: string;
  name: string;
  /** Town, and village when there is one. */
  place: string;
  /** The town's code (its projects are loaded before a link is followed). */
  townCode: string;
  /** The month revised (revisions only), as the language writes it. */
  month: string | null;
  field: string | null;
  old: string | null;
  new: string | null;
  /** Links into this site; null for a project no longer in it. */
  mapHref: string | null;
  tableHref: string | null;
}

export interface ChangesSection {
  id: ChangesSectionId;
  heading: string;
  rows: ChangeRow[];
}

export interface HistoryRow {
  id: string;
  date: string;
  projects: number;
  /** The change summary in words, or that it was the first release. */
  summary: string;
  isLatest: boolean;
}

export interface ChangesDocument {
  lang: Lang;
  title: string;
  /** 数据版本 … and what it was compared with. */
  release: string;
  compared: string;
  /** Sections with rows only; revisions first, as an inspector reads them. */
  sections: ChangesSection[];
  /** A note on revisions being 数据实 findings, when there are any. */
  revisedNote: string | null;
  history: HistoryRow[];
}

/** The changes view's document for a release, in the state's language, with links that keep the state's other choices. */
export function changesDocument(site: SiteData, release: ReleaseFile, state: ViewState): ChangesDocument {
  const lang = state.lang;
  const townByCode = new Map(site.towns.map((x) => [x.code, x]));
  const villageByCode = new Map(site.villages.map((x) => [x.code, x]));
  const placeOf = (townCode: string, villageCode: string | null): string => {
    const town = townByCode.get(townCode)?.name ?? townCode;
    const village = villageCode ? (villageByCode.get(villageCode)?.name ?? villageCode) : '';
    return village ? `${town} · ${village}` : town;
  };
  const links = (townCode: string, villageCode: string | null, project: string | null) => {
    const place = { town: townCode, village: villageCode, project, tour: null };
    return { mapHref: serializeViewState({ ...state, ...place, view: 'map' }) || '#', tableHref: project ? serializeViewState({ ...state, ...place, view: 'projects' }) || '#' : null };
  };
  const value = (field: string, v: ChangeValue | string | number): string => formatValue(site, lang, field, v);
  const c = release.changes;
  const sections: ChangesSection[] = [];
  if (c) {
    const section = (id: ChangesSectionId, key: Parameters<typeof t>[1], rows: ChangeRow[]) => {
      if (rows.length > 0) sections.push({ id, heading: fillText(lang, key, { n: rows.length }), rows });
    };
    section(
      'revised',
      'changesRevised',
      c.revisions.map((r) => ({ id: r.id, name: r.name, townCode: r.townCode, place: placeOf(r.townCode, r.villageCode), month: monthLabel(lang, r.month), field: pick(changeFieldLabel(r.field), lang), old: value(r.field, r.old), new: value(r.field, r.new), ...links(r.townCode, r.villageCode, r.id) })),
    );
    section('added', 'changesAdded', c.added.map((p) => ({ id: p.id, name: p.name, townCode: p.townCode, place: placeOf(p.townCode, p.villageCode), month: null, field: null, old: null, new: null, ...links(p.townCode, p.villageCode, p.id) })));
    section(
      'fields',
      'changesFields',
      c.fields.map((f) => ({ id: f.id, name: f.name, townCode: f.townCode, place: placeOf(f.townCode, f.villageCode), month: null, field: pick(changeFieldLabel(f.field), lang), old: value(f.field, f.old), new: value(f.field, f.new), ...links(f.townCode, f.villageCode, f.id) })),
    );
    section('removed', 'changesRemoved', c.removed.map((p) => ({ id: p.id, name: p.name, townCode: p.townCode, place: placeOf(p.townCode, p.villageCode), month: null, field: null, old: null, new: null, mapHref: null, tableHref: null })));
    section(
      'villages',
      'changesVillages',
      c.villages.map((v) => ({ id: v.code, name: v.name, townCode: v.townCode, place: placeOf(v.townCode, null), month: null, field: pick(changeFieldLabel(v.field), lang), old: value(v.field, v.old), new: value(v.field, v.new), ...links(v.townCode, v.code, null) })),
    );
  }
  return {
    lang,
    title: t(lang, 'changesTitle'),
    release: fillText(lang, 'changesRelease', { id: release.id, date: release.date }),
    compared: release.previous ? fillText(lang, 'changesCompared', { id: release.previous }) : t(lang, 'changesFirst'),
    sections,
    revisedNote: c && c.revisions.length > 0 ? t(lang, 'changesRevisedNote') : null,
    history: release.history.map((e, i) => ({ id: e.id, date: e.date, projects: e.counts.projects, summary: summaryText(e, lang), isLatest: i === 0 })),
  };
}

/** A release's change summary in one line, e.g. 新增 2 个项目，删除 1 个，3 个项目信息变更，往月月报改写 3 处. */
export function summaryText(e: ReleaseEntry, lang: Lang): string {
  const s = e.summary;
  if (!s) return t(lang, 'changesFirstShort');
  const parts = [
    [s.added, 'changesSumAdded'],
    [s.removed, 'changesSumRemoved'],
    [s.changedProjects, 'changesSumChanged'],
    [s.revisions, 'changesSumRevised'],
    [s.villages, 'changesSumVillages'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => fillText(lang, key, { n }));
  return said.length > 0 ? said.join(t(lang, 'changesSep')) : t(lang, 'changesSumNone');
}

/** A changed value as a reader reads it: a status or category by its name, yes/no, a number in the language's digits, a blank as —. */
function formatValue(site: SiteData, lang: Lang, field: string, v: ChangeValue | string | number): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'boolean') return t(lang, v ? 'yes' : 'no');
  if (typeof v === 'number') return formatNumber(lang, v);
  if (field === 'status' && (STATUSES as readonly string[]).includes(v)) return t(lang, v as ProjectStatus);
  if (field === 'category') {
    const category = site.config.categories.find((x) => x.id === v);
    return category ? pick({ zh: category.zh, en: category.en }, lang) : v;
  }
  if (field === 'town') return site.towns.find((x) => x.code === v)?.name ?? v;
  if (field === 'village') return site.villages.find((x) => x.code === v)?.name ?? v;
  return v;
}
