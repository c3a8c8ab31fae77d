/**
 * Interface strings: one catalogue per language (src/ui/i18n/zh.ts, en.ts), Chinese first. The
 * English catalogue is typed by the Chinese one's keys, so a missing or stray key does not compile.
 * Place names and data stay as written.
 */
import type { Lang } from '../domain/format';
import { EN } from './i18n/en';
import { QUALITY_EN } from './i18n/quality-en';
import { QUALITY_ZH, type QualityKey } from './i18n/quality-zh';
import { ZH, type Catalogue, type StringKey as CoreKey } from './i18n/zh';

export type { Lang };
/** A key of the core catalogue or of the data-quality one (数据实, kept in files of its own). */
export type StringKey = CoreKey | QualityKey;

const CATALOGUES: Readonly<Record<Lang, Catalogue & Readonly<Record<QualityKey, string>>>> = { zh: { ...ZH, ...QUALITY_ZH }, en: { ...EN, ...QUALITY_EN } };

/** The interface string for a key in a language. */
export function t(lang: Lang, key: StringKey): string {
  return CATALOGUES[lang][key];
}
