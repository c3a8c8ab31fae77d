import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isEntryPoint } from '../../../scripts/lib/entry-point';
import { MINI } from '../../helpers/fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('isEntryPoint', () => {
  it.each([
    ['a plain path', '/work/cunhu/scripts/data.ts'],
    ['a path with a space', '/home/clerk/My Documents/cunhu/scripts/data.ts'],
    ['a path with Chinese characters', '/home/clerk/竹溪 扶贫办/村户/scripts/data.ts'],
    ['a path with a percent sign and a hash', '/tmp/100% #1/scripts/data.ts'],
  ])('recognises the script run from %s', (_name, path) => {
    expect(isEntryPoint(pathToFileURL(path).href, path)).toBe(true);
  });

  it('is false for another module or no script', () => {
    expect(isEntryPoint(pathToFileURL('/a/scripts/data.ts').href, '/a/scripts/make-sample.ts')).toBe(false);
    expect(isEntryPoint(pathToFileURL('/a/scripts/data.ts').href, undefined)).toBe(false);
  });

  // The old check compared with `file://${argv[1]}`, which never matched a path needing percent-encoding.
  it('runs the CLI from a folder whose path has a space and Chinese characters', async () => {
    const base = join(await mkdtemp(join(tmpdir(), 'cunhu-')), '竹溪 扶贫办');
    await mkdir(base, { recursive: true });
    await cp(join(ROOT, 'scripts'), join(base, 'scripts'), { recursive: true });
    await cp(join(ROOT, 'src/pipeline'), join(base, 'src/pipeline'), { recursive: true });
    await cp(join(ROOT, 'src/contract'), join(base, 'src/contract'), { recursive: true });
    await cp(join(ROOT, 'src/domain'), join(base, 'src/domain'), { recursive: true });
    await cp(join(ROOT, 'src/i18n'), join(base, 'src/i18n'), { recursive: true });
    await cp(join(ROOT, 'package.json'), join(base, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(base, 'node_modules'));
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const run = promisify(execFile);
    const { stdout } = await run(tsx, [join(base, 'scripts/data.ts'), 'check', MINI], { cwd: base });
    expect(stdout.trim().split('\n').at(-1)).toBe('0 error(s), 0 warning(s)');
  }, 60_000);
});
