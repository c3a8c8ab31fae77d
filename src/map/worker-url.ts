/**
 * MapLibre's worker: a file beside the page on a served site. The single-file meeting package
 * (scripts/lib/single-file.ts) inlines its text as a blob: URL; opened from disk (an opaque origin)
 * MapLibre reads that URL's text and starts its worker from a data: URL of its own, which the
 * package's CSP allows (worker-src blob: data:), so nothing is fetched from outside the file.
 */
import url from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export const workerUrl: string = url;
