import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runDataCli } from '../../scripts/data';

/** Runs the data CLI (scripts/data.ts) and returns its exit code and every line it printed. */
export async function runCli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCli(args, (l) => lines.push(l));
  return { code, lines };
}

/** Every file under `dir`, by its path inside it, as text: to compare an output before and after. */
export async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((x) => x.isFile())) {
    const path = join(e.parentPath, e.name);
    out.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return out;
}
