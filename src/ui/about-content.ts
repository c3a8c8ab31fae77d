/**
 * The about page (关于, view=about) as a document: sections of paragraphs, lists, facts and a table,
 * built from the site data and the config in one language, with no DOM. The view only renders it.
 */
import type { AtlasConfig, GoalConfig } from '../contract/config';
import type { SiteData } from '../contract/site';
import { INDICATORS, type IndicatorSpec } from '../domain/indicators';
import { UNITS } from '../domain/units';
import { regionName } from '../domain/region-name';
import { DATA_LANG, monthLabel, t, type Lang, type StringKey } from '../i18n';

/** A run of text: plain, bold, or a Chinese term kept as written in another language (marked so it is read as Chinese). */
export interface TextRun {
  kind: 'text';
  text: string;
  isStrong?: boolean;
  /** The run's own language when it differs from the page's: DATA_LANG for the programme's terms. */
  lang?: Lang;
}

/** A link; `href` is `tel:`, `https:` or a view hash such as `#view=projects`. */
export interface LinkRun {
  kind: 'link';
  text: string;
  href: string;
}

/** A category's colour, shown beside its name (never instead of it). */
export interface SwatchRun {
  kind: 'swatch';
  colour: string;
}

export type Inline = TextRun | LinkRun | SwatchRun;

export type Block =
  | { kind: 'paragraph'; content: Inline[]; isNotice?: boolean }
  | { kind: 'list'; name: string; items: Inline[][] }
  | { kind: 'facts'; items: { name: string; term: string; value: Inline[] }[] }
  | { kind: 'table'; name: string; caption: string; header: string[]; rows: { key: string; cells: Inline[][] }[] };

export type AboutSectionId = 'programme' | 'indicators' | 'data' | 'sources' | 'privacy' | 'report';

export interface AboutSection {
  id: AboutSectionId;
  heading: string;
  blocks: Block[];
}

export interface AboutDocument {
  lang: Lang;
  title: string;
  sections: AboutSection[];
}

export interface AboutOptions {
  lang: Lang;
  /** True when this copy is the public build (it hides small household counts). */
  isPublic: boolean;
  /** Where the projects page is (`#view=projects`, keeping the rest of the view). */
  projectsHref: string;
  /** True when the open dataset is published beside the page (its downloads are on the projects page); not in the meeting package. */
  hasOpenData?: boolean;
}

/** The national poverty-alleviation supervision hotline (全国扶贫监督举报电话). */
export const NATIONAL_HOTLINE = '12317';

const LINKS = {
  geonames: { text: 'GeoNames', href: 'https://www.geonames.org/' },
  ccBy: { text: 'CC BY 4.0', href: 'https://creativecommons.org/licenses/by/4.0/' },
  mit: 'https://opensource.org/license/mit',
} as const;

/** The about page for this site, in one language. */
export function buildAboutContent(site: SiteData, options: AboutOptions): AboutDocument {
  const c: Ctx = { site, config: site.config, ...options };
  return {
    lang: c.lang,
    title: t(c.lang, 'aboutTitle'),
    sections: [programme(c), indicators(c), data(c), sources(c), privacy(c), report(c)],
  };
}

interface Ctx extends AboutOptions {
  site: SiteData;
  config: AtlasConfig;
}

function programme(c: Ctx): AboutSection {
  const { lang, config } = c;
  const goals = config.goals.map((g) => fill(lang, 'aboutGoalItem', { goal: strong(g[lang]), goalZh: term(g.zh), indicator: indicatorName(c, g.id) }));
  const categories = config.categories.map((cat): Inline[] => {
    const goal = config.goals.find((g) => g.id === cat.goal);
    const name = text(cat[lang]);
    return [{ kind: 'swatch', colour: cat.colour }, ...(goal ? fill(lang, 'aboutCategoryGoal', { category: name, goal: text(goal[lang]) }) : [name])];
  });
  const audience: StringKey[] = ['aboutAudienceLeaders', 'aboutAudiencePublic', 'aboutAudienceMeeting', 'aboutAudienceClerk'];
  return section(c, 'programme', 'aboutProgrammeHeading', [
    paragraph(fill(lang, 'aboutProgrammeLead', { region: text(regionName(config.region, lang)) })),
    { kind: 'list', name: 'goals', items: goals },
    paragraph(fill(lang, 'aboutCategoriesLead', { n: text(String(config.categories.length)) })),
    { kind: 'list', name: 'categories', items: categories },
    paragraph(fill(lang, 'aboutShowsLead', {})),
    paragraph(fill(lang, 'aboutAudienceLead', {})),
    { kind: 'list', name: 'audience', items: audience.map((key) => fill(lang, key, {})) },
  ]);
}

function indicators(c: Ctx): AboutSection {
  const { lang, config } = c;
  const rows = INDICATORS.map((spec) => {
    const goal = config.goals.find((g) => g.id === spec.goal);
    const name = goal ? fill(lang, 'aboutIndicatorGoal', { indicator: strong(spec[lang]), goal: text(goal[lang]) }) : [strong(spec[lang])];
    const definition = text(spec.definition[lang]);
    return {
      key: spec.id,
      cells: [
        name,
        c.site.estimated.includes(spec.id) ? fill(lang, 'aboutDefinitionEstimated', { definition }) : [definition],
        [text(t(lang, UNITS[spec.unit].aboutKey))],
        [text(t(lang, spec.isHigherBetter ? 'aboutHigherBetter' : 'aboutLowerBetter'))],
      ],
    };
  });
  const { lagPoints, exitIncidence } = config.thresholds;
  const targets = config.goals.map((g) => fill(lang, 'aboutGoalTarget', { goal: strong(g[lang]), goalZh: term(g.zh), indicator: indicatorName(c, g.id), pct: text(percent(g.target)) }));
  const isEstimated = c.site.estimated.includes('household');
  return section(c, 'indicators', 'aboutIndicatorsHeading', [
    paragraph(fill(lang, 'aboutIndicatorsLead', {})),
    {
      kind: 'table',
      name: 'indicators',
      caption: t(lang, 'aboutIndicatorsCaption'),
      header: [t(lang, 'aboutColIndicator'), t(lang, 'aboutColDefinition'), t(lang, 'aboutColUnit'), t(lang, 'aboutColDirection')],
      rows,
    },
    paragraph(fill(lang, 'aboutThresholdsLead', {})),
    {
      kind: 'list',
      name: 'thresholds',
      items: [fill(lang, 'aboutLagThreshold', { n: text(String(lagPoints)) }), fill(lang, 'aboutExitLine', { pct: text(percent(exitIncidence)) }), ...targets],
    },
    paragraph(fill(lang, 'aboutRulesLead', {})),
    {
      kind: 'list',
      name: 'rules',
      items: [fill(lang, 'aboutRuleBlank', {}), fill(lang, 'aboutRuleCarry', {}), fill(lang, 'aboutRuleEstimate', { copy: fill(lang, isEstimated ? 'aboutEstimateYes' : 'aboutEstimateNo', {}) })],
    },
  ]);
}

function data(c: Ctx): AboutSection {
  const { lang, config, site } = c;
  const months = site.months;
  const first = months[0];
  const last = months[months.length - 1];
  const span = first === undefined || last === undefined ? [text('—')] : months.length === 1 ? fill(lang, 'aboutDataMonthsOne', { first: text(monthLabel(lang, first)) }) : fill(lang, 'aboutDataMonthsValue', { first: text(monthLabel(lang, first)), last: text(monthLabel(lang, last)), n: text(String(months.length)) });
  const projectCount = site.towns.reduce((sum, town) => sum + town.projectCount, 0);
  const count = (n: number): Inline[] => fill(lang, 'aboutDataCount', { n: text(String(n)) });
  const blocks: Block[] = [];
  if (config.isSample) blocks.push({ kind: 'paragraph', content: fill(lang, 'aboutSampleNotice', { region: text(regionName(config.region, lang)) }), isNotice: true });
  blocks.push(
    {
      kind: 'facts',
      items: [
        { name: 'region', term: t(lang, 'aboutDataRegion'), value: fill(lang, 'aboutDataRegionValue', { name: text(regionName(config.region, lang)), code: text(config.region.code) }) },
        { name: 'date', term: t(lang, 'aboutDataDate'), value: [text(config.dataDate ?? last ?? '—')] },
        { name: 'months', term: t(lang, 'aboutDataMonths'), value: span },
        { name: 'towns', term: t(lang, 'aboutDataTowns'), value: count(site.towns.length) },
        { name: 'villages', term: t(lang, 'aboutDataVillages'), value: count(site.villages.length) },
        { name: 'projects', term: t(lang, 'aboutDataProjects'), value: count(projectCount) },
      ],
    },
    paragraph(fill(lang, config.basemap.type === 'none' ? 'aboutOfflineNone' : 'aboutOfflineBasemap', {})),
  );
  if (c.hasOpenData ?? true) blocks.push(paragraph(fill(lang, 'aboutOpenData', { projects: { kind: 'link', text: t(lang, 'viewProjects'), href: c.projectsHref } })));
  return section(c, 'data', 'aboutDataHeading', blocks);
}

function sources(c: Ctx): AboutSection {
  const { lang, config } = c;
  const items = [
    fill(lang, 'aboutSourceDivisions', {}),
    fill(lang, 'aboutSourceSeats', { geonames: { kind: 'link', ...LINKS.geonames }, licence: { kind: 'link', ...LINKS.ccBy } }),
    fill(lang, 'aboutSourceOutline', {}),
  ];
  if (config.isSample) items.push(fill(lang, 'aboutSourceSample', {}));
  const basemap = config.basemap;
  if (basemap.type === 'xyz') items.push(fill(lang, basemap.crs === 'GCJ02' ? 'aboutSourceBasemapShifted' : 'aboutSourceBasemap', { attribution: text(basemap.attribution) }));
  if (basemap.type === 'tianditu') items.push(fill(lang, 'aboutSourceTianditu', {}));
  return section(c, 'sources', 'aboutSourcesHeading', [
    { kind: 'list', name: 'sources', items },
    paragraph(fill(lang, 'aboutLicence', { mit: { kind: 'link', text: t(lang, 'aboutMitLicence'), href: LINKS.mit } })),
  ]);
}

function privacy(c: Ctx): AboutSection {
  const { lang, config } = c;
  const copy = fill(lang, c.isPublic ? 'aboutPrivacyPublic' : 'aboutPrivacyInternal', {});
  return section(c, 'privacy', 'aboutPrivacyHeading', [
    paragraph(fill(lang, 'aboutPrivacyLead', {})),
    {
      kind: 'list',
      name: 'privacy',
      items: [fill(lang, 'aboutPrivacyRefuse', {}), fill(lang, 'aboutPrivacyHouseholds', {}), fill(lang, 'aboutPrivacySmall', { n: text(String(config.thresholds.minHouseholdCount)), copy })],
    },
  ]);
}

function report(c: Ctx): AboutSection {
  const { lang } = c;
  return section(c, 'report', 'aboutReportHeading', [
    {
      kind: 'list',
      name: 'report',
      items: [
        fill(lang, 'aboutReportHotline', { hotline: { kind: 'link', text: NATIONAL_HOTLINE, href: `tel:${NATIONAL_HOTLINE}` } }),
        fill(lang, 'aboutReportProjects', { projects: { kind: 'link', text: t(lang, 'viewProjects'), href: c.projectsHref } }),
        fill(lang, 'aboutReportData', {}),
      ],
    },
  ]);
}

function section(c: Ctx, id: AboutSectionId, heading: StringKey, blocks: Block[]): AboutSection {
  return { id, heading: t(c.lang, heading), blocks };
}

function paragraph(content: Inline[]): Block {
  return { kind: 'paragraph', content };
}


function indicatorName(c: Ctx, id: GoalConfig['id']): TextRun {
  return text(INDICATORS.find((s: IndicatorSpec) => s.id === id)?.[c.lang] ?? id);
}

/** A share (0–1) as a percentage without trailing zeros: 0.02 → `2%`, 0.015 → `1.5%`, 1 → `100%`. */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

function text(s: string): TextRun {
  return { kind: 'text', text: s };
}

function strong(s: string): TextRun {
  return { kind: 'text', text: s, isStrong: true };
}

/** A Chinese term shown as written: in English it is the programme's own word, in parentheses. */
function term(s: string): TextRun {
  return { kind: 'text', text: s, lang: DATA_LANG };
}

/** Runs of Han characters with the CJK punctuation between them (村村有产业、户户有项目). */
const HAN_RUN = /([\p{Script=Han}][\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*)/u;

/**
 * A catalogue string as runs: `{name}` takes the value's runs (a language's string may leave a
 * value out: the Chinese ones never name `{goalZh}`), `**…**` is bold, and in any other language
 * the Chinese written in the string is marked as a Chinese term.
 */
function fill(lang: Lang, key: StringKey, values: Record<string, Inline | Inline[]>): Inline[] {
  const out: Inline[] = [];
  let isStrong = false;
  for (const token of t(lang, key).split(/(\*\*|\{\w+\})/)) {
    if (token === '') continue;
    if (token === '**') {
      isStrong = !isStrong;
      continue;
    }
    const name = /^\{(\w+)\}$/.exec(token)?.[1];
    if (name !== undefined && name in values) {
      const value = values[name] ?? [];
      for (const run of Array.isArray(value) ? value : [value]) out.push(run.kind === 'text' && isStrong ? { ...run, isStrong } : run);
      continue;
    }
    const parts = lang === DATA_LANG ? [token] : token.split(HAN_RUN);
    parts.forEach((part, i) => {
      if (part === '') return;
      const run: TextRun = { kind: 'text', text: part };
      if (isStrong) run.isStrong = true;
      if (i % 2 === 1) run.lang = DATA_LANG;
      out.push(run);
    });
  }
  return out;
}
