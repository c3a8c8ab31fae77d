/**
 * Boundaries as vector tiles in one PMTiles (v3) archive, for a province or national deployment
 * where the whole boundary GeoJSON is too big to load up front: the map reads only the tiles in
 * view, with HTTP range requests, from a static file (docs/deploy.md).
 *
 * Slicing is @maplibre/geojson-vt and encoding @maplibre/vt-pbf, the two MapLibre itself uses for
 * GeoJSON sources, so the tiles are cut and simplified as the map would cut them. The archive is
 * written here (the `pmtiles` npm package only reads): header, gzip-compressed root directory,
 * metadata, leaf directories when the root would pass 16 KiB, then gzip-compressed tiles in
 * Hilbert order, identical tiles stored once and consecutive ones run-length encoded.
 *
 * CLI: `tsx scripts/lib/tiles.ts SITE_DATA_DIR OUT.pmtiles [--min-zoom N] [--max-zoom N]` reads
 * towns.geojson and county.geojson from the built site data; `npm run build -- --tiles` calls it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, Position } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BOUNDARY_TILE_LAYER, TOWN_ID_PROPERTY } from '../../src/map/boundary-tiles';
import { concatBytes } from '../../src/pipeline/read/read-table';
import { isEntryPoint } from './entry-point';

/**
 * Default zoom range. A tile's 4096 units over the 512 pixels MapLibre draws it at are an eighth
 * of a pixel at its own zoom and one pixel three zooms deeper, so tiles to 13 stay exact to the
 * atlas's deepest zoom (16) by overzooming, and the town view (about zoom 11–12) draws tiles cut
 * for it. Deeper tiles would only add bytes.
 */
export const DEFAULT_MIN_ZOOM = 0;
export const DEFAULT_MAX_ZOOM = 13;
/** The v3 spec: header and root directory together fit in the first 16 KiB a client fetches. */
export const ROOT_LIMIT_BYTES = 16_384;
export const HEADER_BYTES = 127;
const EXTENT = 4096;
/** Deepest zoom whose tile IDs stay exact in a double (the `pmtiles` reader's limit too). */
const MAX_SAFE_ZOOM = 26;

export interface TileLayer {
  /** The MVT layer name a style's `source-layer` refers to. */
  name: string;
  features: FeatureCollection;
}

export interface PmtilesOptions {
  minZoom: number;
  maxZoom: number;
  /** Written into the metadata (TileJSON `name` / `description`). */
  name?: string;
  description?: string;
  /** Header plus root directory must fit in this many bytes (default and spec maximum 16 KiB); lower only in tests. */
  rootLimitBytes?: number;
  /** Entries per leaf directory to start from when the root does not fit (default 4096); lower only in tests. */
  leafEntries?: number;
}

export interface PmtilesStats {
  bytes: number;
  /** Tiles a reader can address (run-lengths expanded). */
  addressedTiles: number;
  /** Directory entries after run-length encoding. */
  tileEntries: number;
  /** Distinct tile blobs stored. */
  tileContents: number;
  leafDirectories: number;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Builds the archive in memory; throws on an invalid zoom range or no features at all. */
export function writePmtiles(layers: readonly TileLayer[], options: PmtilesOptions): Uint8Array {
  return buildPmtiles(layers, options).bytes;
}

/** Like {@link writePmtiles}, with the figures the CLI prints. */
export function buildPmtiles(layers: readonly TileLayer[], options: PmtilesOptions): { bytes: Uint8Array; stats: PmtilesStats } {
  const { minZoom, maxZoom } = options;
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || minZoom > maxZoom || maxZoom > MAX_SAFE_ZOOM) {
    throw new Error(`invalid zoom range ${minZoom}..${maxZoom} (0 ≤ min ≤ max ≤ ${MAX_SAFE_ZOOM})`);
  }
  if (new Set(layers.map((l) => l.name)).size !== layers.length) throw new Error('layer names must be unique');
  const bounds = boundsOf(layers);
  if (!bounds) throw new Error('no features to tile');

  // Slice, encode and compress every tile that holds a feature, keeping each distinct blob once.
  const blobs = new Map<string, Uint8Array>();
  const tiles: { tileId: number; hash: string }[] = [];
  for (const { z, x, y, data } of sliceTiles(layers, minZoom, maxZoom)) {
    // Most tiles of a province lie inside one town and repeat: compress each content once.
    const hash = createHash('sha256').update(data).digest('base64');
    if (!blobs.has(hash)) blobs.set(hash, gzip(data));
    tiles.push({ tileId: zxyToTileId(z, x, y), hash });
  }
  if (tiles.length === 0) throw new Error('no tiles: the features lie outside the tiled world');
  tiles.sort((a, b) => a.tileId - b.tileId);
  tiles.forEach((t, i) => {
    if (i > 0 && t.tileId === tiles[i - 1]!.tileId) throw new Error(`tile ${t.tileId} was cut twice`);
  });

  // Clustered: blobs laid out in tile-ID order of first use; repeats point back at earlier offsets.
  const offsets = new Map<string, number>();
  const data: Uint8Array[] = [];
  let dataLength = 0;
  const entries: Entry[] = [];
  for (const { tileId, hash } of tiles) {
    let offset = offsets.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsets.set(hash, offset);
      const blob = blobs.get(hash)!;
      data.push(blob);
      dataLength += blob.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === offset && last.tileId + last.runLength === tileId) last.runLength++;
    else entries.push({ tileId, offset, length: blobs.get(hash)!.length, runLength: 1 });
  }

  const { root, leaves, leafCount } = directories(entries, options.rootLimitBytes ?? ROOT_LIMIT_BYTES, options.leafEntries ?? 4096);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(metadataOf(layers, options))));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const total = dataOffset + dataLength;
  const out = new Uint8Array(total);
  const [west, south, east, north] = bounds;
  const centerZoom = Math.max(minZoom, Math.min(maxZoom, Math.floor(Math.log2(720 / Math.max(east - west, north - south, 1e-9)))));
  const header = new DataView(out.buffer, 0, HEADER_BYTES);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  setUint64(header, 8, rootOffset);
  setUint64(header, 16, root.length);
  setUint64(header, 24, metadataOffset);
  setUint64(header, 32, metadata.length);
  setUint64(header, 40, leavesOffset);
  setUint64(header, 48, leaves.length);
  setUint64(header, 56, dataOffset);
  setUint64(header, 64, dataLength);
  setUint64(header, 72, tiles.length);
  setUint64(header, 80, entries.length);
  setUint64(header, 88, data.length);
  header.setUint8(96, 1); // clustered
  header.setUint8(97, 2); // internal compression: gzip
  header.setUint8(98, 2); // tile compression: gzip
  header.setUint8(99, 1); // tile type: MVT
  header.setUint8(100, minZoom);
  header.setUint8(101, maxZoom);
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  header.setUint8(118, centerZoom);
  header.setInt32(119, e7((west + east) / 2), true);
  header.setInt32(123, e7((south + north) / 2), true);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(leaves, leavesOffset);
  let at = dataOffset;
  for (const blob of data) {
    out.set(blob, at);
    at += blob.length;
  }
  return {
    bytes: out,
    stats: { bytes: total, addressedTiles: tiles.length, tileEntries: entries.length, tileContents: data.length, leafDirectories: leafCount, minZoom, maxZoom, bounds },
  };
}

const BUFFER = 64;
/**
 * The deepest zooms are cut subtree by subtree, each by an index of only the features near it:
 * geojson-vt keeps every tile it cuts (one index over the synthetic province to zoom 14 peaks at
 * about 700 MB, subtrees at under 300 MB, same bytes out), and a subtree six zooms deep holds at
 * most 5,461 tiles. Each subtree converts its features again, so a few deep subtrees beat many
 * shallow ones when one feature (a province outline) is large.
 */
const SUBTREE_ZOOMS = 6;
interface LayerFeatures {
  name: string;
  features: Feature[];
  /** [west, south, east, north] of each feature, for choosing which reach a tile. */
  boxes: [number, number, number, number][];
}

/**
 * Every tile from zoom 0 to maxZoom that holds a feature of some layer, depth first; tiles above
 * minZoom are cut (their children need them) but not yielded. A tile's content depends only on
 * the features that reach it (each is clipped and simplified on its own), so cutting a subtree
 * from the features near it gives the same bytes as cutting it from all of them.
 */
function* sliceTiles(layers: readonly TileLayer[], minZoom: number, maxZoom: number): Generator<{ z: number; x: number; y: number; data: Uint8Array }> {
  const all: LayerFeatures[] = layers.map((l) => {
    const features = l.features.features.filter((f) => f.geometry);
    return { name: l.name, features, boxes: features.map((f) => boundsOfGeometry(f.geometry) ?? [0, 0, -1, -1]) };
  });
  const split = Math.max(0, maxZoom - SUBTREE_ZOOMS);
  for (const tile of sliceIndex(all, [0, 0, 0], split, minZoom, maxZoom, false)) {
    if (tile.data) yield { ...tile, data: tile.data };
    else {
      for (const deeper of sliceIndex(featuresNear(all, tile.z, tile.x, tile.y), [tile.z, tile.x, tile.y], maxZoom, minZoom, maxZoom, true)) {
        if (deeper.data) yield { ...deeper, data: deeper.data };
      }
    }
  }
}

/**
 * The tiles from `root` down to `bottom` cut by one index over `layers`. At `bottom`, when deeper
 * zooms remain, it yields the tile again with no data: the caller cuts that subtree with an index
 * of its own, whose root it has yielded already (`isRootYielded`).
 */
function* sliceIndex(layers: readonly LayerFeatures[], root: [number, number, number], bottom: number, minZoom: number, maxZoom: number, isRootYielded: boolean): Generator<{ z: number; x: number; y: number; data: Uint8Array | null }> {
  const indexes = layers
    .filter((l) => l.features.length > 0)
    .map((l) => ({
      name: l.name,
      // Options are the same for every index: simplification depends on maxZoom, not on the index.
      index: new GeoJSONVT({ type: 'FeatureCollection', features: l.features }, { maxZoom, indexMaxZoom: 0, extent: EXTENT, buffer: BUFFER, tolerance: 3 }),
    }));
  const stack: [number, number, number][] = [root];
  while (stack.length > 0) {
    const [z, x, y] = stack.pop()!;
    const found: Record<string, GeoJSONVTTile> = {};
    let any = false;
    for (const { name, index } of indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) [found[name], any] = [tile, true];
    }
    if (!any) continue;
    if (z >= minZoom && !(isRootYielded && z === root[0])) yield { z, x, y, data: fromGeojsonVt(found, { version: 2, extent: EXTENT }) };
    if (z === maxZoom) continue;
    if (z < bottom) for (const [dx, dy] of [[1, 1], [1, 0], [0, 1], [0, 0]] as const) stack.push([z + 1, x * 2 + dx, y * 2 + dy]);
    else yield { z, x, y, data: null };
  }
}

/** The features whose bounding box reaches a tile with twice its buffer (more than clipping keeps: extra ones are clipped away). */
function featuresNear(layers: readonly LayerFeatures[], z: number, x: number, y: number): LayerFeatures[] {
  const n = 2 ** z;
  const margin = (2 * BUFFER) / EXTENT;
  const lon = (tx: number): number => (tx / n) * 360 - 180;
  const lat = (ty: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  const [west, east, north, south] = [lon(x - margin), lon(x + 1 + margin), lat(y - margin), lat(y + 1 + margin)];
  return layers.map((l) => {
    const out: LayerFeatures = { name: l.name, features: [], boxes: [] };
    l.boxes.forEach((b, i) => {
      if (b[0] <= east && b[2] >= west && b[1] <= north && b[3] >= south) {
        out.features.push(l.features[i]!);
        out.boxes.push(b);
      }
    });
    return out;
  });
}

/** Position on the series of Hilbert curves, one per zoom, that PMTiles numbers tiles by. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > MAX_SAFE_ZOOM) throw new Error(`zoom ${z} is past ${MAX_SAFE_ZOOM}`);
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} is outside its zoom`);
  let id = (n * n - 1) / 3; // tiles at every shallower zoom
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    id += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) [x, y] = [s - 1 - (x % s), s - 1 - (y % s)];
      [x, y] = [y, x];
    }
    x %= s;
    y %= s;
  }
  return id;
}

/** A directory: count, then columns of tile-ID deltas, run-lengths, lengths and offsets (0 = follows the previous), gzip. */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(bytes, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(bytes, e.runLength);
  for (const e of entries) writeVarint(bytes, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(bytes, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzip(Uint8Array.from(bytes));
}

/**
 * The root alone when it fits in the first 16 KiB with the header; otherwise leaves of
 * `leafEntries` entries each (growing by a fifth until the root of leaf pointers fits).
 */
function directories(entries: readonly Entry[], rootLimit: number, leafEntries: number): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = serializeDirectory(entries);
  if (HEADER_BYTES + root.length <= rootLimit) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let size = Math.max(1, leafEntries); ; size = Math.ceil(size * 1.2)) {
    const leafBlobs: Uint8Array[] = [];
    const pointers: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const chunk = entries.slice(i, i + size);
      const blob = serializeDirectory(chunk);
      pointers.push({ tileId: chunk[0]!.tileId, offset, length: blob.length, runLength: 0 });
      leafBlobs.push(blob);
      offset += blob.length;
    }
    const pointerRoot = serializeDirectory(pointers);
    if (HEADER_BYTES + pointerRoot.length <= rootLimit) return { root: pointerRoot, leaves: concatBytes(leafBlobs, offset), leafCount: leafBlobs.length };
    if (pointers.length === 1) throw new Error(`the root directory cannot fit in ${rootLimit} bytes`);
  }
}

/** TileJSON-style metadata: `vector_layers` with each layer's fields, as the spec asks for MVT. */
function metadataOf(layers: readonly TileLayer[], options: PmtilesOptions): Record<string, unknown> {
  return {
    name: options.name ?? 'boundaries',
    description: options.description ?? 'Boundaries as vector tiles',
    type: 'overlay',
    version: '1',
    generator: 'cunhu scripts/lib/tiles.ts',
    vector_layers: layers.map((l) => ({ id: l.name, fields: fieldsOf(l.features.features), minzoom: options.minZoom, maxzoom: options.maxZoom })),
  };
}

function fieldsOf(features: readonly Feature[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const type = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
      if (v !== null && v !== undefined) fields[k] = fields[k] && fields[k] !== type ? 'String' : type;
    }
  }
  return fields;
}

function boundsOf(layers: readonly TileLayer[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const l of layers) {
    for (const f of l.features.features) {
      const b = boundsOfGeometry(f.geometry);
      if (b) [w, s, e, n] = [Math.min(w, b[0]), Math.min(s, b[1]), Math.max(e, b[2]), Math.max(n, b[3])];
    }
  }
  return w <= e && s <= n ? [w, s, e, n] : null;
}

function boundsOfGeometry(geometry: Geometry | null): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position): void => {
    const [x, y] = p as [number, number];
    [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  };
  const walk = (g: Geometry | null): void => {
    if (!g) return;
    switch (g.type) {
      case 'Point': visit(g.coordinates); break;
      case 'MultiPoint': case 'LineString': g.coordinates.forEach(visit); break;
      case 'MultiLineString': case 'Polygon': g.coordinates.forEach((r) => r.forEach(visit)); break;
      case 'MultiPolygon': g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit))); break;
      case 'GeometryCollection': g.geometries.forEach(walk); break;
    }
  };
  walk(geometry);
  return w <= e && s <= n ? [w, s, e, n] : null;
}

function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`cannot varint-encode ${value}`);
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

const e7 = (deg: number): number => Math.round(deg * 1e7);

/** Gzip into a buffer of its own: zlib's result is a view on a 16 KiB chunk, which a few bytes of tile would keep alive. */
const gzip = (data: Uint8Array): Uint8Array => new Uint8Array(gzipSync(data, { level: 9 }));


// --- the boundaries archive of a built site -------------------------------------------------

/** Only these properties go into the tiles: what a style or a hover needs, nothing more (`id` is the town's index, which the map's feature state keys on). */
const TOWN_FIELDS = [TOWN_ID_PROPERTY, 'code', 'name'] as const;
const COUNTY_FIELDS = ['code', 'name'] as const;

function pick(fc: FeatureCollection, keys: readonly string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const properties: GeoJsonProperties = {};
      for (const k of keys) if (f.properties?.[k] !== undefined && f.properties[k] !== null) properties[k] = f.properties[k];
      return { ...f, properties };
    }),
  };
}

/** The `towns` and `county` layers (the names the map's style reads, src/map/boundary-tiles.ts) from the built site data's GeoJSON. */
export function boundaryLayers(towns: FeatureCollection, county: FeatureCollection): TileLayer[] {
  return [
    { name: BOUNDARY_TILE_LAYER.county, features: pick(county, COUNTY_FIELDS) },
    { name: BOUNDARY_TILE_LAYER.towns, features: pick(towns, TOWN_FIELDS) },
  ];
}

const DEFAULT_ZOOMS = { minZoom: DEFAULT_MIN_ZOOM, maxZoom: DEFAULT_MAX_ZOOM };

/** The archive of SITE_DATA_DIR/{towns,county}.geojson, in memory. */
export async function buildBoundaryTiles(siteDataDir: string, zooms: { minZoom: number; maxZoom: number } = DEFAULT_ZOOMS): Promise<{ bytes: Uint8Array; stats: PmtilesStats }> {
  const read = async (name: string): Promise<FeatureCollection> => JSON.parse(await readFile(join(siteDataDir, name), 'utf8')) as FeatureCollection;
  const layers = boundaryLayers(await read('towns.geojson'), await read('county.geojson'));
  return buildPmtiles(layers, { ...zooms, name: 'boundaries', description: 'Town and county boundaries (layers: towns, county)' });
}

/** Reads SITE_DATA_DIR/{towns,county}.geojson and writes the archive to `outFile`. */
export async function writeBoundaryTiles(siteDataDir: string, outFile: string, zooms: { minZoom: number; maxZoom: number } = DEFAULT_ZOOMS): Promise<PmtilesStats> {
  const { bytes, stats } = await buildBoundaryTiles(siteDataDir, zooms);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, bytes);
  return stats;
}

/** One line for the build log: size, tile count and zoom range. */
export function describeStats(file: string, s: PmtilesStats): string {
  const size = s.bytes >= 1024 * 1024 ? `${(s.bytes / 1024 / 1024).toFixed(1)} MiB` : `${(s.bytes / 1024).toFixed(1)} KiB`;
  const leaves = s.leafDirectories > 0 ? `, ${s.leafDirectories} leaf directories` : '';
  return `wrote ${file}: ${size} (${s.bytes} bytes), ${s.addressedTiles} tiles (${s.tileContents} distinct, ${s.tileEntries} directory entries${leaves}), zooms ${s.minZoom}–${s.maxZoom}`;
}

const CLI_USAGE = 'usage: tiles.ts SITE_DATA_DIR OUT.pmtiles [--min-zoom N] [--max-zoom N]';

async function main(argv: string[]): Promise<number> {
  const positional: string[] = [];
  let [minZoom, maxZoom] = [DEFAULT_MIN_ZOOM, DEFAULT_MAX_ZOOM];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '--min-zoom' || a === '--max-zoom') && argv[i + 1] !== undefined) {
      const z = Number(argv[++i]);
      if (a === '--min-zoom') minZoom = z;
      else maxZoom = z;
    } else if (!a.startsWith('-')) positional.push(a);
    else return usage(`unknown argument "${a}"`);
  }
  if (positional.length !== 2) return usage('expected SITE_DATA_DIR and OUT.pmtiles');
  const [dir, out] = positional as [string, string];
  const started = performance.now();
  const stats = await writeBoundaryTiles(dir, out, { minZoom, maxZoom });
  console.log(`${describeStats(out, stats)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

function usage(message: string): number {
  console.error(`${message}\n${CLI_USAGE}`);
  return 2;
}

if (isEntryPoint(import.meta.url, process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
