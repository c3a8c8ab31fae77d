/**
 * The meeting package: the whole atlas as one HTML file that opens from disk (`file://`) with no
 * network and no server (issue 10). The site data is built (public unless asked otherwise) into a
 * temporary folder; the page is built with every script, style and MapLibre's worker inlined
 * (vite-plugin-singlefile; MapLibre's worker as its text, src/map/worker-url.ts);
 * the data goes in as a JSON script element (src/app/embedded.ts). The file keeps a strict CSP:
 * its one script by hash, workers from blob:/data: (the file's own text), nothing fetched from anywhere.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { escapeHtmlAttribute } from '../../src/app/csp';
import { EMBEDDED_DATA_ID } from '../../src/app/embedded';
import { SITE_MONTHS_FILE } from '../../src/contract/site-months';
import { runDataCli } from '../data';
import { embedPhotoThumbnails, PACKAGE_PHOTO_BUDGET_BYTES } from './single-file-photos';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SingleFileOptions {
  /** The county's own data (small counts and the findings' details kept); default the public build's. */
  isPrivate: boolean;
  /** The dataset folder (default data/) and where the file goes (default dist/). */
  dataDir?: string;
  outDir?: string;
  log?: (line: string) => void;
}

export interface SingleFileResult {
  file: string;
  bytes: number;
  /** Bytes of each part inside the file: code (with the worker), styles, data. */
  parts: { code: number; styles: number; data: number };
  gzipBytes: number;
  isPublic: boolean;
}

/** The files of the site data the page reads; the open data, manifest and report stay out. */
function isPageFile(name: string): boolean {
  return name === 'site.json' || name === SITE_MONTHS_FILE || name === 'towns.geojson' || name === 'county.geojson' || /^projects\/\d+\.json$/.test(name);
}

/** JSON that is safe inside a <script> element: no `</script`, no `<!--`. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The CSP of the file: nothing from anywhere, its own script by hash, workers from blob: and data: (both inside the file), images from data:/blob:. */
export function singleFileCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'connect-src data: blob:',
    // MapLibre starts its worker from a data: URL of the inlined worker's text on an opaque origin (file://).
    'worker-src blob: data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const WORKER_URL_IMPORT = /maplibre-gl-worker\.mjs\?url$/;
const WORKER_MODULE = '\0cunhu-maplibre-worker-url';

/**
 * MapLibre's worker goes into the package as its text in a string, made a blob: URL when the page
 * runs (MapLibre reads it and starts the worker from a data: URL of its own, src/map/worker-url.ts).
 * Vite's own inlining of the `?url` import writes it base64, a third larger (about 170 KB more of a
 * 5 MB budget). `</` is written `<\/` so the text cannot close the script element.
 */
function maplibreWorkerAsText(): Plugin {
  return {
    name: 'cunhu-maplibre-worker-as-text',
    enforce: 'pre',
    resolveId(source) {
      return WORKER_URL_IMPORT.test(source) ? WORKER_MODULE : null;
    },
    async load(id) {
      if (id !== WORKER_MODULE) return null;
      const text = await readFile(join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8');
      // A blob: URL of the text (a data: URL here would be folded back into its escaped form by the minifier).
      return `export default URL.createObjectURL(new Blob([${JSON.stringify(text).replace(/<\//g, '<\\/')}], { type: 'text/javascript' }));\n`;
    },
  };
}

/** Builds the package; returns its path and sizes, or the data build's exit code when the dataset has errors. */
export async function buildSingleFile(opts: SingleFileOptions): Promise<SingleFileResult | number> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const tmp = await mkdtemp(join(tmpdir(), 'cunhu-single-'));
  try {
    const dataOut = join(tmp, 'data');
    const code = await runDataCli(['build', opts.dataDir ?? join(ROOT, 'data'), '--out', dataOut, ...(opts.isPrivate ? [] : ['--public'])], log);
    if (code !== 0) return code;
    const texts: Record<string, string> = {};
    for (const name of (await readdir(dataOut, { recursive: true })).map((n) => n.split('\\').join('/')).sort()) {
      if (isPageFile(name)) texts[name] = await readFile(join(dataOut, name), 'utf8');
    }
    // Site photos: thumbnails only, inside the file as data: URLs, up to a budget (single-file-photos.ts).
    const photos = await embedPhotoThumbnails(texts, dataOut);
    if (photos) log(`  photos: ${photos.carried} thumbnails carried (${Math.round(photos.bytes / 1024)} KB), no display sizes${photos.leftOut > 0 ? `; ${photos.leftOut} left out past the package's ${Math.round(PACKAGE_PHOTO_BUDGET_BYTES / 1024 / 1024)} MB of photos` : ''}`);
    // Opened offline, the package draws no basemap tiles (its CSP would refuse them anyway).
    const site = JSON.parse(texts['site.json'] ?? 'null') as { config: { basemap: unknown; region: { code: string } }; months: string[]; publication: { isPublic: boolean } };
    site.config.basemap = { type: 'none' };
    texts['site.json'] = `${JSON.stringify(site)}\n`;

    const pageOut = join(tmp, 'page');
    await viteBuild({
      root: ROOT,
      mode: 'single-file',
      logLevel: 'warn',
      publicDir: false,
      build: { outDir: pageOut, emptyOutDir: true, sourcemap: false, assetsInlineLimit: () => true, cssCodeSplit: false },
      plugins: [maplibreWorkerAsText(), viteSingleFile({ removeViteModuleLoader: true })],
    });
    let html = await readFile(join(pageOut, 'index.html'), 'utf8');
    // The preloads name files the package does not have; the icon goes in as a data: URL.
    html = html.replace(/[ \t]*<link\b[^>]*\brel="preload"[^>]*>\r?\n?/g, '');
    html = html.replace(/[ \t]*<!-- The site data the first view draws[^>]*-->\r?\n?/, '');
    const icon = await readFile(join(ROOT, 'public/favicon.svg'));
    html = html.replace(/href="[^"]*favicon\.svg"/, `href="data:image/svg+xml;base64,${icon.toString('base64')}"`);
    const data = `<script type="application/json" id="${EMBEDDED_DATA_ID}">${scriptSafeJson(texts)}</script>`;
    html = html.replace('</body>', () => `${data}\n</body>`);
    const scripts = [...html.matchAll(/<script\b(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)];
    const external = scripts.filter((m) => /\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))));
    if (external.length > 0) throw new Error(`the page still loads ${external.length} script file(s)`);
    const hashes = scripts.map((m) => createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64'));
    html = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, (_, a: string, b: string) => `${a}${escapeHtmlAttribute(singleFileCsp(hashes))}${b}`);
    if (/<link\b[^>]*\bhref="(?!data:)[^"]*"/.test(html)) throw new Error('the page still links a file');

    const outDir = opts.outDir ?? join(ROOT, 'dist');
    await mkdir(outDir, { recursive: true });
    const month = site.months[site.months.length - 1] ?? 'all';
    const file = join(outDir, `cunhu-${site.config.region.code}-${month}.html`);
    // Written beside it and renamed over it: a failed or stopped write never leaves half a package.
    const partial = `${file}.tmp-${process.pid}`;
    try {
      await writeFile(partial, html);
      await rename(partial, file);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
    const bytes = Buffer.byteLength(html);
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0);
    const scriptBytes = scripts.reduce((n, m) => n + Buffer.byteLength(m[1] ?? ''), 0);
    return { file, bytes, parts: { code: scriptBytes, styles, data: Buffer.byteLength(data) }, gzipBytes: gzipSync(html).length, isPublic: site.publication.isPublic };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The build's line about the package: where, how big, what is in it. */
export function describeSingleFile(r: SingleFileResult): string {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return `wrote ${r.file}: ${mb(r.bytes)} (code with MapLibre's worker ${mb(r.parts.code)}, styles ${mb(r.parts.styles)}, site data ${mb(r.parts.data)}; ${mb(r.gzipBytes)} zipped), ${r.isPublic ? 'public data only' : 'PRIVATE: the county’s own data, for internal meetings'}`;
}
