/**
 * Whether a text is a resident ID number (身份证号: the 18-character form with a valid check
 * character, or the old 15-digit form), a mainland mobile number (手机号) or a bank card number
 * (银行卡号, Luhn), in any of the ways a clerk writes one: spaces, hyphens or dots between groups,
 * full-width digits. The digit helpers the scan of a cell (numbers.ts) shares. Pure.
 */

/** Character codes of the ASCII and full-width digits 0 and 9. */
export const ZERO = 0x30;
export const NINE = 0x39;
export const FULL_ZERO = 0xff10;
export const FULL_NINE = 0xff19;

/** The value 0–9 of an ASCII or full-width digit, or -1. Full-width digits are what NFKC would fold. */
export function digitValue(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= FULL_ZERO && code <= FULL_NINE) return code - FULL_ZERO;
  return -1;
}

/** X or x, half- or full-width: the ID check character 10. */
export function isCheckX(code: number): boolean {
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
}

/**
 * Characters people type between digit groups (138 1234 5678, 6222-0212-…, 137.2468.1616): ASCII
 * and ideographic space, no-break space, tab, hyphen-minus, full-width hyphen, the Unicode hyphens
 * and dashes up to the en dash, the minus sign, and the full stop (half- and full-width) and the
 * middle dot. A dot between two groups alone is a decimal point (see `digitRuns`).
 */
export function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 ||
    code === 0x2d || code === 0xff0d || (code >= 0x2010 && code <= 0x2013) || code === 0x2212 ||
    isDot(code) || code === 0xb7 || code === 0x30fb ||
    // The em dash, thin spaces, and characters that show as nothing (zero-width space, word joiner,
    // soft hyphen, a byte-order mark inside a cell): a number split by one still reads whole.
    code === 0x2014 || code === 0x2009 || code === 0x202f || isInvisible(code)
  );
}

/** A character that shows as nothing: zero-width space, non-joiner and joiner, word joiner, soft hyphen, byte-order mark. */
export function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xad || code === 0xfeff;
}

/** The same characters, to take them out of a text with `replace`. */
export const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

/** A half- or full-width full stop. */
export function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

/** NFKC (full-width forms fold), without separators, upper case: the form the `is…` checks compare. */
function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u2010-\u2014\u2212.·・\u200b-\u200d\u2060\u00ad\ufeff-]+/g, '').toUpperCase();
}

/** Whether `s[from, to)` is ASCII digits only. */
export function isAllDigits(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resident ID numbers (GB 11643-1999; the 15-digit form of before 1999)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 characters (ASCII digits). */
function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - ZERO) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `length` digits of `s` from `at` as a number (the caller has checked they are digits). */
function numberAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + (s.charCodeAt(i) - ZERO);
  return n;
}

function isDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * 18 compact characters (17 ASCII digits and a digit or upper-case X) that form an ID number: a
 * region code and a real birth date, and with `requireCheck` a right check character (for an ID
 * pieced together across groups of a run, where a chance match is likelier).
 */
export function isIdDigits(s: string, requireCheck = false): boolean {
  if (s.length !== 18 || !isAllDigits(s, 0, 17)) return false;
  if (s.charCodeAt(0) === ZERO) return false; // region codes start 1–9
  const last = s.charCodeAt(17);
  if (!(last >= ZERO && last <= NINE) && last !== 0x58) return false;
  const year = numberAt(s, 6, 4);
  // The check character is not required: an ID typed with one digit wrong still names a person by
  // region, birth date and sequence (the form a review planted: 420324198001011234 passed).
  if (year < 1900 || year > 2099 || !isDate(year, numberAt(s, 10, 2), numberAt(s, 12, 2))) return false;
  return !requireCheck || residentIdCheckCharacter(s) === s[17];
}

/**
 * 15 ASCII digits that form an ID number of the first generation (issued until 1999, still on old
 * records): a region code starting 1–9, a birth date 19YYMMDD that exists, a 3-digit sequence.
 * There is no check digit, so the caller leaves it out where 15-digit codes are expected.
 */
export function isOldIdDigits(s: string): boolean {
  if (s.length !== 15 || !isAllDigits(s) || s.charCodeAt(0) === ZERO) return false;
  return isDate(1900 + numberAt(s, 6, 2), numberAt(s, 8, 2), numberAt(s, 10, 2));
}

/**
 * A mainland resident ID number (身份证号): the 18-character form (region code, a real birth date
 * 1900–2099, sequence and a check character, right or not) or the 15-digit form. Separators
 * between groups and full-width forms are allowed, as clerks type them.
 */
export function isResidentIdNumber(s: string): boolean {
  const c = compact(s);
  return isIdDigits(c) || isOldIdDigits(c);
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers

/** 11 ASCII digits 1[3-9]…, optionally after 86 or 0086, with nothing else. */
export function isMobileDigits(s: string): boolean {
  const at = s.length === 11 ? 0 : s.length === 13 && s.startsWith('86') ? 2 : s.length === 15 && s.startsWith('0086') ? 4 : -1;
  if (at < 0 || !isAllDigits(s)) return false;
  const second = s.charCodeAt(at + 1);
  return s.charCodeAt(at) === ZERO + 1 && second >= ZERO + 3 && second <= NINE;
}

/**
 * A mainland mobile number (手机号): 11 digits starting 13–19, with or without a +86, 86 or 0086
 * prefix, and separators. Landlines (0719-2722000) and service numbers (12317) are not.
 */
export function isMobileNumber(s: string): boolean {
  const c = compact(s);
  if (c.startsWith('+')) return c.startsWith('+86') && c.length === 14 && isMobileDigits(c.slice(1));
  return isMobileDigits(c);
}

// ---------------------------------------------------------------------------------------------
// Bank card numbers

/** The Luhn (mod 10) check over ASCII digits, as every bank card number carries. */
function passesLuhn(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - ZERO;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** 16–19 ASCII digits passing the Luhn check that are not an ID number. */
export function isBankDigits(s: string): boolean {
  return s.length >= 16 && s.length <= 19 && isAllDigits(s) && passesLuhn(s) && !isIdDigits(s);
}

/**
 * A bank card number (银行卡号): 16–19 digits passing the Luhn check, spaces and hyphens allowed.
 * An 18-digit string that is a valid resident ID number is reported as that instead.
 */
export function isBankCardNumber(s: string): boolean {
  return isBankDigits(compact(s));
}

// ---------------------------------------------------------------------------------------------
// Scanning a cell
