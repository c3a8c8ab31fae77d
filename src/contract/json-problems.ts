/**
 * How the strict JSON reader (json.ts) says what is wrong and where: its limits, the problems it
 * reports, their messages, and the line and column of an offset in the text.
 */

import { phrase, problem, problemText, type Problem, type ProblemRef } from '../i18n/problems';

/** Deeper nesting than any config or GeoJSON needs (a MultiPolygon is 4 arrays inside 3 objects). */
export const MAX_JSON_DEPTH = 512;

/** How many levels an error's path names: enough for any config or GeoJSON, not 512 `[0]`s. */
const MAX_PATH_FRAMES = 16;

/** A problem in a JSON text: 1-based line and column (in UTF-16 code units, as editors count BMP text), and the key path it is in; what is wrong is `jsonAt`, naming the line and column. */
export interface JsonProblem extends Problem {
  kind: 'syntax' | 'duplicate-key';
  line: number;
  column: number;
  /** `tour[3].camera.center`; '' at the top. */
  path: string;
}

/** The first syntax error, thrown by the scanner at offset `at` and reported as a JsonProblem. */
export class SyntaxProblem extends Error {
  constructor(
    readonly at: number,
    readonly problem: ProblemRef,
  ) {
    super(problemText('en', problem));
  }
}

/** A key written twice: where, where first, in which object, which key. */
export interface DuplicateKey {
  at: number;
  firstAt: number;
  path: string;
  key: string;
}

/**
 * The key path of the value being read, e.g. `tour[3].camera.center`, from the open containers'
 * keys (an object's key, an array's index); cut after MAX_PATH_FRAMES levels with `…`.
 */
export function keyPath(frames: readonly { key: string | number }[]): string {
  let path = '';
  for (const [depth, frame] of frames.entries()) {
    if (depth === MAX_PATH_FRAMES) return `${path}…`;
    if (typeof frame.key === 'number') path += `[${frame.key}]`;
    else if (frame.key !== '') path += path === '' ? frame.key : `.${frame.key}`;
  }
  return path;
}

/** The text at `at` as a message shows it: `'x'`, `"…"` or the end of the file. */
export function shown(text: string, at: number, length = 1): string | ProblemRef {
  if (at >= text.length) return phrase('jsonEndOfFile');
  const s = text.slice(at, at + length);
  const c = s.charCodeAt(0);
  if (c < 0x20) return phrase('jsonControlChar', { code: c.toString(16).padStart(4, '0') });
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, at + 20))?.[0];
  return word && length === 1 ? `'${word}'` : `'${s}'`;
}

/** Turns offsets in one text into located problems (the line starts are found once, when first needed). */
export class ProblemLocator {
  private lineStarts: number[] | null = null;

  constructor(private readonly text: string) {}

  /** A problem at offset `at`, its message prefixed with the line and column. */
  problem(kind: JsonProblem['kind'], at: number, path: string, what: ProblemRef): JsonProblem {
    const { line, column } = this.location(at);
    return { kind, line, column, path, ...problem('jsonAt', { line, column, problem: what }) };
  }

  /** A repeated key, naming both lines. */
  duplicate(d: DuplicateKey): JsonProblem {
    const first = this.location(d.firstAt);
    const second = this.location(d.at);
    return this.problem('duplicate-key', d.at, d.path, phrase('jsonDuplicateKey', { key: d.key, firstLine: first.line, secondLine: second.line }));
  }

  private location(at: number): { line: number; column: number } {
    this.lineStarts ??= lineStarts(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
