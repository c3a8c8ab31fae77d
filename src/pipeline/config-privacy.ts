import type { Issue } from '../contract/issues';
import { scanForPersonalData, personalDataMessage, type ColumnRole } from './pii';
import type { TablePrivacy } from './table';

const CONFIG_FILE = 'atlas.config.json';

/** Keys of the config whose text is no prose (ids, colours, codes, URLs): scanned for numbers only. */
const VALUE_KEYS = new Set(['id', 'colour', 'color', 'code', 'url', 'key', 'crs', 'type', 'schemaVersion', 'dataDate', 'indicator', 'classification']);

/**
 * Personal data in the config's texts (the title, the tour's captions, the categories' names …),
 * which reach site.json like the ledger's columns: every string is scanned as a cell of free text,
 * and a finding names its place in the config (`tour[2].text.zh`), never its value.
 */
export function configPersonalData(config: unknown, privacy: TablePrivacy): Issue[] {
  const paths: string[] = [];
  const cells: string[] = [];
  const roles: ColumnRole[] = [];
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === 'string') {
      paths.push(path);
      cells.push(v);
      roles.push(VALUE_KEYS.has(key) ? 'value' : 'label');
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, key);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) if (k !== '$comment' && !(path === '' && k === 'privacy')) walk(child, path === '' ? k : `${path}.${k}`, k);
    }
  };
  walk(config, '', '');
  // Each string as a column of its own, so a finding names its path.
  const findings = scanForPersonalData(paths, [cells], 0, { roleOf: (i) => roles[i]!, ...privacy });
  return findings
    .filter((f) => f.kind !== 'name')
    .map((f) => ({ file: CONFIG_FILE, row: 0, column: f.column, level: f.level, message: personalDataMessage(f, true) }));
}
