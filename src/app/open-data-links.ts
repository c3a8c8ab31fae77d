/**
 * What the projects page offers for download (开放数据): the open dataset the build writes beside
 * the site data (src/pipeline/emit/open-data.ts), its tables as CSV (for Excel and WPS) and as
 * Parquet (for DuckDB, pandas and R), and the town boundaries, each named from the catalogues.
 */
import { fillText, LANGS, t, type Lang, type Localized, type StringKey } from '../i18n';
import { OPEN_DATA_DIR, OPEN_DATA_TABLES, type OpenDataFile, type OpenDataTable } from '../pipeline/emit/open-data';

/** A file to download: its link from the page, the name it is saved as, and its label in every language. */
export type OpenDataLink = Localized & { href: string; fileName: string };

/** Where the site data is, from the page (src/app/load.ts fetches from here too). */
const DATA_DIR = 'data';
/** The town boundaries as the build writes them beside site.json (src/pipeline/emit/emit-site.ts). */
const TOWN_BOUNDARIES = 'towns.geojson';

/** Each table's label (and the release's changes and the dictionary); the compiler asks for one when the pipeline writes a new table. */
const LABELS: Readonly<Record<OpenDataTable | 'changes' | 'dictionary', StringKey>> = {
  projects: 'openDataProjects',
  progress: 'openDataProgress',
  villages: 'openDataVillages',
  towns: 'openDataTowns',
  indicators: 'openDataIndicators',
  changes: 'openDataChanges',
  dictionary: 'openDataDictionary',
};

const localized = (label: (lang: Lang) => string): Localized => Object.fromEntries(LANGS.map((lang) => [lang, label(lang)])) as Record<Lang, string>;

/**
 * The downloads in the order listed: the tables as CSV, the changes, the tables as Parquet, the town
 * boundaries, then the dictionary that describes the tables.
 */
export function openDataLinks(): OpenDataLink[] {
  const file = (name: OpenDataFile, label: (lang: Lang) => string): OpenDataLink => ({ href: `${DATA_DIR}/${OPEN_DATA_DIR}/${name}`, fileName: name, ...localized(label) });
  const csv = [...OPEN_DATA_TABLES, 'changes' as const].map((table) => file(`${table}.csv`, (lang) => t(lang, LABELS[table])));
  const parquet = OPEN_DATA_TABLES.map((table) => file(`${table}.parquet`, (lang) => fillText(lang, 'openDataParquet', { table: t(lang, LABELS[table]) })));
  const boundaries: OpenDataLink = { href: `${DATA_DIR}/${TOWN_BOUNDARIES}`, fileName: TOWN_BOUNDARIES, ...localized((lang) => t(lang, 'openDataTownBoundaries')) };
  return [...csv, ...parquet, boundaries, file('dictionary.csv', (lang) => t(lang, LABELS.dictionary))];
}
