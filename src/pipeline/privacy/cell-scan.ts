/**
 * Personal data in cell values (DESIGN.md "The dataset contract"): a header can be renamed, so
 * every build also looks at what the cells of every column hold, free text included. Resident ID
 * numbers (身份证号), mobile numbers (手机号) and bank card numbers (银行卡号) are found per cell
 * (numbers.ts); person names (姓名) in a column of names, and in free text where the ledger's
 * wording puts one (names.ts). In the supervision hotline (监督电话) only office numbers pass.
 *
 * Pure: no DOM and no Node APIs, so the CLI and the browser's import preview agree. Nothing here
 * ever returns or quotes a value, only row numbers and counts: the report is published. The scan
 * is linear in the cells: one pass each, holding per column a few counts.
 */
import { phrase, problem, type Problem } from '../../i18n/problems';
import { hasHouseholdName, looksLikePersonName } from './names';
import { FOUND_BANK, FOUND_ID, FOUND_MOBILE, numbersIn } from './numbers';
import { INVISIBLE_CHARS } from './number-checks';


/**
 * What was found: ID, mobile or card numbers, or a column of names (always refused); a name in
 * free text, or a mobile number in the hotline column (a warning in a county build, refused in a
 * public one: a name may be a place, and some village offices do publish a mobile).
 */
export type PersonalDataKind = 'id' | 'mobile' | 'bank' | 'name' | 'nameInText' | 'hotlineMobile';

export interface PersonalDataFinding {
  /** The header as written in the file (trimmed). */
  column: string;
  kind: PersonalDataKind;
  /** The first three spreadsheet row numbers (1-based, as a spreadsheet shows them) where it was found. */
  rows: number[];
  /** How many cells of the column hold it. */
  count: number;
  /** An error refuses the file; a warning is listed with its rows. */
  level: 'error' | 'warning';
}

/**
 * What a column is, for the scan: the supervision hotline; codes (project ids, where a 15-digit
 * code is no old ID number); free text of the contract (names, contents, units, targets: names
 * looked for in the text and as whole cells); labels (place names, categories, the config's titles
 * and captions: names looked for in the text only, since a short label can read like a name);
 * other values of the contract (numbers, dates, statuses); and columns the contract does not know
 * (judged as a whole for a column of names).
 */
export type ColumnRole = 'hotline' | 'code' | 'text' | 'label' | 'value' | 'unknown';

/** What the personal-data scan of a table needs to know of the build (a county or a public one). */
export interface TablePrivacy {
  /** The public portal's build: names in free text and mobiles in the hotline are refused, not only listed. */
  isPublic: boolean;
  /** Terms that read like a person's name but may be published (atlas.config.json `privacy.allowedNames`). */
  allowedNames: readonly string[];
}

export interface ScanOptions {
  roleOf(columnIndex: number): ColumnRole;
  /** The public portal's build: names in text and mobiles in the hotline are refused, not only listed. */
  isPublic?: boolean;
  /** Terms that read like a name but may be published (atlas.config.json `privacy.allowedNames`). */
  allowedNames?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Scanning a table

const KIND_ORDER: readonly PersonalDataKind[] = ['id', 'mobile', 'bank', 'name', 'hotlineMobile', 'nameInText'];

/** Row numbers kept per finding. */
const ROWS_KEPT = 3;
/** A name column needs this many non-empty cells, and this share of them names. */
const NAME_MIN_CELLS = 3;
const NAME_MIN_SHARE = 0.6;

function isBlankCell(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}

/** True when a cell has a Han character: free text without one holds no Chinese name. */
function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x3400) return true;
  return false;
}

/** Where one kind was found in one column, while scanning. */
interface Tally {
  rows: number[];
  count: number;
}

function record(t: Tally, row: number): void {
  t.count++;
  if (t.rows.length < ROWS_KEPT) t.rows.push(row);
}

type ColumnTally = Record<PersonalDataKind, Tally> & { nonEmpty: number; role: ColumnRole };

/**
 * Every cell of every column, for ID, mobile and bank card numbers (one cell is enough), names in
 * the contract's free text, and columns of names among the columns the contract does not know (at
 * least 3 non-empty cells, 60% of them names). `rows[i]` is spreadsheet row `firstRowNumber + i`.
 * Cells beyond the header are scanned too, under an empty column name. Findings are in column
 * order, in `KIND_ORDER` within a column, one per column and kind.
 */
export function scanForPersonalData(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstRowNumber: number,
  options: ScanOptions,
): PersonalDataFinding[] {
  const scanner = new PersonalDataScanner(header, options);
  for (let r = 0; r < rows.length; r++) scanner.add(rows[r]!, firstRowNumber + r);
  return scanner.findings();
}

/**
 * `scanForPersonalData` one row at a time, for a table read as it streams: what it keeps grows
 * with the columns, never with the rows.
 */
export class PersonalDataScanner {
  private readonly columns: ColumnTally[] = [];
  private readonly allowed: readonly string[];

  constructor(
    private readonly header: readonly string[],
    private readonly options: ScanOptions,
  ) {
    this.allowed = (options.allowedNames ?? []).map((n) => n.normalize('NFKC').replace(/\s+/g, '')).filter((n) => n !== '');
    if (header.length > 0) this.column(header.length - 1);
  }

  private column(c: number): ColumnTally {
    const { columns, options } = this;
    while (columns.length <= c) {
      const i = columns.length;
      const role = i < this.header.length ? options.roleOf(i) : 'unknown';
      const t = { nonEmpty: 0, role } as ColumnTally;
      for (const kind of KIND_ORDER) t[kind] = { rows: [], count: 0 };
      columns.push(t);
    }
    return columns[c]!;
  }

  /** One row's cells, at spreadsheet row `rowNumber`. */
  add(row: readonly string[], rowNumber: number): void {
    const { columns } = this;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      if (cell === '') continue;
      const t = c < columns.length ? columns[c]! : this.column(c);
      const { role } = t;
      const found = numbersIn(cell, { findsOldIds: role !== 'code' });
      if (found !== 0) {
        if (found & FOUND_ID) record(t.id, rowNumber);
        if (found & FOUND_MOBILE) record(role === 'hotline' ? t.hotlineMobile : t.mobile, rowNumber);
        if (found & FOUND_BANK) record(t.bank, rowNumber);
      }
      if (role === 'unknown') {
        if (!isBlankCell(cell)) {
          t.nonEmpty++;
          if (looksLikePersonName(cell)) record(t.name, rowNumber);
        }
      } else if ((role === 'text' || role === 'label' || role === 'hotline') && hasHan(cell)) {
        // A name split by a character that shows as nothing (王\u200b小明) reads whole on the page.
        const text = cell.replace(INVISIBLE_CHARS, '');
        if (hasHouseholdName(text, this.allowed) || (role === 'text' && this.isWholeName(text))) record(t.nameInText, rowNumber);
      }
    }
  }

  /** A cell of free text that is nothing but a name (责任单位: 张德明), unless the config allows it. */
  private isWholeName(cell: string): boolean {
    if (!looksLikePersonName(cell)) return false;
    const t = cell.normalize('NFKC').replace(/\s+/g, '');
    return !this.allowed.includes(t);
  }

  /** What the rows so far hold. */
  findings(): PersonalDataFinding[] {
    const findings: PersonalDataFinding[] = [];
    const judged = this.options.isPublic ? 'error' : 'warning';
    this.columns.forEach((t, c) => {
      const name = (this.header[c] ?? '').trim();
      for (const kind of KIND_ORDER) {
        const k = t[kind];
        if (k.count === 0) continue;
        if (kind === 'name' && (t.nonEmpty < NAME_MIN_CELLS || k.count < NAME_MIN_SHARE * t.nonEmpty)) continue;
        const level = kind === 'nameInText' || kind === 'hotlineMobile' ? judged : 'error';
        findings.push({ column: name, kind, rows: k.rows, count: k.count, level });
      }
    });
    return findings;
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

const KIND_LABELS: Record<'id' | 'mobile' | 'bank' | 'name', 'personalIdNumbers' | 'personalMobiles' | 'personalBankCards' | 'personalNames'> = {
  id: 'personalIdNumbers',
  mobile: 'personalMobiles',
  bank: 'personalBankCards',
  name: 'personalNames',
};

/**
 * The issue text for a finding: the kind, the first rows and the count, so a clerk can find the
 * cells, and what to do. `isOneValue` for a finding in one value (a text of the config), which has
 * no rows to give. Never the values: report.json is published.
 */
export function personalDataMessage(f: PersonalDataFinding, isOneValue = false): Problem {
  const at = { rows: f.rows.map(String), count: f.count, isOneValue };
  if (f.kind === 'nameInText') return problem('personalNameInText', { ...at, isError: f.level === 'error' });
  if (f.kind === 'hotlineMobile') return problem('personalHotlineMobile', { ...at, isError: f.level === 'error' });
  return problem('personalInCells', { ...at, what: phrase(KIND_LABELS[f.kind]) });
}
