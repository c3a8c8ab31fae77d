import { phrase, problem, problemOf, type Problem, type ProblemArgs, type ProblemKey, type ProblemRef } from '../i18n/problems';
import type { Issue } from './issues';

/**
 * Collects issues while walking an untrusted JSON value; each check returns the value or null
 * and records why, so a parser reports every problem, not the first.
 */
export class JsonChecker {
  readonly issues: Issue[] = [];
  constructor(readonly file: string) {}

  /** Records an error at `path`: a catalogue key and its parameters. */
  error<K extends ProblemKey>(path: string, key: K, ...params: ProblemArgs<K>): null {
    this.issues.push({ file: this.file, row: 0, column: path, level: 'error', ...problem(key, ...params) });
    return null;
  }

  /** Records an error at `path` that another check put into words (a tile URL's problem). */
  errorOf(path: string, p: Problem): null {
    this.issues.push({ file: this.file, row: 0, column: path, level: 'error', ...problemOf(p) });
    return null;
  }

  /** Records a warning at `path`: a catalogue key and its parameters. */
  warn<K extends ProblemKey>(path: string, key: K, ...params: ProblemArgs<K>): void {
    this.issues.push({ file: this.file, row: 0, column: path, level: 'warning', ...problem(key, ...params) });
  }

  object(v: unknown, path: string): Record<string, unknown> | null {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.error(path, 'jsonExpectedObject', { got: describe(v) });
  }

  /** Reports keys not in `known`: a typo in a config must not fail silently. */
  onlyKeys(o: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!known.includes(k)) this.error(join(path, k), 'jsonUnknownKey', { key: k, known });
    }
  }

  array(v: unknown, path: string): unknown[] | null {
    return Array.isArray(v) ? v : this.error(path, 'jsonExpectedArray', { got: describe(v) });
  }

  string(v: unknown, path: string): string | null {
    return typeof v === 'string' && v.trim() !== '' ? v : this.error(path, 'jsonExpectedString', { got: describe(v) });
  }

  number(v: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.error(path, 'jsonExpectedNumber', { got: describe(v) });
    if (v < min || v > max) return this.error(path, 'jsonNumberRange', { min, max, got: v });
    return v;
  }

  boolean(v: unknown, path: string): boolean | null {
    return typeof v === 'boolean' ? v : this.error(path, 'jsonExpectedBoolean', { got: describe(v) });
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | null {
    const hit = options.find((o) => o === v);
    return hit ?? this.error(path, 'jsonExpectedOneOf', { options, got: describe(v) });
  }

  /** `[a, b]` of finite numbers. */
  pair(v: unknown, path: string): [number, number] | null {
    const a = this.array(v, path);
    if (!a) return null;
    if (a.length !== 2 || typeof a[0] !== 'number' || typeof a[1] !== 'number') return this.error(path, 'jsonExpectedPair');
    return [a[0], a[1]];
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.level === 'error');
  }
}

export function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** A value as a problem shows it: quoted text or a number as written, else a phrase (“nothing”, “an array”). */
function describe(v: unknown): string | ProblemRef {
  if (v === undefined) return phrase('valueNothing');
  if (v === null) return 'null';
  if (Array.isArray(v)) return phrase('valueArray');
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return typeof v === 'object' ? phrase('valueObject') : String(v);
}
