import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Lines of src/ (outside `except`) that match a pattern, as file:line. */
function linesMatching(pattern: RegExp, except: (file: string) => boolean): string[] {
  return sources('src')
    .filter((f) => !except(f))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}`] : [])));
}

/** Issue 16: a language is a catalogue and an indicator's unit its spec's record, not branches spread over the code. */
describe('one home for each concept', () => {
  it('branches on a language only inside src/i18n (catalogues and pick(), never lang === …)', () => {
    expect(linesMatching(/\blang\s*[!=]==\s*['"](zh|en)['"]/, (f) => f.startsWith(join('src', 'i18n')))).toEqual([]);
  });

  it('branches on an indicator unit nowhere (UNITS[unit] in src/domain/units.ts holds what differs)', () => {
    expect(linesMatching(/\bunit\s*[!=]==\s*['"]/, (f) => f === join('src', 'domain', 'units.ts'))).toEqual([]);
  });
});
