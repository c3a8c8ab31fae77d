import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, TileType, zxyToTileId as referenceTileId, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { parseBuildArgs } from '../../../scripts/build';
import { boundaryLayers, HEADER_BYTES, ROOT_LIMIT_BYTES, writePmtiles, zxyToTileId, type TileLayer } from '../../../scripts/lib/tiles';

/**
 * The archive is read back with the `pmtiles` package (the reader the map will use) over the
 * bytes in memory, and its tiles decoded with @mapbox/vector-tile (MapLibre's decoder), so a
 * malformed header, directory, offset or tile fails here rather than in a browser.
 */

/** A Source over bytes in memory, strict like a server: reads past the end fail, except the 16 KiB header prefetch. */
class BytesSource implements Source {
  reads = 0;
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads++;
    if (offset < 0 || length <= 0 || (offset > 0 && offset + length > this.bytes.length)) {
      throw new Error(`range ${offset}+${length} outside the ${this.bytes.length}-byte archive`);
    }
    const end = Math.min(offset + length, this.bytes.length);
    return { data: this.bytes.slice(offset, end).buffer };
  }
}

const square = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

// Two adjacent towns, half a degree square each, sharing the edge at 110.5°E, and their county.
const TOWNS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 0, properties: { id: 0, code: '420324100', name: '城关镇', poor_households: 12 }, geometry: square(110, 32, 110.5, 32.5) },
    { type: 'Feature', id: 1, properties: { id: 1, code: '420324101', name: '蒋家堰镇', poor_households: 7 }, geometry: square(110.5, 32, 111, 32.5) },
  ] satisfies Feature[],
};
const COUNTY: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 0, properties: { code: '420324', name: '竹溪县' }, geometry: square(110, 32, 111, 32.5) }],
};
const LAYERS: TileLayer[] = boundaryLayers(TOWNS, COUNTY);
const ZOOMS = { minZoom: 0, maxZoom: 12 };

/** The tile holding a position at a zoom (web mercator). */
function tileAt(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

async function readTile(archive: PMTiles, [z, x, y]: [number, number, number]): Promise<VectorTile | undefined> {
  const got = await archive.getZxy(z, x, y);
  return got ? new VectorTile(new PbfReader(new Uint8Array(got.data))) : undefined;
}

function layerFeatures(tile: VectorTile, name: string, [z, x, y]: [number, number, number]): Feature[] {
  const layer = tile.layers[name];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z));
}

function lonRange(f: Feature): [number, number] {
  const lons = (f.geometry as Polygon).coordinates.flat().map((p) => p[0]!);
  return [Math.min(...lons), Math.max(...lons)];
}

/** Every tile a reader finds in the archive's bounds, zoom by zoom, and the bytes of each. */
async function everyTile(archive: PMTiles): Promise<Map<string, Uint8Array>> {
  const h = await archive.getHeader();
  const found = new Map<string, Uint8Array>();
  for (let z = h.minZoom; z <= h.maxZoom; z++) {
    // One tile of margin around the bounds: the tile buffer can reach a neighbour.
    const [, x0, y0] = tileAt(h.minLon, h.maxLat, z);
    const [, x1, y1] = tileAt(h.maxLon, h.minLat, z);
    for (let x = Math.max(0, x0 - 1); x <= Math.min(2 ** z - 1, x1 + 1); x++) {
      for (let y = Math.max(0, y0 - 1); y <= Math.min(2 ** z - 1, y1 + 1); y++) {
        const got = await archive.getZxy(z, x, y);
        if (got) found.set(`${z}/${x}/${y}`, new Uint8Array(got.data));
      }
    }
  }
  return found;
}

describe('writePmtiles', () => {
  const bytes = writePmtiles(LAYERS, ZOOMS);

  it('writes a v3 header the pmtiles reader accepts, with the bounds and zooms of the data', async () => {
    const h = await new PMTiles(new BytesSource(bytes)).getHeader();
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 12]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([110, 32, 111, 32.5]);
    expect(h.centerLon).toBeCloseTo(110.5, 6);
    expect(h.centerLat).toBeCloseTo(32.25, 6);
    expect(h.centerZoom).toBeGreaterThanOrEqual(0);
    expect(h.centerZoom).toBeLessThanOrEqual(12);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.internalCompression).toBe(Compression.Gzip);
    expect(h.clustered).toBe(true);
    // Sections in the spec's order, back to back, the data running to the end of the file.
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT_BYTES);
    expect(h.jsonMetadataOffset).toBe(h.rootDirectoryOffset + h.rootDirectoryLength);
    expect(h.leafDirectoryOffset).toBe(h.jsonMetadataOffset + h.jsonMetadataLength);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0));
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(bytes.length);
    // Interior tiles of a town are all alike: stored once, and run-length encoded where consecutive.
    expect(h.numTileContents).toBeLessThan(h.numAddressedTiles);
    expect(h.numTileEntries).toBeLessThanOrEqual(h.numAddressedTiles);
  });

  it('has TileJSON metadata naming both layers and their fields', async () => {
    const meta = (await new PMTiles(new BytesSource(bytes)).getMetadata()) as { vector_layers: { id: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[] };
    expect(meta.vector_layers).toEqual([
      { id: 'county', fields: { code: 'String', name: 'String' }, minzoom: 0, maxzoom: 12 },
      { id: 'towns', fields: { id: 'Number', code: 'String', name: 'String' }, minzoom: 0, maxzoom: 12 },
    ]);
  });

  it('holds both towns and the county at zoom 0, with only the chosen properties', async () => {
    const archive = new PMTiles(new BytesSource(bytes));
    const tile = (await readTile(archive, [0, 0, 0]))!;
    expect(Object.keys(tile.layers).sort()).toEqual(['county', 'towns']);
    const towns = tile.layers.towns!;
    expect(towns.length).toBe(2);
    expect(towns.extent).toBe(4096);
    const props = Array.from({ length: towns.length }, (_, i) => towns.feature(i).properties).sort((a, b) => Number(a.id) - Number(b.id));
    expect(props).toEqual([
      { id: 0, code: '420324100', name: '城关镇' },
      { id: 1, code: '420324101', name: '蒋家堰镇' },
    ]);
    expect(Array.from({ length: towns.length }, (_, i) => towns.feature(i).id).sort()).toEqual([0, 1]);
    expect(tile.layers.county!.length).toBe(1);
    expect(tile.layers.county!.feature(0).properties).toEqual({ code: '420324', name: '竹溪县' });
    expect(towns.feature(0).type).toBe(3); // polygon
  });

  it('cuts the towns at the deepest zoom: one town inside a town, both across their shared edge', async () => {
    const archive = new PMTiles(new BytesSource(bytes));
    const inside = tileAt(110.25, 32.25, 12);
    const insideTile = (await readTile(archive, inside))!;
    expect(layerFeatures(insideTile, 'towns', inside).map((f) => f.properties?.name)).toEqual(['城关镇']);
    expect(layerFeatures(insideTile, 'county', inside)).toHaveLength(1);

    const edge = tileAt(110.5, 32.25, 12);
    const edgeTile = (await readTile(archive, edge))!;
    const towns = layerFeatures(edgeTile, 'towns', edge).sort((a, b) => Number(a.properties?.id) - Number(b.properties?.id));
    expect(towns.map((f) => f.properties?.code)).toEqual(['420324100', '420324101']);
    // At zoom 12 a tile unit is 360 / 2^24 degrees: the shared edge comes back within a few of them.
    const unit = 360 / 2 ** 24;
    expect(Math.abs(lonRange(towns[0]!)[1] - 110.5)).toBeLessThan(2 * unit);
    expect(Math.abs(lonRange(towns[1]!)[0] - 110.5)).toBeLessThan(2 * unit);
  });

  it('has no tile outside the data or beyond the zoom range', async () => {
    const archive = new PMTiles(new BytesSource(bytes));
    expect(await archive.getZxy(...tileAt(0, 0, 8))).toBeUndefined();
    expect(await archive.getZxy(...tileAt(110.25, 32.25, 13))).toBeUndefined();
  });

  it('addresses exactly the tiles the header counts, each decoding as a vector tile', async () => {
    const archive = new PMTiles(new BytesSource(bytes));
    const h = await archive.getHeader();
    const tiles = await everyTile(archive);
    expect(tiles.size).toBe(h.numAddressedTiles);
    for (const [key, data] of tiles) {
      const layers = Object.keys(new VectorTile(new PbfReader(data)).layers);
      expect(layers.length, key).toBeGreaterThan(0);
    }
    // Each zoom has at least one tile, and zoom 12 covers the whole county (about 12 × 7 tiles).
    const zooms = new Set([...tiles.keys()].map((k) => Number(k.split('/')[0])));
    expect([...zooms].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, z) => z));
    expect([...tiles.keys()].filter((k) => k.startsWith('12/')).length).toBeGreaterThanOrEqual(12 * 7);
  });

  it('spills the directory into leaves when the root would not fit, and reads the same tiles through them', async () => {
    const leafy = writePmtiles(LAYERS, { ...ZOOMS, rootLimitBytes: HEADER_BYTES + 60, leafEntries: 8 });
    const archive = new PMTiles(new BytesSource(leafy));
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(HEADER_BYTES + 60);
    const plain = await everyTile(new PMTiles(new BytesSource(bytes)));
    const viaLeaves = await everyTile(archive);
    expect([...viaLeaves.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [key, data] of plain) expect(viaLeaves.get(key), key).toEqual(data);
  });

  it('starts tiles at the minimum zoom', async () => {
    const archive = new PMTiles(new BytesSource(writePmtiles(LAYERS, { minZoom: 4, maxZoom: 6 })));
    const h = await archive.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([4, 6]);
    expect(await archive.getZxy(0, 0, 0)).toBeUndefined();
    expect((await readTile(archive, tileAt(110.25, 32.25, 4)))?.layers.towns?.length).toBe(2);
  });

  it('is the same bytes for the same input', () => {
    expect(writePmtiles(LAYERS, ZOOMS)).toEqual(bytes);
  });

  it('fails to read back when damaged, so the checks above would catch a malformed archive', async () => {
    const truncated = bytes.slice(0, bytes.length - 10);
    await expect(everyTile(new PMTiles(new BytesSource(truncated)))).rejects.toThrow();
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    await expect(new PMTiles(new BytesSource(badMagic)).getHeader()).rejects.toThrow(/magic/);
    const badRoot = bytes.slice();
    badRoot[HEADER_BYTES + 12] = (badRoot[HEADER_BYTES + 12]! + 1) % 256; // inside the gzip stream
    await expect(new PMTiles(new BytesSource(badRoot)).getZxy(0, 0, 0)).rejects.toThrow();
  });

  it('refuses an empty input and a bad zoom range', () => {
    expect(() => writePmtiles([{ name: 'towns', features: { type: 'FeatureCollection', features: [] } }], ZOOMS)).toThrow(/no features/);
    expect(() => writePmtiles(LAYERS, { minZoom: 5, maxZoom: 4 })).toThrow(/zoom range/);
    expect(() => writePmtiles(LAYERS, { minZoom: 0, maxZoom: 27 })).toThrow(/zoom range/);
  });
});

describe('zxyToTileId', () => {
  it('numbers tiles along the Hilbert curves as the pmtiles reader does', () => {
    for (let z = 0; z <= 6; z++) {
      for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) expect(zxyToTileId(z, x, y)).toBe(referenceTileId(z, x, y));
    }
    for (const [z, x, y] of [[12, 3300, 1660], [14, 13_200, 6_650], [20, 845_000, 425_000], [26, 2 ** 26 - 1, 12_345]] as const) {
      expect(zxyToTileId(z, x, y)).toBe(referenceTileId(z, x, y));
    }
  });
});

describe('parseBuildArgs', () => {
  const site = (isPublic: boolean, isTiles: boolean) => ({ isPublic, isTiles, isSingleFile: false, isPrivate: false });
  it('reads --tiles and --public in any order', () => {
    expect(parseBuildArgs([])).toEqual(site(false, false));
    expect(parseBuildArgs(['--tiles'])).toEqual(site(false, true));
    expect(parseBuildArgs(['--tiles', '--public'])).toEqual(site(true, true));
    expect(parseBuildArgs(['--public'])).toEqual(site(true, false));
  });

  it('reads --single-file, public unless --private, and refuses what does not go with it', () => {
    expect(parseBuildArgs(['--single-file'])).toEqual({ isPublic: false, isTiles: false, isSingleFile: true, isPrivate: false });
    expect(parseBuildArgs(['--private', '--single-file'])).toEqual({ isPublic: false, isTiles: false, isSingleFile: true, isPrivate: true });
    expect(parseBuildArgs(['--private'])).toMatch(/--private is for --single-file/);
    expect(parseBuildArgs(['--single-file', '--tiles'])).toMatch(/no tiles/);
    expect(parseBuildArgs(['--single-file', '--public'])).toMatch(/public unless --private/);
  });

  it('refuses an unknown flag', () => {
    expect(parseBuildArgs(['--tile'])).toMatch(/unknown argument "--tile"/);
  });
});
