/**
 * A strict JSON reader for files people edit by hand (atlas.config.json) and boundaries exported
 * from a GIS. Unlike JSON.parse it reports where a problem is as line and column, refuses a key
 * written twice in one object (JSON.parse keeps the last one silently: `"sample": true, …,
 * "sample": false` would hide the 示例数据 banner), and refuses nesting deeper than MAX_JSON_DEPTH
 * rather than overflowing the stack.
 *
 * It only checks the text (iteratively, in linear time) and leaves building the value to
 * JSON.parse: on a 20 MB GeoJSON the check costs about a third of JSON.parse's time, where
 * building the value in JavaScript too took twice JSON.parse's time.
 */

import { phrase, type ProblemRef } from '../i18n/problems';
import { MAX_JSON_DEPTH, ProblemLocator, SyntaxProblem, keyPath, shown, type DuplicateKey, type JsonProblem } from './json-problems';

export { MAX_JSON_DEPTH, type JsonProblem } from './json-problems';

export type JsonResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      problems: JsonProblem[];
      /** What JSON.parse gives (the last of each repeated key) when the only problems are repeated keys, so checks can go on; undefined after a syntax error. */
      value: unknown;
    };

/** Parses `text` as strict JSON: every duplicate key, or the first syntax error, located by line and column. */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  const checker = new Checker(text, maxDepth);
  const problems = checker.check();
  const value = checker.isWellFormed ? (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown) : undefined;
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems, value };
}

/** `{"a": …}` and `[…]` in progress: the frame of the container being read. */
interface Frame {
  isObject: boolean;
  /** The key being read in an object, or the index in an array. */
  key: string | number;
  /** Where each key of an object was written (offset of its opening quote). */
  keys: Map<string, number> | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

class Checker {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly duplicates: DuplicateKey[] = [];
  private readonly locator: ProblemLocator;
  /** True once the text has been read to its end without a syntax error. */
  isWellFormed = false;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.locator = new ProblemLocator(text);
  }

  /** Every duplicate key before the first syntax error, and that error; none for a strict JSON text. */
  check(): JsonProblem[] {
    try {
      this.document();
      this.isWellFormed = true;
    } catch (e) {
      if (!(e instanceof SyntaxProblem)) throw e;
      return [...this.duplicateProblems(), this.locator.problem('syntax', e.at, this.path(), e.problem)];
    }
    return this.duplicateProblems();
  }

  private document(): void {
    const { text, stack } = this;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipSpace();
    if (this.pos >= text.length) throw new SyntaxProblem(this.pos, phrase('jsonEmpty'));
    for (;;) {
      // A value starts at pos (after white space).
      const c = text.charCodeAt(this.pos);
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (stack.length >= this.maxDepth) throw new SyntaxProblem(this.pos, phrase('jsonTooDeep', { depth: this.maxDepth }));
        const isObject = c === OPEN_BRACE;
        const frame: Frame = { isObject, key: isObject ? '' : 0, keys: null };
        stack.push(frame);
        this.pos++;
        this.skipSpace();
        const close = isObject ? CLOSE_BRACE : CLOSE_BRACKET;
        if (text.charCodeAt(this.pos) === close) {
          this.pos++;
          stack.pop();
        } else {
          if (isObject) this.key(frame);
          continue;
        }
      } else if (c === QUOTE) {
        this.string(false);
      } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        this.number();
      } else if (c === 0x74 /* t */) {
        this.literal('true');
      } else if (c === 0x66 /* f */) {
        this.literal('false');
      } else if (c === 0x6e /* n */) {
        this.literal('null');
      } else {
        throw new SyntaxProblem(this.pos, phrase('jsonExpectedValue', { got: this.shown(this.pos) }));
      }
      // After a value: a comma (the next value) or the end of one or more containers.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (!frame) {
          this.skipSpace();
          if (this.pos < text.length) throw new SyntaxProblem(this.pos, phrase('jsonAfterEnd', { got: this.shown(this.pos) }));
          return;
        }
        this.skipSpace();
        const next = text.charCodeAt(this.pos);
        if (next === COMMA) {
          this.pos++;
          this.skipSpace();
          if (frame.isObject) this.key(frame);
          else {
            frame.key = (frame.key as number) + 1;
            if (text.charCodeAt(this.pos) === CLOSE_BRACKET) throw new SyntaxProblem(this.pos, phrase('jsonCommaBeforeBracket'));
          }
          break;
        }
        if (next === (frame.isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
          this.pos++;
          stack.pop();
          continue;
        }
        const expected = frame.isObject ? phrase('jsonCommaOrBrace') : phrase('jsonCommaOrBracket');
        const isCommaMissing = next === QUOTE || next === OPEN_BRACE || next === OPEN_BRACKET;
        throw new SyntaxProblem(this.pos, phrase('jsonExpectedSeparator', { expected, got: this.shown(this.pos), isCommaMissing }));
      }
    }
  }

  /** A key and its colon; pos is then at the value. */
  private key(frame: Frame): void {
    const { text } = this;
    const at = this.pos;
    const c = text.charCodeAt(at);
    if (c !== QUOTE) {
      if (c === CLOSE_BRACE) throw new SyntaxProblem(at, phrase('jsonCommaBeforeBrace'));
      throw new SyntaxProblem(at, phrase('jsonExpectedKey', { got: this.shown(at) }));
    }
    const key = this.string(true);
    frame.key = key;
    const keys = (frame.keys ??= new Map());
    const firstAt = keys.get(key);
    if (firstAt === undefined) keys.set(key, at);
    else this.duplicates.push({ at, firstAt, path: this.path(), key });
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== COLON) throw new SyntaxProblem(this.pos, phrase('jsonExpectedColon', { key, got: this.shown(this.pos) }));
    this.pos++;
    this.skipSpace();
  }

  /** Reads a string; returns its value for a key, '' otherwise (a value's text is not needed). */
  private string(isKey: boolean): string {
    const { text } = this;
    const start = this.pos + 1;
    let i = start;
    let hasEscape = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        hasEscape = true;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxProblem(i, phrase('jsonHexEscape'));
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) {
          throw new SyntaxProblem(i, phrase('jsonBadEscape', { got: this.shown(i, 2) }));
        }
        i += 2;
        continue;
      }
      if (c < 0x20 || Number.isNaN(c)) {
        if (Number.isNaN(c)) throw new SyntaxProblem(this.pos, phrase('jsonUnclosedString'));
        throw new SyntaxProblem(i, c === 0x0a ? phrase('jsonLineBreakInString') : phrase('jsonControlInString', { code: c.toString(16).padStart(4, '0') }));
      }
      i++;
    }
    this.pos = i + 1;
    if (!isKey) return '';
    return hasEscape ? (JSON.parse(text.slice(start - 1, i + 1)) as string) : text.slice(start, i);
  }

  private number(): void {
    const { text } = this;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i++;
    const first = text.charCodeAt(i);
    if (first === ZERO) i++;
    else if (first > ZERO && first <= NINE) i = digits(text, i);
    else throw new SyntaxProblem(i, phrase('jsonExpectedDigit', { got: this.shown(i) }));
    let c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) throw new SyntaxProblem(start, phrase('jsonLeadingZero'));
    if (c === DOT) {
      const end = digits(text, i + 1);
      if (end === i + 1) throw new SyntaxProblem(i + 1, phrase('jsonDigitAfterPoint', { got: this.shown(i + 1) }));
      i = end;
      c = text.charCodeAt(i);
    }
    const hasExponent = c === 0x65 || c === 0x45; // e E
    if (hasExponent) {
      i++;
      c = text.charCodeAt(i);
      if (c === PLUS || c === MINUS) i++;
      const end = digits(text, i);
      if (end === i) throw new SyntaxProblem(i, phrase('jsonDigitInExponent', { got: this.shown(i) }));
      i = end;
    }
    this.pos = i;
    // Only an exponent or hundreds of digits can overflow to Infinity (which JSON.parse would give).
    if ((hasExponent || i - start >= 300) && !Number.isFinite(Number(text.slice(start, i)))) {
      throw new SyntaxProblem(start, phrase('jsonNumberTooLarge', { number: `${text.slice(start, Math.min(i, start + 20))}${i - start > 20 ? '…' : ''}` }));
    }
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) throw new SyntaxProblem(this.pos, phrase('jsonExpectedValue', { got: this.shown(this.pos) }));
    this.pos += word.length;
  }

  private skipSpace(): void {
    const { text } = this;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.pos = i;
  }

  /** The key path of the value being read, e.g. `tour[3].camera.center`. */
  private path(): string {
    return keyPath(this.stack);
  }

  /** The text at `at` as a message shows it. */
  private shown(at: number, length = 1): string | ProblemRef {
    return shown(this.text, at, length);
  }

  private duplicateProblems(): JsonProblem[] {
    return this.duplicates.map((d) => this.locator.duplicate(d));
  }
}

function digits(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) i++;
    else return i;
  }
}
