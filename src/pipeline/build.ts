import { phrase, problem, problemOf, refOf, type Problem, type ProblemRef } from '../i18n/problems';
import type { MultiPolygon } from 'geojson';
import { parseCountyBoundary, parseTownBoundaries, type TownBoundary } from '../contract/boundaries';
import { parseAtlasConfig, readJoinSettings } from '../contract/config';
import { compareIssues, type Issue } from '../contract/issues';
import { parseStrictJson } from '../contract/json';
import { SITE_SCHEMA_VERSION } from '../contract/site';
import { geometryToWgs84 } from './geo/crs';
import { canonicalArea, canonicalOutline, selfIntersections } from './geo/geometry';
import { decodeBytes } from './read/decode';
import { emitSite, json, outputText, type OutputFile } from './emit/emit-site';
import { joinDataset, type JoinCounts } from './join/join-dataset';
import type { Dataset } from './model';
import { checkTour } from './join/tour';
import { checkCategoryColours } from './join/category-colours';
import { configPersonalData, textsPersonalData } from './privacy/config-texts';
import { TABLES } from './read/records';
import { appendAll } from './append-all';
import { readTableStream, type ByteStream } from './read/read-table';
import { datasetSheetTable, findDatasetWorkbook, unreadSheet } from './read/dataset-workbook';
import type { RowReader } from './read/row-reader';
import type { TablePrivacy } from './privacy/cell-scan';
import type { RowBuild, TableCounts, TableResult } from './read/table-result';
import type { TableSpec } from '../contract/columns';
import { RELEASE_FILE } from '../contract/release';
import { readPrevious, type PreviousSource } from './release/previous';
import { releaseId } from './release/release-id';
import { compareProjects } from './release/compare-projects';
import { compareVillages } from './release/compare-villages';
import { changesCsv, releaseFile, siteRelease } from './release/release-file';
import { OPEN_DATA_DIR } from './emit/open-data';
import { PHOTO_TABLE } from './photos/photo-rows';
import { sitePhotos, type PhotoSummary } from './photos/site-photos';
import type { PhotoImaging } from './photos/imaging';
import { COUNTY_FILE, CONFIG_FILE, TOWNS_FILE, sha256, sourceFileOf, type DatasetSource, type SourceFile } from './dataset-source';

export { CONFIG_FILE, COUNTY_FILE, TOWNS_FILE, sourceFileOf, type DatasetSource, type SourceFile } from './dataset-source';

/** What the site shows when an optional file is absent or empty. */
const IF_ABSENT: Readonly<Record<string, ProblemRef>> = {
  'progress.csv': phrase('noProgressConsequence'),
  'households.csv': phrase('noHouseholdsConsequence'),
};

export interface InputSummary {
  sha256: string;
  bytes: number;
  encoding: string | null;
  rows: TableCounts | null;
  /** For a boundary file: positions as read, and as drawn after simplification (emit/simplify.ts). */
  vertices?: { read: number; drawn: number };
}

export interface BuildResult {
  /** Set when the dataset cannot be read at all (the CLI exits 2). */
  fatal: Problem | null;
  /** Every issue found, sorted by file, row, column. */
  issues: Issue[];
  errorCount: number;
  warningCount: number;
  inputs: Record<string, InputSummary>;
  /** The site data files by name; null when there are errors. Their text is made when first asked for. */
  outputs: Map<string, string> | null;
  /**
   * The same files, each as text made piece by piece as it is written, so the files of a province
   * (a million projects) are never held whole; null when there are errors.
   */
  files: Map<string, OutputFile> | null;
  /** The site photos written (`photos/<hash>.jpg` and `.t.jpg`), binary; null when there are errors. */
  images: Map<string, Uint8Array> | null;
  /** What was done with the photos; null when the dataset has none. */
  photos: PhotoSummary | null;
}

export interface BuildOptions {
  /** The public portal's build (`--public`): small household counts withheld from village figures. */
  isPublic: boolean;
  /** The last published release's output folder (`--previous`): this build lists what changed since it. */
  previous?: PreviousSource;
  /** The Node image work for site photos (scripts/lib/photo-imaging.ts); without it photos are checked, not written. */
  imaging?: PhotoImaging;
  /** False where the photo files are not at hand (the browser's check view): photos.csv is checked alone. */
  readsPhotoFiles?: boolean;
}

/** Validates a dataset and, when it has no errors, produces the site data. Pure: I/O is the source's. */
export async function buildSite(source: DatasetSource, options: BuildOptions = { isPublic: false }): Promise<BuildResult> {
  const issues: Issue[] = [];
  const inputs: Record<string, InputSummary> = {};
  // Files the source could not read (too large, no permission): reported once, not also as missing.
  const unreadable = new Set<string>();
  const load = async (path: string): Promise<Uint8Array | null> => {
    let bytes: Uint8Array | null;
    try {
      bytes = await source.read(path);
    } catch (e) {
      unreadable.add(path);
      issues.push({ file: path, row: 0, column: '', level: 'error', ...problem('readFailed', { detail: e instanceof Error ? e.message : String(e) }) });
      return null;
    }
    if (bytes) inputs[path] = { sha256: await sha256(bytes), bytes: bytes.length, encoding: null, rows: null };
    return bytes;
  };
  let images: Map<string, Uint8Array> | null = null;
  let photoSummary: PhotoSummary | null = null;
  const finish = (fatal: Problem | null, made: Map<string, OutputFile> | null): BuildResult => {
    issues.sort(compareIssues);
    const errorCount = issues.filter((i) => i.level === 'error').length;
    const files = errorCount > 0 || fatal ? null : made;
    let outputs: Map<string, string> | null | undefined;
    return {
      fatal,
      issues,
      errorCount,
      warningCount: issues.length - errorCount,
      inputs,
      get outputs() {
        outputs ??= files && new Map([...files].map(([name, file]) => [name, outputText(file)]));
        return outputs;
      },
      files,
      images: files ? images : null,
      photos: photoSummary,
    };
  };

  const configBytes = await load(CONFIG_FILE);
  if (!configBytes) return finish(unreadable.has(CONFIG_FILE) ? problem('configUnreadable', { file: CONFIG_FILE }) : problem('configMissing', { file: CONFIG_FILE }), null);
  const configJson = parseJson(configBytes, CONFIG_FILE, issues);
  if (configJson === undefined) return finish(problem('configNotJson', { file: CONFIG_FILE }), null);
  const config = parseAtlasConfig(configJson, CONFIG_FILE);
  appendAll(issues, config.issues);
  if (config.ok) appendAll(issues, checkCategoryColours(config.value));
  // A config error elsewhere (a colour, the tour) must not hide the join errors: join with what can be read.
  const settings = config.ok ? config.value : readJoinSettings(configJson);

  // The personal-data scan of every table (privacy/cell-scan.ts) and of the config's own texts.
  const privacy: TablePrivacy = { isPublic: options.isPublic, allowedNames: config.ok ? config.value.allowedNames : [] };
  appendAll(issues, configPersonalData(configJson, privacy));

  const towns = await readGeo(TOWNS_FILE, true, (v) => parseTownBoundaries(v, TOWNS_FILE));
  if (towns) appendAll(issues, textsPersonalData(TOWNS_FILE, towns.map((t, i) => ({ path: `features[${i}].properties.name`, text: t.name, role: 'label' as const })), privacy));
  const county = await readGeo(COUNTY_FILE, false, (v) => parseCountyBoundary(v, COUNTY_FILE));

  // A table's file, streamed: its size now, its fingerprint once it has been read.
  const open = async (path: string): Promise<SourceFile | null> => {
    if (!source.open) {
      const bytes = await load(path);
      return bytes ? sourceFileOf(bytes) : null;
    }
    try {
      return await source.open(path);
    } catch (e) {
      unreadable.add(path);
      issues.push({ file: path, row: 0, column: '', level: 'error', ...problem('readFailed', { detail: e instanceof Error ? e.message : String(e) }) });
      return null;
    }
  };
  // The one workbook of the dataset (数据.xlsx): its sheets stand in for the tables' own files.
  const datasetBook = await findDatasetWorkbook(load, issues, (await source.list?.()) ?? []);
  const table = async <T>(csvName: string, isRequired: boolean, kind: { spec: TableSpec; build: RowBuild<T> }, hasSheet = true): Promise<TableResult<T> | null> => {
    // A workbook of the same name stands in for the CSV (villages.xlsx, .xls or WPS .et for villages.csv).
    let file = csvName;
    let stream = await open(csvName);
    for (const ext of ['.xlsx', '.xls', '.et']) {
      if (stream || unreadable.has(file)) break;
      const bookName = csvName.replace(/\.csv$/, ext);
      const book = await open(bookName);
      if (book || unreadable.has(bookName)) [file, stream] = [bookName, book];
    }
    if (datasetBook && stream) appendAll(issues, [unreadSheet(datasetBook, csvName, file)].filter((i) => i !== null));
    if (!stream && !unreadable.has(file) && datasetBook && hasSheet) {
      const sheet = datasetSheetTable(datasetBook, csvName, kind, privacy, { isRequired, consequence: IF_ABSENT[csvName] }, issues);
      if (sheet) inputs[sheet.file] = { ...inputs[datasetBook.file]!, encoding: sheet.encoding, rows: sheet.counts };
      return sheet;
    }
    if (!stream) {
      if (unreadable.has(file)) return null;
      if (isRequired) issues.push({ file, row: 0, column: '', level: 'error', ...problem('fileMissing', { file }) });
      else if (IF_ABSENT[file]) issues.push({ file, row: 0, column: '', level: 'warning', ...problem('fileAbsent', { file, consequence: IF_ABSENT[file] ?? '' }) });
      return null;
    }
    // A read that fails part way (the file shrank, grew past the limit, the disk failed) is this
    // file's error, and the other files' issues are still reported.
    let t: Awaited<ReturnType<typeof readTableStream<T>>>;
    try {
      t = await readTableStream(kind.spec, stream, kind.build, file, privacy);
      inputs[file] = { sha256: inputs[file]?.sha256 ?? (await stream.sha256()), bytes: stream.size, encoding: null, rows: null };
    } catch (e) {
      unreadable.add(file);
      issues.push({ file, row: 0, column: '', level: 'error', ...problem('readFailed', { detail: e instanceof Error ? e.message : String(e) }) });
      return null;
    }
    if (t.isEmptyText) {
      // An empty optional file is what Excel leaves when a sheet is cleared: treat it as absent.
      if (isRequired) issues.push({ file, row: 0, column: '', level: 'error', ...problem('fileEmptyNamed', { file, consequence: '' }) });
      else issues.push({ file, row: 0, column: '', level: 'warning', ...problem('fileEmptyNamed', { file, consequence: IF_ABSENT[file] ?? '' }) });
      return null;
    }
    for (const issue of t.issues) issues.push(issue);
    inputs[file] = { ...inputs[file]!, encoding: t.encoding, rows: t.counts };
    const { isEmptyText: _, ...result } = t;
    return result;
  };
  const villages = await table('villages.csv', true, TABLES.villages);
  let projects = await table('projects.csv', true, TABLES.projects);
  let progress = await table('progress.csv', false, TABLES.progress);
  const households = await table('households.csv', false, TABLES.households);
  // Site photos (pipeline/photos/): a file of their own, never a sheet of the dataset's workbook.
  const photoTable = await table('photos.csv', false, PHOTO_TABLE, false);

  if (!settings || !towns || !villages?.isReadable || !projects?.isReadable) {
    // Say so, rather than let the missing join errors pass for a clean join.
    const blockers: [boolean, string][] = [[!settings, CONFIG_FILE], [!towns, TOWNS_FILE], [!villages?.isReadable, 'villages.csv'], [!projects?.isReadable, 'projects.csv']];
    const files = blockers.filter(([isBlocking]) => isBlocking).map(([, file]) => file);
    issues.push({ file: files[0]!, row: 0, column: '', level: 'warning', ...problem('notJoined', { files }) });
    return finish(null, null);
  }
  const crs = settings.crs;
  const canonical = towns.map((t) => ({ ...t, geometry: canonicalArea(geometryToWgs84(t.geometry, crs)) }));
  const townsWgs: TownBoundary[] = canonical.map((t, i) => {
    const crossings = selfIntersections(t.geometry);
    if (typeof crossings !== 'number') issues.push({ file: TOWNS_FILE, row: 0, column: `features[${i}]`, level: 'warning', ...problem('boundaryUnchecked', { name: t.name, code: t.code, why: crossings.uncheckedBecause }) });
    else if (crossings > 0) issues.push({ file: TOWNS_FILE, row: 0, column: `features[${i}]`, level: 'warning', ...problem('boundaryCrosses', { name: t.name, code: t.code, count: crossings }) });
    return t;
  });
  const countyWgs = county ? canonicalOutline(geometryToWgs84(county, crs)) : null;
  const joined = joinDataset({
    settings,
    towns: townsWgs,
    county: countyWgs,
    villages,
    projects,
    progress: progress?.isReadable ? progress : null,
    households: households?.isReadable ? households : null,
  });
  // The joined projects and progress are columns (project-columns.ts, progress-columns.ts): let the
  // tables' records go, which this async function would otherwise keep, as it keeps every local it
  // has, until the build ends.
  projects = null;
  progress = null;
  appendAll(issues, joined.issues);
  if (!config.ok) {
    issues.push({ file: CONFIG_FILE, row: 0, column: 'tour', level: 'warning', ...problem('tourNotChecked', { file: CONFIG_FILE }) });
    return finish(null, null);
  }
  const dataset: Dataset = { config: config.value, ...joined.dataset };
  appendAll(issues, checkTour(config.value, dataset));
  const photos = await sitePhotos(photoTable?.isReadable ? photoTable : null, dataset, source, { isPublic: options.isPublic, imaging: options.imaging ?? null, readsFiles: options.readsPhotoFiles ?? true });
  appendAll(issues, photos.issues);
  photoSummary = photos.summary;
  if (photos.input) inputs['photos/'] = { ...photos.input, encoding: null, rows: null };
  if (issues.some((i) => i.level === 'error')) return finish(null, null);

  // The release (pipeline/release/): its id, and with --previous what changed since that release.
  const date = config.value.dataDate ?? dataset.months.at(-1) ?? 'undated';
  const id = await releaseId(date, inputs);
  let prev = null;
  if (options.previous) {
    const read = await readPrevious(options.previous, { region: config.value.region, isPublic: options.isPublic, id });
    if (!read.ok) return finish(problemOf(read), null);
    prev = read.value;
  }
  const projectChanges = prev ? compareProjects(prev, dataset) : null;
  const { files: outputs, vertices, site } = emitSite(dataset, countyWgs, { isPublic: options.isPublic, release: siteRelease(id, date, prev, projectChanges), revisions: projectChanges?.findings, photos });
  const changes = prev && projectChanges ? { added: projectChanges.added, removed: projectChanges.removed, fields: projectChanges.fields, revisions: projectChanges.revisions, villages: compareVillages(prev.site, site) } : null;
  const counts = { towns: dataset.towns.length, villages: dataset.villages.length, projects: dataset.projects.length, months: dataset.months.length };
  const releaseText = json(releaseFile({ id, date, region: { code: config.value.region.code, name: config.value.region.name }, isPublic: options.isPublic, counts, changes, prev }));
  issues.sort(compareIssues);
  inputs[TOWNS_FILE] = { ...inputs[TOWNS_FILE]!, vertices: vertices.towns };
  if (inputs[COUNTY_FILE]) inputs[COUNTY_FILE] = { ...inputs[COUNTY_FILE], vertices: vertices.county };
  const manifestText = json({ ...manifest(inputs, joined.joins, dataset.towns.length, dataset.villages.length, dataset.projects.length, dataset.months, { id, date, previous: prev?.release.id ?? null }), ...(photos.summary ? { photos: photos.summary } : {}) });
  images = photos.files;
  const reportText = json({ schemaVersion: SITE_SCHEMA_VERSION, errors: 0, warnings: issues.length, issues });
  outputs.set('manifest.json', () => [manifestText]);
  outputs.set('report.json', () => [reportText]);
  outputs.set(RELEASE_FILE, () => [releaseText]);
  outputs.set(`${OPEN_DATA_DIR}/changes.csv`, () => [changesCsv(changes)]);
  return finish(null, outputs);

  async function readGeo<T>(file: string, isRequired: boolean, parse: (v: unknown) => { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] }): Promise<T | null> {
    const bytes = await load(file);
    if (!bytes) {
      if (isRequired && !unreadable.has(file)) issues.push({ file, row: 0, column: '', level: 'error', ...problem('fileMissing', { file }) });
      return null;
    }
    const v = parseJson(bytes, file, issues);
    if (v === undefined) return null;
    const parsed = parse(v);
    appendAll(issues, parsed.issues);
    return parsed.ok ? parsed.value : null;
  }
}

function manifest(inputs: Record<string, InputSummary>, joins: Record<string, JoinCounts>, towns: number, villages: number, projects: number, months: string[], release: { id: string; date: string; previous: string | null }) {
  const sorted = Object.fromEntries(Object.keys(inputs).sort().map((k) => [k, inputs[k]]));
  return { schemaVersion: SITE_SCHEMA_VERSION, release, counts: { towns, villages, projects, months: months.length }, months, inputs: sorted, joins };
}

function parseJson(bytes: Uint8Array, file: string, issues: Issue[]): unknown {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    issues.push({ file, row: 0, column: '', level: 'error', ...problemOf(decoded) });
    return undefined;
  }
  // Strict: a key written twice is an error (JSON.parse would keep the last silently), and every
  // problem says its line and column. A repeated key still gives the value, so the checks go on.
  const parsed = parseStrictJson(decoded.text);
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      issues.push({ file, row: p.line, column: p.path, level: 'error', ...(p.kind === 'syntax' ? problem('jsonNotValid', { problem: refOf(p) }) : problemOf(p)) });
    }
  }
  return parsed.value;
}
