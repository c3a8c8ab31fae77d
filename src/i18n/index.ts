/**
 * Languages: a leaf every layer may import, importing nothing of ours. Which languages there are,
 * their interface strings (one catalogue per language, Chinese first: zh.ts and quality-zh.ts are
 * the reference every other catalogue matches key for key) and how each writes what a template
 * cannot: months, numbers, short counts. Place names and data stay as written (in DATA_LANG).
 *
 * Adding a language: its two catalogues, its id in LANGS, an entry in CATALOGUES and one in
 * WRITING. The compiler then names every `Localized` text still to translate (indicator, rule and
 * precision names in src/domain, CSV headers in src/state, the config's bilingual fields).
 */
import { EN } from './en';
import { QUALITY_EN } from './quality-en';
import { QUALITY_ZH, type QualityCatalogue, type QualityKey } from './quality-zh';
import { ZH, type Catalogue, type StringKey as CoreKey } from './zh';

/** The interface languages; the first is the default. */
export const LANGS = ['zh', 'en'] as const;
/** An interface language. */
export type Lang = (typeof LANGS)[number];

/** A text in every language, e.g. `{ zh: '产业覆盖率', en: 'Industry coverage' }`. */
export type Localized = Readonly<Record<Lang, string>>;

/** The language the data is written in: place and project names, and the programme's own terms (村村有产业). */
export const DATA_LANG: Lang = 'zh';

/** A key of the core catalogue or of the data-quality one (数据实, kept in files of its own). */
export type StringKey = CoreKey | QualityKey;

/** A language's interface strings: the core catalogue and the data-quality one. */
export interface Catalogues {
  core: Catalogue;
  quality: QualityCatalogue;
}

/** Every language's catalogues. */
export const CATALOGUES: Readonly<Record<Lang, Catalogues>> = {
  zh: { core: ZH, quality: QUALITY_ZH },
  en: { core: EN, quality: QUALITY_EN },
};

/** How a language writes what a `{placeholder}` cannot express. */
interface Writing {
  /** BCP 47 tag, for `lang` attributes and number formatting. */
  tag: string;
  /** A data month (`YYYY-MM`) in running text: `2016年5月`, `May 2016`. */
  month(month: string): string;
  /** The same month, short, at the start of a long time axis: `2016.5`, `2016-05`. */
  monthTick(month: string): string;
  /** A count of 10,000 or more, short enough for a map symbol: 12,345 → `1.2万`, `12k`. */
  compactCount(n: number): string;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const WRITING: Readonly<Record<Lang, Writing>> = {
  zh: {
    tag: 'zh-CN',
    month: (month) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
    monthTick: (month) => `${month.slice(0, 4)}.${Number(month.slice(5, 7))}`,
    compactCount: (n) => `${(n / 10_000).toFixed(n < 100_000 ? 1 : 0)}万`,
  },
  en: {
    tag: 'en',
    month: (month) => `${MONTHS_EN[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`,
    monthTick: (month) => `${month.slice(0, 4)}-${month.slice(5, 7)}`,
    compactCount: (n) => `${Math.round(n / 1000)}k`,
  },
};

/** Each language's two catalogues as one lookup (the test keeps their keys apart). */
const STRINGS = Object.fromEntries(LANGS.map((lang) => [lang, { ...CATALOGUES[lang].core, ...CATALOGUES[lang].quality }])) as Readonly<Record<Lang, Readonly<Record<StringKey, string>>>>;

/** The interface string for a key in a language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[lang][key];
}

/** An interface string with `{name}` placeholders filled in; an unknown name stays as written. */
export function fillText(lang: Lang, key: StringKey, values: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The text of a `Localized` (or of anything kept per language) in a language. */
export function pick<T>(localized: Readonly<Record<Lang, T>>, lang: Lang): T {
  return localized[lang];
}

/** The BCP 47 tag of a language (`zh-CN`, `en`), for an element's `lang`. */
export function langTag(lang: Lang): string {
  return WRITING[lang].tag;
}

/** `2016-05` → `2016年5月` (zh) or `May 2016` (en). */
export function monthLabel(lang: Lang, month: string): string {
  return WRITING[lang].month(month);
}

/** `2016-05` → `2016.5` (zh) or `2016-05` (en): the first label of a long time axis. */
export function monthTickLabel(lang: Lang, month: string): string {
  return WRITING[lang].monthTick(month);
}

/** A number with the language's grouping and decimals: `1,234`; `options` as for Intl.NumberFormat. */
export function formatNumber(lang: Lang, n: number, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(WRITING[lang].tag, n, options);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `n.toLocaleString(locale, options)`, the same text, from an Intl.NumberFormat made once per
 * locale and options and kept: toLocaleString makes a new one at every call, which cost the first
 * view tens of milliseconds of its panel's figures (a few thousand numbers in the report).
 */
export function formatNumberIn(locale: string, n: number, options?: Intl.NumberFormatOptions): string {
  const key = options === undefined ? locale : `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(n);
}

/** A count short enough for a map symbol: as is below 10,000, else `1.2万` (zh) or `12k` (en). */
export function compactCount(lang: Lang, n: number): string {
  return n < 10_000 ? String(n) : WRITING[lang].compactCount(n);
}
