/** A text in both languages, as atlas.config.json writes one, and its parser. */
import { JsonChecker, join } from './check';

export interface Text {
  zh: string;
  en: string;
}

/** `{zh, en}`, both strings, nothing else. */
export function parseText(c: JsonChecker, v: unknown, path: string): Text | null {
  const o = c.object(v, path);
  if (!o) return null;
  c.onlyKeys(o, path, ['zh', 'en']);
  const zh = c.string(o.zh, join(path, 'zh'));
  const en = c.string(o.en, join(path, 'en'));
  return zh && en ? { zh, en } : null;
}
