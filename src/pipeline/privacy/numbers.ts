/**
 * Personal numbers in a cell (DESIGN.md "The dataset contract"): resident ID numbers (身份证号, the
 * 18-character form with its check character and the old 15-digit form), mainland mobile numbers
 * (手机号) and bank card numbers (银行卡号), however a clerk typed them: with spaces, hyphens or
 * dots between groups of any length, in full-width digits, inside text, or glued to a label such
 * as `ID` or `Tel`. Pure, one pass over a cell; nothing here returns or quotes a value.
 */

const ZERO = 0x30;
const NINE = 0x39;
const FULL_ZERO = 0xff10;
const FULL_NINE = 0xff19;

/** The value 0–9 of an ASCII or full-width digit, or -1. Full-width digits are what NFKC would fold. */
function digitValue(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= FULL_ZERO && code <= FULL_NINE) return code - FULL_ZERO;
  return -1;
}

/** X or x, half- or full-width: the ID check character 10. */
function isCheckX(code: number): boolean {
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
}

/**
 * Characters people type between digit groups (138 1234 5678, 6222-0212-…, 137.2468.1616): ASCII
 * and ideographic space, no-break space, tab, hyphen-minus, full-width hyphen, the Unicode hyphens
 * and dashes up to the en dash, the minus sign, and the full stop (half- and full-width) and the
 * middle dot. A dot between two groups alone is a decimal point (see `digitRuns`).
 */
function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 ||
    code === 0x2d || code === 0xff0d || (code >= 0x2010 && code <= 0x2013) || code === 0x2212 ||
    isDot(code) || code === 0xb7 || code === 0x30fb
  );
}

function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

/** NFKC (full-width forms fold), without separators, upper case: the form the `is…` checks compare. */
function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u2010-\u2013\u2212.·・-]+/g, '').toUpperCase();
}

function isAllDigits(s: string, from = 0, to = s.length): boolean {
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

/** 18 compact characters (17 ASCII digits and a digit or upper-case X) that form a valid ID number. */
function isIdDigits(s: string): boolean {
  if (s.length !== 18 || !isAllDigits(s, 0, 17)) return false;
  if (s.charCodeAt(0) === ZERO) return false; // region codes start 1–9
  const last = s.charCodeAt(17);
  if (!(last >= ZERO && last <= NINE) && last !== 0x58) return false;
  const year = numberAt(s, 6, 4);
  if (year < 1900 || year > 2099 || !isDate(year, numberAt(s, 10, 2), numberAt(s, 12, 2))) return false;
  return residentIdCheckCharacter(s) === s[17];
}

/**
 * 15 ASCII digits that form an ID number of the first generation (issued until 1999, still on old
 * records): a region code starting 1–9, a birth date 19YYMMDD that exists, a 3-digit sequence.
 * There is no check digit, so the caller leaves it out where 15-digit codes are expected.
 */
function isOldIdDigits(s: string): boolean {
  if (s.length !== 15 || !isAllDigits(s) || s.charCodeAt(0) === ZERO) return false;
  return isDate(1900 + numberAt(s, 6, 2), numberAt(s, 8, 2), numberAt(s, 10, 2));
}

/**
 * A mainland resident ID number (身份证号): the 18-character form (region code, a real birth date
 * 1900–2099, sequence and a valid MOD 11-2 check character) or the 15-digit form. Separators
 * between groups and full-width forms are allowed, as clerks type them.
 */
export function isResidentIdNumber(s: string): boolean {
  const c = compact(s);
  return isIdDigits(c) || isOldIdDigits(c);
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers

/** 11 ASCII digits 1[3-9]…, optionally after 86 or 0086, with nothing else. */
function isMobileDigits(s: string): boolean {
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

function isBankDigits(s: string): boolean {
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

/** What `numbersIn` found, as bits. */
export const FOUND_ID = 1;
export const FOUND_MOBILE = 2;
export const FOUND_BANK = 4;

/** Fewer digits in a cell than this and it cannot hold a mobile number, let alone an ID or a card. */
const MIN_DIGITS = 11;
/** Digit groups of a run looked at together when a number may be written across some of them. */
const MAX_GROUPS_JOINED = 9;

export interface NumberScan {
  /** False in a column of codes (project ids): a 15-digit code there is a code, not an old ID number. */
  findsOldIds: boolean;
}

/**
 * A run of digit groups in a cell: groups of ASCII digits (full-width folded) separated by one
 * separator each (138 1234 5678), as typed. `afterX` is true when an X follows the last group (an
 * ID's check character); `glued` says how the run touches Latin letters (see `gluedKind`).
 */
interface DigitRun {
  groups: string[];
  digits: number;
  afterX: boolean;
  glued: Glue;
}

/** How a run of digits touches Latin letters around it. */
type Glue = 'none' | 'label' | 'code';

/** What one pass over a cell says: too few digits to matter, nothing but ASCII digits, or a mix. */
const FEW_DIGITS = 0;
const ONLY_DIGITS = 1;
const MIXED = 2;

function digitProfile(s: string): number {
  if (s.length < MIN_DIGITS) return FEW_DIGITS;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (digitValue(s.charCodeAt(i)) >= 0) n++;
  if (n < MIN_DIGITS) return FEW_DIGITS;
  return n === s.length && isAllDigits(s) ? ONLY_DIGITS : MIXED;
}

/** The digits of `s[from, to)` in ASCII, folding full-width digits. */
function foldDigits(s: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(ZERO + digitValue(s.charCodeAt(i)));
  return out;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isHexLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * Words written straight before a number to say what it is (ID4203…, Tel139…, 联系TEL139…,
 * sfz…, NO.…): a number after one of them is the number it names, not part of a code.
 */
const LABEL_WORDS = /(?:id|idno|idcard|sfz|sfzh|sfzhm|no|num|card|kh|tel|phone|mobile|mob|cell|cellphone|sj|sjh|dh|lxdh|hm|t|m|p|ph)$/i;

/**
 * How the digits `s[from, to)` (separators inside) touch Latin letters: not at all; after a label
 * word (`ID`, `Tel`: the number is what the label names); or inside a code. A code is a token of
 * hex digits (a household key such as 13812345678a or a hash), or letters that are no label
 * (ZX13812345678, a project code). A run in a code is still read for ID numbers, whose check
 * character makes a chance match rare, but not for mobile or card numbers.
 */
function gluedKind(s: string, from: number, to: number): Glue {
  const before = from > 0 ? s.charCodeAt(from - 1) : 0;
  const after = to < s.length ? s.charCodeAt(to) : 0;
  if (!isLatinLetter(before) && !isLatinLetter(after)) return 'none';
  let start = from;
  while (start > 0 && (isLatinLetter(s.charCodeAt(start - 1)) || digitValue(s.charCodeAt(start - 1)) >= 0)) start--;
  let end = to;
  while (end < s.length && (isLatinLetter(s.charCodeAt(end)) || digitValue(s.charCodeAt(end)) >= 0)) end++;
  let isHex = true;
  for (let i = start; i < end && isHex; i++) {
    const c = s.charCodeAt(i);
    if (isLatinLetter(c) && !isHexLetter(c)) isHex = false;
  }
  if (isHex) return 'code';
  if (isLatinLetter(after)) return 'code';
  let letters = from;
  while (letters > 0 && isLatinLetter(s.charCodeAt(letters - 1))) letters--;
  return LABEL_WORDS.test(s.slice(letters, from)) ? 'label' : 'code';
}

/**
 * The digit runs of a cell that could hold a personal number (11 digits or more). A run of exactly
 * two groups joined by a dot is a decimal (32.318712…): its fraction is dropped, since a long digit
 * string there is a coordinate's decimals, not a number that identifies anyone.
 */
function digitRuns(s: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < s.length) {
    if (digitValue(s.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const from = i;
    const run: DigitRun = { groups: [], digits: 0, afterX: false, glued: 'none' };
    let dots = 0;
    let others = 0;
    for (;;) {
      const start = i;
      let isAscii = true;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= FULL_ZERO && c <= FULL_NINE) isAscii = false;
        else if (c < ZERO || c > NINE) break;
      }
      run.groups.push(isAscii ? s.slice(start, i) : foldDigits(s, start, i));
      run.digits += i - start;
      if (i < s.length && isCheckX(s.charCodeAt(i)) && !(i + 1 < s.length && isLatinLetter(s.charCodeAt(i + 1)))) {
        run.afterX = true;
        i++;
        break;
      }
      if (i + 1 < s.length && isSeparator(s.charCodeAt(i)) && digitValue(s.charCodeAt(i + 1)) >= 0) {
        if (isDot(s.charCodeAt(i))) dots++;
        else others++;
        i++;
        continue;
      }
      break;
    }
    const before = from > 0 ? s.charCodeAt(from - 1) : 0;
    // A fraction after a decimal point that the run did not take in (1.5.13812345678 is rare; 0.138… is a decimal).
    const isFraction = isDot(before) && from >= 2 && digitValue(s.charCodeAt(from - 2)) >= 0;
    if (isFraction) run.digits -= run.groups.shift()!.length;
    else if (run.groups.length === 2 && dots === 1 && others === 0) run.digits -= run.groups.pop()!.length;
    run.glued = gluedKind(s, from, run.afterX ? i - 1 : i);
    if (run.digits >= MIN_DIGITS) runs.push(run);
  }
  return runs;
}

/**
 * What kinds of personal number a cell holds, as bits. Each maximal digit string is a token (so an
 * ID inside "户主420…" is found, and 20 digits hold no ID); an ID number is also looked for across
 * any consecutive groups of a run (written 6-8-4, 10+8, 6-4-4-4 …: its check character and date
 * make a chance match rare), a mobile number across a whole run (after a 86/0086 group), and a card
 * number across a whole run written in fours (the Luhn check alone passes one digit string in ten).
 */
export function numbersIn(cell: string, scan: NumberScan): number {
  const profile = digitProfile(cell);
  if (profile === FEW_DIGITS) return 0;
  if (profile === ONLY_DIGITS) return tokenKind(cell, false, 'none', scan);
  let found = 0;
  for (const run of digitRuns(cell)) {
    const { groups } = run;
    const last = groups.length - 1;
    for (let g = 0; g < groups.length; g++) found |= tokenKind(groups[g]!, g === last && run.afterX, run.glued, scan);
    if (groups.length > 1) found |= joinedNumbers(run, scan);
  }
  return found;
}

/** The kind of one maximal digit string (`afterX`: an X follows it), as a bit, or 0. */
function tokenKind(token: string, afterX: boolean, glued: Glue, scan: NumberScan): number {
  if (token.length < MIN_DIGITS) return 0;
  if (token.length === 17) return afterX && isIdDigits(token + 'X') ? FOUND_ID : 0;
  if (token.length === 18 && isIdDigits(token)) return FOUND_ID;
  if (token.length === 15 && scan.findsOldIds && glued !== 'code' && isOldIdDigits(token)) return FOUND_ID;
  if (glued === 'code') return 0;
  if (isMobileDigits(token)) return FOUND_MOBILE;
  return isBankDigits(token) ? FOUND_BANK : 0;
}

/** True for a whole run of four-digit groups, the last of 1–4 (6222 0212 3456 7890 123). */
function isCardGrouping(groups: readonly string[]): boolean {
  for (let g = 0; g < groups.length; g++) {
    const n = groups[g]!.length;
    if (g < groups.length - 1 ? n !== 4 : n < 1 || n > 4) return false;
  }
  return true;
}

function joinedNumbers(run: DigitRun, scan: NumberScan): number {
  const { groups } = run;
  let found = 0;
  // ID numbers across groups [a, b]: 18 digits, or 17 and the X after the run's last group.
  for (let a = 0; a < groups.length; a++) {
    let digits = 0;
    for (let b = a; b < groups.length && b < a + MAX_GROUPS_JOINED; b++) {
      digits += groups[b]!.length;
      if (digits > 18) break;
      if (b === a) continue;
      const isLast = b === groups.length - 1;
      if (digits === 18 && isIdDigits(groups.slice(a, b + 1).join(''))) found |= FOUND_ID;
      else if (digits === 17 && isLast && run.afterX && isIdDigits(groups.slice(a, b + 1).join('') + 'X')) found |= FOUND_ID;
      else if (digits === 15 && a === 0 && isLast && scan.findsOldIds && run.glued !== 'code' && isOldIdDigits(groups.join(''))) found |= FOUND_ID;
    }
  }
  if (run.glued === 'code' || run.afterX) return found;
  const from = groups[0] === '86' || groups[0] === '0086' ? 1 : 0;
  if (groups.length - from >= 2) {
    let joined = '';
    for (let g = from; g < groups.length; g++) joined += groups[g]!;
    if (joined.length === 11 && isMobileDigits(joined)) found |= FOUND_MOBILE;
  }
  if (run.digits >= 16 && run.digits <= 19 && isCardGrouping(groups)) {
    const joined = groups.join('');
    if (isBankDigits(joined)) found |= FOUND_BANK;
  }
  return found;
}
