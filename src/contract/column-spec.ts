/**
 * What a CSV column of the dataset contract is (DESIGN.md): its canonical English name, the Chinese
 * aliases a clerk's spreadsheet may use, the value type, and whether a value is required. The
 * tables themselves are in columns.ts; a project's public fields in project-fields.ts.
 */
export type ValueType = 'code' | 'text' | 'number' | 'integer' | 'boolean' | 'month' | 'date' | 'status' | 'list';

export interface ColumnSpec {
  /** Canonical English header. */
  readonly name: string;
  /** Chinese header; the first alias a template uses. */
  readonly zh: string;
  /** Other accepted headers (compared after normalising case, spaces and full-width forms). */
  readonly aliases: readonly string[];
  readonly type: ValueType;
  readonly isRequired: boolean;
  /** Digits of a code column (codes are text: leading zeros kept). */
  readonly digits?: number;
  readonly unit?: string;
  /** One line each of what the column means, for data/README.md. */
  readonly doc: { readonly zh: string; readonly en: string };
  readonly example: string;
}

/** A column, its optional parts given by name. */
export function col(
  name: string,
  zh: string,
  type: ValueType,
  isRequired: boolean,
  doc: { zh: string; en: string },
  example: string,
  extra: { aliases?: readonly string[]; digits?: number; unit?: string } = {},
): ColumnSpec {
  return { name, zh, aliases: extra.aliases ?? [], type, isRequired, digits: extra.digits, unit: extra.unit, doc, example };
}
