import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The benchmark pages (npm run bench), built apart from the site into dist-bench/: a bare
 * MapLibre page (the floor the atlas's load time is compared with) and the markers page (the
 * project layer with up to a million synthetic projects). Same public/ data as the site.
 */
const root = resolve(import.meta.dirname, '..');
export default defineConfig({
  root: resolve(root, 'bench'),
  base: './',
  publicDir: resolve(root, 'public'),
  build: {
    outDir: resolve(root, 'dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { bare: resolve(root, 'bench/bare.html'), markers: resolve(root, 'bench/markers.html') } },
  },
  logLevel: 'warn',
});
