/** The projects page's downloads of the rows shown: CSV (headers in the language) and GeoJSON. Pure, no DOM. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ProjectStatus } from '../contract/columns';
import { OTHER_FIELDS, PROJECT_FIELDS, arrange, projectField, type FieldKey, type ProjectFieldValues } from '../contract/project-fields';
import type { SiteProjects } from '../contract/projects';
import type { CsvCell } from '../domain/csv';
import { pick, type Lang, type Localized } from '../i18n';
import { statusName, type ProjectRow } from './projects-table';

/** Every public field, in list order but for the target beside the unit and the hotline last, as the page reads. */
const DOWNLOAD_FIELDS = arrange<FieldKey>(PROJECT_FIELDS, ['content', 'budgetWan', 'fundSource', 'start', 'due', 'unit', 'target', OTHER_FIELDS, 'hotline'], (key) => [key], (f) => f.key).map(projectField);

/** A town-wide project's village cell. */
const TOWN_WIDE: Localized = { zh: '（全镇）', en: '(town-wide)' };

type CsvColumn = Localized & { cell: (r: ProjectRow, lang: Lang) => CsvCell };

/** The CSV columns: header in each language and the cell of a row. */
const CSV_COLUMNS: readonly CsvColumn[] = [
  { zh: '项目编号', en: 'Project id', cell: (r) => r.id },
  { zh: '项目名称', en: 'Project name', cell: (r) => r.name },
  { zh: '项目类别', en: 'Category', cell: (r) => r.category.name },
  { zh: '乡镇代码', en: 'Town code', cell: (r) => r.town.code },
  { zh: '乡镇名称', en: 'Town', cell: (r) => r.town.name },
  { zh: '村代码', en: 'Village code', cell: (r) => r.village?.code ?? null },
  { zh: '村名称', en: 'Village', cell: (r, lang) => r.village?.name ?? pick(TOWN_WIDE, lang) },
  ...DOWNLOAD_FIELDS.map((f): CsvColumn => ({ ...f.header, cell: (r) => r[f.key] })),
  { zh: '状态', en: 'Status', cell: (r, lang) => statusName(r.status, lang) },
  { zh: '形象进度(%)', en: 'Progress (%)', cell: (r) => r.progressPct },
  { zh: '已拨付(万元)', en: 'Disbursed (10k yuan)', cell: (r) => r.spentWan },
];

/** A header row in the language and one row per project, for toCsv (which neutralises formulas). */
export function csvRows(rows: readonly ProjectRow[], lang: Lang): CsvCell[][] {
  return [CSV_COLUMNS.map((c) => pick(c, lang)), ...rows.map((r) => CSV_COLUMNS.map((c) => c.cell(r, lang)))];
}

/** The disclosure fields of a row as GeoJSON properties (English keys; names as written, category name in the row's language). */
export interface ProjectProperties extends ProjectFieldValues {
  id: string;
  name: string;
  category: string;
  categoryName: string;
  townCode: string;
  townName: string;
  villageCode: string | null;
  villageName: string | null;
  status: ProjectStatus;
  progressPct: number;
  spentWan: number;
  /** True when the point is the project's own; false when it is its village seat. */
  hasOwnPoint: boolean;
}

/** The rows as Points (WGS-84) in their order; projects without a point are left out and counted in `missingPoints`. */
export function toGeoJson(rows: readonly ProjectRow[], projects: SiteProjects): { collection: FeatureCollection<Point, ProjectProperties>; missingPoints: number } {
  const features: Feature<Point, ProjectProperties>[] = [];
  let missingPoints = 0;
  for (const r of rows) {
    const lon = projects.lon[r.index] ?? null;
    const lat = projects.lat[r.index] ?? null;
    if (lon === null || lat === null) {
      missingPoints++;
      continue;
    }
    const properties: Record<string, unknown> = {
      id: r.id,
      name: r.name,
      category: r.category.id,
      categoryName: r.category.name,
      townCode: r.town.code,
      townName: r.town.name,
      villageCode: r.village?.code ?? null,
      villageName: r.village?.name ?? null,
    };
    for (const f of DOWNLOAD_FIELDS) properties[f.key] = r[f.key];
    properties.status = r.status;
    properties.progressPct = r.progressPct;
    properties.spentWan = r.spentWan;
    properties.hasOwnPoint = projects.hasOwnPoint[r.index] ?? false;
    // Every key of ProjectProperties, in the order of the CSV's columns.
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: properties as unknown as ProjectProperties });
  }
  return { collection: { type: 'FeatureCollection', features }, missingPoints };
}
