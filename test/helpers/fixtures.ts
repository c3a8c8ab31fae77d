import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const MINI = join(FIXTURES, 'mini');

/** A fresh copy of the mini dataset with the files of `test/fixtures/bad/<overlay>` laid over it. */
export async function datasetWith(overlay?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cunhu-'));
  await cp(MINI, dir, { recursive: true });
  if (overlay) await cp(join(FIXTURES, 'bad', overlay), dir, { recursive: true });
  return dir;
}

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
