/**
 * Interface strings: one catalogue per language (src/ui/i18n/zh.ts, en.ts), Chinese first. The
 * English catalogue is typed by the Chinese one's keys, so a missing or stray key does not compile.
 * Place names and data stay as written.
 */
import type { Lang } from '../domain/format';
import { EN } from './i18n/en';
import { ZH, type Catalogue, type StringKey } from './i18n/zh';

export type { Lang, StringKey };

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh: ZH, en: EN };

/** The interface string for a key in a language. */
export function t(lang: Lang, key: StringKey): string {
  return CATALOGUES[lang][key];
}
