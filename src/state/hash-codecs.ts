/** How each field of the view state reads from and writes to its hash key: small codecs, each warning about what it cannot read. */
export type SortDirection = 'ascending' | 'descending';

/** A table's order: a column and a direction (in the link as `budget-desc`). */
export interface SortOrder<K extends string> {
  key: K;
  direction: SortDirection;
}

/** What the data allows: used to validate values from a hash. */
export interface ViewContext {
  towns: ReadonlySet<string>;
  /** Village code → its town's code. */
  villages: ReadonlyMap<string, string>;
  projects: ReadonlySet<string>;
  months: readonly string[];
  categories: readonly string[];
  /** Number of stops in the configured tour. */
  tourStops: number;
}

/** Longest search text a link keeps, in characters. */
export const QUERY_MAX_CHARS = 200;
/** Highest page number a link may name (the page clamps it to the pages there are). */
const PAGE_MAX = 100_000;

export type Warn = (message: string) => void;

/** How one field of the state reads from and writes to its hash key. */
export interface KeyCodec<T> {
  key: string;
  /** The value for a (percent-decoded) hash value, or undefined, after a warning, to keep the default. */
  decode(text: string, ctx: ViewContext, warn: Warn): T | undefined;
  /** The (percent-encoded) hash value; a key whose text equals the default's is left out. */
  encode(value: T): string;
}

export function oneOf<T extends string>(key: string, values: readonly T[], fallback: T): KeyCodec<T> {
  return {
    key,
    decode(text, _ctx, warn) {
      const value = values.find((v) => v === text);
      if (value === undefined) warn(`#${key}: unknown value "${text}"; using "${fallback}"`);
      return value;
    },
    encode: (value) => encodeURIComponent(value),
  };
}

export interface MemberRule {
  noun: string;
  /** A pattern the value must match, with its description for the warning. */
  format: [RegExp, string] | null;
  has: (ctx: ViewContext, value: string) => boolean;
  /** What happens instead, for the warning. */
  fallback: string;
}

/** A value that must name something in the data; null when absent. */
export function member(key: string, rule: MemberRule): KeyCodec<string | null> {
  return {
    key,
    decode(text, ctx, warn) {
      if (rule.format && !rule.format[0].test(text)) warn(`#${key}: "${text}" is not ${rule.format[1]}; ${rule.fallback}`);
      else if (!rule.has(ctx, text)) warn(`#${key}: ${rule.noun} "${text}" is not in the data; ${rule.fallback}`);
      else return text;
      return undefined;
    },
    encode: (value) => (value === null ? '' : encodeURIComponent(value)),
  };
}

/** A comma-separated subset of what the data allows; unknown items are dropped, each with a warning. */
export function list<T extends string>(key: string, noun: string, allowed: (ctx: ViewContext) => readonly T[], canonical: (values: T[]) => T[]): KeyCodec<T[]> {
  return {
    key,
    decode(text, ctx, warn) {
      const values: T[] = [];
      for (const item of text.split(',')) {
        if (item === '') continue;
        const value = allowed(ctx).find((v) => v === item);
        if (value === undefined) warn(`#${key}: unknown ${noun} "${item}"; dropped`);
        else values.push(value);
      }
      return canonical(values);
    },
    encode: (values) => canonical(values).map(encodeURIComponent).join(','),
  };
}

/** A tour stop, 1 to the number of stops. */
export function stopNumber(key: string): KeyCodec<number | null> {
  return {
    key,
    decode(text, ctx, warn) {
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (n >= 1 && n <= ctx.tourStops) return n;
      warn(`#${key}: "${text}" is not a stop from 1 to ${ctx.tourStops}; not presenting`);
      return undefined;
    },
    encode: (value) => (value === null ? '' : String(value)),
  };
}

/** Free text as typed (spaces kept, so the box does not change under the typist), cut to QUERY_MAX_CHARS; control characters become spaces. */
export function searchText(key: string): KeyCodec<string> {
  return {
    key,
    decode(text, _ctx, warn) {
      const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
      if (clean.length <= QUERY_MAX_CHARS) return clean;
      warn(`#${key}: longer than ${QUERY_MAX_CHARS} characters; cut`);
      return clean.slice(0, QUERY_MAX_CHARS);
    },
    encode: (value) => encodeURIComponent(value),
  };
}

/** A four-digit year from 1900 to 2099; null when absent. */
export function startYear(key: string): KeyCodec<number | null> {
  return {
    key,
    decode(text, _ctx, warn) {
      if (/^(19|20)\d\d$/.test(text)) return Number(text);
      warn(`#${key}: "${text}" is not a year; showing every year`);
      return undefined;
    },
    encode: (value) => (value === null ? '' : String(value)),
  };
}

/** A calendar day written YYYY-MM-DD (a real one: no 2月30日); null when absent. */
export function calendarDay(key: string): KeyCodec<string | null> {
  return {
    key,
    decode(text, _ctx, warn) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (day && day.toISOString().slice(0, 10) === text) return text;
      warn(`#${key}: "${text}" is not a day written YYYY-MM-DD; using today`);
      return undefined;
    },
    encode: (value) => value ?? '',
  };
}

/** A page number from 1. */
export function pageNumber(key: string): KeyCodec<number> {
  return {
    key,
    decode(text, _ctx, warn) {
      const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
      if (n >= 1 && n <= PAGE_MAX) return n;
      warn(`#${key}: "${text}" is not a page number; showing the first page`);
      return undefined;
    },
    encode: (value) => String(value),
  };
}

/** `column-asc` or `column-desc`; a column may be written shorter in the link (`budget` for budgetWan). */
export function sortOrder<K extends string>(key: string, columns: readonly K[], short: Partial<Record<K, string>>): KeyCodec<SortOrder<K>> {
  const word = (column: K): string => short[column] ?? column;
  return {
    key,
    decode(text, _ctx, warn) {
      const m = /^(.+)-(asc|desc)$/.exec(text);
      const column = m ? columns.find((c) => word(c) === m[1]) : undefined;
      if (m && column !== undefined) return { key: column, direction: m[2] === 'asc' ? 'ascending' : 'descending' };
      warn(`#${key}: unknown order "${text}"; use one of ${columns.map(word).join(', ')} with -asc or -desc`);
      return undefined;
    },
    encode: (value) => `${encodeURIComponent(word(value.key))}-${value.direction === 'ascending' ? 'asc' : 'desc'}`,
  };
}

/** A boolean key written `1` (on) or `0` (off). */
export function flag(key: string): KeyCodec<boolean> {
  return {
    key,
    decode(text, _ctx, warn) {
      if (text === '1' || text === '0') return text === '1';
      warn(`#${key}: unknown value "${text}"; use 1 or 0`);
      return undefined;
    },
    encode: (value) => (value ? '1' : '0'),
  };
}
