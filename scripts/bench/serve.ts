/**
 * A static file server for the browser benchmarks that gzips text as a CDN would and records
 * every response: path, kind (JS, CSS, worker, data, other) and bytes on the wire.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Kind = 'js' | 'css' | 'worker' | 'data' | 'html' | 'other';

export interface Served {
  path: string;
  kind: Kind;
  bytes: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pmtiles': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.csv', '.svg']);

/** What a request is, for the first-view byte budget. */
export function kindOf(path: string): Kind {
  if (/worker[^/]*\.(m?js)$/.test(path)) return 'worker';
  if (path.startsWith('/data/')) return 'data';
  if (path.endsWith('/')) return 'html';
  const ext = extname(path);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  return 'other';
}

export async function serve(root: string): Promise<{ url: string; served: Served[]; close(): Promise<void> }> {
  const served: Served[] = [];
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(normalize(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const ext = extname(file);
        const raw = await readFile(file);
        const gz = req.headers['accept-encoding']?.includes('gzip') && COMPRESSIBLE.has(ext);
        const body = gz ? (cache.get(file) ?? gzipSync(raw, { level: 6 })) : raw;
        if (gz) cache.set(file, body);
        res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Content-Length': body.length, ...(gz ? { 'Content-Encoding': 'gzip' } : {}), 'Cache-Control': 'no-store' });
        res.end(body);
        served.push({ path, kind: kindOf(path), bytes: body.length });
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
