/** Personal data in the texts of atlas.config.json and the towns file (titles, tour captions, category and town names), by the scan of cells (cell-scan.ts). */
import type { Issue } from '../../contract/issues';
import { scanForPersonalData, personalDataMessage, type ColumnRole, type TablePrivacy } from './cell-scan';

const CONFIG_FILE = 'atlas.config.json';

/** Keys of the config whose text is no prose (ids, colours, codes, URLs): scanned for numbers only. */
const VALUE_KEYS = new Set(['id', 'colour', 'color', 'code', 'url', 'key', 'crs', 'type', 'schemaVersion', 'dataDate', 'indicator', 'classification']);

/** One text of a JSON input and where it is (`tour[2].text.zh`, `features[3].properties.name`). */
export interface PlacedText {
  path: string;
  text: string;
  role: ColumnRole;
}

/**
 * Personal data in texts that reach the site data outside the tables (the config's title, the
 * tour's captions, the categories' and towns' names): each text is scanned as a cell of its own,
 * and a finding names its place (`tour[2].text.zh`), never its value.
 */
export function textsPersonalData(file: string, texts: readonly PlacedText[], privacy: TablePrivacy): Issue[] {
  const findings = scanForPersonalData(texts.map((t) => t.path), [texts.map((t) => t.text)], 0, { roleOf: (i) => texts[i]!.role, ...privacy });
  return findings.filter((f) => f.kind !== 'name').map((f) => ({ file, row: 0, column: f.column, level: f.level, ...personalDataMessage(f, true) }));
}

/** Every string of the config, as labels (names looked for in the text) or, for ids, colours, codes and URLs, values. */
export function configPersonalData(config: unknown, privacy: TablePrivacy): Issue[] {
  const texts: PlacedText[] = [];
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === 'string') texts.push({ path, text: v, role: VALUE_KEYS.has(key) ? 'value' : 'label' });
    else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, key);
    else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) if (k !== '$comment' && !(path === '' && k === 'privacy')) walk(child, path === '' ? k : `${path}.${k}`, k);
    }
  };
  walk(config, '', '');
  return textsPersonalData(CONFIG_FILE, texts, privacy);
}
