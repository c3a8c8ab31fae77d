/** release.json (the release history, pipeline/release/), fetched and parsed when the changes view opens. */
import { parseRelease, RELEASE_FILE, type ReleaseFile } from '../contract/release';

/** The release file beside the site data at `base`; rejects with a reason a reader can be shown. */
export async function loadRelease(base: string): Promise<ReleaseFile> {
  const response = await fetch(`${base}${RELEASE_FILE}`);
  if (!response.ok) throw new Error(`${RELEASE_FILE}: HTTP ${response.status}`);
  const parsed = parseRelease(await response.json());
  if (!parsed.ok) throw new Error(`${RELEASE_FILE}: ${parsed.issues.slice(0, 3).map((i) => `${i.column} ${i.message}`).join('; ')}`);
  return parsed.value;
}
