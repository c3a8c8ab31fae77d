import type { Issue } from './issues';

/**
 * Collects issues while walking an untrusted JSON value; each check returns the value or null
 * and records why, so a parser reports every problem, not the first.
 */
export class JsonChecker {
  readonly issues: Issue[] = [];
  constructor(readonly file: string) {}

  error(path: string, message: string): null {
    this.issues.push({ file: this.file, row: 0, column: path, level: 'error', message });
    return null;
  }

  warn(path: string, message: string): void {
    this.issues.push({ file: this.file, row: 0, column: path, level: 'warning', message });
  }

  object(v: unknown, path: string): Record<string, unknown> | null {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.error(path, `expected an object, got ${describe(v)}`);
  }

  /** Reports keys not in `known`: a typo in a config must not fail silently. */
  onlyKeys(o: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!known.includes(k)) this.error(join(path, k), `unknown key "${k}" (expected one of: ${known.join(', ')})`);
    }
  }

  array(v: unknown, path: string): unknown[] | null {
    return Array.isArray(v) ? v : this.error(path, `expected an array, got ${describe(v)}`);
  }

  string(v: unknown, path: string): string | null {
    return typeof v === 'string' && v.trim() !== '' ? v : this.error(path, `expected a non-empty string, got ${describe(v)}`);
  }

  number(v: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.error(path, `expected a number, got ${describe(v)}`);
    if (v < min || v > max) return this.error(path, `expected a number from ${min} to ${max}, got ${v}`);
    return v;
  }

  boolean(v: unknown, path: string): boolean | null {
    return typeof v === 'boolean' ? v : this.error(path, `expected true or false, got ${describe(v)}`);
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | null {
    const hit = options.find((o) => o === v);
    return hit ?? this.error(path, `expected one of ${options.join(', ')}, got ${describe(v)}`);
  }

  /** `[a, b]` of finite numbers. */
  pair(v: unknown, path: string): [number, number] | null {
    const a = this.array(v, path);
    if (!a) return null;
    if (a.length !== 2 || typeof a[0] !== 'number' || typeof a[1] !== 'number') return this.error(path, 'expected [number, number]');
    return [a[0], a[1]];
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.level === 'error');
  }
}

export function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return typeof v === 'object' ? 'an object' : String(v);
}
