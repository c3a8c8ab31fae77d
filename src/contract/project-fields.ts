import type { Localized, StringKey } from '../i18n';
import { col, type ColumnSpec, type ValueType } from './column-spec';

/**
 * The public fields of a project (公告公示) that pass straight through, one entry each, in the
 * order of projects.csv: its column, what it holds, its label and where the public sees it. The
 * entry carries the column mechanically from the reader (pipeline/read/records.ts) through the record,
 * emit, projects/<town>.json (contract/projects.ts), the projects table, the popup and open data;
 * adding a public column is an entry here, its label in each catalogue and the sample generator.
 *
 * A project's identity and place (id, name, category, town, village, points) are joined, not
 * passed through, and stay in code; so do rules between fields (read/records.ts) and each view's
 * composite lines (period = start–due), which `arrange` fits the other fields around.
 */

/** What a field holds, which says how its cell is read, how it is stored and how it is shown. */
export type FieldKind = 'text' | 'date' | 'money' | 'count';

/** The value of a kind: text and dates (YYYY-MM-DD) are strings; money (万元) and counts numbers. */
interface KindValue {
  text: string;
  date: string;
  money: number;
  count: number;
}

/** The contract's value type of each kind's column. */
const COLUMN_TYPE: Readonly<Record<FieldKind, ValueType>> = { text: 'text', date: 'date', money: 'number', count: 'integer' };

/**
 * Where the public sees a field besides projects/<town>.json and the projects page's downloads
 * (CSV and GeoJSON), which hold every field: the projects table (a column or a row's details),
 * the map's popup, open-data/projects.csv, and the projects page's search.
 */
export type FieldPlace = 'table' | 'popup' | 'openData' | 'search';

export interface ProjectField<K extends string = string, Kind extends FieldKind = FieldKind, R extends boolean = boolean> {
  /** Its name in ProjectRecord, projects/<town>.json, the table's rows and the GeoJSON's properties. */
  readonly key: K;
  readonly kind: Kind;
  /** A blank cell rejects the row; the value is never null (stored as a plain column, not a nullable one). */
  readonly isRequired: R;
  /** The projects.csv column: header, aliases, meaning, example. */
  readonly column: ColumnSpec;
  /** Catalogue key of its name wherever it is shown on its own (the popup, a row's details). */
  readonly label: StringKey;
  /** Header of the projects page's CSV download. */
  readonly header: Localized;
  readonly shows: readonly FieldPlace[];
  /** Whether filling it in counts towards a project's disclosure completeness (数据实). */
  readonly isDisclosure: boolean;
}

/** A field's value: its kind's, or null when the field is not required and the cell was blank. */
export type FieldValue<F extends ProjectField> = F['isRequired'] extends true ? KindValue[F['kind']] : KindValue[F['kind']] | null;

/** The column of a field: its projects.csv header and meaning (the type and `isRequired` follow from the field). */
interface FieldColumn {
  name: string;
  zh: string;
  doc: { zh: string; en: string };
  example: string;
  aliases?: readonly string[];
  unit?: string;
}

interface FieldShown {
  label: StringKey;
  header: Localized;
  shows: readonly FieldPlace[];
  isDisclosure?: boolean;
}

function field<const K extends string, const Kind extends FieldKind, const R extends boolean>(what: { key: K; kind: Kind; isRequired: R }, column: FieldColumn, shown: FieldShown): ProjectField<K, Kind, R> {
  const { name, zh, doc, example, ...extra } = column;
  return { ...what, column: col(name, zh, COLUMN_TYPE[what.kind], what.isRequired, doc, example, extra), label: shown.label, header: shown.header, shows: shown.shows, isDisclosure: shown.isDisclosure ?? false };
}

/** The public project fields, in the order of projects.csv (between the project's place and a relocation's site). */
export const PROJECT_FIELDS = [
  field(
    { key: 'content', kind: 'text', isRequired: false },
    { name: 'content', zh: '建设内容', doc: { zh: '建设内容及规模', en: 'what is built, and how much' }, example: '新建茶园200亩', aliases: ['建设内容及规模'] },
    { label: 'content', header: { zh: '建设内容', en: 'Content' }, shows: ['table', 'popup', 'openData', 'search'], isDisclosure: true },
  ),
  field(
    { key: 'budgetWan', kind: 'money', isRequired: true },
    { name: 'budget_wan', zh: '资金规模(万元)', doc: { zh: '项目总投资', en: 'total budget' }, example: '45.5', unit: '万元', aliases: ['资金规模', '投资(万元)', '总投资(万元)'] },
    { label: 'budgetWan', header: { zh: '资金规模(万元)', en: 'Budget (10k yuan)' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'fundSource', kind: 'text', isRequired: false },
    { name: 'fund_source', zh: '资金来源', doc: { zh: '资金来源', en: 'source of funds' }, example: '财政专项扶贫资金' },
    { label: 'fundSource', header: { zh: '资金来源', en: 'Fund source' }, shows: ['table', 'popup', 'openData', 'search'], isDisclosure: true },
  ),
  field(
    { key: 'start', kind: 'date', isRequired: true },
    { name: 'start', zh: '开工时间', doc: { zh: '开工日期 YYYY-MM-DD', en: 'start date YYYY-MM-DD' }, example: '2016-03-01', aliases: ['开工日期'] },
    { label: 'start', header: { zh: '开工时间', en: 'Start' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'due', kind: 'date', isRequired: true },
    { name: 'due', zh: '计划完工时间', doc: { zh: '计划完工日期 YYYY-MM-DD', en: 'planned completion date YYYY-MM-DD' }, example: '2016-10-31', aliases: ['计划完工日期', '完工时间'] },
    { label: 'due', header: { zh: '计划完工时间', en: 'Due' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'unit', kind: 'text', isRequired: false },
    { name: 'unit', zh: '责任单位', doc: { zh: '责任单位', en: 'responsible unit' }, example: '蒋家堰镇人民政府' },
    { label: 'unit', header: { zh: '责任单位', en: 'Responsible unit' }, shows: ['table', 'popup', 'openData', 'search'], isDisclosure: true },
  ),
  field(
    { key: 'hotline', kind: 'text', isRequired: false },
    { name: 'hotline', zh: '监督电话', doc: { zh: '监督举报电话', en: 'supervision hotline' }, example: '0719-2722000', aliases: ['举报电话'] },
    { label: 'hotline', header: { zh: '监督电话', en: 'Hotline' }, shows: ['table', 'popup', 'openData'], isDisclosure: true },
  ),
  field(
    { key: 'beneficiaryHouseholds', kind: 'count', isRequired: false },
    { name: 'beneficiary_households', zh: '受益户数', doc: { zh: '受益户数', en: 'beneficiary households' }, example: '120', unit: '户' },
    { label: 'beneficiaryHouseholds', header: { zh: '受益户数', en: 'Beneficiary households' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'beneficiaryPoorHouseholds', kind: 'count', isRequired: false },
    { name: 'beneficiary_poor_households', zh: '受益贫困户数', doc: { zh: '其中受益贫困户数', en: 'of which poor households' }, example: '46', unit: '户' },
    { label: 'beneficiaryPoorHouseholds', header: { zh: '受益贫困户数', en: 'Beneficiary poor households' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'beneficiaryPoorPopulation', kind: 'count', isRequired: false },
    { name: 'beneficiary_poor_population', zh: '受益贫困人口', doc: { zh: '其中受益贫困人口', en: 'of which poor people' }, example: '138', unit: '人', aliases: ['受益贫困人口数', '受益贫困人数'] },
    { label: 'beneficiaryPoorPopulation', header: { zh: '受益贫困人口', en: 'Beneficiary poor people' }, shows: ['table', 'popup', 'openData'] },
  ),
  field(
    { key: 'jobs', kind: 'count', isRequired: false },
    { name: 'jobs', zh: '带动就业人数', doc: { zh: '带动就业人数', en: 'jobs created' }, example: '15', unit: '人' },
    { label: 'jobs', header: { zh: '带动就业人数', en: 'Jobs' }, shows: ['table', 'openData'] },
  ),
  field(
    { key: 'target', kind: 'text', isRequired: false },
    { name: 'target', zh: '绩效目标', doc: { zh: '绩效目标', en: 'performance target' }, example: '带动46户贫困户户均增收2000元' },
    { label: 'target', header: { zh: '绩效目标', en: 'Performance target' }, shows: ['table', 'popup', 'openData'], isDisclosure: true },
  ),
] as const;

/** Any of the public project fields. */
export type AnyProjectField = (typeof PROJECT_FIELDS)[number];
/** The name of a public project field. */
export type FieldKey = AnyProjectField['key'];
/** The public fields' values of one project, by key (a record, a table row, GeoJSON properties). */
export type ProjectFieldValues = { [F in AnyProjectField as F['key']]: FieldValue<F> };

/** The field of a key. */
export function projectField(key: FieldKey): AnyProjectField {
  return PROJECT_FIELDS.find((f) => f.key === key)!;
}

/** The fields shown in a place, in list order. */
export function fieldsShownIn(place: FieldPlace): AnyProjectField[] {
  return PROJECT_FIELDS.filter((f) => (f.shows as readonly FieldPlace[]).includes(place));
}

/** What stands for a missing value of a field: '' or 0 for a required one, else null. */
export function blankValue(f: ProjectField): string | number | null {
  if (!f.isRequired) return null;
  return f.kind === 'money' || f.kind === 'count' ? 0 : '';
}

/** In a view's arrangement, the place of the fields it shows that no entry names, in list order. */
export const OTHER_FIELDS: unique symbol = Symbol('other fields');

/**
 * A view's lines in order: its own entries (a composite line names the fields it shows, e.g. a
 * period names start and due), with OTHER_FIELDS replaced by a line of each field in `shown` that
 * no entry names. Throws when an entry names a field twice or one not in `shown`: a view can only
 * arrange what the list says it shows.
 */
export function arrange<E>(shown: readonly AnyProjectField[], entries: readonly (E | typeof OTHER_FIELDS)[], namesOf: (entry: E) => readonly FieldKey[], lineOf: (f: AnyProjectField) => E): E[] {
  const named = new Set<FieldKey>();
  for (const entry of entries) {
    if (entry === OTHER_FIELDS) continue;
    for (const key of namesOf(entry as E)) {
      if (named.has(key)) throw new Error(`arrange: ${key} is named twice`);
      if (!shown.some((f) => f.key === key)) throw new Error(`arrange: ${key} is not a field shown here`);
      named.add(key);
    }
  }
  const others = shown.filter((f) => !named.has(f.key)).map(lineOf);
  return entries.flatMap((entry) => (entry === OTHER_FIELDS ? others : [entry as E]));
}
