/** The previous release (`data:build --previous PREV`): its output folder read back and checked to be one, of this region. */
import { failure, type Failure, type Issue } from '../../contract/issues';
import { phrase, refOf, type ProblemRef } from '../../i18n/problems';
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
export async function readPrevious(source: PreviousSource, expect: ReleaseExpectation): Promise<{ ok: true; value: PreviousRelease } | Failure> {
  const fail = (why: ProblemRef): Failure => failure('previousAt', { label: source.label, problem: why });
  const manifest = await source.read('manifest.json');
  const siteBytes = await source.read('site.json');
  if (!manifest || !siteBytes) return fail(phrase('previousNotBuild', { missing: !manifest ? 'manifest.json' : 'site.json' }));
  const siteJson = jsonOf(siteBytes);
  const site = siteJson === undefined ? null : parseSiteData(siteJson);
  if (!site?.ok) return fail(phrase('previousSiteUnreadable', { why: firstError(site?.issues), isJson: site !== null }));
  const prevRegion = site.value.config.region;
  if (prevRegion.code !== expect.region.code) return fail(phrase('previousOtherRegion', { name: prevRegion.name, code: prevRegion.code, expectedName: expect.region.name, expectedCode: expect.region.code }));
  const releaseBytes = await source.read(RELEASE_FILE);
  if (!releaseBytes) return fail(phrase('previousNoRelease', { file: RELEASE_FILE }));
  const releaseJson = jsonOf(releaseBytes);
  const release = releaseJson === undefined ? null : parseRelease(releaseJson);
  if (!release?.ok) return fail(phrase('previousReleaseUnreadable', { file: RELEASE_FILE, why: firstError(release?.issues), isJson: release !== null }));
  if (release.value.isPublic !== expect.isPublic) return fail(phrase('previousOtherKind', { isPublic: release.value.isPublic, expectPublic: expect.isPublic }));
  if (release.value.id === expect.id) return fail(phrase('previousSameRelease', { id: expect.id }));
  const projects: (SiteProjects | null)[] = [];
  for (const town of site.value.towns) {
    if (town.projectCount === 0) {
      projects.push(null);
      continue;
    }
    const file = projectChunkFile(town.code);
    const bytes = await source.read(file);
    if (!bytes) return fail(phrase('previousFileMissing', { file }));
    const json = jsonOf(bytes);
    const parsed = json === undefined ? null : parseSiteProjects(json);
    if (!parsed?.ok) return fail(phrase('previousFileUnreadable', { file }));
    projects.push(parsed.value);
  }
  return { ok: true, value: { site: site.value, projects, release: release.value } };
}

/** What the first error of a file's parse says, as a phrase ('' when there is none). */
function firstError(issues: readonly Issue[] | undefined): string | ProblemRef {
  const error = issues?.find((i) => i.level === 'error');
  return error ? refOf(error) : '';
}

function jsonOf(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}
