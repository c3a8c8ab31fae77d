/**
 * The meeting package (`npm run build -- --single-file`): one HTML file that carries its site
 * data in a `<script type="application/json" id="cunhu-data">` (not run, so the file's CSP needs
 * no allowance for it), as the build's files by name: site.json, the boundaries, and every town's
 * projects file. Opened from disk there is nothing to fetch; this reads them with the same checks.
 */
import { parseSiteTexts, type LoadedData } from './load';

/** The element's id; scripts/lib/single-file.ts writes it. */
export const EMBEDDED_DATA_ID = 'cunhu-data';

/** The files a package carries, by their names in the site data; null for an ordinary page. */
export function embeddedTexts(doc: Document): Record<string, string> | null {
  const el = doc.getElementById(EMBEDDED_DATA_ID);
  if (!el) return null;
  const value: unknown = JSON.parse(el.textContent ?? 'null');
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) throw new Error(`#${EMBEDDED_DATA_ID}: expected the site data's files by name`);
  return value as Record<string, string>;
}

/** The package's site data, parsed as a fetched site's is; null for an ordinary page. */
export function embeddedData(doc: Document): LoadedData | null {
  const texts = embeddedTexts(doc);
  return texts ? parseSiteTexts(texts) : null;
}
