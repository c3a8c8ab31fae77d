/**
 * The boundaries as vector tiles, for a province or national deployment. A `--tiles` build
 * (scripts/build.ts) names its PMTiles archive in index.html,
 * `<meta name="cunhu:boundary-tiles" content="data/boundaries.pmtiles">`, and the map then reads
 * the towns and the county from it tile by tile, with HTTP range requests, instead of drawing
 * towns.geojson and county.geojson whole. The page knows before its first request, so a county's
 * page (no meta) asks for nothing it does not have.
 *
 * No static import of maplibre-gl or pmtiles: the build reads the names below in Node, and a
 * county's page never loads the PMTiles reader.
 */

/** The `<meta name>` a `--tiles` build writes into index.html; its content is the archive's URL, relative to the page. */
export const BOUNDARY_TILES_META = 'cunhu:boundary-tiles';

/** The archive's MVT layers (scripts/lib/tiles.ts writes them, src/map/style.ts draws them). */
export const BOUNDARY_TILE_LAYER = { towns: 'towns', county: 'county' } as const;

/** The town property that holds the town's index (site.towns[i].id): the feature id for feature state and clicks. */
export const TOWN_ID_PROPERTY = 'id';

/** URL scheme the PMTiles reader answers for MapLibre. */
export const PMTILES_PROTOCOL = 'pmtiles';

/** Where the deployment's boundary archive is. */
export interface BoundaryTiles {
  /** Absolute URL of the .pmtiles archive. */
  url: string;
}

/**
 * The archive a meta's content names, resolved against the page: null for no meta or an empty
 * content (draw the GeoJSON). A URL that does not parse, or not http(s), is an error: the build
 * or whoever edited index.html wrote something the map cannot read.
 */
export function parseBoundaryTiles(content: string | null | undefined, baseUri: string): BoundaryTiles | null {
  const text = content?.trim() ?? '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text, baseUri);
  } catch {
    throw new Error(`<meta name="${BOUNDARY_TILES_META}">: "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`<meta name="${BOUNDARY_TILES_META}">: "${text}" is not an http(s) URL`);
  return { url: url.href };
}

/** The boundary archive this page's index.html names, or null (a county: GeoJSON). */
export function boundaryTilesOf(doc: Document): BoundaryTiles | null {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${BOUNDARY_TILES_META}"]`);
  return parseBoundaryTiles(meta?.content, doc.baseURI);
}

/** The vector source's TileJSON URL: the PMTiles reader answers it from the archive's header (zoom range, bounds). */
export function boundaryTilesSourceUrl(tiles: BoundaryTiles): string {
  return `${PMTILES_PROTOCOL}://${tiles.url}`;
}

type TileLoader = import('pmtiles').Protocol['tile'];
let loader: Promise<TileLoader> | null = null;

/**
 * The PMTiles reader's MapLibre request handler, loaded (its own chunk) the first time it is
 * asked for. One reader for the page, so the archive's header and directories are read once.
 */
export function pmtilesTileLoader(): Promise<TileLoader> {
  loader ??= import('pmtiles').then(({ Protocol }) => new Protocol().tile);
  return loader;
}
