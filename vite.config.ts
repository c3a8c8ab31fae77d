import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { cspMetaContent } from './src/app/csp';

/**
 * Writes the CSP for the built site data's basemap into index.html (no basemap: own origin only),
 * escaped for the attribute; it throws (failing the build) on any origin that is not a plain
 * https://host[:port].
 */
function cspFromSiteData(): Plugin {
  // The build's own public folder (a test run or benchmark builds its site data elsewhere).
  let publicDir = 'public';
  return {
    name: 'cunhu-csp',
    configResolved(config) {
      publicDir = config.publicDir || 'public';
    },
    transformIndexHtml(html) {
      let config: unknown;
      try {
        config = (JSON.parse(readFileSync(join(publicDir, 'data', 'site.json'), 'utf8')) as { config?: unknown }).config;
      } catch {
        // No site data yet (a bare `vite` run): the strictest policy.
      }
      const csp = cspMetaContent(config);
      // A function, so no `$&` or `$'` in the text is read as a replacement pattern.
      return html.replace('%CUNHU_CSP%', () => csp);
    },
  };
}

/** data/templates/cunhu-template.xlsx served at templates/cunhu-template.xlsx: the check view links it (issue 21). */
function templateWorkbook(): Plugin {
  return {
    name: 'cunhu-template-workbook',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'templates/cunhu-template.xlsx', source: readFileSync('data/templates/cunhu-template.xlsx') });
    },
  };
}

// A static site: relative base so dist/ works from any folder or sub-path.
export default defineConfig({
  base: './',
  plugins: [cspFromSiteData(), templateWorkbook()],
  build: {
    // The floor: Chromium 109, the last for Windows 7 and still the core of older office PCs'
    // browsers (360, QQ). ES2022 is all it parses; test/browser/browser-floor.test.ts checks every chunk.
    target: ['es2022', 'chrome109'],
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  // The check view's worker is a module worker: SheetJS (.xls/.et) is a chunk of its own, fetched only when a dropped file needs it.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173 },
});
