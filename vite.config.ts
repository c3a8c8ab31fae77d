import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './src/app/csp';
import { parseAtlasConfig } from './src/contract/config';
import { basemapStyle } from './src/map/basemap';

/** Writes the CSP for the built site data's basemap into index.html (no basemap: own origin only). */
function cspFromSiteData(): Plugin {
  return {
    name: 'cunhu-csp',
    transformIndexHtml(html) {
      let origins: string[] = [];
      try {
        const site = JSON.parse(readFileSync('public/data/site.json', 'utf8')) as { config?: unknown };
        const config = parseAtlasConfig(site.config);
        if (config.ok) origins = basemapStyle(config.value.basemap).origins;
      } catch {
        // No site data yet (a bare `vite` run): the strictest policy.
      }
      return html.replace('%CUNHU_CSP%', contentSecurityPolicy(origins));
    },
  };
}

// A static site: relative base so dist/ works from any folder or sub-path.
export default defineConfig({
  base: './',
  plugins: [cspFromSiteData()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173 },
});
