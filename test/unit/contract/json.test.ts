import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson } from '../../../src/contract/json';
import { FIXTURES } from '../../helpers/fixtures';

const ROOT = join(FIXTURES, '../..');

describe('parseStrictJson', () => {
  it.each([
    ['an object', '{"a": [1, -2.5e3, 0, "x\\u00e9\\n", true, false, null], "b": {}, "c": []}'],
    ['a bare value', ' 42 '],
    ['a string with every escape', '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\ud83d\\ude00"'],
    ['Chinese text', '{"名称": "竹溪县", "zh": "示例数据"}'],
    ['the same key in two objects', '[{"a": 1}, {"a": 2}]'],
  ])('gives what JSON.parse gives for %s', (_name, text) => {
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('skips a byte order mark', () => {
    expect(parseStrictJson('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('keeps a __proto__ key as an own property, as JSON.parse does', () => {
    const r = parseStrictJson('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a key written twice, naming its path and both lines, and still gives the value', () => {
    const text = '{\n  "schemaVersion": 1,\n  "sample": true,\n  "crs": "WGS84",\n  "sample": false\n}';
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        kind: 'duplicate-key',
        line: 5,
        column: 3,
        path: 'sample',
        message: 'line 5, column 3: the key "sample" is written twice in the same object, at line 3 and line 5: JSON keeps only the last one silently; remove one of them',
      },
    ]);
    expect(r.value).toEqual({ schemaVersion: 1, sample: false, crs: 'WGS84' });
  });

  it('finds a repeated key deep inside, however it is escaped', () => {
    const r = parseStrictJson('{"tour": [{"title": {}}, {"title": {"zh": "a",\n"\\u007a\\u0068": "b"}}]}');
    expect(!r.ok && r.problems.map((p) => [p.path, p.line, p.column])).toEqual([['tour[1].title.zh', 2, 1]]);
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}', got '\"' (a comma missing before it?)"],
    ['a comma after the last property', '{"a": 1,\n}', 2, 1, "a comma before '}': remove the comma after the last property"],
    ['a comma after the last item', '[1, 2, ]', 1, 8, "a comma before ']': remove the comma after the last item"],
    ['a string never closed', '{"a": "abc', 1, 7, 'a string that is never closed: a " is missing'],
    ['a line break in a string', '{"a": "ab\ncd"}', 1, 10, 'a line break inside a string: a " is missing, or write \\n'],
    ['a Windows path', '{"path": "C:\\data"}', 1, 13, "invalid escape '\\d' in a string (a Windows path needs \\\\ for each \\)"],
    ['single quotes', "{'a': 1}", 1, 2, "expected a key in double quotes, got '''"],
    ['a key without quotes', '{a: 1}', 1, 2, "expected a key in double quotes, got 'a'"],
    ['a missing colon', '{"a" 1}', 1, 6, 'expected \':\' after the key "a", got \'1\''],
    ['NaN', '[NaN]', 1, 2, "expected a value, got 'NaN'"],
    ['Python True', '{"sample": True}', 1, 12, "expected a value, got 'True'"],
    ['a leading zero', '[012]', 1, 2, 'a number with a leading zero'],
    ['a bare decimal point', '[1.]', 1, 4, "expected a digit after '.', got ']'"],
    ['text after the value', '{"a": 1} x', 1, 10, "unexpected 'x' after the end of the JSON value"],
    ['an empty file', '  \n ', 2, 2, 'the file is empty: expected a JSON value'],
    ['a cut-off file', '{"a": [1, 2', 1, 12, "expected ',' or ']', got the end of the file"],
    ['a tab inside a string', '["a\tb"]', 1, 4, 'control character U+0009 inside a string'],
  ])('locates %s by line and column', (_name, text, line, column, message) => {
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.value).toBeUndefined();
    const last = r.problems[r.problems.length - 1];
    expect(last).toMatchObject({ kind: 'syntax', line, column, message: `line ${line}, column ${column}: ${message}` });
    expect(() => JSON.parse(text)).toThrow();
  });

  it('refuses a number too large for a double (JSON.parse makes it Infinity, null once written back)', () => {
    expect(JSON.parse('[1e999]')).toEqual([Infinity]);
    const r = parseStrictJson('{"zoom": 1e999}');
    expect(!r.ok && r.problems).toEqual([{ kind: 'syntax', line: 1, column: 10, path: 'zoom', message: 'line 1, column 10: the number 1e999 is too large' }]);
  });

  it('names the path of a syntax error', () => {
    const r = parseStrictJson('{"tour": [{}, {}, {}, {"camera": {"center": [110, 32,]}}]}');
    expect(!r.ok && r.problems[0]?.path).toBe('tour[3].camera.center[2]');
  });

  it('refuses nesting 100,000 deep without overflowing the stack', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toEqual({ kind: 'syntax', line: 1, column: MAX_JSON_DEPTH + 1, path: `${'[0]'.repeat(16)}…`, message: `line 1, column ${MAX_JSON_DEPTH + 1}: nesting deeper than ${MAX_JSON_DEPTH} levels` });
    const deepObjects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(parseStrictJson(deepObjects).ok).toBe(false);
  });

  it(`takes nesting ${MAX_JSON_DEPTH} deep`, () => {
    const text = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseStrictJson(text).ok).toBe(true);
  });

  it('reads every config and boundary file of the sample and the fixtures as JSON.parse does', () => {
    const files = ['data', 'test/fixtures'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(geo)?json$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(files).toContain(join('data', 'atlas.config.json'));
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(parseStrictJson(text), file).toEqual({ ok: true, value: JSON.parse(text.replace(/^\ufeff/, '')) });
    }
  });
});
