/**
 * The data problems the pipeline reports (an Issue's key and parameters) and their texts in each
 * language. A problem is data: `{ key, params }`, built only through `problem()`, whose types take
 * the key's parameters from the Chinese catalogue (problems-zh.ts, the reference that
 * problems-en.ts matches key for key). Any string parameter may itself be a problem (a phrase such
 * as “the end of the file”), rendered in the same language; values from the data (headers, codes,
 * names) are passed as they are and never translated.
 */
import type { Lang } from './index';
import { PROBLEMS_EN } from './problems-en';
import { PROBLEMS_ZH, type ProblemKey } from './problems-zh';

export type { ProblemKey } from './problems-zh';

type ProblemLang = Lang;

/** A parameter as it is stored: a value from the data, a number, a list of values, or a phrase of its own. */
export type ProblemParam = string | number | boolean | readonly string[] | ProblemRef;

/** A problem as data: which text, with what values; JSON- and structured-clone-safe. */
export interface ProblemRef {
  readonly key: ProblemKey;
  readonly params: Readonly<Record<string, ProblemParam>>;
}

/** A problem with its English text (the CLI's and the tests' `message`). */
export interface Problem extends ProblemRef {
  readonly message: string;
}

type Texts = typeof PROBLEMS_ZH;
/** What a key's text takes: its parameters as the catalogue sees them (phrases already rendered). */
type TextParams<K extends ProblemKey> = Parameters<Texts[K]> extends [infer P] ? P : Record<string, never>;
/** What a caller gives: the same, where any text may be a phrase (a ProblemRef). */
type Given<P> = { [N in keyof P]: P[N] extends string ? string | ProblemRef : P[N] };
/** `problem(key)` for a text without parameters, `problem(key, params)` otherwise. */
export type ProblemArgs<K extends ProblemKey> = Parameters<Texts[K]> extends [] ? [] : [params: Given<TextParams<K>>];

const TEXTS: Readonly<Record<ProblemLang, Readonly<Record<ProblemKey, (p: never) => string>>>> = { zh: PROBLEMS_ZH, en: PROBLEMS_EN };

/** A phrase used inside another problem's text (no English `message` of its own needed). */
export function phrase<K extends ProblemKey>(key: K, ...params: ProblemArgs<K>): ProblemRef {
  return { key, params: (params[0] ?? {}) as ProblemRef['params'] };
}

/** A problem: its key, its parameters and its English text. */
export function problem<K extends ProblemKey>(key: K, ...params: ProblemArgs<K>): Problem {
  const ref = phrase(key, ...params);
  return { ...ref, message: problemText('en', ref) };
}

/** Just the problem of something that carries one (a failed read's `{ ok: false, row, …problem }`), for an Issue. */
export function problemOf(p: Problem): Problem {
  return { key: p.key, params: p.params, message: p.message };
}

/** Just the key and parameters of a problem, to pass as another problem's parameter. */
export function refOf(p: ProblemRef): ProblemRef {
  return { key: p.key, params: p.params };
}

/** A problem's text in a language; its phrases are rendered in the same language. */
export function problemText(lang: ProblemLang, ref: ProblemRef): string {
  const rendered: Record<string, string | number | boolean | readonly string[]> = {};
  for (const [name, value] of Object.entries(ref.params)) rendered[name] = isRef(value) ? problemText(lang, value) : value;
  const text = TEXTS[lang][ref.key] as (p: typeof rendered) => string;
  return text(rendered);
}

/** Whether a key names a text of the catalogues (a problem read back from JSON may not). */
export function isProblemKey(key: unknown): key is ProblemKey {
  return typeof key === 'string' && Object.hasOwn(PROBLEMS_ZH, key);
}

/** The words for an issue's level, in a language. */
export function levelText(lang: ProblemLang, level: 'error' | 'warning'): string {
  return LEVELS[lang][level];
}

const LEVELS: Readonly<Record<ProblemLang, Readonly<Record<'error' | 'warning', string>>>> = {
  zh: { error: '错误', warning: '警告' },
  en: { error: 'error', warning: 'warning' },
};

function isRef(v: ProblemParam): v is ProblemRef {
  return typeof v === 'object' && !Array.isArray(v);
}
