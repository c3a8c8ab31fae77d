import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const FALLBACK = join(ROOT, 'src/map/fallback');
/** The renderers the fallback runs without: loading any of them would need WebGL or their weight. */
const RENDERERS = /^(maplibre-gl|@deck\.gl\/|pmtiles)/;

/** The modules a file loads with it: every static import and re-export but `import type`/`export type`. */
function runtimeSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) out.push(m[2]!);
  return out;
}

/** The modules a file may load later: `import('…')` (in code or in a type). */
function dynamicSpecifiers(source: string): string[] {
  return [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  return null;
}

/** Every package the modules reachable at run time from `entries` load, with the chain that loads it. */
function packagesReached(entries: readonly string[]): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string, chain: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const s of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      if (!s.startsWith('.')) {
        if (!packages.has(s)) packages.set(s, `${chain} → ${s}`);
        continue;
      }
      const next = resolveModule(file, s);
      if (next) visit(next, `${chain} → ${relative(ROOT, next)}`);
    }
  };
  for (const e of entries) visit(e, relative(ROOT, e));
  return packages;
}

describe('the fallback map loads without the live map', () => {
  const entries = [join(ROOT, 'src/map/map-engine.ts'), ...readdirSync(FALLBACK).filter((f) => f.endsWith('.ts')).map((f) => join(FALLBACK, f))];

  it('reads type-only imports as such and the others as loads', () => {
    const source = ["import type { A } from 'maplibre-gl';", "import { b, type C } from './b';", "export { d } from './d';", "import './e.css';", "const f = import('./f');"].join('\n');
    expect(runtimeSpecifiers(source)).toEqual(['./b', './d', './e.css']);
    expect(dynamicSpecifiers(source)).toEqual(['./f']);
  });

  it('loads no renderer (maplibre-gl, deck.gl, pmtiles) with any of its modules, nor with the engine interface', () => {
    const packages = packagesReached(entries);
    const renderers = [...packages].filter(([name]) => RENDERERS.test(name)).map(([, chain]) => chain);
    expect(renderers).toEqual([]);
    // The walk did find the fallback's own renderer, so it follows the imports.
    expect(packages.has('d3-geo')).toBe(true);
  });

  it('never asks for a renderer later either (a module it loads may: the boundary archive reader, which it never calls)', () => {
    for (const file of entries) expect(dynamicSpecifiers(readFileSync(file, 'utf8')).filter((s) => RENDERERS.test(s)), relative(ROOT, file)).toEqual([]);
  });
});
