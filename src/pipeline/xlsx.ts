import { unzipSync } from 'fflate';

/**
 * Excel workbooks (.xlsx) read directly: the first worksheet's cells as rows of text, so the rest
 * of the build treats them exactly as a CSV's. An .xlsx is a zip of XML parts; fflate (small,
 * widely used, no dependencies) unzips it and this module reads the few parts a table needs:
 * the workbook's first sheet, its rows and cells, and the shared strings. Formulas give their
 * cached values; dates stay Excel day numbers, which the date parser reads. Pure: no DOM or Node.
 */

export type XlsxRows = { ok: true; rows: string[][]; sheet: string } | { ok: false; message: string };

/** The zip signature every .xlsx starts with. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Most rows and columns read from a sheet: a county ledger is far smaller; a sheet this big is a mistake. */
const MAX_ROWS = 2_000_000;
const MAX_COLUMNS = 500;

/** The first worksheet's rows, or why the file could not be read as a workbook. */
export function readXlsxRows(bytes: Uint8Array): XlsxRows {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && !f.name.includes('/media/') });
  } catch {
    return { ok: false, message: 'the file starts like a zip or .xlsx workbook but cannot be unzipped: is it damaged?' };
  }
  const text = (name: string): string | null => (parts[name] ? new TextDecoder().decode(parts[name]) : null);
  const workbook = text('xl/workbook.xml');
  if (!workbook) return { ok: false, message: 'this zip file is not an Excel workbook (.xlsx): it has no xl/workbook.xml' };
  const firstSheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const sheetName = decodeXml(attr(firstSheet, 'name') ?? 'Sheet1');
  const relId = attr(firstSheet, 'r:id') ?? attr(firstSheet, 'id');
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === relId);
  const targetPath = target ? attr(target, 'Target') : null;
  const sheetPath = targetPath ? (targetPath.startsWith('/') ? targetPath.slice(1) : `xl/${targetPath.replace(/^\.\//, '')}`) : 'xl/worksheets/sheet1.xml';
  const sheet = text(sheetPath);
  if (!sheet) return { ok: false, message: `the workbook's first sheet (${sheetName}) could not be found` };
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');

  const rows: string[][] = [];
  for (const rowMatch of sheet.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const rowNumber = Number(attr(rowMatch[1] ?? '', 'r') ?? rows.length + 1);
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS) return { ok: false, message: `the sheet ${sheetName} has a row number beyond ${MAX_ROWS.toLocaleString('en')}` };
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: string[] = [];
    for (const c of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const at = columnIndex(attr(c[1] ?? '', 'r')) ?? cells.length;
      if (at >= MAX_COLUMNS) continue;
      while (cells.length < at) cells.push('');
      cells[at] = cellText(attr(c[1] ?? '', 't'), c[2] ?? '', shared);
    }
    rows.push(cells);
  }
  return { ok: true, rows, sheet: sheetName };
}

/** The text of a cell by its type: shared string, inline string, boolean, error, or a number/formula's cached value. */
function cellText(type: string | null, inner: string, shared: readonly string[]): string {
  if (type === 'inlineStr') return texts(inner);
  const value = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (value === undefined) return '';
  if (type === 's') return shared[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  return decodeXml(value);
}

/** The shared strings table: each <si>'s text runs joined (rich text keeps its characters, not its styles). */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => texts(m[1] ?? ''));
}

/** Every <t> of an element joined, phonetic runs (<rPh>) left out. */
function texts(xml: string): string {
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
}

/** `C12` → 2 (zero-based column), or null. */
function columnIndex(ref: string | null): number | null {
  const letters = ref ? /^([A-Z]+)\d*$/.exec(ref)?.[1] : undefined;
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? whole;
    });
}
