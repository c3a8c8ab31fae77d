/** The previous release (`data:build --previous PREV`): its output folder read back and checked to be one, of this region. */
import { parseRelease, RELEASE_FILE, type ReleaseFile } from '../../contract/release';
import { parseSiteProjects, type SiteProjects } from '../../contract/projects';
import { parseSiteData, projectChunkFile, type SiteData } from '../../contract/site';

/** Where the previous release's files are read from: a folder on disk, or a test's memory. */
export interface PreviousSource {
  /** The name the clerk gave (`--previous public/data-2016-11`), for the messages. */
  label: string;
  /** The bytes of a file by its path inside the output (e.g. `site.json`), or null when absent. */
  read(path: string): Promise<Uint8Array | null>;
}

/** The previous release as this build compares with it. */
export interface PreviousRelease {
  site: SiteData;
  /** Each town's projects file, in the order of `site.towns` (null for a town with no projects). */
  projects: (SiteProjects | null)[];
  release: ReleaseFile;
}

/** What the new build is, for the checks that PREV is a release of the same atlas. */
export interface ReleaseExpectation {
  region: { code: string; name: string };
  isPublic: boolean;
  id: string;
}

/** Reads and checks PREV; a folder that is not a build output, of another region or of the other kind of build is a message naming what is wrong. */
export async function readPrevious(source: PreviousSource, expect: ReleaseExpectation): Promise<{ ok: true; value: PreviousRelease } | { ok: false; message: string }> {
  const at = `--previous ${source.label}`;
  const fail = (message: string) => ({ ok: false as const, message: `${at}: ${message}` });
  const manifest = await source.read('manifest.json');
  const siteBytes = await source.read('site.json');
  if (!manifest || !siteBytes) return fail(`not the output folder of a build (no ${!manifest ? 'manifest.json' : 'site.json'}); give the folder of the last published build, e.g. public/data as it was published`);
  const siteJson = jsonOf(siteBytes);
  const site = siteJson === undefined ? null : parseSiteData(siteJson);
  if (!site?.ok) return fail(`site.json cannot be read${site ? `: ${site.issues.find((i) => i.level === 'error')?.message ?? ''}` : ' (not valid JSON)'}; it is not a whole build output`);
  const prevRegion = site.value.config.region;
  if (prevRegion.code !== expect.region.code) return fail(`it is the data of another region, ${prevRegion.name} (${prevRegion.code}), not ${expect.region.name} (${expect.region.code})`);
  const releaseBytes = await source.read(RELEASE_FILE);
  if (!releaseBytes) return fail(`no ${RELEASE_FILE}: it was built before releases were recorded; build it again with this version (or build without --previous)`);
  const releaseJson = jsonOf(releaseBytes);
  const release = releaseJson === undefined ? null : parseRelease(releaseJson);
  if (!release?.ok) return fail(`${RELEASE_FILE} cannot be read${release ? `: ${release.issues.find((i) => i.level === 'error')?.message ?? ''}` : ' (not valid JSON)'}`);
  if (release.value.isPublic !== expect.isPublic) return fail(`it is ${release.value.isPublic ? 'a public build (--public)' : 'a county build'} and this is ${expect.isPublic ? 'a public build' : 'a county build'}: compare releases of the same kind`);
  if (release.value.id === expect.id) return fail(`it is this very release (${expect.id}: the same inputs); give the folder of the release before it`);
  const projects: (SiteProjects | null)[] = [];
  for (const town of site.value.towns) {
    if (town.projectCount === 0) {
      projects.push(null);
      continue;
    }
    const file = projectChunkFile(town.code);
    const bytes = await source.read(file);
    if (!bytes) return fail(`${file} is missing: the folder is not a whole build output`);
    const json = jsonOf(bytes);
    const parsed = json === undefined ? null : parseSiteProjects(json);
    if (!parsed?.ok) return fail(`${file} cannot be read: the folder is not a whole build output`);
    projects.push(parsed.value);
  }
  return { ok: true, value: { site: site.value, projects, release: release.value } };
}

function jsonOf(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}
