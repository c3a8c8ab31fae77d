/** The view as it lives in the URL hash (`#ind=lag&town=420324101`): pure parse and serialise, so every view is a link. */
import { INDICATOR_IDS, type IndicatorId, type SiteData } from '../contract/site';
import { CLASS_METHODS, type ClassMethod } from '../domain/classify';
import { LANGS, type Lang } from '../i18n';
export { QUERY_MAX_CHARS, type SortDirection, type SortOrder, type ViewContext } from './hash-codecs';
import { calendarDay, flag, list, member, oneOf, pageNumber, searchText, sortOrder, startYear, stopNumber, type KeyCodec, type SortOrder, type ViewContext, type Warn } from './hash-codecs';


export { LANGS, type Lang };

/** Project statuses a filter can show; `done` includes accepted projects. */
export type StatusFilter = 'planned' | 'building' | 'done';
export const STATUS_FILTERS: readonly StatusFilter[] = ['planned', 'building', 'done'];

/** The projects table's sortable columns. `place` is town then village; `period` is start then due; `progress` is status then progress %. */
export const PROJECT_SORT_KEYS = ['id', 'name', 'category', 'place', 'budgetWan', 'period', 'progress', 'spentWan', 'unit', 'year'] as const;
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];
/** The ranking table's sortable columns. */
export const RANKING_SORT_KEYS = ['rank', 'name', 'value'] as const;
export type RankingSortKey = (typeof RANKING_SORT_KEYS)[number];

/**
 * The page's views, in the masthead's order: the atlas map, the projects' public notice (项目公示),
 * the monthly report (月度通报), checking a dataset (数据检查), about (关于), and the village notice
 * board's sheets (公告公示, opened from a town's or village's panel, not the masthead), and the
 * release history (更新记录, opened from the footer's 数据版本). Each has an
 * entry in the app's table of views (src/app/views.ts), which the compiler asks for.
 */
export const VIEW_NAMES = ['map', 'projects', 'report', 'check', 'about', 'notice', 'changes'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ViewState {
  view: ViewName;
  ind: IndicatorId;
  cls: ClassMethod;
  /** 9-digit town code, or null for the county. */
  town: string | null;
  /** 12-digit village code (implies its town). */
  village: string | null;
  /** The project whose popup is open (key `proj`). */
  project: string | null;
  /** YYYY-MM; null = the latest month of the data. */
  month: string | null;
  /** Category ids shown; [] = all. */
  cat: string[];
  /** Statuses shown; [] = all. */
  st: StatusFilter[];
  lang: Lang;
  /** Colour by the change since the previous month instead of the value (key `delta=1`). */
  isDelta: boolean;
  /** Presentation mode at this tour stop, counting from 1 (key `tour`); null = not presenting. */
  tour: number | null;
  /** The map and legend only, for an iframe on the county's website (key `embed=1`). */
  isEmbed: boolean;
  /** Large type (大字, 适老化): the interface text at 1.5× and the map's labels with it (key `big=1`). */
  isLargeType: boolean;
  /** Project markers drawn on the map (key `markers=0` turns them off). */
  isShowingProjects: boolean;
  /** The ranking table's order (key `rank`, e.g. `value-desc`). */
  rankSort: SortOrder<RankingSortKey>;
  /** The projects page's search text (key `q`). */
  q: string;
  /** The projects page's start year; null = every year (key `year`). */
  year: number | null;
  /** The projects page shows only projects with site photos (key `photos=1`). */
  isPhotosOnly: boolean;
  /** The projects page's order (key `sort`, e.g. `budget-desc`). */
  sort: SortOrder<ProjectSortKey>;
  /** The projects page's page, from 1 (key `page`); the page clamps it to the pages there are. */
  page: number;
  /** The notice board's first posting day, YYYY-MM-DD (key `from`); null = today. */
  from: string | null;
}

/** The county view: what an empty hash means. Frozen, so nobody edits it in place. */
export const DEFAULT_VIEW: ViewState = frozen({
  view: 'map',
  ind: 'industry',
  cls: 'fixed',
  town: null,
  village: null,
  project: null,
  month: null,
  cat: frozen([]),
  st: frozen([]),
  lang: 'zh',
  isDelta: false,
  tour: null,
  isEmbed: false,
  isLargeType: false,
  isShowingProjects: true,
  rankSort: frozen({ key: 'rank', direction: 'ascending' }),
  q: '',
  year: null,
  isPhotosOnly: false,
  sort: frozen({ key: 'id', direction: 'ascending' }),
  page: 1,
  from: null,
});

/**
 * The towns, villages, projects, months and categories a hash may name, from the site data. The
 * project ids are kept as given: a set that grows as towns' projects load stays current.
 */
export function viewContextOf(site: SiteData, projectIds: ReadonlySet<string>): ViewContext {
  const villages = new Map<string, string>();
  for (const v of site.villages) {
    const town = site.towns[v.townId];
    if (town) villages.set(v.code, town.code);
  }
  return {
    towns: new Set(site.towns.map((t) => t.code)),
    villages,
    projects: projectIds,
    months: site.months,
    categories: site.config.categories.map((c) => c.id),
    tourStops: site.config.tour.length,
  };
}

/** Every field's codec, in the order keys appear in a serialised hash. A new key (`view`, `tour`) is a field in ViewState, its default and an entry here; the types insist on all three. */
const CODECS: { [F in keyof ViewState]: KeyCodec<ViewState[F]> } = {
  view: oneOf('view', VIEW_NAMES, DEFAULT_VIEW.view),
  ind: oneOf('ind', INDICATOR_IDS, DEFAULT_VIEW.ind),
  cls: oneOf('cls', CLASS_METHODS, DEFAULT_VIEW.cls),
  town: member('town', { noun: 'town', format: [/^\d{9}$/, 'a 9-digit town code'], has: (c, v) => c.towns.has(v), fallback: 'showing the county' }),
  village: member('village', { noun: 'village', format: [/^\d{12}$/, 'a 12-digit village code'], has: (c, v) => c.villages.has(v), fallback: 'ignored' }),
  project: member('proj', { noun: 'project', format: null, has: (c, v) => c.projects.has(v), fallback: 'no popup' }),
  month: member('month', { noun: 'month', format: [/^\d{4}-(0[1-9]|1[0-2])$/, 'a YYYY-MM month'], has: (c, v) => c.months.includes(v), fallback: 'using the latest month' }),
  cat: list('cat', 'category', (c) => c.categories, (v) => [...new Set(v)].sort()),
  st: list('st', 'status', () => STATUS_FILTERS, (v) => {
    const shown = STATUS_FILTERS.filter((s) => v.includes(s));
    return shown.length === STATUS_FILTERS.length ? [] : shown;
  }),
  lang: oneOf('lang', LANGS, DEFAULT_VIEW.lang),
  isDelta: flag('delta'),
  tour: stopNumber('tour'),
  isEmbed: flag('embed'),
  isLargeType: flag('big'),
  isShowingProjects: flag('markers'),
  rankSort: sortOrder('rank', RANKING_SORT_KEYS, {}),
  q: searchText('q'),
  year: startYear('year'),
  isPhotosOnly: flag('photos'),
  sort: sortOrder('sort', PROJECT_SORT_KEYS, { budgetWan: 'budget', spentWan: 'spent' }),
  page: pageNumber('page'),
  from: calendarDay('from'),
};

// The record's own keys, which its type fixes to exactly the fields of ViewState.
const FIELDS = Object.keys(CODECS) as (keyof ViewState)[];
const KEYS: ReadonlySet<string> = new Set(FIELDS.map((f) => CODECS[f].key));

/** Parses `#ind=lag&town=420324101…`; bad or unknown values fall back to defaults, each with a warning (the caller console.warns them). Never throws. */
export function parseViewState(hash: string, ctx: ViewContext): { state: ViewState; warnings: string[] } {
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const texts = readPairs(hash, warn);
  const state: ViewState = { ...DEFAULT_VIEW };
  for (const field of FIELDS) decodeField(field, state, texts, ctx, warn);
  placeVillage(state, ctx, warn);
  return { state, warnings };
}

/** The hash for a state: only non-default keys, in a fixed key order, URL-encoded values, leading '#', '' for the default view. Lists are written sorted and without repeats. */
export function serializeViewState(state: ViewState): string {
  const pairs = FIELDS.map((field) => encodeField(field, state)).filter((p) => p !== null);
  return pairs.length === 0 ? '' : `#${pairs.join('&')}`;
}

function decodeField<F extends keyof ViewState>(field: F, state: ViewState, texts: ReadonlyMap<string, string>, ctx: ViewContext, warn: Warn): void {
  const codec: KeyCodec<ViewState[F]> = CODECS[field];
  const text = texts.get(codec.key);
  if (text === undefined) return;
  const value = codec.decode(text, ctx, warn);
  if (value !== undefined) state[field] = value;
}

function encodeField<F extends keyof ViewState>(field: F, state: ViewState): string | null {
  const codec: KeyCodec<ViewState[F]> = CODECS[field];
  const text = codec.encode(state[field]);
  return text === codec.encode(DEFAULT_VIEW[field]) ? null : `${codec.key}=${text}`;
}

/** Known keys with their percent-decoded values; the last of a repeated key wins. */
function readPairs(hash: string, warn: Warn): Map<string, string> {
  const texts = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq < 0) {
      warn(`"${pair}": not a key=value pair; ignored`);
      continue;
    }
    const key = percentDecoded(pair.slice(0, eq));
    const text = percentDecoded(pair.slice(eq + 1));
    if (key === null || text === null) warn(`"${pair}": bad percent-encoding; ignored`);
    else if (!KEYS.has(key)) warn(`#${key}: unknown key; ignored`);
    else {
      if (texts.has(key)) warn(`#${key}: given more than once; using the last value`);
      texts.set(key, text);
    }
  }
  return texts;
}

/** A village names its town: it sets `town`, and wins when the two disagree. */
function placeVillage(state: ViewState, ctx: ViewContext, warn: Warn): void {
  const town = state.village === null ? undefined : ctx.villages.get(state.village);
  if (town === undefined) return;
  if (state.town !== null && state.town !== town) warn(`#village: village ${state.village} is in town ${town}, not ${state.town}; using its town`);
  state.town = town;
}

function percentDecoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function frozen<T extends object>(value: T): T {
  Object.freeze(value);
  return value;
}
