import type { ProjectStatus } from '../../contract/columns';

/** Cell parsers: each returns the value, or null when the text is not a value of that type. */

/**
 * A number as spreadsheets write it: full-width digits, thousands separators, a trailing %, or a
 * trailing 万 / 万元 (the money columns are in 万元 already, so `12.5万` is 12.5; 元 alone is not
 * accepted: 1234元 in a 万元 column would be ten thousand times too big). Decimal only: not
 * `Infinity`, `NaN` or hex (`0x1A`), not a figure that overflows (`1e309`) or underflows to zero
 * (`1e-400`), and no comma but between groups of three digits (`1,5` may be a decimal comma).
 */
export function parseNumber(raw: string): number | null {
  // The common case, plain digits (45.5): what the full reading below gives, without its copies.
  if (PLAIN_NUMBER.test(raw)) return finite(raw, Number(raw));
  const s = raw.normalize('NFKC').replace(/\s/g, '').replace(/(%|万元|万)$/, '');
  const m = NUMBER.exec(s);
  if (!m || (m[2]!.includes(',') && !GROUPED.test(m[2]!))) return null;
  return finite(s, Number(s.replace(/,/g, '')));
}

/** Plain decimal digits: what Number() reads exactly as written, but for hundreds of digits. */
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
/** Sign, integer part (digits and commas), fraction, exponent. */
const NUMBER = /^([-+]?)(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** An integer part whose commas separate thousands, with what follows the decimal point. */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * `n`, read from `text`, when it is the figure written: null for Infinity (a figure too large),
 * and for zero or a subnormal from a figure that is not zero (too small to keep its digits). -0 is 0.
 */
function finite(text: string, n: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (n === 0) return /[1-9]/.test(text.replace(/[eE].*$/, '')) ? null : 0;
  return Math.abs(n) < MIN_NORMAL ? null : n;
}

/** The least positive double with all its precision (2⁻¹⁰²²); below it digits are lost. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** True for text of ASCII characters only, which NFKC leaves as it is. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `s.normalize('NFKC')`, without the call for ASCII text (which it leaves unchanged). */
function nfkc(s: string): string {
  return isAscii(s) ? s : s.normalize('NFKC');
}

/** A whole number (counts, years). */
export function parseInteger(raw: string): number | null {
  const n = parseNumber(raw);
  return n !== null && Number.isInteger(n) ? n : null;
}

const TRUE_WORDS = new Set(['是', '1', 'y', 'yes', 'true', '√']);
const FALSE_WORDS = new Set(['否', '0', 'n', 'no', 'false', '×']);

/** 是/否, 1/0, Y/N, yes/no, true/false. */
export function parseBoolean(raw: string): boolean | null {
  const s = nfkc(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** A month as `YYYY-MM` from 2016-05, 2016-5, 2016/5, 2016.5, 2016年5月 or 201605. */
export function parseMonth(raw: string): string | null {
  const text = nfkc(raw);
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(text.replace(/\s/g, '')) ?? /^(\d{4})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

/** Excel's day numbers this side of 1954–2119 (a date cell read as a number: 42521 is 2016-05-31). */
const EXCEL_SERIAL = /^\d{5}$/;
const EXCEL_SERIAL_RANGE = [20_000, 80_000] as const;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar date written 2016-05-31, 2016/5/31, 2016.5.31, 2016年5月31日 or as an Excel day number, as ISO `YYYY-MM-DD`. */
export function parseDate(raw: string): string | null {
  const text = nfkc(raw).replace(/\s/g, '');
  if (EXCEL_SERIAL.test(text)) {
    const n = Number(text);
    if (n < EXCEL_SERIAL_RANGE[0] || n > EXCEL_SERIAL_RANGE[1]) return null;
    return new Date(EXCEL_EPOCH_MS + n * DAY_MS).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const STATUS_WORDS: Record<string, ProjectStatus> = {
  未开工: 'planned', 待建: 'planned', 计划: 'planned', planned: 'planned',
  在建: 'building', 施工中: 'building', 实施中: 'building', building: 'building',
  已完工: 'done', 完工: 'done', 竣工: 'done', done: 'done',
  已验收: 'accepted', 验收: 'accepted', 通过验收: 'accepted', accepted: 'accepted',
};

/** Project status from its Chinese or English word. */
export function parseStatus(raw: string): ProjectStatus | null {
  // A status written as one of the words (every one of them is its own NFKC, lower-case form).
  if (Object.hasOwn(STATUS_WORDS, raw)) return STATUS_WORDS[raw]!;
  return STATUS_WORDS[raw.normalize('NFKC').replace(/\s/g, '').toLowerCase()] ?? null;
}

/** A code kept as text; null unless it is exactly `digits` digits (when given). */
export function parseCode(raw: string, digits?: number): string | null {
  const s = nfkc(raw).trim();
  if (digits === undefined) return s === '' ? null : s;
  let pattern = CODE_PATTERNS.get(digits);
  if (!pattern) CODE_PATTERNS.set(digits, (pattern = new RegExp(`^\\d{${digits}}$`)));
  return pattern.test(s) ? s : null;
}

const CODE_PATTERNS = new Map<number, RegExp>();

/** A `;`-separated list (also ；、, and |). */
export function parseList(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .split(/[;,、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * An angle written in degrees, minutes and seconds, as surveyors and GPS units print it:
 * 109°36′30″, 109°36'30", 109度36分30秒, 109°36.5′, with an optional E/N/东经/北纬 (W/S/西经/南纬
 * make it negative). Null for anything else, including a plain decimal number.
 */
export function parseDegrees(raw: string): number | null {
  // A plain decimal number (109.5912) is not written in degrees: the common case, answered at once.
  if (PLAIN_DECIMAL.test(raw)) return null;
  // NFKC writes ″ as two primes: seconds are a double prime or two single ones, whichever way typed.
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase().replace(/′′|''/g, '"').replace(/′/g, "'");
  const m = /^(东经|北纬|西经|南纬|[NSEW])?(\d{1,3})(?:°|度)(?:(\d{1,2}(?:\.\d+)?)(?:'|分))?(?:(\d{1,2}(?:\.\d+)?)"|(\d{1,2}(?:\.\d+)?)秒)?(东经|北纬|西经|南纬|[NSEW])?$/.exec(s);
  if (!m) return null;
  const [, before, d, min, sec1, sec2, after] = m;
  const minutes = Number(min ?? 0);
  const seconds = Number(sec1 ?? sec2 ?? 0);
  if (minutes >= 60 || seconds >= 60) return null;
  const value = Number(d) + minutes / 60 + seconds / 3600;
  const hemisphere = before ?? after ?? '';
  return /^(W|S|西经|南纬)$/.test(hemisphere) ? -value : value;
}
