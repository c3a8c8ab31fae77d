import { failure } from '../../contract/issues';
import { phrase, problem as said, type Problem, type ProblemRef } from '../../i18n/problems';
import { readSharedStrings, readSheet, unescapeExcel, type SharedString, type SheetFailure, type SheetRows } from './xlsx-sheet';
import { InvalidReference, XmlScanner, decodeXmlText } from './xml-scan';
import { readZipDirectory, readZipPart, type ZipEntry, type ZipPartLimits, type ZipPartProblem } from './zip-parts';

/**
 * Excel workbooks (.xlsx) read directly: the first worksheet's cells as rows of text, so the rest
 * of the build treats them exactly as a CSV's. An .xlsx is a zip of XML parts; only the four a
 * table needs are unzipped (the workbook's list of sheets, its relationships, the shared strings
 * and the first sheet), each under a size limit enforced while inflating, so a zip bomb is refused
 * early and an unused part is never inflated. The XML is read by a linear scanner, so broken XML
 * ends in a located error, never a long wait. Formulas give their cached values; dates stay Excel
 * day numbers, which the date parser reads. Pure: no DOM or Node.
 */

/** The rows, or why the file could not be read; `row` is the spreadsheet row a problem is in, when it is in one (also said in `message`). */
export type XlsxRows = SheetRows;

/** The zip signature every .xlsx starts with. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const MB = 1024 * 1024;
/** The workbook's list of sheets and its relationships: a few KB in practice. */
const BOOK_PART_LIMITS: ZipPartLimits = { maxBytes: 16 * MB, maxRatio: 100, ratioFromBytes: 16 * MB };
/** The sheet and the shared strings: no sheet XML compresses 100-fold except a crafted one. */
const TABLE_PART_LIMITS: ZipPartLimits = { maxBytes: 256 * MB, maxRatio: 100, ratioFromBytes: 16 * MB };


/** The first worksheet's rows, or why the file could not be read as a workbook. */
export function readXlsxRows(bytes: Uint8Array): XlsxRows {
  const book = openXlsxBook(bytes);
  if (!book.ok) return book;
  const first = book.sheets[0];
  return first ? book.read(first.name) : failure('xlsxNotWorkbook');
}

/** A workbook's sheets by name (in tab order, with whether each is hidden); a sheet is unzipped and read only when asked for. */
export type XlsxBook = { ok: true; sheets: { name: string; isHidden: boolean }[]; read(name: string): SheetRows } | SheetFailure;

/** The workbook's list of sheets, each readable by name, or why the file could not be read as a workbook. */
export function openXlsxBook(bytes: Uint8Array): XlsxBook {
  const entries = readZipDirectory(bytes);
  if (!entries) return failure('xlsxDamaged');
  const entry = (name: string): ZipEntry | undefined => entries.get(name) ?? [...entries.values()].find((e) => e.name.toLowerCase() === name.toLowerCase());

  const workbookEntry = entry('xl/workbook.xml');
  if (!workbookEntry) return failure('xlsxNotWorkbook');
  const workbook = partText(bytes, workbookEntry, BOOK_PART_LIMITS, phrase('partSheetList'));
  if (typeof workbook !== 'string') return workbook;
  if (!workbook) return failure('xlsxNotWorkbook');
  const listed = sheetList(workbook);
  if (!listed.ok) return listed;

  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? partText(bytes, relsEntry, BOOK_PART_LIMITS, phrase('partRelationships')) : '';
  if (typeof rels !== 'string') return rels;
  let shared: SharedString[] | null = null;

  const read = (name: string): SheetRows => {
    const sheet = listed.sheets.find((s) => s.name === name);
    if (!sheet) return failure('workbookNoSheet', { sheet: name });
    const target = sheet.relId === null ? null : relationshipTarget(rels, sheet.relId);
    const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : `xl/worksheets/sheet${listed.sheets.indexOf(sheet) + 1}.xml`;
    const sheetEntry = entry(sheetPath);
    if (!sheetEntry) return failure('workbookSheetMissing', { sheet: name });

    // The shared strings first (once), so their XML is let go before the sheet's is unzipped.
    if (shared === null) {
      const sharedEntry = entry('xl/sharedStrings.xml');
      const sharedXml = sharedEntry ? partText(bytes, sharedEntry, TABLE_PART_LIMITS, phrase('partSharedStrings')) : '';
      if (typeof sharedXml !== 'string') return sharedXml;
      const strings = readSharedStrings(sharedXml);
      if (!Array.isArray(strings)) return strings;
      shared = strings;
    }

    const xml = partText(bytes, sheetEntry, TABLE_PART_LIMITS, phrase('partSheet', { sheet: name }));
    if (typeof xml !== 'string') return xml;
    if (!xml) return failure('workbookSheetMissing', { sheet: name });
    return readSheet(xml, name, shared);
  };
  return { ok: true, sheets: listed.sheets.map(({ name, isHidden }) => ({ name, isHidden })), read };
}

/** A part's text, or why it was not unzipped, in words naming the part. */
function partText(bytes: Uint8Array, entry: ZipEntry, limits: ZipPartLimits, what: ProblemRef): string | SheetFailure {
  const part = readZipPart(bytes, entry, limits);
  if (!part.ok) return { ok: false, ...partProblem(what, entry.name, part.problem) };
  return new TextDecoder().decode(part.bytes);
}

function partProblem(part: ProblemRef, entry: string, problem: ZipPartProblem): Problem {
  switch (problem.kind) {
    case 'too-big':
      return said('zipTooBig', { part, entry, max: formatBytes(problem.maxBytes), declared: formatBytes(problem.declaredBytes) });
    case 'too-compressed':
      return said('zipTooCompressed', { part, entry, ratio: problem.maxRatio, compressed: formatBytes(problem.compressedBytes), declared: formatBytes(problem.declaredBytes) });
    case 'larger-than-declared':
      return said('zipLargerThanDeclared', { part, entry, declared: formatBytes(problem.declaredBytes) });
    case 'unsupported':
      return problem.isEncrypted ? said('zipEncrypted', { part, entry }) : said('zipMethod', { part, entry, method: problem.method });
    case 'damaged':
      return said('zipDamaged', { part, entry });
  }
}

/** `268435456` → `256 MB`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB).toLocaleString('en')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${bytes} bytes`;
}

/** Most sheets listed: a workbook of the dataset has four; Excel itself stops long before. */
const MAX_SHEETS = 10_000;

/** The <sheet>s of xl/workbook.xml: name, relationship id and whether hidden (Sheet1 alone when there is none). */
function sheetList(xml: string): { ok: true; sheets: { name: string; relId: string | null; isHidden: boolean }[] } | SheetFailure {
  const sheets: { name: string; relId: string | null; isHidden: boolean }[] = [];
  const scan = new XmlScanner(xml);
  while (scan.next()) {
    if (scan.kind !== 'open' || scan.name !== 'sheet') continue;
    const name = decodeXmlText(scan.attribute('name') ?? `Sheet${sheets.length + 1}`);
    if (name instanceof InvalidReference) return failure('sheetNameBadReference', { index: sheets.length + 1, reference: name.reference });
    if (sheets.length >= MAX_SHEETS) return failure('workbookTooManySheets', { max: MAX_SHEETS });
    const state = scan.attribute('state');
    sheets.push({ name: unescapeExcel(name), relId: scan.attribute('r:id') ?? scan.attributeByLocalName('id'), isHidden: state === 'hidden' || state === 'veryHidden' });
  }
  if (scan.problem) return failure('workbookListDamaged', { why: scan.problem });
  return { ok: true, sheets: sheets.length > 0 ? sheets : [{ name: 'Sheet1', relId: null, isHidden: false }] };
}

/** The Target of the <Relationship> with this Id, or null. */
function relationshipTarget(xml: string, id: string): string | null {
  const scan = new XmlScanner(xml);
  while (scan.next()) {
    if (scan.kind !== 'open' || scan.name !== 'Relationship' || scan.attribute('Id') !== id) continue;
    const target = decodeXmlText(scan.attribute('Target') ?? '');
    return typeof target === 'string' && target ? target : null;
  }
  return null;
}
