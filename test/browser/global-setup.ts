import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { runDataCli } from '../../scripts/data';
import { findChromium } from './chromium';
import { buildSampleHistory } from '../../scripts/lib/sample-history';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** The one build and server of a run, shared by the projects that name this setup (each runs it: vitest 4 sets up per project). */
interface Shared {
  ready: Promise<{ baseUrl: string; close(): Promise<void> }>;
  users: number;
}
const SHARED = Symbol.for('cunhu.browser-setup');

/**
 * Builds the site as `npm run build` does and serves dist/ for the browser tests, once per run:
 * the `browser` and `browser-nogl` projects share the build and the server (closed after the last).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scope = globalThis as { [SHARED]?: Shared };
  const shared = (scope[SHARED] ??= { ready: buildAndServe(), users: 0 });
  shared.users++;
  const { baseUrl, close } = await shared.ready;
  project.provide('baseUrl', baseUrl);
  return async () => {
    if (--shared.users > 0) return;
    delete scope[SHARED];
    await close();
  };
}

async function buildAndServe(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  findChromium();
  // CUNHU_TEST_DIR (a folder) keeps this run's build apart from dist/ and public/data, so two
  // runs on one working tree (two people, or helpers) do not write over each other's site.
  const dir = process.env.CUNHU_TEST_DIR;
  const publicDir = dir ? join(dir, 'public') : 'public';
  const outDir = dir ? join(dir, 'dist') : 'dist';
  if (dir) {
    await rm(dir, { recursive: true, force: true });
    await cp('public', publicDir, { recursive: true, filter: (src) => !src.startsWith(join('public', 'data')) });
  }
  const lines: string[] = [];
  // The sample's previous release first, as `npm start` builds it: the site shows a history (issue 20).
  const previous = await buildSampleHistory('data', { workDir: join(dir ?? '.cache', 'releases', '2016-11') });
  const code = await runDataCli(['build', 'data', '--out', join(publicDir, 'data'), '--previous', previous], (l) => lines.push(l));
  if (code !== 0) throw new Error(`data:build failed (exit ${code}):\n${lines.join('\n')}`);
  await build({ logLevel: 'warn', publicDir, build: { outDir, emptyOutDir: true } });
  const server = await preview({ build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
