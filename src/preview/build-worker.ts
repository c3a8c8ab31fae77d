/// <reference lib="webworker" />
/**
 * The data build in a Web Worker, for the in-browser preview: the same pipeline code as the CLI
 * (src/pipeline/build.ts) over the files the person chose, so a 50 MB ledger never freezes the
 * page. Posts progress as each file is read, then the issues and the site data.
 */
import { buildSite, type DatasetSource } from '../pipeline/build';
import { useXlsIsolate } from '../pipeline/read/xls';
import type { BuildMessage, BuildRequest } from './protocol';
import { browserXlsIsolate } from './xls-isolate';

// An .xls or .et is parsed in a worker of its own with a deadline (a damaged one can keep the parser busy).
useXlsIsolate(browserXlsIsolate);

/** The files the build asks for, in order: progress counts them. */
const STEPS = ['atlas.config.json', 'boundaries/towns.geojson', 'boundaries/county.geojson', 'villages.csv', 'projects.csv', 'progress.csv', 'households.csv'];

const post = (m: BuildMessage): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.addEventListener('message', (e: MessageEvent<BuildRequest>) => {
  void run(e.data);
});

async function run(request: BuildRequest): Promise<void> {
  try {
    let done = 0;
    const source: DatasetSource = {
      async read(path) {
        const buffer = request.files[path];
        // Progress names the files there are (not the .xlsx the build also looks for).
        if (buffer) post({ kind: 'progress', step: path, done: done++, total: STEPS.length });
        return buffer ? new Uint8Array(buffer) : null;
      },
      list: async () => Object.keys(request.files),
    };
    // The check view is not handed the photo files (the page sends the tables): photos.csv is checked alone.
    const result = await buildSite(source, { isPublic: request.isPublic, readsPhotoFiles: false });
    post({ kind: 'progress', step: 'site.json', done: STEPS.length, total: STEPS.length });
    const rows = Object.fromEntries(Object.entries(result.inputs).filter(([, s]) => s.rows !== null).map(([file, s]) => [file, { ...s.rows!, encoding: s.encoding }]));
    const outputs = result.outputs ? Object.fromEntries([...result.outputs].filter(([name]) => !name.startsWith('open-data/'))) : null;
    post({ kind: 'done', issues: result.issues, errorCount: result.errorCount, warningCount: result.warningCount, fatal: result.fatal, rows, outputs });
  } catch (e) {
    post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
