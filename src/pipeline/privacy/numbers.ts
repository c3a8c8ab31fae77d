/**
 * Personal numbers in a cell (DESIGN.md "The dataset contract"): resident ID numbers (身份证号, the
 * 18-character form with its check character and the old 15-digit form), mainland mobile numbers
 * (手机号) and bank card numbers (银行卡号), however a clerk typed them: with spaces, hyphens or
 * dots between groups of any length, in full-width digits, inside text, or glued to a label such
 * as `ID` or `Tel`. Pure, one pass over a cell; nothing here returns or quotes a value.
 */
import {
  FULL_NINE,
  FULL_ZERO,
  NINE,
  ZERO,
  digitValue,
  isAllDigits,
  isBankDigits,
  isCheckX,
  isDot,
  isIdDigits,
  isMobileDigits,
  isOldIdDigits,
  isSeparator,
} from './number-checks';

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

/** What `scanRun` found of one run of digit groups: where it ends, its groups' count, digits and separators. */
interface RunScan {
  end: number;
  count: number;
  firstLength: number;
  lastLength: number;
  digits: number;
  dots: number;
  others: number;
  afterX: boolean;
}

/**
 * The run of digit groups from `from` (a digit): each group's digits, then a check X that ends it,
 * or a separator followed by a digit that joins the next group. Its groups (ASCII digits) are
 * pushed to `groups` when one is given; the figures alone otherwise, so that a run too short to
 * matter (a date in a sentence) makes no string.
 */
function scanRun(s: string, from: number, groups: string[] | null): RunScan {
  const r: RunScan = { end: from, count: 0, firstLength: 0, lastLength: 0, digits: 0, dots: 0, others: 0, afterX: false };
  let i = from;
  for (;;) {
    const start = i;
    let isAscii = true;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= FULL_ZERO && c <= FULL_NINE) isAscii = false;
      else if (c < ZERO || c > NINE) break;
    }
    if (groups) groups.push(isAscii ? s.slice(start, i) : foldDigits(s, start, i));
    if (r.count === 0) r.firstLength = i - start;
    r.lastLength = i - start;
    r.count++;
    r.digits += i - start;
    if (i < s.length && isCheckX(s.charCodeAt(i)) && !(i + 1 < s.length && isLatinLetter(s.charCodeAt(i + 1)))) {
      r.afterX = true;
      i++;
      break;
    }
    if (i + 1 < s.length && isSeparator(s.charCodeAt(i)) && digitValue(s.charCodeAt(i + 1)) >= 0) {
      if (isDot(s.charCodeAt(i))) r.dots++;
      else r.others++;
      i++;
      continue;
    }
    break;
  }
  r.end = i;
  return r;
}

/**
 * The digit runs of a cell that could hold a personal number (11 digits or more). A run of exactly
 * two groups joined by a dot is a decimal (32.318712…): its fraction is dropped, since a long digit
 * string there is a coordinate's decimals, not a number that identifies anyone. A run is measured
 * first and its groups made only when it is long enough: most runs in free text are dates and
 * amounts.
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
    const run = scanRun(s, from, null);
    i = run.end;
    const before = from > 0 ? s.charCodeAt(from - 1) : 0;
    // A fraction after a decimal point that the run did not take in (1.5.13812345678 is rare; 0.138… is a decimal).
    const isFraction = isDot(before) && from >= 2 && digitValue(s.charCodeAt(from - 2)) >= 0;
    const isDecimal = !isFraction && run.count === 2 && run.dots === 1 && run.others === 0;
    const digits = run.digits - (isFraction ? run.firstLength : isDecimal ? run.lastLength : 0);
    if (digits < MIN_DIGITS) continue;
    const groups: string[] = [];
    scanRun(s, from, groups);
    if (isFraction) groups.shift();
    else if (isDecimal) groups.pop();
    runs.push({ groups, digits, afterX: run.afterX, glued: gluedKind(s, from, run.afterX ? i - 1 : i) });
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
  // ID numbers across groups [a, b]: 18 digits, or 17 and the X after the run's last group, with a right check character (pieced together, a chance match is likelier than in one token).
  for (let a = 0; a < groups.length; a++) {
    let digits = 0;
    for (let b = a; b < groups.length && b < a + MAX_GROUPS_JOINED; b++) {
      digits += groups[b]!.length;
      if (digits > 18) break;
      if (b === a) continue;
      const isLast = b === groups.length - 1;
      if (digits === 18 && isIdDigits(groups.slice(a, b + 1).join(''), true)) found |= FOUND_ID;
      else if (digits === 17 && isLast && run.afterX && isIdDigits(groups.slice(a, b + 1).join('') + 'X', true)) found |= FOUND_ID;
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
