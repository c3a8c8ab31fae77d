/**
 * What the projects page offers for download (开放数据): the open dataset the build writes beside
 * the site data (src/pipeline/emit/open-data.ts) and the town boundaries, each named from the catalogues.
 */
import { LANGS, t, type Lang, type Localized, type StringKey } from '../i18n';
import { OPEN_DATA_DIR, OPEN_DATA_FILES, type OpenDataFile } from '../pipeline/emit/open-data';

/** A file to download: its link from the page, the name it is saved as, and its label in every language. */
export type OpenDataLink = Localized & { href: string; fileName: string };

/** Where the site data is, from the page (src/app/load.ts fetches from here too). */
const DATA_DIR = 'data';
/** The town boundaries as the build writes them beside site.json (src/pipeline/emit/emit-site.ts). */
const TOWN_BOUNDARIES = 'towns.geojson';

/** Each file's label; the compiler asks for one when the pipeline writes a new file. */
const LABELS: Readonly<Record<OpenDataFile, StringKey>> = {
  'projects.csv': 'openDataProjects',
  'progress.csv': 'openDataProgress',
  'villages.csv': 'openDataVillages',
  'towns.csv': 'openDataTowns',
  'indicators.csv': 'openDataIndicators',
  'changes.csv': 'openDataChanges',
  'dictionary.csv': 'openDataDictionary',
};

const localized = (key: StringKey): Localized => Object.fromEntries(LANGS.map((lang) => [lang, t(lang, key)])) as Record<Lang, string>;

/** The downloads in the order listed: the open dataset's tables, the town boundaries, then the dictionary that describes the tables. */
export function openDataLinks(): OpenDataLink[] {
  const file = (name: OpenDataFile): OpenDataLink => ({ href: `${DATA_DIR}/${OPEN_DATA_DIR}/${name}`, fileName: name, ...localized(LABELS[name]) });
  const tables = OPEN_DATA_FILES.filter((name) => name !== 'dictionary.csv').map(file);
  const boundaries: OpenDataLink = { href: `${DATA_DIR}/${TOWN_BOUNDARIES}`, fileName: TOWN_BOUNDARIES, ...localized('openDataTownBoundaries') };
  return [...tables, boundaries, file('dictionary.csv')];
}
