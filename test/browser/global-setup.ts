import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { runDataCli } from '../../scripts/data';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the site as `npm run build` does and serves dist/ for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium();
  const lines: string[] = [];
  const code = await runDataCli(['build', 'data', '--out', 'public/data'], (l) => lines.push(l));
  if (code !== 0) throw new Error(`data:build failed (exit ${code}):\n${lines.join('\n')}`);
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
