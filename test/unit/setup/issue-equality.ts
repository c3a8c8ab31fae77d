/**
 * Tests written before the problem catalogues (issue 21) expect an issue (or a failed read) as
 * `{ file, row, column, level, message }`, its English text. An issue now also carries its
 * catalogue key and parameters; when the expected issue names no key, they are left out of the
 * comparison, so those tests still check the English text. test/unit/i18n/problems.test.ts checks
 * the keys themselves.
 */
import { expect } from 'vitest';

type Tester = Parameters<typeof expect.addEqualityTesters>[0][number];

function isIssueLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'message' in v && ('level' in v || ('kind' in v && 'line' in v) || ('ok' in v && v.ok === false));
}

function withoutKey(v: Record<string, unknown>): Record<string, unknown> {
  const { key: _key, params: _params, ...rest } = v;
  return rest;
}

const issueWithoutKey: Tester = function (this: { equals: (a: unknown, b: unknown, testers?: Tester[]) => boolean }, a: unknown, b: unknown, testers: Tester[]) {
  if (!isIssueLike(a) || !isIssueLike(b) || ('key' in a && 'key' in b) || (!('key' in a) && !('key' in b))) return undefined;
  return this.equals(withoutKey(a), withoutKey(b), testers.filter((t) => t !== issueWithoutKey));
};

expect.addEqualityTesters([issueWithoutKey]);
